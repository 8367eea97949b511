import { browser } from 'wxt/browser';
import { MESSAGE_KEYS, type MessageKey, type Translate } from '../ui/strings.ts';

/**
 * UI strings from _locales (Japanese first); a missing key shows the key rather than nothing.
 * Every string is read once at start-up: an orphaned script (the extension updated or reloaded) can
 * no longer reach chrome.i18n, and its gate must still explain why it stops the post.
 */
const cache = new Map<MessageKey, string>();

export function preloadStrings(): void {
  for (const key of MESSAGE_KEYS) {
    try {
      cache.set(key, browser.i18n.getMessage(key) || key);
    } catch {
      return;
    }
  }
}

export const translate: Translate = (key: MessageKey, substitutions?: string[]) => {
  if (substitutions === undefined || substitutions.length === 0) {
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
  }
  try {
    return browser.i18n.getMessage(key, substitutions) || key;
  } catch {
    // Orphaned: only the gate's notice still shows, and its strings take no substitutions.
    return cache.get(key) ?? key;
  }
};
