import { createHash } from 'node:crypto';

/**
 * The id Chromium gives an unpacked extension: the first 128 bits of the SHA-256 of its absolute
 * path, each hex digit written as a letter a–p. Managed policies name the extension by this id.
 */
export function unpackedExtensionId(absolutePath: string): string {
  const hex = createHash('sha256').update(absolutePath).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}
