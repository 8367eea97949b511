/**
 * The engine as the content script sees it. Locally it runs the dictionary-and-pattern tier
 * without a tokenizer (content scripts never load the 18 MB dictionary), so local results are
 * `partial`: they draw the marks while the person types. The full check is asked of the
 * background, which runs it in the offscreen document; only a full result decides at Post
 * (issue #8 §3), and `fullFor` says synchronously whether one has arrived for exactly this text.
 */
import { createChecker, type CheckerOptions, type CheckResult, type Platform } from '../engine/index.ts';
import { createClient } from '../messaging/client.ts';
import type { ContentProtocol } from '../messaging/protocol.ts';

const FULL_CACHE_SIZE = 32;

export interface EngineHost {
  /** The quick local check (partial), or the full result when one has arrived for exactly this text. */
  check(text: string): CheckResult;
  /** The full result for exactly this text under the settings in force, if it has arrived. */
  fullFor(text: string): CheckResult | undefined;
  /** The settings, custom lists and exceptions in force (from the background); earlier results are dropped. */
  configure(options: Pick<CheckerOptions, 'settings' | 'dictionaries' | 'exceptions'>): void;
  /**
   * The full check of exactly this text, or a rejection (no offscreen document, dictionary failed).
   * A failure is never remembered: the next call asks again, so the tokenizer host is retried for
   * the tab's whole life.
   */
  checkFull(text: string): Promise<CheckResult>;
}

export function createEngineHost(platform: Platform, send = createClient<ContentProtocol>()): EngineHost {
  let checker = createChecker({ tokenizer: null });
  const full = new Map<string, CheckResult>();
  const inFlight = new Map<string, Promise<CheckResult>>();
  /** Bumped by configure(), so an answer computed under the old settings is not kept. */
  let generation = 0;
  return {
    check(text) {
      return full.get(text) ?? checker.check(text, { platform });
    },
    fullFor(text) {
      return full.get(text);
    },
    configure(options) {
      checker = createChecker({ ...options, tokenizer: null });
      full.clear();
      inFlight.clear();
      generation++;
    },
    checkFull(text) {
      const cached = full.get(text);
      if (cached !== undefined) return Promise.resolve(cached);
      const pending = inFlight.get(text);
      if (pending !== undefined) return pending;
      const asked = generation;
      const request = send('check', { text, platform }).then(
        (result) => {
          if (inFlight.get(text) === request) inFlight.delete(text);
          if (asked === generation) {
            full.set(text, result);
            if (full.size > FULL_CACHE_SIZE) full.delete(full.keys().next().value as string);
          }
          return result;
        },
        (error: unknown) => {
          if (inFlight.get(text) === request) inFlight.delete(text);
          throw error;
        },
      );
      inFlight.set(text, request);
      return request;
    },
  };
}
