/**
 * What the background answers: a content script's request for the full check, passed to the
 * tokenizer host, and its audit events. The host is Chrome's offscreen document (loaded once,
 * kept across service-worker restarts) or, on Firefox, the background page itself: both answer
 * the same OffscreenProtocol table, so there is one protocol for both browsers.
 */
import { browser } from 'wxt/browser';
import { checkGateEventText, validateGateEvent } from '../audit/validate.ts';
import type { CheckResult, Platform } from '../shared/types.ts';
import { createClient } from './client.ts';
import type { HandlerTable } from './handlers.ts';
import type { AuditAppend, ContentProtocol, EngineConfig, OffscreenProtocol } from './protocol.ts';

/** The full check (with the tokenizer) as the background reaches it, under the engine options given. */
export type FullCheck = (request: { text: string; platform: Platform; engine?: EngineConfig }) => Promise<CheckResult>;

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

/** Chrome: the tokenizer lives in the offscreen document, reached by message. */
export function offscreenFullCheck(): FullCheck {
  const toOffscreen = createClient<OffscreenProtocol>();
  return async (request) => {
    await ensureOffscreen();
    return toOffscreen('offscreen:check', request);
  };
}

/** Where gate decisions go: the Dexie audit log in the extension (src/supervisor/gate-handlers.ts, wired by the background), memory in tests. */
export interface AuditSink {
  /** Answers how many events are kept (or the new event's id). */
  append(event: AuditAppend & { time: number }): number | Promise<number>;
}

/** The audit events of this session, newest last, at most `limit` (the oldest go first): for tests. */
export interface AuditMemory extends AuditSink {
  append(event: AuditAppend & { time: number }): number;
  events(): ReadonlyArray<AuditAppend & { time: number }>;
}

export const AUDIT_MEMORY_LIMIT = 500;

export function createAuditMemory(limit = AUDIT_MEMORY_LIMIT): AuditMemory {
  const kept: Array<AuditAppend & { time: number }> = [];
  return {
    append(event) {
      kept.push(event);
      if (kept.length > limit) kept.splice(0, kept.length - limit);
      return kept.length;
    },
    events: () => kept,
  };
}

/** How many event ids the background remembers to answer a retried event without storing it twice. */
const REMEMBERED_EVENT_IDS = 1000;

/**
 * `engine` gives the engine options in force for each check (the settings are the background's to
 * read, never the content script's to send); without it the host checks under the defaults.
 *
 * `audit.append` validates every field of the event before the sink sees it (src/audit/validate.ts):
 * a malformed or forged event — an unknown decision, `released` or `approval_refused` (only the
 * background writes those), an unknown clause or category, a hash that is not one, a text that
 * is not the hashed one, a press time in the future — is refused with an `AuditRejected` error,
 * which the tab should treat as final (retrying cannot help). An event repeated with the same
 * `eventId` (a retry after a lost answer) is answered without being stored again.
 */
export function backgroundHandlers(
  fullCheck: FullCheck,
  audit: AuditSink = createAuditMemory(),
  engine?: () => Promise<EngineConfig>,
  now: () => number = Date.now,
): HandlerTable<ContentProtocol> {
  const stored = new Map<string, number>();
  return {
    async check(request) {
      return fullCheck(engine === undefined ? request : { ...request, engine: await engine() });
    },
    async 'audit.append'(raw) {
      // The time is the background's, or a press time under a day old: no further back than a queue would hold an event.
      const { event, time } = validateGateEvent(raw, now());
      await checkGateEventText(event);
      const repeated = event.eventId === undefined ? undefined : stored.get(event.eventId);
      if (repeated !== undefined) return { kept: repeated };
      const kept = await audit.append({ ...(event as AuditAppend), time });
      if (event.eventId !== undefined) {
        stored.set(event.eventId, kept);
        if (stored.size > REMEMBERED_EVENT_IDS) stored.delete(stored.keys().next().value as string);
      }
      return { kept };
    },
  };
}
