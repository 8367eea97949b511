/**
 * Approvals under guideline (4)③ `4-3-approval` as the background runs them for the author's gate:
 * a signed code pasted by the author, the supervisor's PIN typed on the author's machine (in
 * person), and a release of a post held by block findings (with a reason). Each is bound to the
 * exact text (its SHA-256), the account, the site and the attached photos; a code opens one post
 * (its request id is kept, a second paste is refused), and everything is judged on the trusted
 * clock (`observeTime`: the latest time seen). Every acceptance is kept in the approvals table and
 * every refusal in the audit log (`approval_refused`).
 */
import type { AuditInput } from '../audit/event.ts';
import { APPROVAL_FAILURE_JA, mediaDigest, sha256Hex, verifyApprovalCode, type ApprovalKind } from '../security/index.ts';
import type { Finding, Platform } from '../shared/types.ts';
import {
  getSetting, observeTime, recordApproval, recordReceivedApproval, takeUsableApproval,
  type ApprovalRecord, type BoundApprovalRecord, type ToukouGuardDB, type Unsaved,
} from '../storage/index.ts';
import { writeAuditRecord } from './audit-writer.ts';
import { loadEffectiveConfig } from './config.ts';
import { keyFingerprint } from './key-fingerprint.ts';
import { WRONG_PIN, checkSupervisorPin, type PinLimits } from './pin-guard.ts';

/** What an approval is for: the exact text, where, to which account, with which photos. */
export interface ApprovalSubject {
  text: string;
  account: string;
  site: Platform;
  /** Fingerprints of the attached photos and videos (none when absent). */
  media?: readonly string[];
  /** The findings the gate showed, for the audit record of a refusal. */
  findings: Finding[];
}

export type ApprovalOutcome =
  | {
      ok: true;
      kind: ApprovalKind;
      reason?: string;
      /** Epoch ms (for display). */
      expiresAt: number;
      /**
       * How long the tab may keep this approval, measured on the background's trusted clock: the
       * tab turns it into a deadline on its monotonic clock (`rememberedApprovalDeadline`).
       */
      validForMs: number;
    }
  | { ok: false; reason: string };

/** An in-person approval opens the gate for this text for one hour. */
export const IN_PERSON_VALID_MS = 60 * 60 * 1000;
/** The `code` column of an in-person approval (there is no signed code). */
export const IN_PERSON_CODE = 'PIN';

/** The key in force and whether texts are kept, for the rows an approval writes. */
interface ApprovalContext {
  fingerprint: string | null;
  keepText: boolean;
}

async function refuse(db: ToukouGuardDB, subject: ApprovalSubject, reason: string, now: number, context: ApprovalContext): Promise<ApprovalOutcome> {
  const input: AuditInput = { time: now, site: subject.site, account: subject.account, decision: 'approval_refused', reason, result: { findings: subject.findings }, text: subject.text };
  await writeAuditRecord(db, input, { keyFingerprint: context.fingerprint, keepText: context.keepText });
  return { ok: false, reason };
}

function granted(kind: ApprovalKind, reason: string | undefined, expiresAt: number, trustedNow: number): ApprovalOutcome {
  const outcome: ApprovalOutcome = { ok: true, kind, expiresAt, validForMs: Math.max(0, expiresAt - trustedNow) };
  if (reason !== undefined && reason !== '') outcome.reason = reason;
  return outcome;
}

/**
 * The author pasted a code: verified with the supervisor's public key (from the effective config),
 * then used up. `keepText`: the configuration in force (default: this profile's own setting).
 */
export async function acceptApprovalCode(
  db: ToukouGuardDB,
  publicKey: JsonWebKey | null,
  subject: ApprovalSubject & { code: string },
  now = Date.now(),
  options: { keepText?: boolean } = {},
): Promise<ApprovalOutcome> {
  const trusted = await observeTime(db, now);
  const context: ApprovalContext = { fingerprint: await keyFingerprint(publicKey), keepText: options.keepText ?? (await getSetting(db, 'auditKeepText')) };
  const expectation = { text: subject.text, account: subject.account, site: subject.site, media: subject.media ?? [], now: trusted };
  const verified = await verifyApprovalCode(subject.code, publicKey, expectation);
  if (!verified.ok) return refuse(db, subject, `了承コード: ${verified.reason}`, trusted, context);
  const record: Unsaved<ApprovalRecord> & { requestId: string; mediaHash: string } = {
    textHash: verified.textHash,
    account: verified.account,
    site: verified.site,
    kind: verified.kind,
    code: subject.code.replace(/\s+/g, ''),
    issuedAt: verified.issuedAt,
    expiresAt: verified.expiresAt,
    requestId: verified.requestId,
    mediaHash: verified.mediaHash,
    keyFingerprint: context.fingerprint ?? '',
  };
  if (verified.reason !== undefined) record.reason = verified.reason;
  if ((await recordReceivedApproval(db, record)) === null) return refuse(db, subject, `了承コード: ${APPROVAL_FAILURE_JA.used}`, trusted, context);
  return granted(verified.kind, verified.reason, verified.expiresAt, trusted);
}

/**
 * The supervisor typed their PIN on the author's machine. A release needs a reason. The PIN goes
 * through the one persisted limiter (pin-guard.ts); a wrong one is recorded, a locked-out one is not
 * tried. `managed`: the organisation's policy (its PIN and public key win).
 */
export async function approveInPerson(
  db: ToukouGuardDB,
  subject: ApprovalSubject & { pin: string; kind: ApprovalKind; reason?: string },
  now = Date.now(),
  limits?: PinLimits,
  options: { managed?: unknown } = {},
): Promise<ApprovalOutcome> {
  const trusted = await observeTime(db, now);
  const reason = subject.reason?.trim() ?? '';
  if (subject.kind === 'release' && reason === '') return { ok: false, reason: 'ブロックの解除には理由が必要です。' };
  const config = await loadEffectiveConfig(db, options.managed);
  const context: ApprovalContext = { fingerprint: await keyFingerprint(config.supervisorPublicKey), keepText: config.auditKeepText };
  const verdict = await checkSupervisorPin(db, subject.pin, { now, managed: options.managed, ...(limits === undefined ? {} : { limits }) });
  if (!verdict.ok) {
    // Only a PIN that was tried and wrong is a refusal worth recording; a lockout or no PIN set is not.
    if (verdict.locked || verdict.reason !== WRONG_PIN) return { ok: false, reason: verdict.reason };
    return refuse(db, subject, '所属長 PIN が違います', trusted, context);
  }
  const record: Unsaved<ApprovalRecord> & { mediaHash: string } = {
    textHash: await sha256Hex(subject.text),
    account: subject.account,
    site: subject.site,
    kind: subject.kind,
    code: IN_PERSON_CODE,
    issuedAt: trusted,
    expiresAt: trusted + IN_PERSON_VALID_MS,
    mediaHash: await mediaDigest(subject.media ?? []),
    keyFingerprint: context.fingerprint ?? '',
  };
  if (reason !== '') record.reason = reason;
  await recordApproval(db, record);
  return granted(subject.kind, reason, record.expiresAt, trusted);
}

/**
 * The post went out: the newest usable approval for this text, account and site is marked used
 * and returned (its kind decides `posted_with_approval` or `released`, its reason goes to the log).
 * Judged on the trusted clock, so an approval that expired before the clock was turned back stays expired.
 */
export async function consumeApproval(db: ToukouGuardDB, subject: { textHash: string; account: string; site: string }, now = Date.now()): Promise<BoundApprovalRecord | undefined> {
  return takeUsableApproval(db, subject, await observeTime(db, now));
}
