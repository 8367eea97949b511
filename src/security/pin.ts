/**
 * The supervisor (所属長) PIN. It guards the supervisor's side of the extension on a shared or
 * unlocked machine and unlocks the supervisor's private signing key; it is never stored, only a
 * PBKDF2 hash of it is.
 *
 * Rules (chosen here, shown to the supervisor by `PIN_RULE_JA`): 6 to 12 digits. Full-width digits
 * (１２３…, what a Japanese IME gives) are read as the same digits. Six, not four: a PIN hash that
 * leaves the machine with a copied browser profile can be tried offline, and at 210,000 PBKDF2
 * rounds 10^4 PINs fall in minutes while 10^6 take days on one core (weeks at 600,000). A PIN of one repeated digit
 * or a straight run (123456, 987654) is refused as the first thing anyone would try.
 */
import { constantTimeEqual, fromBase64, randomBytes, toBase64, utf8Bytes } from './encoding.ts';

export const PIN_MIN_DIGITS = 6;
export const PIN_MAX_DIGITS = 12;
/** OWASP's figure for PBKDF2-HMAC-SHA-256 (Password Storage Cheat Sheet, 2023–): every new hash and key uses it. */
export const PBKDF2_ITERATIONS = 600_000;
/**
 * What builds before issue #8 stored (OWASP's earlier figure). Such a hash still verifies, and is
 * replaced by a 600,000-round one at the next successful unlock (`pinNeedsRehash`); anything weaker
 * never verifies, so a tampered, cheap hash cannot be planted to make guessing fast.
 */
export const PBKDF2_LEGACY_ITERATIONS = 210_000;
export const PIN_SALT_BYTES = 16;
const HASH_BITS = 256;

export const PIN_RULE_JA = `PIN は${PIN_MIN_DIGITS}〜${PIN_MAX_DIGITS}桁の数字です（同じ数字の繰り返しや 123456 のような連番は使えません）。`;

/** What is stored in settings as `supervisorPinHash`. */
export interface PinHash {
  algorithm: 'PBKDF2-SHA-256';
  /** base64 */
  salt: string;
  iterations: number;
  /** base64 of the 32-byte derived key */
  hash: string;
}

export type PinCheck = { ok: true; pin: string } | { ok: false; reason: string };

/** Full-width digits to ASCII; anything else is left for the rule check to refuse. */
export function normalizePin(input: string): string {
  return input.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** Checks the PIN rules; on success returns the PIN as it will be hashed (ASCII digits). */
export function checkPinRules(input: string): PinCheck {
  const pin = normalizePin(input);
  if (!/^[0-9]*$/.test(pin)) return { ok: false, reason: `数字以外の文字が含まれています。${PIN_RULE_JA}` };
  if (pin.length < PIN_MIN_DIGITS || pin.length > PIN_MAX_DIGITS) return { ok: false, reason: `桁数が違います。${PIN_RULE_JA}` };
  if (/^(\d)\1*$/.test(pin)) return { ok: false, reason: `同じ数字の繰り返しは使えません。${PIN_RULE_JA}` };
  if (isStraightRun(pin)) return { ok: false, reason: `連番は使えません。${PIN_RULE_JA}` };
  return { ok: true, pin };
}

function isStraightRun(pin: string): boolean {
  for (const step of [1, -1]) {
    let run = true;
    for (let i = 1; i < pin.length && run; i++) {
      run = (pin.charCodeAt(i) - pin.charCodeAt(i - 1) + 10) % 10 === (step + 10) % 10;
    }
    if (run) return true;
  }
  return false;
}

async function pbkdf2(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const material = await globalThis.crypto.subtle.importKey('raw', utf8Bytes(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await globalThis.crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, HASH_BITS);
  return new Uint8Array(bits);
}

/** Hashes a PIN that passes `checkPinRules`; throws with the Japanese rule otherwise. */
export async function hashPin(input: string, options: { iterations?: number } = {}): Promise<PinHash> {
  const checked = checkPinRules(input);
  if (!checked.ok) throw new Error(checked.reason);
  const iterations = options.iterations ?? PBKDF2_ITERATIONS;
  if (!Number.isInteger(iterations) || iterations < PBKDF2_ITERATIONS) throw new Error(`iterations must be an integer ≥ ${PBKDF2_ITERATIONS}`);
  const salt = randomBytes(PIN_SALT_BYTES);
  const hash = await pbkdf2(checked.pin, salt, iterations);
  return { algorithm: 'PBKDF2-SHA-256', salt: toBase64(salt), iterations, hash: toBase64(hash) };
}

/**
 * A new hash, at today's rounds, for a PIN that `verifyPin` has just accepted (the upgrade of an
 * older hash). The PIN rules are not re-checked: a PIN set under older rules must keep opening.
 */
export async function rehashVerifiedPin(input: string): Promise<PinHash> {
  const pin = normalizePin(input);
  if (!/^[0-9]{1,64}$/.test(pin)) throw new Error(`数字以外の文字が含まれています。${PIN_RULE_JA}`);
  const salt = randomBytes(PIN_SALT_BYTES);
  const hash = await pbkdf2(pin, salt, PBKDF2_ITERATIONS);
  return { algorithm: 'PBKDF2-SHA-256', salt: toBase64(salt), iterations: PBKDF2_ITERATIONS, hash: toBase64(hash) };
}

export function isPinHash(value: unknown): value is PinHash {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v['algorithm'] === 'PBKDF2-SHA-256' &&
    typeof v['salt'] === 'string' &&
    typeof v['hash'] === 'string' &&
    typeof v['iterations'] === 'number' &&
    Number.isInteger(v['iterations'])
  );
}

/** True for a hash made with fewer rounds than `PBKDF2_ITERATIONS`: hash the PIN again once it has been verified. */
export function pinNeedsRehash(stored: PinHash): boolean {
  return stored.iterations < PBKDF2_ITERATIONS;
}

/**
 * True when `input` is the PIN behind `stored`. The derived keys are compared in constant time;
 * a stored record that is malformed or weaker than `PBKDF2_LEGACY_ITERATIONS` never verifies.
 * Callers go through the one attempt limiter (src/supervisor/pin-guard.ts), never here directly.
 */
export async function verifyPin(input: string, stored: PinHash): Promise<boolean> {
  if (!isPinHash(stored) || stored.iterations < PBKDF2_LEGACY_ITERATIONS) return false;
  const salt = fromBase64(stored.salt);
  const expected = fromBase64(stored.hash);
  if (salt === null || expected === null || salt.length < PIN_SALT_BYTES || expected.length !== HASH_BITS / 8) return false;
  const pin = normalizePin(input);
  // Rules are not re-checked here: a PIN set under older rules must still open.
  if (!/^[0-9]{1,64}$/.test(pin)) return false;
  const actual = await pbkdf2(pin, salt, stored.iterations);
  return constantTimeEqual(actual, expected);
}
