/** The built-in term lists of dictionaries/, parsed and validated once when the engine loads. */
import insult from '../../dictionaries/insult.json';
import discrimination from '../../dictionaries/discrimination.json';
import confidential from '../../dictionaries/confidential.json';
import publicOrder from '../../dictionaries/public_order.json';
import { parseDictionary } from './parse.ts';
import type { Dictionary } from './types.ts';

export const BUILTIN_SOURCES: Record<string, unknown> = { insult, discrimination, confidential, public_order: publicOrder };

function load(name: string, raw: unknown): Dictionary {
  const result = parseDictionary(raw);
  if (!result.ok) {
    const lines = result.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n');
    throw new Error(`組み込み辞書 dictionaries/${name}.json が不正です:\n${lines}`);
  }
  return result.dictionary;
}

export const BUILTIN_DICTIONARIES: readonly Dictionary[] = Object.entries(BUILTIN_SOURCES).map(([name, raw]) => load(name, raw));
