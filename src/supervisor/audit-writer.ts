/**
 * The one way the supervisors' side writes an audit row: built by src/audit/event.ts, stamped with
 * the fingerprint of the public key in force (issue #8 §5: every row says which key approvals were
 * checked against) and, for a post that went out approved, how the approval is known.
 */
import { buildAuditEvent, type AuditInput } from '../audit/event.ts';
import { addAuditEvent, type AuditApprovalBasis, type AuditEvent, type ToukouGuardDB } from '../storage/index.ts';

export interface AuditStamp {
  /** key-fingerprint.ts of the public key in force; null when none is set. */
  keyFingerprint: string | null;
  /** Keep the text (the configuration in force says so). */
  keepText: boolean;
  approval?: AuditApprovalBasis;
}

/** The row as it will be stored (without its id). */
export async function stampedAuditEvent(input: AuditInput, stamp: AuditStamp): Promise<Omit<AuditEvent, 'id'>> {
  const event = await buildAuditEvent(input, { keepText: stamp.keepText });
  event.keyFingerprint = stamp.keyFingerprint ?? '';
  if (stamp.approval !== undefined) event.approval = stamp.approval;
  return event;
}

export async function writeAuditRecord(db: ToukouGuardDB, input: AuditInput, stamp: AuditStamp): Promise<number> {
  return addAuditEvent(db, await stampedAuditEvent(input, stamp));
}
