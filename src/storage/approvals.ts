/** Approval codes received (staff profile) or issued (supervisor profile); see src/security/approval.ts. */
import type { ToukouGuardDB } from './db.ts';
import type { ApprovalRecord, Unsaved } from './types.ts';

/**
 * What an approval row holds beyond `ApprovalRecord` since issue #8 (not indexed, so no schema
 * change: Dexie stores any field). Rows written before have none of them.
 */
export interface ApprovalBinding {
  /** The request id signed into a received code: a code opens one post, so a second paste is refused. */
  requestId?: string;
  /** Hex digest of the attached photos and videos the approval covers; '' or absent: none. */
  mediaHash?: string;
  /** A code this profile signed (the supervisor's record of what they issued), never one to post with. */
  issued?: boolean;
}

export type BoundApprovalRecord = ApprovalRecord & ApprovalBinding;

export async function recordApproval(db: ToukouGuardDB, approval: Unsaved<ApprovalRecord> & ApprovalBinding): Promise<number> {
  return db.approvals.add({ ...approval });
}

/**
 * Records a received code unless its request id is already known (used, or accepted and waiting
 * for its post): the check and the write are one transaction, so two tabs pasting the same code
 * at once cannot both get it. Answers the new row's id, or null for a second use.
 */
export async function recordReceivedApproval(db: ToukouGuardDB, approval: Unsaved<ApprovalRecord> & ApprovalBinding & { requestId: string }): Promise<number | null> {
  return db.transaction('rw', db.approvals, async () => {
    const seen = await db.approvals.filter((r) => (r as BoundApprovalRecord).requestId === approval.requestId && (r as BoundApprovalRecord).issued !== true).count();
    if (seen > 0) return null;
    const row: Unsaved<ApprovalRecord> & ApprovalBinding = { ...approval, issued: false };
    return db.approvals.add(row);
  });
}

/** Unused, unexpired approvals for this exact text (by hash), account (and site, when given), newest first; never issued ones. */
export async function findUsableApprovals(db: ToukouGuardDB, textHash: string, account: string, now: number, site?: string): Promise<BoundApprovalRecord[]> {
  const rows = (await db.approvals.where('textHash').equals(textHash).toArray()) as BoundApprovalRecord[];
  return rows
    .filter((r) => r.account === account && r.usedAt === undefined && r.expiresAt >= now && r.issued !== true && (site === undefined || r.site === site))
    .sort((a, b) => b.issuedAt - a.issuedAt);
}

/** A code is for one post: once used it is not offered again. */
export async function markApprovalUsed(db: ToukouGuardDB, id: number, now: number): Promise<void> {
  await db.approvals.update(id, { usedAt: now });
}

/**
 * Marks the newest usable approval for this text, account and site used, in one transaction (two
 * audit events for one approval cannot both take it). Answers the row, or undefined when none.
 */
export async function takeUsableApproval(db: ToukouGuardDB, subject: { textHash: string; account: string; site: string }, now: number): Promise<BoundApprovalRecord | undefined> {
  return db.transaction('rw', db.approvals, async () => {
    const [usable] = await findUsableApprovals(db, subject.textHash, subject.account, now, subject.site);
    if (usable === undefined) return undefined;
    await markApprovalUsed(db, usable.id, now);
    return { ...usable, usedAt: now };
  });
}

/** Drops approvals that expired before `cutoff` (they can no longer open anything). */
export async function purgeExpiredApprovals(db: ToukouGuardDB, cutoff: number): Promise<number> {
  return db.approvals.where('expiresAt').below(cutoff).delete();
}

/**
 * The latest time this profile has seen (epoch ms), a row of the settings table. Approvals are
 * judged on `max(clock, latest seen)`, so turning the clock back does not revive an expired code,
 * and a used code's row (purged a day after its expiry) cannot come back to life either.
 */
export const LATEST_TIME_SEEN_KEY = 'security.latestTimeSeen';

/** Remembers `now` if it is later than what was seen; answers the trusted now, `max(now, latest seen)`. */
export async function observeTime(db: ToukouGuardDB, now: number): Promise<number> {
  return db.transaction('rw', db.settings, async () => {
    const row = await db.settings.get(LATEST_TIME_SEEN_KEY);
    const seen = typeof row?.value === 'number' && Number.isFinite(row.value) ? row.value : 0;
    if (now > seen) {
      await db.settings.put({ key: LATEST_TIME_SEEN_KEY, value: now });
      return now;
    }
    return seen;
  });
}
