/**
 * Approval by the section head (所属長), guideline (4)③ `4-3-approval`, without any server:
 *
 * 1. The member of staff copies a request, `TGREQ1.<base64url(JSON)>`, that carries the exact text,
 *    its SHA-256, the account and the site, and sends it to the supervisor by any channel.
 * 2. The supervisor opens it in their own profile (the text is shown; the supervisor's UI re-runs
 *    the checker on it rather than trusting findings sent along), and signs an approval code:
 *    `TGOK1.<base64url(payload JSON)>.<base64url(ECDSA P-256 signature)>`.
 * 3. The staff member pastes the code; `verifyApprovalCode` opens it only for the very same text
 *    (byte for byte, see `sha256Hex`), the same account, before it expires, under the public key
 *    in settings.
 *
 * The signature covers the ASCII bytes of `TGOK1.<payload>`, so the version prefix is signed too.
 * Whitespace and line breaks in a pasted request or code are ignored (mail and chat wrap them).
 */
import { fromBase64Url, toBase64Url, utf8Bytes, utf8Text } from './encoding.ts';
import { SHA256_HEX_PATTERN, sha256Hex } from './hash.ts';
import { SIGNATURE_PARAMS, importPublicKey } from './keys.ts';

export const REQUEST_PREFIX = 'TGREQ1.';
export const CODE_PREFIX = 'TGOK1.';
/** A code is for one post now, not a standing permission: at most seven days. */
export const MAX_EXPIRY_MINUTES = 7 * 24 * 60;
export const MAX_REASON_LENGTH = 200;
const SIGNATURE_BYTES = 64;

export type ApprovalKind = 'approve' | 'release';

export interface ApprovalRequest {
  v: 1;
  textHash: string;
  /** The account the post goes to (the 利用方針 account handle, `4-1-policy`). */
  account: string;
  site: string;
  text: string;
  /** Epoch milliseconds. */
  createdAt: number;
}

/**
 * What is signed, as it travels. Kept compact so the code stays pasteable (~280 characters):
 * the hash as base64url of its 32 bytes, times in epoch SECONDS (as in JWT).
 */
export interface ApprovalPayload {
  v: 1;
  /** base64url of the SHA-256 of the text (the same digest as `sha256Hex`, shorter). */
  textHash: string;
  account: string;
  /** Epoch seconds when the code was signed. */
  iat: number;
  /** Epoch seconds after which the code no longer opens. */
  exp: number;
  /** `approve`: the (4)③ approval. `release`: the supervisor lets a post through despite a block finding. */
  kind: ApprovalKind;
  reason?: string;
}

export type ApprovalFailure = 'format' | 'signature' | 'text_changed' | 'account' | 'expired' | 'public_key';

export const APPROVAL_FAILURE_JA: Record<ApprovalFailure, string> = {
  format: '形式が不正です',
  signature: '署名が一致しません',
  text_changed: '本文が変更されています',
  account: 'アカウントが違います',
  expired: '有効期限切れ',
  public_key: '所属長の公開鍵が設定されていないか不正です',
};

export type ApprovalVerification =
  | {
      ok: true;
      kind: ApprovalKind;
      reason?: string;
      /** Hex, as `sha256Hex` gives it (for the audit log). */
      textHash: string;
      account: string;
      /** Epoch milliseconds. */
      issuedAt: number;
      /** Epoch milliseconds. */
      expiresAt: number;
    }
  | { ok: false; failure: ApprovalFailure; reason: string };

export type RequestParse = { ok: true; request: ApprovalRequest } | { ok: false; reason: string };

function stripWhitespace(s: string): string {
  return s.replace(/\s+/g, '');
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function decodeJson(part: string): unknown {
  const bytes = fromBase64Url(part);
  if (bytes === null) return undefined;
  try {
    return JSON.parse(utf8Text(bytes)) as unknown;
  } catch {
    return undefined;
  }
}

function encodeJson(value: unknown): string {
  return toBase64Url(utf8Bytes(JSON.stringify(value)));
}

export async function createApprovalRequest(input: { text: string; account: string; site: string; now?: number }): Promise<string> {
  const request: ApprovalRequest = {
    v: 1,
    textHash: await sha256Hex(input.text),
    account: input.account,
    site: input.site,
    text: input.text,
    createdAt: input.now ?? Date.now(),
  };
  return REQUEST_PREFIX + encodeJson(request);
}

/** Reads a request and checks that its hash belongs to its text (a truncated paste is refused). */
export async function parseApprovalRequest(input: string): Promise<RequestParse> {
  const bad = { ok: false, reason: `依頼の${APPROVAL_FAILURE_JA.format}` } as const;
  const s = stripWhitespace(input);
  if (!s.startsWith(REQUEST_PREFIX)) return bad;
  const v = decodeJson(s.slice(REQUEST_PREFIX.length));
  if (
    !isRecord(v) || v['v'] !== 1 ||
    typeof v['textHash'] !== 'string' || !SHA256_HEX_PATTERN.test(v['textHash']) ||
    typeof v['account'] !== 'string' || typeof v['site'] !== 'string' || typeof v['text'] !== 'string' ||
    typeof v['createdAt'] !== 'number' || !Number.isFinite(v['createdAt'])
  ) return bad;
  const request: ApprovalRequest = { v: 1, textHash: v['textHash'], account: v['account'], site: v['site'], text: v['text'], createdAt: v['createdAt'] };
  if ((await sha256Hex(request.text)) !== request.textHash) return { ok: false, reason: `依頼の${APPROVAL_FAILURE_JA.text_changed}` };
  return { ok: true, request };
}

export interface ApproveOptions {
  expiresInMinutes: number;
  kind?: ApprovalKind;
  /** Why; required for `release` (it is recorded in the audit log as the override reason). */
  reason?: string;
  now?: number;
}

/**
 * Signs an approval code for a request. The hash is recomputed from the text the supervisor was
 * shown, so a request whose hash was edited to match another text is refused, not signed.
 */
export async function approve(request: string | ApprovalRequest, privateKey: CryptoKey, options: ApproveOptions): Promise<string> {
  let req: ApprovalRequest;
  if (typeof request === 'string') {
    const parsed = await parseApprovalRequest(request);
    if (!parsed.ok) throw new Error(parsed.reason);
    req = parsed.request;
  } else {
    req = request;
    if ((await sha256Hex(req.text)) !== req.textHash) throw new Error(`依頼の${APPROVAL_FAILURE_JA.text_changed}`);
  }
  const minutes = options.expiresInMinutes;
  if (!Number.isFinite(minutes) || minutes <= 0 || minutes > MAX_EXPIRY_MINUTES) {
    throw new Error(`有効期限は1分〜${MAX_EXPIRY_MINUTES}分（7日）で指定してください。`);
  }
  const kind = options.kind ?? 'approve';
  const reason = options.reason?.trim();
  if (kind === 'release' && (reason === undefined || reason === '')) throw new Error('ブロックの解除には理由が必要です。');
  if (reason !== undefined && reason.length > MAX_REASON_LENGTH) throw new Error(`理由は${MAX_REASON_LENGTH}文字以内で入力してください。`);
  const iat = Math.floor((options.now ?? Date.now()) / 1000);
  const payload: ApprovalPayload = { v: 1, textHash: hexToBase64Url(req.textHash), account: req.account, iat, exp: iat + Math.round(minutes * 60), kind };
  if (reason !== undefined && reason !== '') payload.reason = reason;
  const signedPart = CODE_PREFIX + encodeJson(payload);
  const signature = await globalThis.crypto.subtle.sign(SIGNATURE_PARAMS, privateKey, utf8Bytes(signedPart));
  return `${signedPart}.${toBase64Url(new Uint8Array(signature))}`;
}

function parsePayload(v: unknown): ApprovalPayload | null {
  if (!isRecord(v) || v['v'] !== 1) return null;
  const { textHash, account, iat, exp, kind, reason } = v;
  if (typeof textHash !== 'string' || fromBase64Url(textHash)?.length !== 32) return null;
  if (typeof account !== 'string') return null;
  if (!Number.isSafeInteger(iat) || !Number.isSafeInteger(exp)) return null;
  if (typeof iat !== 'number' || typeof exp !== 'number') return null;
  if (kind !== 'approve' && kind !== 'release') return null;
  if (reason !== undefined && typeof reason !== 'string') return null;
  const payload: ApprovalPayload = { v: 1, textHash, account, iat, exp, kind };
  if (reason !== undefined) payload.reason = reason;
  return payload;
}

function hexToBase64Url(hex: string): string {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return toBase64Url(bytes);
}

function fail(failure: ApprovalFailure): ApprovalVerification {
  return { ok: false, failure, reason: APPROVAL_FAILURE_JA[failure] };
}

/**
 * Opens an approval code for this text and account at `now`. Checks, in order: form, signature
 * (nothing unsigned is believed), text, account, expiry — so the reason given is the first that applies.
 */
export async function verifyApprovalCode(
  code: string,
  publicKeyJwk: JsonWebKey | null | undefined,
  expected: { text: string; account: string; now?: number },
): Promise<ApprovalVerification> {
  if (publicKeyJwk === null || publicKeyJwk === undefined) return fail('public_key');
  let publicKey: CryptoKey;
  try {
    publicKey = await importPublicKey(publicKeyJwk);
  } catch {
    return fail('public_key');
  }
  const s = stripWhitespace(code);
  if (!s.startsWith(CODE_PREFIX)) return fail('format');
  const parts = s.slice(CODE_PREFIX.length).split('.');
  if (parts.length !== 2) return fail('format');
  const [payloadPart, signaturePart] = parts as [string, string];
  const payload = parsePayload(decodeJson(payloadPart));
  const signature = fromBase64Url(signaturePart);
  if (payload === null || signature === null || signature.length !== SIGNATURE_BYTES) return fail('format');
  const valid = await globalThis.crypto.subtle.verify(SIGNATURE_PARAMS, publicKey, signature, utf8Bytes(CODE_PREFIX + payloadPart));
  if (!valid) return fail('signature');
  const textHash = await sha256Hex(expected.text);
  if (hexToBase64Url(textHash) !== payload.textHash) return fail('text_changed');
  if (payload.account !== expected.account) return fail('account');
  if ((expected.now ?? Date.now()) > payload.exp * 1000) return fail('expired');
  const result: ApprovalVerification = {
    ok: true,
    kind: payload.kind,
    textHash,
    account: payload.account,
    issuedAt: payload.iat * 1000,
    expiresAt: payload.exp * 1000,
  };
  if (payload.reason !== undefined) result.reason = payload.reason;
  return result;
}
