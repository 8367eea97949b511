/** The approvals table since issue #8: request ids kept, issued codes never usable, the latest time seen. */
import { describe, expect, test } from 'vitest';
import { findUsableApprovals, observeTime, recordApproval, recordReceivedApproval, takeUsableApproval, ToukouGuardDB } from '../../src/storage/index.ts';
import { freshDb, freshIndexedDb } from './helpers.ts';

const NOW = Date.UTC(2026, 3, 1, 1, 0, 0);
const HASH = 'b'.repeat(64);
const row = (extra: { requestId: string; code?: string; issued?: boolean }) => ({ textHash: HASH, account: 'hirakawa_city', site: 'x', kind: 'approve' as const, code: 'TGOK1.x.y', issuedAt: NOW, expiresAt: NOW + 3600_000, ...extra });

describe('approvals repository', () => {
  test('a request id is accepted once', async () => {
    const db = freshDb();
    expect(await recordReceivedApproval(db, row({ requestId: 'r1' }))).toEqual(expect.any(Number));
    expect(await recordReceivedApproval(db, row({ requestId: 'r1', code: 'TGOK1.other.sig' }))).toBeNull();
    expect(await recordReceivedApproval(db, row({ requestId: 'r2' }))).toEqual(expect.any(Number));
  });

  test('a code this profile issued (the supervisor) neither blocks receiving it nor opens a post', async () => {
    const db = freshDb();
    await recordApproval(db, row({ requestId: 'r1', issued: true }));
    expect(await findUsableApprovals(db, HASH, 'hirakawa_city', NOW)).toEqual([]);
    expect(await recordReceivedApproval(db, row({ requestId: 'r1' }))).toEqual(expect.any(Number));
  });

  test('an approval is taken once, for its site only', async () => {
    const db = freshDb();
    await recordReceivedApproval(db, row({ requestId: 'r1' }));
    expect(await takeUsableApproval(db, { textHash: HASH, account: 'hirakawa_city', site: 'facebook' }, NOW)).toBeUndefined();
    const [a, b] = await Promise.all([1, 2].map(() => takeUsableApproval(db, { textHash: HASH, account: 'hirakawa_city', site: 'x' }, NOW)));
    expect([a, b].filter((r) => r !== undefined)).toHaveLength(1);
  });

  test('the latest time seen only moves forward, and is kept in the database', async () => {
    const idb = freshIndexedDb();
    expect(await observeTime(new ToukouGuardDB(idb), NOW)).toBe(NOW);
    expect(await observeTime(new ToukouGuardDB(idb), NOW - 86_400_000)).toBe(NOW);
    expect(await observeTime(new ToukouGuardDB(idb), NOW + 5)).toBe(NOW + 5);
  });
});
