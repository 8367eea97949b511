import { defineBackground } from 'wxt/utils/define-background';
import { backgroundHandlers, offscreenFullCheck, type FullCheck } from '../src/messaging/background-handlers.ts';
import { fromOwnContentScript, listen } from '../src/messaging/handlers.ts';
import { GUARDED_ORIGINS } from '../src/sites/selectors.ts';

/**
 * Firefox has no offscreen documents, and its background page has a DOM: it hosts the tokenizer
 * itself. The branch is decided at build (import.meta.env.FIREFOX), and the import is dynamic so
 * that Chrome's service worker never bundles the engine or kuromoji.
 */
function tokenizerHost(): FullCheck {
  if (!import.meta.env.FIREFOX) return offscreenFullCheck();
  const loading = import('../src/messaging/offscreen-handlers.ts').then((m) => m.inProcessFullCheck());
  return async (request) => (await loading)(request);
}

export default defineBackground(() => {
  listen(backgroundHandlers(tokenizerHost()), (sender) => fromOwnContentScript(sender, GUARDED_ORIGINS));
});
