/** The supervisor PIN: rules, a PBKDF2 hash that never contains the PIN, and verification. */
import { describe, expect, it } from 'vitest';
import { PBKDF2_ITERATIONS, checkPinRules, hashPin, verifyPin, type PinHash } from '../../src/security/pin.ts';
import { fromBase64 } from '../../src/security/encoding.ts';

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

describe('hashPin / verifyPin', () => {
  it('stores salt, iterations and hash — never the PIN', async () => {
    const stored = await hashPin('482915');
    expect(stored.algorithm).toBe('PBKDF2-SHA-256');
    expect(stored.iterations).toBeGreaterThanOrEqual(210_000);
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

  it('refuses to hash a PIN that breaks the rules', async () => {
    await expect(hashPin('1234')).rejects.toThrow('PIN は');
    await expect(hashPin('482915', { iterations: PBKDF2_ITERATIONS - 1 })).rejects.toThrow();
  });
});
