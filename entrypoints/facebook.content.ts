import { defineContentScript } from 'wxt/utils/define-content-script';
import { startGuard } from '../src/content/runtime.ts';
import { matchPatterns } from '../src/sites/registry.ts';

export default defineContentScript({
  matches: matchPatterns('facebook'),
  // The gate must be on window before Facebook's own handlers.
  runAt: 'document_start',
  // See x.content.ts: the guard's lifetime is its own, never WXT's context.
  noScriptStartedPostMessage: true,
  main() {
    startGuard('facebook');
  },
});
