import { toHex, utf8Bytes } from './encoding.ts';

/**
 * SHA-256 of the EXACT text as UTF-8 bytes, in lower-case hex. Deliberately no normalisation
 * (no NFC/NFKC, no trimming, no line-ending folding): an approval or an audit record is about the
 * very text that was posted, so any edit at all — one character, a space, a full-width digit, CRLF
 * for LF, a different but canonically equivalent code-point sequence — gives a different hash.
 */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', utf8Bytes(text));
  return toHex(new Uint8Array(digest));
}

export const SHA256_HEX_PATTERN = /^[0-9a-f]{64}$/;
