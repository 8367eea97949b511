/** Approvals at the author's gate: codes, the PIN in person, releases, and what each leaves in the records. */
import { describe, expect, test } from 'vitest';
import { NO_APPROVAL_ON_RECORD, SELF_DECLARED_APPROVAL, persistGateEvent, guardHandlers } from '../../src/supervisor/gate-handlers.ts';
import { approve, createApprovalRequest, encryptPrivateKey, generateSupervisorKeyPair, hashPin, sha256Hex } from '../../src/security/index.ts';
import { acceptApprovalCode, approveInPerson, consumeApproval, IN_PERSON_VALID_MS } from '../../src/supervisor/approvals.ts';
import { openRequest, signApproval } from '../../src/supervisor/signing.ts';
import { applyRetention } from '../../src/audit/retention.ts';
import { ANOMALY_CLEAN_WITH_FINDINGS } from '../../src/audit/validate.ts';
import { listAuditEvents, observeTime, setSetting, ToukouGuardDB } from '../../src/storage/index.ts';
import { importPrivateKey } from '../../src/security/keys.ts';
import { keyFingerprint } from '../../src/supervisor/key-fingerprint.ts';
import { freshDb, freshIndexedDb } from '../storage/helpers.ts';

const TEXT = '市民ゲートボール大会を開催します。';
const PIN = '246810';
const NOW = Date.UTC(2026, 3, 1, 1, 0, 0);

async function supervisor() {
  const pair = await generateSupervisorKeyPair();
  return { pair, privateKey: await importPrivateKey(pair.privateKeyJwk) };
}

async function codeFor(text: string, privateKey: CryptoKey, extra: { minutes?: number; kind?: 'approve' | 'release'; reason?: string; now?: number; request?: string; site?: 'x' | 'facebook'; media?: string[] } = {}) {
  const request = extra.request ?? (await createApprovalRequest({ text, account: 'hirakawa_city', site: extra.site ?? 'x', media: extra.media ?? [], now: NOW }));
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
    expect(await acceptApprovalCode(db, pair.publicKeyJwk, { ...subject(TEXT + '!'), code }, NOW)).toEqual({ ok: false, reason: '了承コード: 本文が変更されています' });
    expect(await acceptApprovalCode(freshDb(), pair.publicKeyJwk, { ...subject(), code }, NOW + 2 * 3600_000)).toEqual({ ok: false, reason: '了承コード: 有効期限切れ' });
    expect(await acceptApprovalCode(db, pair.publicKeyJwk, { ...subject(), code }, NOW)).toMatchObject({ ok: true, kind: 'approve' });
    const forged = code.slice(0, -4) + (code.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(await acceptApprovalCode(db, pair.publicKeyJwk, { ...subject(), code: forged }, NOW)).toMatchObject({ ok: false });
    const other = await supervisor();
    expect(await acceptApprovalCode(db, other.pair.publicKeyJwk, { ...subject(), code }, NOW)).toEqual({ ok: false, reason: '了承コード: 署名が一致しません' });
    const events = await listAuditEvents(db);
    expect(events.map((e) => e.decision)).toEqual(['approval_refused', 'approval_refused', 'approval_refused']);
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

// PBKDF2 at 600,000 rounds takes a while per PIN on a shared machine.
describe('in person: the supervisor PIN on the author machine', { timeout: 30_000 }, () => {
  test('the right PIN approves; a release needs a reason; wrong PINs are limited and logged', async () => {
    const db = freshDb();
    await setSetting(db, 'supervisorPinHash', await hashPin(PIN));
    const limits = { freeFailures: 2, baseLockMs: 60_000, maxLockMs: 3_600_000 };
    expect(await approveInPerson(db, { ...subject(), pin: PIN, kind: 'release' }, NOW, limits)).toEqual({ ok: false, reason: 'ブロックの解除には理由が必要です。' });
    expect(await approveInPerson(db, { ...subject(), pin: PIN, kind: 'approve' }, NOW, limits)).toMatchObject({ ok: true, kind: 'approve', validForMs: IN_PERSON_VALID_MS });
    expect(await approveInPerson(db, { ...subject(), pin: '135792', kind: 'approve' }, NOW, limits)).toMatchObject({ ok: false });
    expect(await approveInPerson(db, { ...subject(), pin: '135792', kind: 'approve' }, NOW, limits)).toMatchObject({ ok: false });
    const locked = await approveInPerson(db, { ...subject(), pin: PIN, kind: 'approve' }, NOW + 1000, limits);
    expect(locked).toMatchObject({ ok: false });
    expect(locked.ok ? '' : locked.reason).toMatch(/秒後/);
    expect(await approveInPerson(db, { ...subject(), pin: PIN, kind: 'approve' }, NOW + 61_000, limits)).toMatchObject({ ok: true });
    expect((await listAuditEvents(db)).map((e) => e.decision)).toEqual(['approval_refused', 'approval_refused']);
  });
});

// PBKDF2 at 600,000 rounds takes a while per PIN on a shared machine.
describe('the supervisor profile', { timeout: 30_000 }, () => {
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

describe('a code opens one post (issue #8 §4)', () => {
  test('the second paste of a code is refused as used, and so is a second code signed for the same request', async () => {
    const db = freshDb();
    const { pair, privateKey } = await supervisor();
    const request = await createApprovalRequest({ text: TEXT, account: 'hirakawa_city', site: 'x', now: NOW });
    const code = await codeFor(TEXT, privateKey, { request });
    expect(await acceptApprovalCode(db, pair.publicKeyJwk, { ...subject(), code }, NOW)).toMatchObject({ ok: true });
    expect(await acceptApprovalCode(db, pair.publicKeyJwk, { ...subject(), code }, NOW + 1000)).toEqual({ ok: false, reason: '了承コード: 使用済みです（了承コードは1回の投稿にだけ使えます）' });
    // Re-signed for the same request with another expiry: a different code string, the same request.
    const again = await codeFor(TEXT, privateKey, { request, minutes: 120, now: NOW + 2000 });
    expect(again).not.toBe(code);
    expect(await acceptApprovalCode(db, pair.publicKeyJwk, { ...subject(), code: again }, NOW + 3000)).toMatchObject({ ok: false, reason: expect.stringContaining('使用済み') });
    // A new request is a new approval.
    expect(await acceptApprovalCode(db, pair.publicKeyJwk, { ...subject(), code: await codeFor(TEXT, privateKey) }, NOW + 4000)).toMatchObject({ ok: true });
    expect(await db.approvals.count()).toBe(2);
    expect((await listAuditEvents(db)).map((e) => e.reason)).toEqual([expect.stringContaining('使用済み'), expect.stringContaining('使用済み')]);
  });

  test('two tabs pasting the same code at once: one gets it', async () => {
    const db = freshDb();
    const { pair, privateKey } = await supervisor();
    const code = await codeFor(TEXT, privateKey);
    const replies = await Promise.all([1, 2, 3].map(() => acceptApprovalCode(db, pair.publicKeyJwk, { ...subject(), code }, NOW)));
    expect(replies.filter((r) => r.ok)).toHaveLength(1);
  });

  test('three posts from one code: only the first is logged as approved', async () => {
    const db = freshDb();
    const { pair, privateKey } = await supervisor();
    const deps = { db, readManaged: async () => ({ supervisorPublicKey: pair.publicKeyJwk }), now: () => NOW };
    await acceptApprovalCode(db, pair.publicKeyJwk, { ...subject(), code: await codeFor(TEXT, privateKey) }, NOW);
    const textHash = await sha256Hex(TEXT);
    for (let i = 0; i < 3; i++) await persistGateEvent(deps, { site: 'x', account: 'hirakawa_city', decision: 'posted_with_approval', categories: [], clauses: [], severities: [], textHash });
    const events = await listAuditEvents(db);
    expect(events.map((e) => e.decision)).toEqual(['posted_with_approval', 'posted_override', 'posted_override']);
    expect(events[1]?.reason).toBe(NO_APPROVAL_ON_RECORD);
  });

  test('bound to the site and the photos the author had attached', async () => {
    const db = freshDb();
    const { pair, privateKey } = await supervisor();
    const photo = ['img:blob:https://x.com/1'];
    const forX = await codeFor(TEXT, privateKey, { media: photo });
    expect(await acceptApprovalCode(db, pair.publicKeyJwk, { ...subject(), site: 'facebook', media: photo, code: forX }, NOW)).toMatchObject({ ok: false, reason: expect.stringContaining('サイトが違います') });
    expect(await acceptApprovalCode(db, pair.publicKeyJwk, { ...subject(), media: ['img:blob:https://x.com/2'], code: forX }, NOW)).toMatchObject({ ok: false, reason: expect.stringContaining('写真・動画') });
    expect(await acceptApprovalCode(db, pair.publicKeyJwk, { ...subject(), media: photo, code: forX }, NOW)).toMatchObject({ ok: true });
    expect((await db.approvals.toArray())[0]).toMatchObject({ site: 'x', mediaHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });
});

describe('the clock: the latest time seen is remembered', () => {
  test('turning the clock back does not revive an expired code, even after the worker restarts', async () => {
    const idb = freshIndexedDb();
    const { pair, privateKey } = await supervisor();
    const code = await codeFor(TEXT, privateKey, { minutes: 60 });
    // The background saw NOW + 2 h (any approval work, or the retention purge, remembers it)…
    await observeTime(new ToukouGuardDB(idb), NOW + 2 * 3600_000);
    // …the clock is set back to NOW and the worker restarted: the code stays expired.
    const restarted = new ToukouGuardDB(idb);
    expect(await acceptApprovalCode(restarted, pair.publicKeyJwk, { ...subject(), code }, NOW)).toEqual({ ok: false, reason: '了承コード: 有効期限切れ' });
  });

  test('a purge with the clock set forward, then the clock set back, cannot make a used code usable again', async () => {
    const db = freshDb();
    const { pair, privateKey } = await supervisor();
    const code = await codeFor(TEXT, privateKey, { minutes: 60 * 24 });
    expect(await acceptApprovalCode(db, pair.publicKeyJwk, { ...subject(), code }, NOW)).toMatchObject({ ok: true });
    expect((await applyRetention(db, NOW + 30 * 86_400_000)).approvals).toBe(1);
    expect(await acceptApprovalCode(db, pair.publicKeyJwk, { ...subject(), code }, NOW + 60_000)).toMatchObject({ ok: false, reason: expect.stringContaining('有効期限切れ') });
  });

  test('the reply says how long the tab may keep the approval, on the trusted clock', async () => {
    const db = freshDb();
    const { pair, privateKey } = await supervisor();
    await observeTime(db, NOW + 20 * 60_000);
    const reply = await acceptApprovalCode(db, pair.publicKeyJwk, { ...subject(), code: await codeFor(TEXT, privateKey, { minutes: 60 }) }, NOW + 10 * 60_000);
    // 60 minutes from NOW, seen at NOW + 20 min (not the NOW + 10 min the clock says now).
    expect(reply).toMatchObject({ ok: true, expiresAt: NOW + 3600_000, validForMs: 40 * 60_000 });
  });

  test('an approval that expired is not used up by a post made after the clock was turned back', async () => {
    const db = freshDb();
    const { pair, privateKey } = await supervisor();
    await acceptApprovalCode(db, pair.publicKeyJwk, { ...subject(), code: await codeFor(TEXT, privateKey, { minutes: 60 }) }, NOW);
    await observeTime(db, NOW + 3 * 3600_000);
    expect(await consumeApproval(db, { textHash: await sha256Hex(TEXT), account: 'hirakawa_city', site: 'x' }, NOW + 60_000)).toBeUndefined();
  });
});

describe('what a tab may claim in the log', () => {
  test('a forged released, or an approval claimed with none on record, is not stored as the tab says', async () => {
    const db = freshDb();
    const { pair } = await supervisor();
    const deps = { db, readManaged: async () => ({ supervisorPublicKey: pair.publicKeyJwk }), now: () => NOW };
    const textHash = await sha256Hex(TEXT);
    const base = { site: 'x' as const, account: 'hirakawa_city', categories: ['insult' as const], clauses: ['5-8-insult'], severities: ['block' as const], textHash };
    await expect(persistGateEvent(deps, { ...base, decision: 'released' as never, reason: '所属長が解除' })).rejects.toThrow(/AuditRejected|受け付けません/);
    await persistGateEvent(deps, { ...base, decision: 'posted_with_approval', reason: '所属長の了承済み' });
    expect(await listAuditEvents(db)).toEqual([expect.objectContaining({ decision: 'posted_override', reason: `${NO_APPROVAL_ON_RECORD} 所属長の了承済み` })]);
  });

  test('a post logged as clean over a warn finding is kept, as an override with the anomaly said', async () => {
    const db = freshDb();
    const deps = { db, readManaged: async () => ({}), now: () => NOW };
    await persistGateEvent(deps, { site: 'x', account: '', decision: 'posted_clean', categories: ['insult'], clauses: ['5-8-insult'], severities: ['warn'], textHash: await sha256Hex(TEXT) });
    expect(await listAuditEvents(db)).toEqual([expect.objectContaining({ decision: 'posted_override', reason: ANOMALY_CLEAN_WITH_FINDINGS, severities: ['warn'] })]);
  });

  test('with no PIN and no public key set, an approval is recorded as the author\'s own word', async () => {
    const db = freshDb();
    const deps = { db, readManaged: async () => ({}), now: () => NOW };
    await persistGateEvent(deps, { site: 'x', account: '', decision: 'posted_with_approval', categories: [], clauses: [], severities: [], textHash: await sha256Hex(TEXT) });
    expect(await listAuditEvents(db)).toEqual([expect.objectContaining({ decision: 'posted_with_approval', reason: SELF_DECLARED_APPROVAL, approval: 'self_declared', keyFingerprint: '' })]);
  });

  test('a PIN from the organisation\'s policy is a PIN: an unconfirmed approval is not taken as the author\'s word', async () => {
    const db = freshDb();
    const deps = { db, readManaged: async () => ({ supervisorPinHash: await hashPin(PIN) }), now: () => NOW };
    await persistGateEvent(deps, { site: 'x', account: '', decision: 'posted_with_approval', categories: [], clauses: [], severities: [], textHash: await sha256Hex(TEXT) });
    expect(await listAuditEvents(db)).toEqual([expect.objectContaining({ decision: 'posted_override', reason: NO_APPROVAL_ON_RECORD })]);
  }, 30_000);
});

// Issue #8 §5: a log read later says which key the approvals were checked against.
describe('the key fingerprint in every approval and audit row', { timeout: 30_000 }, () => {
  test('a received code, its refusals and the post it opened carry the fingerprint of the key that verified it', async () => {
    const db = freshDb();
    const { pair, privateKey } = await supervisor();
    const fingerprint = await keyFingerprint(pair.publicKeyJwk);
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    // The same key with other JWK members has the same fingerprint; another key has another.
    expect(await keyFingerprint({ ...pair.publicKeyJwk, key_ops: ['verify'], ext: true })).toBe(fingerprint);
    expect(await keyFingerprint((await supervisor()).pair.publicKeyJwk)).not.toBe(fingerprint);
    const deps = { db, readManaged: async () => ({ supervisorPublicKey: pair.publicKeyJwk }), now: () => NOW };
    const handlers = guardHandlers(deps);
    const code = await codeFor(TEXT, privateKey);
    expect(await handlers['approval.code']({ ...subject(TEXT + '!'), code }, { id: 'x' })).toMatchObject({ ok: false });
    expect(await handlers['approval.code']({ ...subject(), code }, { id: 'x' })).toMatchObject({ ok: true });
    await persistGateEvent(deps, { site: 'x', account: 'hirakawa_city', decision: 'posted_with_approval', categories: [], clauses: [], severities: [], textHash: await sha256Hex(TEXT) });
    await persistGateEvent(deps, { site: 'x', account: 'hirakawa_city', decision: 'posted_clean', categories: [], clauses: [], severities: [], textHash: await sha256Hex('別の投稿') });
    expect((await db.approvals.toArray()).map((a) => a.keyFingerprint)).toEqual([fingerprint]);
    expect((await listAuditEvents(db)).map((e) => [e.decision, e.keyFingerprint, e.approval])).toEqual([
      ['approval_refused', fingerprint, undefined],
      ['posted_with_approval', fingerprint, 'code'],
      ['posted_clean', fingerprint, undefined],
    ]);
  });

  test('in person and in the supervisor profile: the approval, the refusal and the issued code carry it too', async () => {
    const db = freshDb();
    const pair = await generateSupervisorKeyPair();
    await setSetting(db, 'supervisorPinHash', await hashPin(PIN));
    await setSetting(db, 'supervisorPublicKey', pair.publicKeyJwk);
    await setSetting(db, 'supervisorPrivateKey', await encryptPrivateKey(pair.privateKeyJwk, PIN));
    const fingerprint = await keyFingerprint(pair.publicKeyJwk);
    expect(await approveInPerson(db, { ...subject(), pin: '135792', kind: 'approve' }, NOW)).toMatchObject({ ok: false });
    expect(await approveInPerson(db, { ...subject(), pin: PIN, kind: 'approve' }, NOW)).toMatchObject({ ok: true });
    await persistGateEvent({ db, readManaged: async () => ({}), now: () => NOW }, { site: 'x', account: 'hirakawa_city', decision: 'posted_with_approval', categories: [], clauses: [], severities: [], textHash: await sha256Hex(TEXT) });
    const opened = await openRequest(await createApprovalRequest({ text: TEXT, account: 'hirakawa_city', site: 'x', now: NOW }));
    if (!opened.ok) throw new Error(opened.reason);
    await signApproval(db, opened.request, { pin: PIN, kind: 'approve', expiresInMinutes: 60, now: NOW });
    expect((await db.approvals.toArray()).map((a) => [a.code === 'PIN' ? 'PIN' : 'code', a.keyFingerprint])).toEqual([['PIN', fingerprint], ['code', fingerprint]]);
    expect((await listAuditEvents(db)).map((e) => [e.decision, e.keyFingerprint, e.approval])).toEqual([
      ['approval_refused', fingerprint, undefined],
      ['posted_with_approval', fingerprint, 'in_person'],
    ]);
  });
});
