/** The in-person window's desk: the held post stays in the background, the PIN is checked there, the tab is told once. */
import { describe, expect, test } from 'vitest';
import { hashPin, mediaDigest, sha256Hex } from '../../src/security/index.ts';
import { inPersonDesk, WINDOW_CLOSED } from '../../src/supervisor/in-person.ts';
import type { ApprovalReply } from '../../src/messaging/supervisor-protocol.ts';
import { listAuditEvents, setSetting, type BoundApprovalRecord } from '../../src/storage/index.ts';
import { freshDb } from '../storage/helpers.ts';

const TEXT = '窓口で騒いでた人、ほんとバカすぎ';
const PIN = '246810';
const NOW = Date.UTC(2026, 3, 1, 1, 0, 0);

async function setup() {
  const db = freshDb();
  await setSetting(db, 'supervisorPinHash', await hashPin(PIN));
  const told: Array<{ tabId: number; id: string; key: string; reply: ApprovalReply }> = [];
  const opened: string[] = [];
  const closed: number[] = [];
  const desk = inPersonDesk(
    {
      db,
      now: () => NOW,
      newId: () => `id${opened.length + 1}`,
      openWindow: async (id) => {
        opened.push(id);
        return 100 + opened.length;
      },
      closeWindow: async (w) => {
        closed.push(w);
      },
      tell: async (tabId, _frameId, answer) => {
        told.push({ tabId, ...answer });
      },
      pinLimits: { freeFailures: 2, baseLockMs: 60_000, maxLockMs: 3_600_000 },
    },
  );
  return { db, desk, told, opened, closed };
}

const sender = (tab: number) => ({ id: 'ext', tab: { id: tab } as never, frameId: 0, url: 'https://x.com/home' });
const request = { text: TEXT, account: 'hirakawa_city', site: 'x' as const, findings: [], key: 'x\u0000' + TEXT + '\u0000', kind: 'release' as const };

// PBKDF2 at 600,000 rounds takes a while per PIN on a shared machine.
describe('in-person approval window', { timeout: 30_000 }, () => {
  test('the window reads the post from memory; a wrong PIN is refused and logged; the right one tells the tab and closes the window', async () => {
    const { db, desk, told, opened, closed } = await setup();
    const { id } = await desk.guard['approval.inPerson'](request, sender(7));
    expect(opened).toEqual([id]);
    const view = await desk.page['approve.subject']({ id }, sender(0));
    expect(view).toMatchObject({ kind: 'release', text: TEXT, textHash: await sha256Hex(TEXT), account: 'hirakawa_city', mediaCount: 0 });
    expect(await desk.page['approve.submit']({ id, pin: PIN }, sender(0))).toEqual({ ok: false, reason: 'ブロックの解除には理由が必要です。' });
    expect(await desk.page['approve.submit']({ id, pin: '135792', reason: '引用' }, sender(0))).toMatchObject({ ok: false });
    expect(told).toEqual([]);
    expect(await desk.page['approve.submit']({ id, pin: PIN, reason: '引用' }, sender(0))).toMatchObject({ ok: true, kind: 'release' });
    expect(told).toEqual([{ tabId: 7, id, key: request.key, reply: expect.objectContaining({ ok: true, kind: 'release', reason: '引用', validForMs: 3600_000 }) }]);
    expect(closed).toEqual([101]);
    expect((await listAuditEvents(db)).map((e) => e.decision)).toEqual(['approval_refused']);
    expect(await db.approvals.count()).toBe(1);
    // One use: the request is gone.
    expect(await desk.page['approve.subject']({ id }, sender(0))).toBeNull();
    expect(await desk.page['approve.submit']({ id, pin: PIN, reason: '引用' }, sender(0))).toMatchObject({ ok: false });
  });

  test('closing the window, or the author cancelling, tells the tab the request ended; another tab cannot cancel it', async () => {
    const { desk, told } = await setup();
    const a = await desk.guard['approval.inPerson'](request, sender(7));
    desk.windowRemoved(101);
    await new Promise((r) => setTimeout(r, 0));
    expect(told).toEqual([{ tabId: 7, id: a.id, key: request.key, reply: { ok: false, reason: WINDOW_CLOSED } }]);
    const b = await desk.guard['approval.inPerson'](request, sender(7));
    expect(await desk.guard['approval.inPersonCancel']({ id: b.id }, sender(8))).toEqual({ cancelled: false });
    expect(await desk.guard['approval.inPersonCancel']({ id: b.id }, sender(7))).toEqual({ cancelled: true });
    expect(told).toHaveLength(2);
  });
});

// PBKDF2 at 600,000 rounds takes a while per PIN on a shared machine.
describe('in-person approval and photos', { timeout: 30_000 }, () => {
  test('the window says how many photos the approval covers, and the approval is bound to them', async () => {
    const { db, desk } = await setup();
    const media = ['img:blob:https://x.com/1', 'img:blob:https://x.com/2'];
    const { id } = await desk.guard['approval.inPerson']({ ...request, kind: 'approve', media }, sender(7));
    expect(await desk.page['approve.subject']({ id }, sender(0))).toMatchObject({ mediaCount: 2 });
    expect(await desk.page['approve.submit']({ id, pin: PIN }, sender(0))).toMatchObject({ ok: true });
    expect(((await db.approvals.toArray()) as BoundApprovalRecord[])[0]?.mediaHash).toBe(await mediaDigest(media));
  });
});

describe('in-person approval survives the service worker being stopped', { timeout: 30_000 }, () => {
  test('a request kept in session storage is answered by a new worker: the right PIN opens the gate and the tab is told', async () => {
    const { sessionPendingStore } = await import('../../src/supervisor/in-person.ts');
    const session = new Map<string, unknown>();
    const area = {
      get: async (key: string | null) => (key === null ? Object.fromEntries(session) : session.has(key) ? { [key]: structuredClone(session.get(key)) } : {}),
      set: async (items: Record<string, unknown>) => {
        for (const [k, v] of Object.entries(items)) session.set(k, structuredClone(v));
      },
      remove: async (key: string) => void session.delete(key),
    };
    const db = freshDb();
    await setSetting(db, 'supervisorPinHash', await hashPin(PIN));
    const told: unknown[] = [];
    const worker = () =>
      inPersonDesk({ db, store: sessionPendingStore(area), now: () => NOW, newId: () => 'req1', openWindow: async () => 5, closeWindow: async () => undefined, tell: async (tabId, _f, answer) => void told.push({ tabId, ...answer }) });
    const first = worker();
    const { id } = await first.guard['approval.inPerson'](request, sender(7));
    // Chrome stops the idle worker; a new one starts when the supervisor submits.
    const second = worker();
    expect(await second.page['approve.subject']({ id }, sender(0))).toMatchObject({ text: TEXT });
    expect(await second.page['approve.submit']({ id, pin: PIN, reason: '引用' }, sender(0))).toMatchObject({ ok: true });
    expect(told).toEqual([expect.objectContaining({ tabId: 7, id, key: request.key, reply: expect.objectContaining({ ok: true }) })]);
    expect(session.size).toBe(0);
  });
});
