// The tokenizer host (Chrome's offscreen document): answers the background's full checks only.
import { fromOwnExtension, listen } from '../../src/messaging/handlers.ts';
import { offscreenHandlers } from '../../src/messaging/offscreen-handlers.ts';

listen(offscreenHandlers(), fromOwnExtension);
