import { browser } from 'wxt/browser';
import type { MessageKey, Translate } from '../ui/strings.ts';

/** UI strings from _locales (Japanese first); a missing key shows the key rather than nothing. */
export const translate: Translate = (key: MessageKey, substitutions?: string[]) => browser.i18n.getMessage(key, substitutions) || key;
