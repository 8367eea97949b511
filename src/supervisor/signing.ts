/**
 * The supervisor's own profile: the signing key (made once, the private half encrypted under the
 * PIN), opening an author's request, approving or refusing it. An issued code is kept in the
 * approvals table and a refusal in the audit log, so the supervisor's log shows both.
 */
import {
  approve, encryptPrivateKey, generateSupervisorKeyPair, parseApprovalRequest, sha256Hex, unlockPrivateKey,
  type ApprovalKind, type ApprovalRequest,
} from '../security/index.ts';
import type { CheckResult } from '../shared/types.ts';
import { getSetting, recordApproval, setSetting, type ToukouGuardDB } from '../storage/index.ts';
import { writeAuditRecord } from './audit-writer.ts';
import { loadEffectiveConfig } from './config.ts';
import { keyFingerprint } from './key-fingerprint.ts';
import { checkSupervisorPin, type PinCheckOptions, type PinLimits } from './pin-guard.ts';

/** The PIN under the shared limiter; throws the Japanese reason when it does not open. */
async function requirePin(db: ToukouGuardDB, pin: string, now?: number, limits?: PinLimits, managed?: unknown): Promise<void> {
  const options: PinCheckOptions = { managed };
  if (now !== undefined) options.now = now;
  if (limits !== undefined) options.limits = limits;
  const verdict = await checkSupervisorPin(db, pin, options);
  if (!verdict.ok) throw new Error(verdict.reason);
}

/**
 * Makes the key pair; the private key is stored encrypted under the PIN, the public key in plain.
 * `managed`: the organisation's policy (its PIN is the one checked).
 */
export async function createSupervisorKey(db: ToukouGuardDB, pin: string, now?: number, options: { managed?: unknown; pinLimits?: PinLimits } = {}): Promise<JsonWebKey> {
  await requirePin(db, pin, now, options.pinLimits, options.managed);
  const pair = await generateSupervisorKeyPair();
  const encrypted = await encryptPrivateKey(pair.privateKeyJwk, pin);
  await db.transaction('rw', db.settings, async () => {
    await setSetting(db, 'supervisorPrivateKey', encrypted);
    await setSetting(db, 'supervisorPublicKey', pair.publicKeyJwk);
  });
  return pair.publicKeyJwk;
}

export type OpenedRequest = { ok: true; request: ApprovalRequest } | { ok: false; reason: string };

export async function openRequest(text: string): Promise<OpenedRequest> {
  const parsed = await parseApprovalRequest(text);
  return parsed.ok ? { ok: true, request: parsed.request } : { ok: false, reason: parsed.reason };
}

/**
 * Signs a code for the request with the key unlocked by the PIN; records what was issued. The PIN
 * is checked under the shared limiter first: decrypting the key is a PIN check of its own, and
 * without the limiter it would be an unlimited one.
 */
export async function signApproval(
  db: ToukouGuardDB,
  request: ApprovalRequest,
  options: { pin: string; kind: ApprovalKind; expiresInMinutes: number; reason?: string; now?: number; pinLimits?: PinLimits; managed?: unknown },
): Promise<string> {
  if ((await getSetting(db, 'supervisorPrivateKey')) === null) throw new Error('署名用の鍵がありません。「了承」タブで鍵を作成してください。');
  const now = options.now ?? Date.now();
  await requirePin(db, options.pin, now, options.pinLimits, options.managed);
  // Read again: a right PIN may just have re-encrypted it at today's PBKDF2 rounds.
  const stored = await getSetting(db, 'supervisorPrivateKey');
  if (stored === null) throw new Error('署名用の鍵がありません。「了承」タブで鍵を作成してください。');
  const unlocked = await unlockPrivateKey(stored, options.pin);
  if (!unlocked.ok) throw new Error(unlocked.reason);
  const approveOptions: Parameters<typeof approve>[2] = { expiresInMinutes: options.expiresInMinutes, kind: options.kind, now };
  if (options.reason !== undefined && options.reason.trim() !== '') approveOptions.reason = options.reason.trim();
  const code = await approve(request, unlocked.privateKey, approveOptions);
  const record: Parameters<typeof recordApproval>[1] = {
    textHash: request.textHash,
    account: request.account,
    site: request.site,
    kind: options.kind,
    code,
    issuedAt: Math.floor(now / 1000) * 1000,
    expiresAt: Math.floor(now / 1000) * 1000 + Math.max(1, Math.round(options.expiresInMinutes * 60)) * 1000,
    requestId: request.id,
    mediaHash: request.media,
    issued: true,
    // The key that signed: this profile's own public key.
    keyFingerprint: (await keyFingerprint(await getSetting(db, 'supervisorPublicKey'))) ?? '',
  };
  if (approveOptions.reason !== undefined) record.reason = approveOptions.reason;
  await recordApproval(db, record);
  return code;
}

/** The supervisor declines: recorded with the reason and the findings they saw. */
export async function refuseRequest(db: ToukouGuardDB, request: ApprovalRequest, result: Pick<CheckResult, 'findings'>, reason: string, now = Date.now(), managed?: unknown): Promise<void> {
  if ((await sha256Hex(request.text)) !== request.textHash) throw new Error('依頼の本文が変更されています。');
  const config = await loadEffectiveConfig(db, managed);
  const stamp = { keyFingerprint: await keyFingerprint(config.supervisorPublicKey), keepText: config.auditKeepText };
  await writeAuditRecord(db, {
    time: now,
    site: request.site,
    account: request.account,
    decision: 'approval_refused',
    reason: `所属長が了承しませんでした${reason.trim() === '' ? '' : `: ${reason.trim()}`}`,
    result,
    text: request.text,
  }, stamp);
}
