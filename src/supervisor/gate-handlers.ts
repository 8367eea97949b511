/**
 * The background's handlers for what a content script may ask of the supervisors' side (issue #4),
 * registered by entrypoints/background.ts: its configuration and approvals (GuardProtocol,
 * content-script senders only), the Dexie-backed audit log behind `audit.append`, and the pages'
 * full checks (PageProtocol, own pages only). Everything that changes the supervisor's data is in
 * admin.ts, behind the PIN session. (These tables moved here from src/messaging/ in issue #8:
 * messaging/ is the wire and never imports supervisor/.)
 */
import { validateFalsePositiveReport } from '../audit/report.ts';
import { checkGateEventText, validateGateEvent } from '../audit/validate.ts';
import type { HandlerTable } from '../messaging/handlers.ts';
import type { AuditAppend, EngineConfig } from '../messaging/protocol.ts';
import type { GuardProtocol, PageProtocol } from '../messaging/supervisor-protocol.ts';
import { createApprovalRequest } from '../security/approval.ts';
import type { CheckResult, Platform } from '../shared/types.ts';
import { addAuditEvent, addFalsePositiveReport, type AuditApprovalBasis, type AuditDecision, type ToukouGuardDB } from '../storage/index.ts';
import { acceptApprovalCode, consumeApproval, IN_PERSON_CODE } from './approvals.ts';
import { stampedAuditEvent } from './audit-writer.ts';
import { guardConfig, loadEffectiveConfig } from './config.ts';
import { keyFingerprint } from './key-fingerprint.ts';
import { resolvePin } from './pin-config.ts';

export interface SupervisorDeps {
  db: ToukouGuardDB;
  readManaged: () => Promise<unknown>;
  now?: () => number;
}

export function guardHandlers(deps: SupervisorDeps): HandlerTable<GuardProtocol> {
  const { db } = deps;
  const now = deps.now ?? Date.now;
  return {
    async 'config.get'({ platform }) {
      return guardConfig(db, await deps.readManaged(), platform, now());
    },
    async 'approval.request'({ text, account, site, media }) {
      return { request: await createApprovalRequest({ text, account, site, media: media ?? [], now: now() }) };
    },
    async 'approval.code'(request) {
      const config = await loadEffectiveConfig(db, await deps.readManaged());
      return acceptApprovalCode(db, config.supervisorPublicKey, request, now(), { keepText: config.auditKeepText });
    },
    async 'report.falsePositive'(raw) {
      // Validated whole before anything is stored (src/audit/report.ts); the time is the background's.
      await addFalsePositiveReport(db, { ...validateFalsePositiveReport(raw), time: now() });
      return { received: true };
    },
  };
}

/** An audit event as the gate sends it, with the account and (when the supervisor keeps texts) the text. */
export type GateAuditEvent = AuditAppend & { account?: string; text?: string };

/** The log's note for a post the tab said was approved when the background had no approval for it. */
export const NO_APPROVAL_ON_RECORD = '了承の記録が見つかりません（期限切れ・使用済み、またはこの端末で確認されていない了承）';
/** …and for one approved by the author's own word, when no supervisor PIN or public key is set up. */
export const SELF_DECLARED_APPROVAL = '了承は本人の申告による（所属長 PIN・公開鍵が未設定）';

/**
 * Stores a gate decision. Every field is validated first (src/audit/validate.ts: a forged or
 * malformed event is refused with `AuditRejected`, `released` or `approval_refused` never come
 * from a tab, and a post logged as clean or confirmed over findings that say otherwise is kept
 * with the anomaly written into its reason). The time is the background's (`time`, set by the handler), or `deps.now`.
 * A post the tab says went out with an approval is stored as approved only when the background
 * finds an approval it granted itself for this text, account and site, and uses it up; a release
 * is logged as `released` with the supervisor's reason; without one the post is logged as
 * `posted_override` with `NO_APPROVAL_ON_RECORD` or, while no supervisor PIN (here or by policy)
 * and no public key is configured, as the author's own word (`approval: 'self_declared'`). Every
 * row carries the fingerprint of the public key in force. The text is kept only when the
 * configuration in force says so.
 */
export async function persistGateEvent(deps: SupervisorDeps, input: GateAuditEvent & { time?: number }): Promise<number> {
  const { db } = deps;
  const { time: given, ...raw } = input;
  const background = given ?? (deps.now ?? Date.now)();
  const { event, time, anomaly } = validateGateEvent(raw, background);
  await checkGateEventText(event);
  const managed = await deps.readManaged();
  const config = await loadEffectiveConfig(db, managed);
  const account = event.account ?? '';
  let decision: AuditDecision = event.decision;
  let reason = event.reason;
  let approval: AuditApprovalBasis | undefined;
  if (anomaly !== null) {
    decision = 'posted_override';
    reason = reason === undefined || reason.trim() === '' ? anomaly : `${anomaly} ${reason}`;
  }
  if (decision === 'posted_with_approval') {
    const used = await consumeApproval(db, { textHash: event.textHash, account, site: event.site }, background);
    if (used === undefined) {
      const verifiable = config.supervisorPublicKey !== null || (await resolvePin(db, managed)).hash !== null;
      if (verifiable) {
        decision = 'posted_override';
        reason = reason === undefined || reason.trim() === '' || reason === SELF_DECLARED_APPROVAL ? NO_APPROVAL_ON_RECORD : `${NO_APPROVAL_ON_RECORD} ${reason}`;
      } else {
        reason = SELF_DECLARED_APPROVAL;
        approval = 'self_declared';
      }
    } else {
      approval = used.code === IN_PERSON_CODE ? 'in_person' : 'code';
      if (used.kind === 'release') {
        decision = 'released';
        reason = used.reason ?? reason;
      }
    }
  }
  const stored = await stampedAuditEvent(
    { time, site: event.site, account, decision, result: { findings: [] }, text: event.text ?? '' },
    { keyFingerprint: await keyFingerprint(config.supervisorPublicKey), keepText: config.auditKeepText && event.text !== undefined, ...(approval === undefined ? {} : { approval }) },
  );
  // The gate summarised its findings itself (validated above); the hash is of the exact text that went out.
  stored.categories = event.categories;
  stored.clauses = event.clauses;
  stored.severities = event.severities;
  stored.textHash = event.textHash;
  if (reason !== undefined && reason.trim() !== '') stored.reason = reason;
  return addAuditEvent(db, stored);
}

export interface PageDepsForBackground {
  fullCheck: (request: { text: string; platform: Platform }) => Promise<CheckResult>;
  engine: () => Promise<EngineConfig>;
}

export function pageHandlers(deps: PageDepsForBackground): HandlerTable<PageProtocol> {
  return {
    'page.check'(request) {
      return deps.fullCheck(request);
    },
    'page.engine'() {
      return deps.engine();
    },
  };
}
