/**
 * The engine as the content script sees it. Locally it runs the dictionary-and-pattern tier
 * without a tokenizer (content scripts never load the 18 MB dictionary), so local results are
 * `partial`; the full check is asked of the background, which runs it in the offscreen document.
 * `check` stays synchronous, so the gate can decide inside the click's own event dispatch: it
 * returns the full result when one has arrived for exactly this text.
 */
import { createChecker, type CheckerOptions, type CheckResult, type Platform } from '../engine/index.ts';
import { createClient } from '../messaging/client.ts';
import type { ContentProtocol } from '../messaging/protocol.ts';

const FULL_CACHE_SIZE = 32;

export interface EngineHost {
  check(text: string): CheckResult;
  /** The settings, custom lists and exceptions in force (from the background); earlier results are dropped. */
  configure(options: Pick<CheckerOptions, 'settings' | 'dictionaries' | 'exceptions'>): void;
  /** The full check of exactly this text, or a rejection (no offscreen document, dictionary failed). */
  checkFull(text: string): Promise<CheckResult>;
}

export function createEngineHost(platform: Platform): EngineHost {
  let checker = createChecker({ tokenizer: null });
  const send = createClient<ContentProtocol>();
  const full = new Map<string, CheckResult>();
  return {
    check(text) {
      return full.get(text) ?? checker.check(text, { platform });
    },
    configure(options) {
      checker = createChecker({ ...options, tokenizer: null });
      full.clear();
    },
    async checkFull(text) {
      const cached = full.get(text);
      if (cached !== undefined) return cached;
      const result = await send('check', { text, platform });
      full.set(text, result);
      if (full.size > FULL_CACHE_SIZE) full.delete(full.keys().next().value as string);
      return result;
    },
  };
}
