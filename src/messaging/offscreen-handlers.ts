/** What the offscreen document answers: the full check, with the tokenizer once it has loaded. */
import { browser } from 'wxt/browser';
import { createChecker } from '../engine/index.ts';
import { loadBrowserTokenizer } from '../tokenizer/kuromoji-browser.ts';
import type { HandlerTable } from './handlers.ts';
import type { OffscreenProtocol } from './protocol.ts';

export function offscreenHandlers(): HandlerTable<OffscreenProtocol> {
  const checker = createChecker();
  // dict/ is added at build by the hook in wxt.config.ts, so it is not among WXT's typed public paths.
  const dictUrl = new URL('dict/', browser.runtime.getURL('/offscreen.html')).href;
  const ready = loadBrowserTokenizer(dictUrl).then((tokenizer) => checker.setTokenizer(tokenizer));
  return {
    async 'offscreen:check'({ text, platform }) {
      await ready;
      return checker.check(text, { platform });
    },
  };
}
