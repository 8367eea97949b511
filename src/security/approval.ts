/**
 * Approval by the section head (所属長), guideline (4)③ `4-3-approval`, without any server:
 *
 * 1. The member of staff copies a request, `TGREQ1.<base64url(JSON)>`, that carries a random
 *    request id, the exact text, its SHA-256, the account, the site and a digest of the attached
 *    photos' and videos' fingerprints, and sends it to the supervisor by any channel.
 * 2. The supervisor opens it in their own profile (the text is shown; the supervisor's UI re-runs
 *    the checker on it rather than trusting findings sent along), and signs an approval code:
 *    `TGOK1.<base64url(payload JSON)>.<base64url(ECDSA P-256 signature, low-s)>`.
 * 3. The staff member pastes the code; `verifyApprovalCode` opens it only for the very same text
 *    (byte for byte, see `sha256Hex`), account, site and attachments, under the public key in
 *    settings, when it is canonical (low s), issued no later than a few minutes from now, lives at
 *    most seven days, and has not expired on the caller's trusted clock. That the request id has
 *    not been used before is the caller's to check (it needs storage: src/supervisor/approvals.ts).
 *
 * The signature covers the ASCII bytes of `TGOK1.<payload>`, so the version prefix is signed too.
 * Whitespace and line breaks in a pasted request or code are ignored (mail and chat wrap them).
 * Format 1 (before issue #8: no request id, no site, no photos) is refused as outdated.
 */
import { fromBase64Url, randomBytes, toBase64Url, toHex, utf8Bytes, utf8Text } from './encoding.ts';
import { SHA256_HEX_PATTERN, sha256Hex } from './hash.ts';
import { SIGNATURE_BYTES, SIGNATURE_PARAMS, importPublicKey, isCanonicalSignature, signCanonical } from './keys.ts';

export const REQUEST_PREFIX = 'TGREQ1.';
export const CODE_PREFIX = 'TGOK1.';
/** The JSON format inside requests and codes (format 1 had no request id, site or photos). */
export const APPROVAL_FORMAT = 2;
/** A code is for one post now, not a standing permission: at most seven days. */
export const MAX_EXPIRY_MINUTES = 7 * 24 * 60;
/** How far in the future a code's issue time may be (the supervisor's clock a little ahead of the author's). */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;
export const MAX_REASON_LENGTH = 200;
export const MAX_ACCOUNT_LENGTH = 100;
/** Facebook allows 63,206 characters in a post; nothing longer is a post. */
export const MAX_TEXT_LENGTH = 70_000;
const MAX_MEDIA_COUNT = 100;
const REQUEST_ID_BYTES = 16;
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export type ApprovalKind = 'approve' | 'release';

export interface ApprovalRequest {
  v: typeof APPROVAL_FORMAT;
  /** Random (128 bits, base64url). Signed into the code; the author's profile keeps it once used, so a code opens one post. */
  id: string;
  textHash: string;
  /** The account the post goes to (the 利用方針 account handle, `4-1-policy`). */
  account: string;
  site: 'x' | 'facebook';
  text: string;
  /** `mediaDigest` of the attached photos and videos; '' when there are none. */
  media: string;
  /** How many photos and videos are attached (shown to the supervisor). */
  mediaCount: number;
  /** Epoch milliseconds. */
  createdAt: number;
}

/**
 * What is signed, as it travels. Kept compact so the code stays pasteable (~400 characters):
 * hashes as base64url of their 32 bytes, times in epoch SECONDS (as in JWT).
 */
export interface ApprovalPayload {
  v: typeof APPROVAL_FORMAT;
  /** The request id (`ApprovalRequest.id`). */
  rid: string;
  /** base64url of the SHA-256 of the text (the same digest as `sha256Hex`, shorter). */
  textHash: string;
  account: string;
  site: 'x' | 'facebook';
  /** base64url of `mediaDigest`; '' when no photo or video was attached. */
  media: string;
  /** Epoch seconds when the code was signed. */
  iat: number;
  /** Epoch seconds after which the code no longer opens. */
  exp: number;
  /** `approve`: the (4)③ approval. `release`: the supervisor lets a post through despite a block finding. */
  kind: ApprovalKind;
  reason?: string;
}

export type ApprovalFailure =
  | 'format' | 'outdated' | 'signature' | 'text_changed' | 'account' | 'site' | 'media'
  | 'lifetime' | 'future' | 'expired' | 'used' | 'public_key';

export const APPROVAL_FAILURE_JA: Record<ApprovalFailure, string> = {
  format: '形式が不正です',
  outdated: '古い形式のコードです（投稿画面で依頼を作り直し、新しいコードをもらってください）',
  signature: '署名が一致しません',
  text_changed: '本文が変更されています',
  account: 'アカウントが違います',
  site: '投稿先のサイトが違います',
  media: '添付の写真・動画が了承されたものと違います',
  lifetime: '有効期間が7日を超えています',
  future: '発行時刻が未来になっています（この端末の時計を確かめてください）',
  expired: '有効期限切れ',
  used: '使用済みです（了承コードは1回の投稿にだけ使えます）',
  public_key: '所属長の公開鍵が設定されていないか不正です',
};

export type ApprovalVerification =
  | {
      ok: true;
      kind: ApprovalKind;
      reason?: string;
      /** The request id: the caller refuses a second use of it. */
      requestId: string;
      /** Hex, as `sha256Hex` gives it (for the audit log). */
      textHash: string;
      account: string;
      site: 'x' | 'facebook';
      /** Hex `mediaDigest`, '' when none. */
      mediaHash: string;
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

function isSite(v: unknown): v is 'x' | 'facebook' {
  return v === 'x' || v === 'facebook';
}

/**
 * One digest for the photos and videos a post carries (their fingerprints as the composer gives
 * them, order and repeats ignored), hex SHA-256; '' when there are none. The same attachments give
 * the same digest in the author's tab and in the background.
 */
export async function mediaDigest(fingerprints: readonly string[]): Promise<string> {
  const unique = [...new Set(fingerprints)].sort();
  return unique.length === 0 ? '' : sha256Hex(JSON.stringify(unique));
}

export function newRequestId(): string {
  return toBase64Url(randomBytes(REQUEST_ID_BYTES));
}

export async function createApprovalRequest(input: { text: string; account: string; site: 'x' | 'facebook'; media?: readonly string[]; now?: number; id?: string }): Promise<string> {
  const media = input.media ?? [];
  const request: ApprovalRequest = {
    v: APPROVAL_FORMAT,
    id: input.id ?? newRequestId(),
    textHash: await sha256Hex(input.text),
    account: input.account,
    site: input.site,
    text: input.text,
    media: await mediaDigest(media),
    mediaCount: new Set(media).size,
    createdAt: input.now ?? Date.now(),
  };
  return REQUEST_PREFIX + encodeJson(request);
}

function isMediaHex(v: unknown): v is string {
  return typeof v === 'string' && (v === '' || SHA256_HEX_PATTERN.test(v));
}

/** Reads a request and checks that its hash belongs to its text (a truncated paste is refused). */
export async function parseApprovalRequest(input: string): Promise<RequestParse> {
  const bad = { ok: false, reason: `依頼の${APPROVAL_FAILURE_JA.format}` } as const;
  const s = stripWhitespace(input);
  if (!s.startsWith(REQUEST_PREFIX)) return bad;
  const v = decodeJson(s.slice(REQUEST_PREFIX.length));
  if (isRecord(v) && v['v'] === 1) return { ok: false, reason: '古い形式の依頼です（投稿画面で依頼を作り直してください）' };
  if (
    !isRecord(v) || v['v'] !== APPROVAL_FORMAT ||
    typeof v['id'] !== 'string' || !REQUEST_ID_PATTERN.test(v['id']) ||
    typeof v['textHash'] !== 'string' || !SHA256_HEX_PATTERN.test(v['textHash']) ||
    typeof v['account'] !== 'string' || v['account'].length > MAX_ACCOUNT_LENGTH ||
    !isSite(v['site']) ||
    typeof v['text'] !== 'string' || v['text'].length > MAX_TEXT_LENGTH ||
    !isMediaHex(v['media']) ||
    !Number.isSafeInteger(v['mediaCount']) || (v['mediaCount'] as number) < 0 || (v['mediaCount'] as number) > MAX_MEDIA_COUNT ||
    (v['media'] === '') !== (v['mediaCount'] === 0) ||
    typeof v['createdAt'] !== 'number' || !Number.isFinite(v['createdAt'])
  ) return bad;
  const request: ApprovalRequest = {
    v: APPROVAL_FORMAT, id: v['id'], textHash: v['textHash'], account: v['account'], site: v['site'], text: v['text'],
    media: v['media'], mediaCount: v['mediaCount'] as number, createdAt: v['createdAt'],
  };
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
    if (req.v !== APPROVAL_FORMAT || !REQUEST_ID_PATTERN.test(req.id) || !isSite(req.site) || !isMediaHex(req.media)) throw new Error(`依頼の${APPROVAL_FAILURE_JA.format}`);
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
  const payload: ApprovalPayload = {
    v: APPROVAL_FORMAT,
    rid: req.id,
    textHash: hexToBase64Url(req.textHash),
    account: req.account,
    site: req.site,
    media: req.media === '' ? '' : hexToBase64Url(req.media),
    iat,
    exp: iat + Math.max(1, Math.round(minutes * 60)),
    kind,
  };
  if (reason !== undefined && reason !== '') payload.reason = reason;
  const signedPart = CODE_PREFIX + encodeJson(payload);
  return `${signedPart}.${toBase64Url(await signCanonical(privateKey, utf8Bytes(signedPart)))}`;
}

function isDigest64(v: unknown): v is string {
  return typeof v === 'string' && fromBase64Url(v)?.length === 32;
}

function parsePayload(v: unknown): ApprovalPayload | null {
  if (!isRecord(v) || v['v'] !== APPROVAL_FORMAT) return null;
  const { rid, textHash, account, site, media, iat, exp, kind, reason } = v;
  if (typeof rid !== 'string' || !REQUEST_ID_PATTERN.test(rid)) return null;
  if (!isDigest64(textHash)) return null;
  if (typeof account !== 'string' || account.length > MAX_ACCOUNT_LENGTH) return null;
  if (!isSite(site)) return null;
  if (media !== '' && !isDigest64(media)) return null;
  if (typeof iat !== 'number' || typeof exp !== 'number' || !Number.isSafeInteger(iat) || !Number.isSafeInteger(exp)) return null;
  if (kind !== 'approve' && kind !== 'release') return null;
  if (reason !== undefined && (typeof reason !== 'string' || reason.length > MAX_REASON_LENGTH)) return null;
  const payload: ApprovalPayload = { v: APPROVAL_FORMAT, rid, textHash, account, site, media, iat, exp, kind };
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

export interface ApprovalExpectation {
  text: string;
  account: string;
  site: 'x' | 'facebook';
  /** Fingerprints of the photos and videos attached now (none when absent). */
  media?: readonly string[];
  /**
   * Epoch ms, the caller's TRUSTED now: the latest time it has seen (src/storage/approvals.ts
   * `observeTime`), so a clock turned back does not revive an expired code.
   */
  now?: number;
}

/**
 * Opens an approval code for this text, account, site and attachments at `now`. Checks, in order:
 * form, canonical signature, signature (nothing unsigned is believed), text, account, site,
 * attachments, lifetime (at most seven days), issue time (not in the future beyond
 * `MAX_CLOCK_SKEW_MS`), expiry — so the reason given is the first that applies.
 */
export async function verifyApprovalCode(code: string, publicKeyJwk: JsonWebKey | null | undefined, expected: ApprovalExpectation): Promise<ApprovalVerification> {
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
  const json = decodeJson(payloadPart);
  const signature = fromBase64Url(signaturePart);
  if (signature === null || signature.length !== SIGNATURE_BYTES) return fail('format');
  if (isRecord(json) && json['v'] === 1) return fail('outdated');
  const payload = parsePayload(json);
  if (payload === null) return fail('format');
  // (r, n−s) verifies too: only the low-s form is a code, so one approval has one code string.
  if (!isCanonicalSignature(signature)) return fail('signature');
  const valid = await globalThis.crypto.subtle.verify(SIGNATURE_PARAMS, publicKey, signature, utf8Bytes(CODE_PREFIX + payloadPart));
  if (!valid) return fail('signature');
  const textHash = await sha256Hex(expected.text);
  if (hexToBase64Url(textHash) !== payload.textHash) return fail('text_changed');
  if (payload.account !== expected.account) return fail('account');
  if (payload.site !== expected.site) return fail('site');
  const mediaHash = await mediaDigest(expected.media ?? []);
  if ((mediaHash === '' ? '' : hexToBase64Url(mediaHash)) !== payload.media) return fail('media');
  if (payload.exp <= payload.iat || payload.exp - payload.iat > MAX_EXPIRY_MINUTES * 60) return fail('lifetime');
  const now = expected.now ?? Date.now();
  if (payload.iat * 1000 > now + MAX_CLOCK_SKEW_MS) return fail('future');
  if (now > payload.exp * 1000) return fail('expired');
  const result: ApprovalVerification = {
    ok: true,
    kind: payload.kind,
    requestId: payload.rid,
    textHash,
    account: payload.account,
    site: payload.site,
    mediaHash: payload.media === '' ? '' : toHex(fromBase64Url(payload.media)!),
    issuedAt: payload.iat * 1000,
    expiresAt: payload.exp * 1000,
  };
  if (payload.reason !== undefined) result.reason = payload.reason;
  return result;
}
