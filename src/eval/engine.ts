/**
 * Loads the real engine and the Node tokenizer by dynamic import, so that eval and bench can say
 * "engine not available: why" in one line (while it is being written, or when it fails to load)
 * instead of dying on a static import.
 */
import type { CheckResult, Platform } from '../shared/types.ts';

export interface LoadedEngine {
  createChecker(options?: { tokenizer?: unknown }): { check(text: string, options?: { platform?: Platform }): CheckResult };
  tokenizer: unknown;
  /** Why the tokenizer did not load (the engine then runs its pattern tier only), or null. */
  tokenizerError: string | null;
  /** Time to load the tokenizer dictionary in this process, ms. */
  dictionaryLoadMs: number;
}

export async function loadEngine(): Promise<{ ok: true; value: LoadedEngine } | { ok: false; reason: string }> {
  let engine: typeof import('../engine/index.ts');
  try {
    engine = await import('../engine/index.ts');
    if (typeof engine.createChecker !== 'function') return { ok: false, reason: 'src/engine/index.ts exports no createChecker function yet' };
  } catch (error) {
    return { ok: false, reason: `src/engine/index.ts did not load: ${firstLine(error)}` };
  }
  let tokenizer: unknown = null;
  let tokenizerError: string | null = null;
  const started = performance.now();
  try {
    const { loadNodeTokenizer } = await import('../tokenizer/kuromoji-node.ts');
    tokenizer = await loadNodeTokenizer();
  } catch (error) {
    tokenizerError = firstLine(error);
  }
  const dictionaryLoadMs = performance.now() - started;
  const createChecker = engine.createChecker as LoadedEngine['createChecker'];
  return { ok: true, value: { createChecker, tokenizer, tokenizerError, dictionaryLoadMs } };
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}
