/**
 * Approvals under guideline (4)③ `4-3-approval` as the background runs them for the author's gate:
 * a signed code pasted by the author, the supervisor's PIN typed on the author's machine (in
 * person), and a release of a post held by block findings (with a reason). Each is bound to the
 * exact text (its SHA-256) and the account; a code is used for one post. Every acceptance is kept
 * in the approvals table and every refusal in the audit log (`approval_refused`).
 */
import { recordAuditEvent, type AuditInput } from '../audit/event.ts';
import { sha256Hex, verifyApprovalCode, verifyPin, type ApprovalKind } from '../security/index.ts';
import type { Finding, Platform } from '../shared/types.ts';
import { findUsableApprovals, getSetting, markApprovalUsed, recordApproval, type ApprovalRecord, type ToukouGuardDB } from '../storage/index.ts';

/** What an approval is for: the exact text, where, and to which account. */
export interface ApprovalSubject {
  text: string;
  account: string;
  site: Platform;
  /** The findings the gate showed, for the audit record of a refusal. */
  findings: Finding[];
}

export type ApprovalOutcome = { ok: true; kind: ApprovalKind; reason?: string; expiresAt: number } | { ok: false; reason: string };

/** An in-person approval opens the gate for this text for one hour. */
export const IN_PERSON_VALID_MS = 60 * 60 * 1000;
/** The `code` column of an in-person approval (there is no signed code). */
export const IN_PERSON_CODE = 'PIN';

/**
 * Wrong PINs typed in the in-person confirmation window: after `MAX_FAILURES` the PIN is not even tried for a while, and the
 * wait doubles each time, so a PIN cannot be guessed by hammering the window.
 */
export class PinAttemptLimiter {
  private failures = 0;
  private lockedUntil = 0;
  constructor(private readonly maxFailures = 5, private readonly baseLockMs = 60_000) {}
  /** Milliseconds left before another try is allowed (0: allowed now). */
  wait(now: number): number {
    return Math.max(0, this.lockedUntil - now);
  }
  failed(now: number): void {
    this.failures += 1;
    if (this.failures >= this.maxFailures) this.lockedUntil = now + this.baseLockMs * 2 ** (this.failures - this.maxFailures);
  }
  succeeded(): void {
    this.failures = 0;
    this.lockedUntil = 0;
  }
}

async function refuse(db: ToukouGuardDB, subject: ApprovalSubject, reason: string, now: number): Promise<ApprovalOutcome> {
  const input: AuditInput = { time: now, site: subject.site, account: subject.account, decision: 'approval_refused', reason, result: { findings: subject.findings }, text: subject.text };
  await recordAuditEvent(db, input);
  return { ok: false, reason };
}

/** The author pasted a code: verified with the supervisor's public key (from the effective config). */
export async function acceptApprovalCode(
  db: ToukouGuardDB,
  publicKey: JsonWebKey | null,
  subject: ApprovalSubject & { code: string },
  now = Date.now(),
): Promise<ApprovalOutcome> {
  const verified = await verifyApprovalCode(subject.code, publicKey, { text: subject.text, account: subject.account, now });
  if (!verified.ok) return refuse(db, subject, `了承コード: ${verified.reason}`, now);
  const record: Omit<ApprovalRecord, 'id'> = {
    textHash: verified.textHash,
    account: verified.account,
    site: subject.site,
    kind: verified.kind,
    code: subject.code.replace(/\s+/g, ''),
    issuedAt: verified.issuedAt,
    expiresAt: verified.expiresAt,
  };
  if (verified.reason !== undefined) record.reason = verified.reason;
  await recordApproval(db, record);
  const outcome: ApprovalOutcome = { ok: true, kind: verified.kind, expiresAt: verified.expiresAt };
  if (verified.reason !== undefined) outcome.reason = verified.reason;
  return outcome;
}

/** The supervisor typed their PIN on the author's machine. A release needs a reason. */
export async function approveInPerson(
  db: ToukouGuardDB,
  limiter: PinAttemptLimiter,
  subject: ApprovalSubject & { pin: string; kind: ApprovalKind; reason?: string },
  now = Date.now(),
): Promise<ApprovalOutcome> {
  const wait = limiter.wait(now);
  if (wait > 0) return { ok: false, reason: `PIN の誤りが続いたため、${Math.ceil(wait / 1000)}秒後まで受け付けません。` };
  const stored = await getSetting(db, 'supervisorPinHash');
  if (stored === null) return { ok: false, reason: '所属長 PIN が設定されていません（設定画面で設定してください）。' };
  const reason = subject.reason?.trim() ?? '';
  if (subject.kind === 'release' && reason === '') return { ok: false, reason: 'ブロックの解除には理由が必要です。' };
  if (!(await verifyPin(subject.pin, stored))) {
    limiter.failed(now);
    return refuse(db, subject, '所属長 PIN が違います', now);
  }
  limiter.succeeded();
  const record: Omit<ApprovalRecord, 'id'> = {
    textHash: await sha256Hex(subject.text),
    account: subject.account,
    site: subject.site,
    kind: subject.kind,
    code: IN_PERSON_CODE,
    issuedAt: now,
    expiresAt: now + IN_PERSON_VALID_MS,
  };
  if (reason !== '') record.reason = reason;
  await recordApproval(db, record);
  const outcome: ApprovalOutcome = { ok: true, kind: subject.kind, expiresAt: record.expiresAt };
  if (reason !== '') outcome.reason = reason;
  return outcome;
}

/**
 * The post went out: the newest usable approval for this text and account is marked used and
 * returned (its kind decides `posted_with_approval` or `released`, its reason goes to the log).
 */
export async function consumeApproval(db: ToukouGuardDB, textHash: string, account: string, now = Date.now()): Promise<ApprovalRecord | undefined> {
  const [usable] = await findUsableApprovals(db, textHash, account, now);
  if (usable === undefined) return undefined;
  await markApprovalUsed(db, usable.id, now);
  return usable;
}
