/**
 * The one wrong-PIN limiter (issue #8 §5): in the database, shared by every page and the
 * background, surviving a worker restart, counting guesses sent at once, waits that grow; and the
 * 210,000-round PIN hash and key of older builds upgraded at the next right PIN.
 */
import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { createApprovalRequest, hashPin, PBKDF2_ITERATIONS, generateSupervisorKeyPair, verifyApprovalCode } from '../../src/security/index.ts';
import { approveInPerson } from '../../src/supervisor/approvals.ts';
import { createPopupApi } from '../../src/supervisor/popup-api.ts';
import { checkSupervisorPin, countAttempt, pinWait, type PinLimits } from '../../src/supervisor/pin-guard.ts';
import { openRequest, signApproval } from '../../src/supervisor/signing.ts';
import { getSetting, setSetting, ToukouGuardDB } from '../../src/storage/index.ts';
import { freshDb, freshIndexedDb } from '../storage/helpers.ts';
import { legacyEncryptedKey, legacyPinHash } from '../security/legacy.ts';
import { adminSetup } from './helpers.ts';

const PIN = '246810';
const WRONG = '135792';
const NOW = Date.UTC(2026, 3, 1, 1, 0, 0);
const LIMITS: PinLimits = { freeFailures: 3, baseLockMs: 60_000, maxLockMs: 10 * 60_000 };

async function withPin(db: ToukouGuardDB): Promise<ToukouGuardDB> {
  await setSetting(db, 'supervisorPinHash', await hashPin(PIN));
  return db;
}

const subject = { text: '市民ゲートボール大会を開催します。', account: 'hirakawa_city', site: 'x' as const, findings: [] };

// PBKDF2 at 600,000 rounds takes a while per PIN on a shared machine.
describe('one persisted limiter for every PIN check', { timeout: 30_000 }, () => {
  test('the count survives the worker being stopped: a new connection to the same database is still locked', async () => {
    const idb = freshIndexedDb();
    const before = await withPin(new ToukouGuardDB(idb));
    for (let i = 0; i < LIMITS.freeFailures; i++) expect(await checkSupervisorPin(before, WRONG, { now: NOW, limits: LIMITS })).toMatchObject({ ok: false, locked: false });
    const after = new ToukouGuardDB(idb);
    const locked = await checkSupervisorPin(after, PIN, { now: NOW + 1000, limits: LIMITS });
    expect(locked).toMatchObject({ ok: false, locked: true, reason: expect.stringContaining('秒後') });
    expect(await checkSupervisorPin(after, PIN, { now: NOW + 61_000, limits: LIMITS })).toEqual({ ok: true });
  });

  test('options, log, popup, signing and the in-person window share one count', async () => {
    const db = await withPin(freshDb());
    const clock = { now: NOW };
    // The background's admin table, with this file's limits (the count itself is in the database).
    const s = adminSetup({ db, clock });
    const options = s.send();
    const open = await options('admin.unlock', { pin: PIN });
    if (!open.ok) throw new Error(open.message);
    const popup = createPopupApi({ admin: s.send(), download: () => undefined, copy: async () => undefined, openLog: () => undefined, openOptions: () => undefined, print: () => undefined }, async () => undefined);
    // Three wrong guesses, each at a different door.
    expect(await options('admin.unlock', { pin: WRONG })).toMatchObject({ ok: false, message: 'PIN が違います。' });
    expect(await options('admin.applyImport', { token: open.value.token, pin: WRONG, text: '{"format":"toukou-guard-settings","version":1}' })).toMatchObject({ ok: false, message: 'PIN が違います。' });
    expect(await approveInPerson(db, { ...subject, pin: WRONG, kind: 'approve' }, clock.now, LIMITS)).toMatchObject({ ok: false });
    // Every door is now shut, for the right PIN too.
    clock.now += 1000;
    expect(await options('admin.unlock', { pin: PIN })).toMatchObject({ ok: false, message: expect.stringContaining('秒後') });
    expect(await popup.setSiteEnabled('x', false, PIN)).toMatchObject({ ok: false, message: expect.stringContaining('秒後') });
    expect(await approveInPerson(db, { ...subject, pin: PIN, kind: 'approve' }, clock.now, LIMITS)).toMatchObject({ ok: false, reason: expect.stringContaining('秒後') });
    expect(await options('admin.changePin', { token: open.value.token, current: PIN, next: '975310' })).toMatchObject({ ok: false, message: expect.stringContaining('秒後') });
    expect((await getSetting(db, 'siteEnabled')).x).toBe(true);
    clock.now += 60_000;
    expect(await options('admin.unlock', { pin: PIN })).toMatchObject({ ok: true });
  });

  test('guesses sent at once are counted before they are tried: past the free ones they are not tried at all', async () => {
    const db = await withPin(freshDb());
    const results = await Promise.all([1, 2, 3, 4, 5, 6].map(() => checkSupervisorPin(db, WRONG, { now: NOW, limits: LIMITS })));
    expect(results.filter((r) => !r.ok && !r.locked)).toHaveLength(LIMITS.freeFailures);
    expect(results.filter((r) => !r.ok && r.locked)).toHaveLength(6 - LIMITS.freeFailures);
    expect(await checkSupervisorPin(db, PIN, { now: NOW + 30_000, limits: LIMITS })).toMatchObject({ ok: false, locked: true });
  });

  test('the wait grows with each wrong PIN after the free ones, up to the cap; the right PIN starts over', () => {
    let state = { failures: 0, lockedUntil: 0, lastAt: 0 };
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      state = countAttempt(state, NOW, LIMITS);
      waits.push(pinWait(state, NOW));
    }
    expect(waits).toEqual([0, 0, 60_000, 120_000, 240_000, 480_000, 600_000, 600_000]);
  });

  test('a clock turned back a year does not lock the supervisor out for a year', () => {
    const state = countAttempt({ failures: 2, lockedUntil: 0, lastAt: 0 }, NOW, LIMITS);
    expect(pinWait(state, NOW - 365 * 86_400_000)).toBe(60_000);
  });

  test('a wrong PIN at signing counts too (decrypting the key is a PIN check of its own)', async () => {
    const db = await withPin(freshDb());
    const pair = await generateSupervisorKeyPair();
    const { encryptPrivateKey } = await import('../../src/security/keys.ts');
    await setSetting(db, 'supervisorPrivateKey', await encryptPrivateKey(pair.privateKeyJwk, PIN));
    const opened = await openRequest(await createApprovalRequest({ text: subject.text, account: subject.account, site: 'x', now: NOW }));
    if (!opened.ok) throw new Error(opened.reason);
    for (let i = 0; i < LIMITS.freeFailures; i++) {
      await expect(signApproval(db, opened.request, { pin: WRONG, kind: 'approve', expiresInMinutes: 60, now: NOW, pinLimits: LIMITS })).rejects.toThrow('PIN が違います');
    }
    await expect(signApproval(db, opened.request, { pin: PIN, kind: 'approve', expiresInMinutes: 60, now: NOW + 1000, pinLimits: LIMITS })).rejects.toThrow('秒後');
  });
});

// PBKDF2 at 600,000 rounds takes a while per PIN on a shared machine.
describe('PBKDF2 at 600,000 rounds; older records upgraded at the next right PIN', { timeout: 30_000 }, () => {
  test('a 210,000-round PIN hash and signing key still open, and are stored at 600,000 rounds afterwards', async () => {
    const db = freshDb();
    const pair = await generateSupervisorKeyPair();
    await setSetting(db, 'supervisorPinHash', await legacyPinHash(PIN));
    await setSetting(db, 'supervisorPrivateKey', await legacyEncryptedKey(pair.privateKeyJwk, PIN));
    // A wrong PIN upgrades nothing.
    expect(await checkSupervisorPin(db, WRONG, { now: NOW, limits: LIMITS })).toMatchObject({ ok: false });
    expect((await getSetting(db, 'supervisorPinHash'))?.iterations).toBe(210_000);
    expect(await adminSetup({ db }).send()('admin.unlock', { pin: PIN })).toMatchObject({ ok: true });
    expect((await getSetting(db, 'supervisorPinHash'))?.iterations).toBe(PBKDF2_ITERATIONS);
    expect((await getSetting(db, 'supervisorPrivateKey'))?.kdf.iterations).toBe(PBKDF2_ITERATIONS);
    // The upgraded key is the same key: codes it signs verify under the public key staff already have.
    const opened = await openRequest(await createApprovalRequest({ text: subject.text, account: subject.account, site: 'x', now: NOW }));
    if (!opened.ok) throw new Error(opened.reason);
    const code = await signApproval(db, opened.request, { pin: PIN, kind: 'approve', expiresInMinutes: 60, now: NOW, pinLimits: LIMITS });
    expect((await verifyApprovalCode(code, pair.publicKeyJwk, { text: subject.text, account: subject.account, site: 'x', now: NOW })).ok).toBe(true);
  });
});
