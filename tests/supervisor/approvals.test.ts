/** Approvals at the author's gate: codes, the PIN in person, releases, and what each leaves in the records. */
import { describe, expect, test } from 'vitest';
import { persistGateEvent, guardHandlers } from '../../src/messaging/supervisor-handlers.ts';
import { approve, createApprovalRequest, encryptPrivateKey, generateSupervisorKeyPair, hashPin, sha256Hex } from '../../src/security/index.ts';
import { acceptApprovalCode, approveInPerson, PinAttemptLimiter } from '../../src/supervisor/approvals.ts';
import { openRequest, signApproval } from '../../src/supervisor/signing.ts';
import { listAuditEvents, setSetting } from '../../src/storage/index.ts';
import { importPrivateKey } from '../../src/security/keys.ts';
import { freshDb } from '../storage/helpers.ts';

const TEXT = '市民ゲートボール大会を開催します。';
const PIN = '246810';
const NOW = Date.UTC(2026, 3, 1, 1, 0, 0);

async function supervisor() {
  const pair = await generateSupervisorKeyPair();
  return { pair, privateKey: await importPrivateKey(pair.privateKeyJwk) };
}

async function codeFor(text: string, privateKey: CryptoKey, extra: { minutes?: number; kind?: 'approve' | 'release'; reason?: string; now?: number } = {}) {
  const request = await createApprovalRequest({ text, account: 'hirakawa_city', site: 'x', now: NOW });
  const options: Parameters<typeof approve>[2] = { expiresInMinutes: extra.minutes ?? 60, kind: extra.kind ?? 'approve', now: extra.now ?? NOW };
  if (extra.reason !== undefined) options.reason = extra.reason;
  return approve(request, privateKey, options);
}

const subject = (text = TEXT) => ({ text, account: 'hirakawa_city', site: 'x' as const, findings: [] });

describe('approval codes at the gate', () => {
  test('a code opens the gate for the exact text only; one character more voids it; every refusal is logged', async () => {
    const db = freshDb();
    const { pair, privateKey } = await supervisor();
    const code = await codeFor(TEXT, privateKey);
    expect(await acceptApprovalCode(db, pair.publicKeyJwk, { ...subject(), code }, NOW)).toMatchObject({ ok: true, kind: 'approve' });
    expect(await acceptApprovalCode(db, pair.publicKeyJwk, { ...subject(TEXT + '!'), code }, NOW)).toEqual({ ok: false, reason: '了承コード: 本文が変更されています' });
    expect(await acceptApprovalCode(db, pair.publicKeyJwk, { ...subject(), code }, NOW + 2 * 3600_000)).toEqual({ ok: false, reason: '了承コード: 有効期限切れ' });
    const forged = code.slice(0, -4) + (code.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(await acceptApprovalCode(db, pair.publicKeyJwk, { ...subject(), code: forged }, NOW)).toMatchObject({ ok: false });
    const other = await supervisor();
    expect(await acceptApprovalCode(db, other.pair.publicKeyJwk, { ...subject(), code }, NOW)).toEqual({ ok: false, reason: '了承コード: 署名が一致しません' });
    const events = await listAuditEvents(db);
    expect(events.map((e) => e.decision)).toEqual(['approval_refused', 'approval_refused', 'approval_refused', 'approval_refused']);
    expect(await db.approvals.count()).toBe(1);
  });

  test('posting with an approval uses it up; a release is logged as released with the supervisor reason', async () => {
    const db = freshDb();
    const { pair, privateKey } = await supervisor();
    const deps = { db, readManaged: async () => ({ supervisorPublicKey: pair.publicKeyJwk }), now: () => NOW };
    const code = await codeFor(TEXT, privateKey, { kind: 'release', reason: '市長会見の公表文どおり' });
    const handlers = guardHandlers(deps);
    const sender = { id: 'x' };
    expect(await handlers['approval.code']({ ...subject(), code }, sender)).toMatchObject({ ok: true, kind: 'release' });
    const textHash = await sha256Hex(TEXT);
    await persistGateEvent(deps, { site: 'x', account: 'hirakawa_city', decision: 'posted_with_approval', categories: ['insult'], clauses: ['5-8-insult'], severities: ['block'], textHash });
    const [event] = await listAuditEvents(db);
    expect(event).toMatchObject({ decision: 'released', reason: '市長会見の公表文どおり', textHash, categories: ['insult'], account: 'hirakawa_city' });
    expect(event?.text).toBeUndefined();
    expect((await db.approvals.toArray())[0]?.usedAt).toBe(NOW);
  });

  test('the text is kept only when the configuration in force says so (the policy can say it)', async () => {
    const db = freshDb();
    const deps = { db, readManaged: async () => ({ auditKeepText: true }), now: () => NOW };
    await persistGateEvent(deps, { site: 'x', account: 'a', decision: 'posted_clean', categories: [], clauses: [], severities: [], textHash: await sha256Hex(TEXT), text: TEXT });
    expect((await listAuditEvents(db))[0]?.text).toBe(TEXT);
  });
});

describe('in person: the supervisor PIN on the author machine', () => {
  test('the right PIN approves; a release needs a reason; wrong PINs are limited and logged', async () => {
    const db = freshDb();
    await setSetting(db, 'supervisorPinHash', await hashPin(PIN));
    const limiter = new PinAttemptLimiter(2, 60_000);
    expect(await approveInPerson(db, limiter, { ...subject(), pin: PIN, kind: 'release' }, NOW)).toEqual({ ok: false, reason: 'ブロックの解除には理由が必要です。' });
    expect(await approveInPerson(db, limiter, { ...subject(), pin: PIN, kind: 'approve' }, NOW)).toMatchObject({ ok: true, kind: 'approve' });
    expect(await approveInPerson(db, limiter, { ...subject(), pin: '135792', kind: 'approve' }, NOW)).toMatchObject({ ok: false });
    expect(await approveInPerson(db, limiter, { ...subject(), pin: '135792', kind: 'approve' }, NOW)).toMatchObject({ ok: false });
    const locked = await approveInPerson(db, limiter, { ...subject(), pin: PIN, kind: 'approve' }, NOW + 1000);
    expect(locked).toMatchObject({ ok: false });
    expect(locked.ok ? '' : locked.reason).toMatch(/秒後/);
    expect(await approveInPerson(db, limiter, { ...subject(), pin: PIN, kind: 'approve' }, NOW + 61_000)).toMatchObject({ ok: true });
    expect((await listAuditEvents(db)).map((e) => e.decision)).toEqual(['approval_refused', 'approval_refused']);
  });
});

describe('the supervisor profile', () => {
  test('a request opened, signed with the PIN-protected key, verifies in the author profile', async () => {
    const db = freshDb();
    await setSetting(db, 'supervisorPinHash', await hashPin(PIN));
    const pair = await generateSupervisorKeyPair();
    await setSetting(db, 'supervisorPrivateKey', await encryptPrivateKey(pair.privateKeyJwk, PIN));
    const opened = await openRequest(await createApprovalRequest({ text: TEXT, account: 'hirakawa_city', site: 'x', now: NOW }));
    if (!opened.ok) throw new Error(opened.reason);
    await expect(signApproval(db, opened.request, { pin: '135792', kind: 'approve', expiresInMinutes: 60, now: NOW })).rejects.toThrow('PIN が違います');
    const code = await signApproval(db, opened.request, { pin: PIN, kind: 'approve', expiresInMinutes: 60, now: NOW });
    const author = freshDb();
    expect(await acceptApprovalCode(author, pair.publicKeyJwk, { ...subject(), code }, NOW + 60_000)).toMatchObject({ ok: true });
    expect(await db.approvals.count()).toBe(1);
  });
});
