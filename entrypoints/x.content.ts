import { defineContentScript } from 'wxt/utils/define-content-script';
import { startGuard } from '../src/content/runtime.ts';

export default defineContentScript({
  matches: ['https://x.com/*', 'https://twitter.com/*'],
  // The gate must be on window before X's own handlers.
  runAt: 'document_start',
  main(ctx) {
    startGuard(ctx, 'x');
  },
});
