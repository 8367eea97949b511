/**
 * The supervisor's PIN in person, typed outside the site's page (issue #4 §3). A key typed into the
 * gate dialog would be visible to x.com's or facebook.com's own scripts (key events reach window
 * listeners), so the gate only asks the background to open the extension's confirmation window
 * (approve.html, a small popup window): the held post is kept in a store that outlives the service
 * worker (chrome.storage.session in the extension: Chrome stops an idle worker after ~30 s, while the
 * supervisor may still be reading; never in the URL), the supervisor reads it and types the PIN there, the PIN is checked under
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
import type { SessionArea } from './session.ts';

export type { SessionArea };

/** A request the confirmation window has not answered yet. */
export interface Pending {
  request: InPersonRequest;
  textHash: string;
  tabId: number;
  frameId: number;
  windowId: number | undefined;
}

/**
 * Where requests wait for the supervisor. The background gives one on chrome.storage.session, which
 * survives a service-worker restart (and is cleared with the browser session); tests and the default
 * keep them in memory.
 */
export interface PendingStore {
  get(id: string): Promise<Pending | undefined>;
  set(id: string, entry: Pending): Promise<void>;
  delete(id: string): Promise<void>;
  entries(): Promise<Array<[string, Pending]>>;
}

export function memoryPendingStore(): PendingStore {
  const map = new Map<string, Pending>();
  return {
    get: async (id) => map.get(id),
    set: async (id, entry) => void map.set(id, entry),
    delete: async (id) => void map.delete(id),
    entries: async () => [...map],
  };
}

export interface InPersonDeps {
  db: ToukouGuardDB;
  /** The organisation's policy (a PIN or public key it sets wins). */
  readManaged?: () => Promise<unknown>;
  /** Where pending requests live (default: memory). */
  store?: PendingStore;
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
  const pending = deps.store ?? memoryPendingStore();
  const now = deps.now ?? Date.now;
  const newId = deps.newId ?? (() => crypto.randomUUID());

  async function finish(id: string, reply: ApprovalReply): Promise<void> {
    const p = await pending.get(id);
    if (p === undefined) return;
    await pending.delete(id);
    await deps.tell(p.tabId, p.frameId, { id, key: p.request.key, reply }).catch(() => undefined);
    if (p.windowId !== undefined) await deps.closeWindow(p.windowId).catch(() => undefined);
  }

  const guard: HandlerTable<InPersonProtocol> = {
    async 'approval.inPerson'(request, sender: Sender) {
      const tabId = sender.tab?.id;
      if (tabId === undefined) throw new Error('no tab');
      const frameId = sender.frameId ?? 0;
      // One window per tab: a new request replaces the one still open.
      for (const [id, p] of await pending.entries()) if (p.tabId === tabId) await finish(id, { ok: false, reason: WINDOW_CLOSED });
      const id = newId();
      const entry: Pending = { request, textHash: await sha256Hex(request.text), tabId, frameId, windowId: undefined };
      await pending.set(id, entry);
      entry.windowId = await deps.openWindow(id);
      await pending.set(id, entry);
      return { id };
    },
    async 'approval.inPersonCancel'({ id }, sender: Sender) {
      const p = await pending.get(id);
      if (p === undefined || p.tabId !== sender.tab?.id) return { cancelled: false };
      await finish(id, { ok: false, reason: WINDOW_CLOSED });
      return { cancelled: true };
    },
  };

  const page: HandlerTable<ApprovePageProtocol> = {
    async 'approve.subject'({ id }) {
      const p = await pending.get(id);
      if (p === undefined) return null;
      const { kind, site, account, text, findings } = p.request;
      const { categories, clauses } = summarizeFindings(findings);
      const view: InPersonView = { kind, site, account, text, textHash: p.textHash, findings, categories, clauses, mediaCount: new Set(p.request.media ?? []).size };
      return view;
    },
    async 'approve.submit'({ id, pin, reason }) {
      const p = await pending.get(id);
      if (p === undefined) return { ok: false, reason: 'この確認は終了しています。投稿画面からもう一度開いてください。' };
      const { text, account, site, findings, kind } = p.request;
      const subject = { text, account, site, findings, media: p.request.media ?? [], pin, kind, ...(reason === undefined ? {} : { reason }) };
      const managed = deps.readManaged === undefined ? undefined : await deps.readManaged();
      const reply = await approveInPerson(deps.db, subject, now(), deps.pinLimits, { managed });
      if (reply.ok) await finish(id, reply);
      return reply;
    },
    async 'approve.cancel'({ id }) {
      if ((await pending.get(id)) === undefined) return { closed: false };
      await finish(id, { ok: false, reason: WINDOW_CLOSED });
      return { closed: true };
    },
  };

  /** The window was closed (by the supervisor, or by the browser): the tab stops waiting. */
  function windowRemoved(windowId: number): void {
    void pending.entries().then((all) => {
      for (const [id, p] of all) if (p.windowId === windowId) void finish(id, { ok: false, reason: WINDOW_CLOSED });
    });
  }

  return { guard, page, windowRemoved };
}

const SESSION_PREFIX = 'inPerson:';

/** Pending requests in chrome.storage.session: they survive the worker being stopped while the supervisor reads. */
export function sessionPendingStore(area: SessionArea): PendingStore {
  return {
    get: async (id) => (await area.get(SESSION_PREFIX + id))[SESSION_PREFIX + id] as Pending | undefined,
    set: (id, entry) => area.set({ [SESSION_PREFIX + id]: entry }),
    delete: (id) => area.remove(SESSION_PREFIX + id),
    entries: async () =>
      Object.entries(await area.get(null))
        .filter(([k]) => k.startsWith(SESSION_PREFIX))
        .map(([k, v]) => [k.slice(SESSION_PREFIX.length), v as Pending]),
  };
}
