/**
 * The supervisor's PIN in person, typed outside the site's page (issue #4 §3). A key typed into the
 * gate dialog would be visible to x.com's or facebook.com's own scripts (key events reach window
 * listeners), so the gate only asks the background to open the extension's confirmation window
 * (approve.html, a small popup window): the held post is kept here, in the background's memory
 * (never in the URL), the supervisor reads it and types the PIN there, the PIN is checked under
 * the one persisted wrong-PIN limiter (pin-guard.ts, through approveInPerson), and the tab is told
 * the gate is open for that exact key. Closing the window tells the tab the request ended.
 */
import type { HandlerTable, Sender } from '../messaging/handlers.ts';
import type { ApprovalReply, ApprovePageProtocol, InPersonProtocol, InPersonRequest, InPersonView } from '../messaging/supervisor-protocol.ts';
import { sha256Hex } from '../security/hash.ts';
import { summarizeFindings } from '../shared/summary.ts';
import type { ToukouGuardDB } from '../storage/index.ts';
import { approveInPerson } from './approvals.ts';
import type { PinLimits } from './pin-guard.ts';

/** A request the confirmation window has not answered yet. */
interface Pending {
  request: InPersonRequest;
  textHash: string;
  tabId: number;
  frameId: number;
  windowId: number | undefined;
}

export interface InPersonDeps {
  db: ToukouGuardDB;
  now?: () => number;
  /** Opens approve.html?id=… in a small popup window; answers the window's id. */
  openWindow(id: string): Promise<number | undefined>;
  closeWindow(windowId: number): Promise<void>;
  /** Sends `approval.answer` to the content script of that tab and frame. */
  tell(tabId: number, frameId: number, answer: { id: string; key: string; reply: ApprovalReply }): Promise<void>;
  newId?: () => string;
  /** The wrong-PIN limits (tests shorten them); the count itself is in the database. */
  pinLimits?: PinLimits;
}

export const WINDOW_CLOSED = '所属長の確認画面が閉じられました。';

export function inPersonDesk(deps: InPersonDeps) {
  const pending = new Map<string, Pending>();
  const now = deps.now ?? Date.now;
  const newId = deps.newId ?? (() => crypto.randomUUID());

  async function finish(id: string, reply: ApprovalReply): Promise<void> {
    const p = pending.get(id);
    if (p === undefined) return;
    pending.delete(id);
    await deps.tell(p.tabId, p.frameId, { id, key: p.request.key, reply }).catch(() => undefined);
    if (p.windowId !== undefined) await deps.closeWindow(p.windowId).catch(() => undefined);
  }

  const guard: HandlerTable<InPersonProtocol> = {
    async 'approval.inPerson'(request, sender: Sender) {
      const tabId = sender.tab?.id;
      if (tabId === undefined) throw new Error('no tab');
      const frameId = sender.frameId ?? 0;
      // One window per tab: a new request replaces the one still open.
      for (const [id, p] of pending) if (p.tabId === tabId) await finish(id, { ok: false, reason: WINDOW_CLOSED });
      const id = newId();
      const entry: Pending = { request, textHash: await sha256Hex(request.text), tabId, frameId, windowId: undefined };
      pending.set(id, entry);
      entry.windowId = await deps.openWindow(id);
      return { id };
    },
    async 'approval.inPersonCancel'({ id }, sender: Sender) {
      const p = pending.get(id);
      if (p === undefined || p.tabId !== sender.tab?.id) return { cancelled: false };
      await finish(id, { ok: false, reason: WINDOW_CLOSED });
      return { cancelled: true };
    },
  };

  const page: HandlerTable<ApprovePageProtocol> = {
    'approve.subject'({ id }) {
      const p = pending.get(id);
      if (p === undefined) return null;
      const { kind, site, account, text, findings } = p.request;
      const { categories, clauses } = summarizeFindings(findings);
      const view: InPersonView = { kind, site, account, text, textHash: p.textHash, findings, categories, clauses, mediaCount: new Set(p.request.media ?? []).size };
      return view;
    },
    async 'approve.submit'({ id, pin, reason }) {
      const p = pending.get(id);
      if (p === undefined) return { ok: false, reason: 'この確認は終了しています。投稿画面からもう一度開いてください。' };
      const { text, account, site, findings, kind } = p.request;
      const subject = { text, account, site, findings, media: p.request.media ?? [], pin, kind, ...(reason === undefined ? {} : { reason }) };
      const reply = await approveInPerson(deps.db, subject, now(), deps.pinLimits);
      if (reply.ok) await finish(id, reply);
      return reply;
    },
    async 'approve.cancel'({ id }) {
      if (!pending.has(id)) return { closed: false };
      await finish(id, { ok: false, reason: WINDOW_CLOSED });
      return { closed: true };
    },
  };

  /** The window was closed (by the supervisor, or by the browser): the tab stops waiting. */
  function windowRemoved(windowId: number): void {
    for (const [id, p] of pending) if (p.windowId === windowId) void finish(id, { ok: false, reason: WINDOW_CLOSED });
  }

  return { guard, page, windowRemoved };
}
