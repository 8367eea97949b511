import { defineBackground } from 'wxt/utils/define-background';
import { backgroundHandlers } from '../src/messaging/background-handlers.ts';
import { fromOwnContentScript, listen } from '../src/messaging/handlers.ts';
import { GUARDED_ORIGINS } from '../src/sites/selectors.ts';

export default defineBackground(() => {
  listen(backgroundHandlers(), (sender) => fromOwnContentScript(sender, GUARDED_ORIGINS));
});
