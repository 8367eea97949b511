import { defineContentScript } from 'wxt/utils/define-content-script';
import { startGuard } from '../src/content/runtime.ts';
import { matchPatterns } from '../src/sites/registry.ts';

export default defineContentScript({
  matches: matchPatterns('x'),
  // The gate must be on window before X's own handlers.
  runAt: 'document_start',
  // WXT would announce its stop event's name to the page; the guard does not use WXT's context at
  // all (src/content/lifetime.ts), so a page that sends that event stops nothing.
  noScriptStartedPostMessage: true,
  main() {
    startGuard('x');
  },
});
