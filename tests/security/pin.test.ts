/** The supervisor PIN: rules, a PBKDF2 hash that never contains the PIN, and verification. */
import { describe, expect, it } from 'vitest';
import { PBKDF2_ITERATIONS, checkPinRules, hashPin, pinNeedsRehash, rehashVerifiedPin, verifyPin, type PinHash } from '../../src/security/pin.ts';
import { fromBase64 } from '../../src/security/encoding.ts';
import { legacyPinHash } from './legacy.ts';

describe('checkPinRules', () => {
  it.each([['482915'], ['739104628'], ['104729384756'], ['４８２９１５']])('accepts %s', (pin) => {
    expect(checkPinRules(pin).ok).toBe(true);
  });

  it.each([
    ['48291', '桁数'], // too short
    ['4829150372615', '桁数'], // 13 digits
    ['48a915', '数字以外'],
    ['', '桁数'],
    ['111111', '繰り返し'],
    ['123456', '連番'],
    ['987654', '連番'],
    ['890123', '連番'], // wraps 9 → 0
  ])('refuses %s (%s)', (pin, word) => {
    const r = checkPinRules(pin);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(word);
  });

  it('reads full-width digits as ASCII (what an IME gives)', () => {
    expect(checkPinRules('４８２９１５')).toEqual({ ok: true, pin: '482915' });
  });
});

// PBKDF2 at 600,000 rounds takes a while per PIN on a shared machine.
describe('hashPin / verifyPin', { timeout: 30_000 }, () => {
  it('stores salt, iterations and hash — never the PIN', async () => {
    const stored = await hashPin('482915');
    expect(stored.algorithm).toBe('PBKDF2-SHA-256');
    // OWASP's figure for PBKDF2-HMAC-SHA-256 (issue #8 §5: the old 210,000 is too few).
    expect(stored.iterations).toBeGreaterThanOrEqual(600_000);
    expect(fromBase64(stored.salt)?.length).toBe(16);
    expect(fromBase64(stored.hash)?.length).toBe(32);
    expect(JSON.stringify(stored)).not.toContain('482915');
  });

  it('uses a fresh salt each time', async () => {
    const [a, b] = await Promise.all([hashPin('482915'), hashPin('482915')]);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
  });

  it('verifies the right PIN (also typed full-width) and refuses others', async () => {
    const stored = await hashPin('482915');
    expect(await verifyPin('482915', stored)).toBe(true);
    expect(await verifyPin('４８２９１５', stored)).toBe(true);
    expect(await verifyPin('482916', stored)).toBe(false);
    expect(await verifyPin('', stored)).toBe(false);
    expect(await verifyPin('48291５x', stored)).toBe(false);
  });

  it('refuses a tampered record with fewer rounds (no cheap planted hash)', async () => {
    const stored = await hashPin('482915');
    const weak: PinHash = { ...stored, iterations: 1000 };
    expect(await verifyPin('482915', weak)).toBe(false);
    expect(await verifyPin('482915', { ...stored, hash: 'not base64!' })).toBe(false);
  });

  it('still opens a hash an older build made at 210,000 rounds, and says it must be redone', async () => {
    const old = await legacyPinHash('482915');
    expect(old.iterations).toBe(210_000);
    expect(await verifyPin('482915', old)).toBe(true);
    expect(await verifyPin('482916', old)).toBe(false);
    expect(pinNeedsRehash(old)).toBe(true);
    const renewed = await rehashVerifiedPin('482915');
    expect(renewed.iterations).toBe(PBKDF2_ITERATIONS);
    expect(pinNeedsRehash(renewed)).toBe(false);
    expect(await verifyPin('482915', renewed)).toBe(true);
    // Below the old floor is still a planted cheap hash.
    expect(await verifyPin('482915', { ...old, iterations: 209_999 })).toBe(false);
  });

  it('refuses to hash a PIN that breaks the rules', async () => {
    await expect(hashPin('1234')).rejects.toThrow('PIN は');
    await expect(hashPin('482915', { iterations: PBKDF2_ITERATIONS - 1 })).rejects.toThrow();
  });
});
