/**
 * The supervisor's signing key pair (ECDSA P-256). The public key goes into every staff member's
 * settings (`supervisorPublicKey`, distributed with the settings export); the private key stays
 * in the supervisor's own browser profile only, encrypted with a key derived from the PIN
 * (PBKDF2-SHA-256 → AES-256-GCM), so a copied profile without the PIN cannot sign approvals.
 */
import { fromBase64, randomBytes, toBase64, utf8Bytes, utf8Text } from './encoding.ts';
import { PBKDF2_ITERATIONS, PBKDF2_LEGACY_ITERATIONS, checkPinRules, normalizePin } from './pin.ts';

export const SIGNING_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
export const SIGNATURE_PARAMS = { name: 'ECDSA', hash: 'SHA-256' } as const;
/** A P-256 signature as WebCrypto gives it: r ‖ s, 32 bytes each. */
export const SIGNATURE_BYTES = 64;

/** The order n of the P-256 group. */
const P256_ORDER = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const P256_HALF_ORDER = P256_ORDER >> 1n;

function bytesToBigInt(bytes: Uint8Array): bigint {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return n;
}

function bigIntTo32Bytes(n: bigint): Uint8Array {
  const out = new Uint8Array(32);
  for (let i = 31, v = n; i >= 0; i--, v >>= 8n) out[i] = Number(v & 0xffn);
  return out;
}

/**
 * True for the one canonical form of a signature: r and s in [1, n−1] and s ≤ n/2 ("low s").
 * ECDSA accepts (r, s) and (r, n−s) alike, so without this rule anyone holding a code could make a
 * second, different code string for the same approval (issue #8 §4) — a replay that a check on the
 * code's text would not catch.
 */
export function isCanonicalSignature(signature: Uint8Array): boolean {
  if (signature.length !== SIGNATURE_BYTES) return false;
  const r = bytesToBigInt(signature.subarray(0, 32));
  const s = bytesToBigInt(signature.subarray(32));
  return r >= 1n && r < P256_ORDER && s >= 1n && s <= P256_HALF_ORDER;
}

/** The low-s form of a valid signature (WebCrypto signs with either form, at random). */
export function toCanonicalSignature(signature: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(signature);
  const s = bytesToBigInt(signature.subarray(32));
  if (s > P256_HALF_ORDER) out.set(bigIntTo32Bytes(P256_ORDER - s), 32);
  return out;
}

/** `(r, n − s)`: the other valid form of a signature. Exported for the tests that prove it is refused. */
export function mirroredSignature(signature: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(signature);
  out.set(bigIntTo32Bytes(P256_ORDER - bytesToBigInt(signature.subarray(32))), 32);
  return out;
}

/** Signs `data` and returns the canonical (low-s) signature. */
export async function signCanonical(privateKey: CryptoKey, data: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  return toCanonicalSignature(new Uint8Array(await globalThis.crypto.subtle.sign(SIGNATURE_PARAMS, privateKey, data)));
}

export interface SupervisorKeyPair {
  /** Public JWK: kty EC, crv P-256, x, y. Safe to share. */
  publicKeyJwk: JsonWebKey;
  /** Private JWK (has `d`). Encrypt it with `encryptPrivateKey` before it is stored. */
  privateKeyJwk: JsonWebKey;
}

/** The stored form of the private key: nothing in it is usable without the PIN. */
export interface EncryptedPrivateKey {
  v: 1;
  kdf: { name: 'PBKDF2-SHA-256'; salt: string; iterations: number };
  cipher: { name: 'AES-GCM'; iv: string };
  /** base64 of AES-GCM(JSON of the private JWK); the tag makes a wrong PIN fail to decrypt. */
  ciphertext: string;
}

export async function generateSupervisorKeyPair(): Promise<SupervisorKeyPair> {
  const pair = await globalThis.crypto.subtle.generateKey(SIGNING_ALGORITHM, true, ['sign', 'verify']);
  const publicKeyJwk = await globalThis.crypto.subtle.exportKey('jwk', pair.publicKey);
  const privateKeyJwk = await globalThis.crypto.subtle.exportKey('jwk', pair.privateKey);
  return { publicKeyJwk: publicJwkOnly(publicKeyJwk), privateKeyJwk };
}

/** Keeps only the members a public EC key needs, so nothing private can ride along. */
function publicJwkOnly(jwk: JsonWebKey): JsonWebKey {
  return { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, ext: true, key_ops: ['verify'] };
}

/** True for an EC P-256 public JWK; false for anything else, including a private key (has `d`). */
export function isPublicKeyJwk(value: unknown): value is JsonWebKey {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return v['kty'] === 'EC' && v['crv'] === 'P-256' && typeof v['x'] === 'string' && typeof v['y'] === 'string' && v['d'] === undefined;
}

export async function importPublicKey(jwk: JsonWebKey): Promise<CryptoKey> {
  if (!isPublicKeyJwk(jwk)) throw new Error('公開鍵の形式が不正です（EC P-256 の公開鍵 JWK が必要です）。');
  return globalThis.crypto.subtle.importKey('jwk', publicJwkOnly(jwk), SIGNING_ALGORITHM, false, ['verify']);
}

/** Imports a private JWK as a non-extractable signing key. */
export async function importPrivateKey(jwk: JsonWebKey): Promise<CryptoKey> {
  return globalThis.crypto.subtle.importKey('jwk', { ...jwk, key_ops: ['sign'] }, SIGNING_ALGORITHM, false, ['sign']);
}

async function pinKey(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const material = await globalThis.crypto.subtle.importKey('raw', utf8Bytes(normalizePin(pin)), 'PBKDF2', false, ['deriveKey']);
  return globalThis.crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** Encrypts the private JWK under the PIN (its own salt, not the PIN hash's). */
export async function encryptPrivateKey(privateKeyJwk: JsonWebKey, pin: string): Promise<EncryptedPrivateKey> {
  const checked = checkPinRules(pin);
  if (!checked.ok) throw new Error(checked.reason);
  return encryptJwk(privateKeyJwk, checked.pin);
}

async function encryptJwk(privateKeyJwk: JsonWebKey, pin: string): Promise<EncryptedPrivateKey> {
  if (typeof privateKeyJwk.d !== 'string') throw new Error('秘密鍵ではありません。');
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key = await pinKey(pin, salt, PBKDF2_ITERATIONS);
  const plain = utf8Bytes(JSON.stringify(privateKeyJwk));
  const ciphertext = new Uint8Array(await globalThis.crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain));
  return {
    v: 1,
    kdf: { name: 'PBKDF2-SHA-256', salt: toBase64(salt), iterations: PBKDF2_ITERATIONS },
    cipher: { name: 'AES-GCM', iv: toBase64(iv) },
    ciphertext: toBase64(ciphertext),
  };
}

export function isEncryptedPrivateKey(value: unknown): value is EncryptedPrivateKey {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const kdf = v['kdf'] as Record<string, unknown> | undefined;
  const cipher = v['cipher'] as Record<string, unknown> | undefined;
  return (
    v['v'] === 1 &&
    typeof v['ciphertext'] === 'string' &&
    typeof kdf === 'object' && kdf !== null && kdf['name'] === 'PBKDF2-SHA-256' && typeof kdf['salt'] === 'string' && typeof kdf['iterations'] === 'number' &&
    typeof cipher === 'object' && cipher !== null && cipher['name'] === 'AES-GCM' && typeof cipher['iv'] === 'string'
  );
}

/**
 * Protects the stored private key with a new PIN (when the supervisor changes theirs). The key
 * itself is unchanged, so codes stay verifiable with the public key staff already have.
 */
export async function reencryptPrivateKey(stored: EncryptedPrivateKey, oldPin: string, newPin: string): Promise<EncryptedPrivateKey> {
  const jwk = await decryptJwk(stored, oldPin);
  if (!jwk.ok) throw new Error(jwk.reason);
  return encryptPrivateKey(jwk.jwk, newPin);
}

async function decryptJwk(stored: EncryptedPrivateKey, pin: string): Promise<{ ok: true; jwk: JsonWebKey } | { ok: false; reason: string }> {
  // Keys encrypted before issue #8 used 210,000 rounds: still opened, and re-encrypted by the caller (`privateKeyNeedsUpgrade`).
  if (!isEncryptedPrivateKey(stored) || stored.kdf.iterations < PBKDF2_LEGACY_ITERATIONS) return { ok: false, reason: '保存された秘密鍵の形式が不正です。' };
  const salt = fromBase64(stored.kdf.salt);
  const iv = fromBase64(stored.cipher.iv);
  const ciphertext = fromBase64(stored.ciphertext);
  if (salt === null || iv === null || ciphertext === null) return { ok: false, reason: '保存された秘密鍵の形式が不正です。' };
  let plain: Uint8Array;
  try {
    const key = await pinKey(pin, salt, stored.kdf.iterations);
    plain = new Uint8Array(await globalThis.crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, ciphertext));
  } catch {
    return { ok: false, reason: 'PIN が違います。' };
  }
  try {
    return { ok: true, jwk: JSON.parse(utf8Text(plain)) as JsonWebKey };
  } catch {
    return { ok: false, reason: '保存された秘密鍵の形式が不正です。' };
  }
}

/** True for a key stored under fewer PBKDF2 rounds than `PBKDF2_ITERATIONS`: re-encrypt it at the next unlock. */
export function privateKeyNeedsUpgrade(stored: EncryptedPrivateKey): boolean {
  return stored.kdf.iterations < PBKDF2_ITERATIONS;
}

/** The same key under the same PIN with today's PBKDF2 rounds (after the PIN was checked). */
export async function upgradePrivateKey(stored: EncryptedPrivateKey, pin: string): Promise<EncryptedPrivateKey> {
  const jwk = await decryptJwk(stored, pin);
  if (!jwk.ok) throw new Error(jwk.reason);
  // Not encryptPrivateKey: a PIN set under older rules still opens, and must keep opening.
  return encryptJwk(jwk.jwk, normalizePin(pin));
}

export type UnlockResult = { ok: true; privateKey: CryptoKey } | { ok: false; reason: string };

/** Decrypts the stored private key with the PIN; a wrong PIN fails the AES-GCM tag and says so. */
export async function unlockPrivateKey(stored: EncryptedPrivateKey, pin: string): Promise<UnlockResult> {
  const decrypted = await decryptJwk(stored, pin);
  if (!decrypted.ok) return decrypted;
  try {
    return { ok: true, privateKey: await importPrivateKey(decrypted.jwk) };
  } catch {
    return { ok: false, reason: '保存された秘密鍵の形式が不正です。' };
  }
}
