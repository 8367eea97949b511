/** Turning what happened to a post into an audit event; the text itself only when the supervisor chose to keep it. */
import type { CheckResult, Platform } from '../shared/types.ts';
import { summarizeFindings } from '../shared/summary.ts';
import { sha256Hex } from '../security/hash.ts';
import { addAuditEvent, getSetting, type AuditDecision, type AuditEvent, type ToukouGuardDB } from '../storage/index.ts';

export interface AuditInput {
  time: number;
  site: Platform;
  account: string;
  decision: AuditDecision;
  reason?: string;
  /** The findings the post had when the decision was taken. */
  result: Pick<CheckResult, 'findings'>;
  /** The exact text posted (or refused); hashed always, stored only when `keepText`. */
  text: string;
}

export { summarizeFindings };

export async function buildAuditEvent(input: AuditInput, options: { keepText: boolean }): Promise<Omit<AuditEvent, 'id'>> {
  const event: Omit<AuditEvent, 'id'> = {
    time: input.time,
    site: input.site,
    account: input.account,
    decision: input.decision,
    ...summarizeFindings(input.result.findings),
    textHash: await sha256Hex(input.text),
  };
  if (input.reason !== undefined && input.reason.trim() !== '') event.reason = input.reason;
  if (options.keepText) event.text = input.text;
  return event;
}

/** Builds the event under the current `auditKeepText` setting and stores it; returns its id. */
export async function recordAuditEvent(db: ToukouGuardDB, input: AuditInput): Promise<number> {
  const keepText = await getSetting(db, 'auditKeepText');
  return addAuditEvent(db, await buildAuditEvent(input, { keepText }));
}
