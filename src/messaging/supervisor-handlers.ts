/**
 * The background's handlers for the supervisors' side (issue #4), registered by
 * entrypoints/background.ts next to the content handlers: a content script's configuration and
 * approvals (GuardProtocol, content-script senders only), the extension pages' notices and full
 * checks (PageProtocol, own pages only), and the Dexie-backed audit log behind `audit.append`.
 */
import { buildAuditEvent } from '../audit/event.ts';
import { createApprovalRequest } from '../security/approval.ts';
import type { CheckResult, Platform } from '../shared/types.ts';
import { addAuditEvent, type AuditDecision, type ToukouGuardDB } from '../storage/index.ts';
import { acceptApprovalCode, consumeApproval } from '../supervisor/approvals.ts';
import { guardConfig, loadEffectiveConfig } from '../supervisor/config.ts';
import type { HandlerTable } from './handlers.ts';
import type { AuditAppend } from './protocol.ts';
import type { GuardProtocol, PageProtocol } from './supervisor-protocol.ts';

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
    async 'approval.request'({ text, account, site }) {
      return { request: await createApprovalRequest({ text, account, site, now: now() }) };
    },
    async 'approval.code'(request) {
      const config = await loadEffectiveConfig(db, await deps.readManaged());
      return acceptApprovalCode(db, config.supervisorPublicKey, request, now());
    },
  };
}

/** An audit event as the gate sends it, with the account and (when the supervisor keeps texts) the text. */
export type GateAuditEvent = AuditAppend & { account?: string; text?: string };

/**
 * Stores a gate decision. The time is the background's (a page cannot backdate an event). A post
 * that went out with an approval uses it up, and a release is logged as `released` with the
 * supervisor's reason. The text is kept only when the configuration in force says so.
 */
export async function persistGateEvent(deps: SupervisorDeps, event: GateAuditEvent): Promise<number> {
  const { db } = deps;
  const time = (deps.now ?? Date.now)();
  const config = await loadEffectiveConfig(db, await deps.readManaged());
  const account = event.account ?? '';
  let decision: AuditDecision = event.decision;
  let reason = event.reason;
  if (decision === 'posted_with_approval') {
    const used = await consumeApproval(db, event.textHash, account, time);
    if (used === undefined) reason = `${reason ?? ''}（了承の記録が見つかりません: 期限切れか使用済み）`.trim();
    else if (used.kind === 'release') {
      decision = 'released';
      reason = used.reason ?? reason;
    }
  }
  const stored = await buildAuditEvent(
    { time, site: event.site, account, decision, result: { findings: [] }, text: event.text ?? '' },
    { keepText: config.auditKeepText && event.text !== undefined },
  );
  // The gate summarised its findings itself; the hash is of the exact text that went out.
  stored.categories = event.categories;
  stored.clauses = event.clauses;
  stored.severities = event.severities;
  stored.textHash = event.textHash;
  if (reason !== undefined && reason.trim() !== '') stored.reason = reason;
  return addAuditEvent(db, stored);
}

export interface PageDepsForBackground extends SupervisorDeps {
  /** Sends `config.changed` to every tab of a guarded site; answers how many were told. */
  broadcast: () => Promise<number>;
  fullCheck: (request: { text: string; platform: Platform }) => Promise<CheckResult>;
}

export function pageHandlers(deps: PageDepsForBackground): HandlerTable<PageProtocol> {
  return {
    async 'settings.changed'() {
      return { tabs: await deps.broadcast() };
    },
    'page.check'(request) {
      return deps.fullCheck(request);
    },
  };
}
