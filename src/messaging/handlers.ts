/**
 * Handler tables. A table answers only its own message types and only senders its guard accepts;
 * anything else is left for another listener (runtime messages reach every extension context).
 */
import { browser, type Browser } from 'wxt/browser';
import type { ProtocolRequest, ProtocolResponse, Reply } from './protocol.ts';

export type Sender = Browser.runtime.MessageSender;
export type HandlerTable<M> = { [K in keyof M]: (data: ProtocolRequest<M, K>, sender: Sender) => Promise<ProtocolResponse<M, K>> | ProtocolResponse<M, K> };

/** True for messages from this extension's own content scripts in a tab of a guarded site. */
export function fromOwnContentScript(sender: Sender, guardedOrigins: readonly string[]): boolean {
  if (sender.id !== browser.runtime.id || sender.tab === undefined || sender.url === undefined) return false;
  return guardedOrigins.includes(new URL(sender.url).origin);
}

/** True for messages from this extension's own pages and service worker (not content scripts). */
export function fromOwnExtension(sender: Sender): boolean {
  return sender.id === browser.runtime.id && sender.tab === undefined && sender.url !== undefined && sender.url.startsWith(browser.runtime.getURL('/'));
}

/**
 * True for messages from this extension's own pages (options, log, popup) and service worker,
 * whether or not the page sits in a tab (the options page and the log open in tabs). Content
 * scripts are excluded: their sender URL is the site's page, never the extension's.
 */
export function fromOwnPage(sender: Sender): boolean {
  return sender.id === browser.runtime.id && sender.url !== undefined && sender.url.startsWith(browser.runtime.getURL('/'));
}

function isEnvelope(message: unknown): message is { type: string; data: unknown } {
  return typeof message === 'object' && message !== null && typeof (message as { type?: unknown }).type === 'string';
}

export function listen<M>(table: HandlerTable<M>, accept: (sender: Sender) => boolean): () => void {
  const listener = (message: unknown, sender: Sender) => {
    if (!isEnvelope(message) || !Object.hasOwn(table, message.type) || !accept(sender)) return undefined;
    const handler = table[message.type as keyof M] as (data: unknown, sender: Sender) => unknown;
    return Promise.resolve()
      .then(() => handler(message.data, sender))
      .then(
        (value): Reply<unknown> => ({ ok: true, value }),
        (error: unknown): Reply<unknown> => ({ ok: false, error: String(error) }),
      );
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
