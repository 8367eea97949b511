/** The retention purge: run when the background starts and once a day. */
import { purgeExpiredApprovals, purgeExpiredAuditEvents, type ToukouGuardDB } from '../storage/index.ts';

/** Approvals are only useful until they expire; a day's grace keeps "why did this code fail" answerable. */
const APPROVAL_GRACE_MS = 86_400_000;

/**
 * Deletes audit events older than `retentionDays` (the setting) and approvals that expired more
 * than a day ago. Returns how many of each went.
 */
export async function applyRetention(db: ToukouGuardDB, now: number): Promise<{ auditEvents: number; approvals: number }> {
  const auditEvents = await purgeExpiredAuditEvents(db, now);
  const approvals = await purgeExpiredApprovals(db, now - APPROVAL_GRACE_MS);
  return { auditEvents, approvals };
}
