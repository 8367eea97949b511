/** sha256Hex is over the exact UTF-8 bytes: any edit, even an invisible one, changes it. */
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/security/hash.ts';
import { constantTimeEqual, fromBase64Url, toBase64Url } from '../../src/security/encoding.ts';

describe('sha256Hex', () => {
  it('matches the published test vectors', async () => {
    expect(await sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('hashes UTF-8 bytes of Japanese text', async () => {
    // printf %s 平川市 | sha256sum
    expect(await sha256Hex('平川市')).toBe('37e75f6770c9184579a2883e70387708a6722b5b443257b40e9b2d0df63f75af');
  });

  it.each([
    ['a trailing space', '本日開催します。', '本日開催します。 '],
    ['full-width vs ASCII digit', '10時から', '１0時から'],
    ['CRLF vs LF', 'お知らせ\n本日', 'お知らせ\r\n本日'],
    ['NFC vs NFD (が as か + ゛)', 'がんばろう', 'か\u3099んばろう'],
  ])('is not normalised: %s changes the hash', async (_why, a, b) => {
    expect(await sha256Hex(a)).not.toBe(await sha256Hex(b));
  });
});

describe('encoding helpers', () => {
  it('base64url round-trips every byte value and refuses padding or foreign characters', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const encoded = toBase64Url(bytes);
    expect(encoded).not.toMatch(/[+/=]/);
    expect(fromBase64Url(encoded)).toEqual(bytes);
    expect(fromBase64Url('YQ==')).toBeNull();
    expect(fromBase64Url('a+b/')).toBeNull();
    expect(fromBase64Url('abcde')).toBeNull();
  });

  it('constantTimeEqual compares contents and lengths', () => {
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2, 3]))).toBe(false);
  });
});
