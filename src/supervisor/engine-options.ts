/**
 * What the engine takes from an effective configuration (the tokenizer is the caller's). Pure: the
 * extension pages use it for their previews without a database handle (see README.md).
 */
import type { Exception } from '../engine/scorer.ts';
import type { Dictionary } from '../dictionary/types.ts';
import type { EffectiveConfig } from '../policy/types.ts';
import type { CategorySettings } from '../shared/types.ts';
import { customDictionaries, type CustomTermProblem } from '../storage/custom-terms.ts';

export function engineOptions(config: Pick<EffectiveConfig, 'settings' | 'customTerms' | 'exceptions'>): {
  settings: Partial<CategorySettings>;
  dictionaries: Dictionary[];
  exceptions: Exception[];
  problems: CustomTermProblem[];
} {
  const { dictionaries, problems } = customDictionaries(config.customTerms.map((t) => t.value));
  return {
    settings: config.settings,
    dictionaries,
    exceptions: config.exceptions.map((e) => ({ kind: e.value.kind, value: e.value.value })),
    problems,
  };
}
