/**
 * What the tokenizer host answers: the full check, with the tokenizer once it has loaded. Chrome
 * runs this table in the offscreen document; Firefox calls it in its background page
 * (`inProcessFullCheck`), where a DOM and fetch are at hand.
 */
import { browser } from 'wxt/browser';
import { createChecker, type Checker } from '../engine/index.ts';
import { loadBrowserTokenizer } from '../tokenizer/kuromoji-browser.ts';
import type { FullCheck } from './background-handlers.ts';
import type { HandlerTable, Sender } from './handlers.ts';
import type { EngineConfig, OffscreenProtocol } from './protocol.ts';

/** dict/ is added at build by the hook in wxt.config.ts, so it is not among WXT's typed public paths. */
export function packagedDictUrl(): string {
  return new URL('dict/', browser.runtime.getURL('/')).href;
}

export function offscreenHandlers(dictUrl: string = packagedDictUrl()): HandlerTable<OffscreenProtocol> {
  const tokenizer = loadBrowserTokenizer(dictUrl);
  // One checker per engine configuration (the settings in force); the last one is kept.
  let current: { key: string; checker: Checker } | null = null;
  const checkerFor = (engine: EngineConfig | undefined): Checker => {
    const key = engine?.key ?? '';
    if (current === null || current.key !== key) {
      const checker = engine === undefined ? createChecker() : createChecker({ settings: engine.settings, dictionaries: engine.dictionaries, exceptions: engine.exceptions });
      current = { key, checker };
    }
    return current.checker;
  };
  return {
    async 'offscreen:check'({ text, platform, engine }) {
      const checker = checkerFor(engine);
      checker.setTokenizer(await tokenizer);
      return checker.check(text, { platform });
    },
  };
}

/** Firefox: the background page is the tokenizer host; the same table, called without a message. */
export function inProcessFullCheck(dictUrl?: string): FullCheck {
  const host = offscreenHandlers(dictUrl);
  const self: Sender = { id: browser.runtime.id };
  return async (request) => host['offscreen:check'](request, self);
}
