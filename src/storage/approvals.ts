/** Approval codes received (staff profile) or issued (supervisor profile); see src/security/approval.ts. */
import type { ToukouGuardDB } from './db.ts';
import type { ApprovalRecord, Unsaved } from './types.ts';

export async function recordApproval(db: ToukouGuardDB, approval: Unsaved<ApprovalRecord>): Promise<number> {
  return db.approvals.add({ ...approval });
}

/** Unused, unexpired approvals for this exact text (by hash) and account, newest first. */
export async function findUsableApprovals(db: ToukouGuardDB, textHash: string, account: string, now: number): Promise<ApprovalRecord[]> {
  const rows = await db.approvals.where('textHash').equals(textHash).toArray();
  return rows.filter((r) => r.account === account && r.usedAt === undefined && r.expiresAt >= now).sort((a, b) => b.issuedAt - a.issuedAt);
}

/** A code is for one post: once used it is not offered again. */
export async function markApprovalUsed(db: ToukouGuardDB, id: number, now: number): Promise<void> {
  await db.approvals.update(id, { usedAt: now });
}

/** Drops approvals that expired before `cutoff` (they can no longer open anything). */
export async function purgeExpiredApprovals(db: ToukouGuardDB, cutoff: number): Promise<number> {
  return db.approvals.where('expiresAt').below(cutoff).delete();
}
