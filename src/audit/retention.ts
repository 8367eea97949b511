/** The retention purge: run when the background starts and once a day. */
import { observeTime, purgeExpiredApprovals, purgeExpiredAuditEvents, type ToukouGuardDB } from '../storage/index.ts';

/** Approvals are only useful until they expire; a day's grace keeps "why did this code fail" answerable. */
const APPROVAL_GRACE_MS = 86_400_000;

/**
 * Deletes audit events older than `retentionDays` (the setting) and approvals that expired more
 * than a day ago. Returns how many of each went. The time is remembered as seen first: a used
 * code's row (its request id) is deleted only once the trusted clock is past its expiry, so
 * setting the clock forward to purge it and back again cannot make the code usable twice.
 */
export async function applyRetention(db: ToukouGuardDB, now: number): Promise<{ auditEvents: number; approvals: number }> {
  const trusted = await observeTime(db, now);
  const auditEvents = await purgeExpiredAuditEvents(db, now);
  const approvals = await purgeExpiredApprovals(db, trusted - APPROVAL_GRACE_MS);
  return { auditEvents, approvals };
}
