/**
 * The fingerprint of a supervisor's public key (issue #8 §5): what the options page shows, what a
 * settings import compares (old → new), and what every approval and audit row records, so a log
 * read later says which key the approvals were checked against.
 *
 * It is the SHA-256 of the key's RFC 7638 canonical form (`{"crv","kty","x","y"}`, members in that
 * order, no whitespace), in hex: the same key always gives the same fingerprint, whatever other
 * members (`ext`, `key_ops`) its JWK carries. People see the first 16 digits in groups of four
 * (src/ui/options/fingerprint.ts).
 */
import { sha256Hex } from '../security/hash.ts';

export async function keyFingerprint(jwk: JsonWebKey | null | undefined): Promise<string | null> {
  if (jwk === null || jwk === undefined || typeof jwk.crv !== 'string' || typeof jwk.kty !== 'string' || typeof jwk.x !== 'string' || typeof jwk.y !== 'string') return null;
  return sha256Hex(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y }));
}
