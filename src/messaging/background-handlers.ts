/**
 * What the background answers: a content script's request for the full check, which it passes to
 * the offscreen document (the tokenizer lives there, loaded once, kept across service-worker restarts).
 */
import { browser } from 'wxt/browser';
import { createClient } from './client.ts';
import type { HandlerTable } from './handlers.ts';
import type { ContentProtocol, OffscreenProtocol } from './protocol.ts';

const OFFSCREEN_PATH = '/offscreen.html';

let creating: Promise<void> | null = null;

async function ensureOffscreen(): Promise<void> {
  if (browser.offscreen === undefined) throw new Error('offscreen documents are not supported here; the check stays partial');
  const url = browser.runtime.getURL(OFFSCREEN_PATH);
  const existing = await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
  if (existing.length > 0) return;
  creating ??= browser.offscreen
    .createDocument({
      url: OFFSCREEN_PATH,
      reasons: ['WORKERS'],
      justification: '日本語の形態素解析（kuromoji）の辞書を端末内で保持し、投稿文を点検するため',
    })
    .finally(() => {
      creating = null;
    });
  await creating;
}

export function backgroundHandlers(): HandlerTable<ContentProtocol> {
  const toOffscreen = createClient<OffscreenProtocol>();
  return {
    async check(request) {
      await ensureOffscreen();
      return toOffscreen('offscreen:check', request);
    },
  };
}
