/** Records as builds before issue #8 stored them (PBKDF2 at 210,000 rounds), for the upgrade tests. */
import type { EncryptedPrivateKey } from '../../src/security/keys.ts';
import { randomBytes, toBase64, utf8Bytes } from '../../src/security/encoding.ts';
import type { PinHash } from '../../src/security/pin.ts';

export const LEGACY_ITERATIONS = 210_000;

export async function legacyPinHash(pin: string): Promise<PinHash> {
  const salt = randomBytes(16);
  const material = await crypto.subtle.importKey('raw', utf8Bytes(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: LEGACY_ITERATIONS }, material, 256);
  return { algorithm: 'PBKDF2-SHA-256', salt: toBase64(salt), iterations: LEGACY_ITERATIONS, hash: toBase64(new Uint8Array(bits)) };
}

/** The private key encrypted under the PIN at 210,000 rounds (the format is unchanged; only the rounds differ). */
export async function legacyEncryptedKey(privateKeyJwk: JsonWebKey, pin: string): Promise<EncryptedPrivateKey> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const material = await crypto.subtle.importKey('raw', utf8Bytes(pin), 'PBKDF2', false, ['deriveKey']);
  const key = await crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: LEGACY_ITERATIONS }, material, { name: 'AES-GCM', length: 256 }, false, ['encrypt']);
  const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, utf8Bytes(JSON.stringify(privateKeyJwk))));
  return { v: 1, kdf: { name: 'PBKDF2-SHA-256', salt: toBase64(salt), iterations: LEGACY_ITERATIONS }, cipher: { name: 'AES-GCM', iv: toBase64(iv) }, ciphertext: toBase64(ciphertext) };
}
