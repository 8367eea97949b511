/** A public key's fingerprint (src/supervisor/key-fingerprint.ts) as people read it: 「3F2A 9C01 7B44 E0D2」, enough to compare by eye or on the phone. */
export function formatFingerprint(fingerprint: string | null | undefined): string {
  if (fingerprint === null || fingerprint === undefined || fingerprint === '') return '（なし）';
  return (fingerprint.slice(0, 16).toUpperCase().match(/.{1,4}/g) ?? []).join(' ');
}
