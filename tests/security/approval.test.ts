/** Approval codes: open for the exact text and account before expiry under the right key; nothing else. */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  approve, createApprovalRequest, encryptPrivateKey, generateSupervisorKeyPair, importPrivateKey, isPublicKeyJwk,
  parseApprovalRequest, unlockPrivateKey, verifyApprovalCode, type SupervisorKeyPair,
} from '../../src/security/index.ts';
import { fromBase64Url, toBase64Url, utf8Bytes, utf8Text } from '../../src/security/encoding.ts';
import { sha256Hex } from '../../src/security/hash.ts';
import { SIGNATURE_PARAMS, isCanonicalSignature, mirroredSignature, signCanonical } from '../../src/security/keys.ts';
import { MAX_REMEMBERED_APPROVAL_MS, isRememberedApprovalLive, rememberedApprovalDeadline } from '../../src/security/approval-lifetime.ts';

const TEXT = '【お知らせ】4月1日から市民課の窓口時間が変わります。詳しくは市ホームページをご覧ください。';
const ACCOUNT = 'hirakawa_city';
const NOW = Date.UTC(2025, 3, 1, 0, 0, 0);

let supervisor: SupervisorKeyPair;
let other: SupervisorKeyPair;
let privateKey: CryptoKey;

beforeAll(async () => {
  supervisor = await generateSupervisorKeyPair();
  other = await generateSupervisorKeyPair();
  privateKey = await importPrivateKey(supervisor.privateKeyJwk);
});

async function codeFor(text = TEXT, account = ACCOUNT, minutes = 60): Promise<string> {
  const request = await createApprovalRequest({ text, account, site: 'x', now: NOW });
  return approve(request, privateKey, { expiresInMinutes: minutes, now: NOW });
}

describe('approval request', () => {
  it('carries the text, hash, account and site, and reads back', async () => {
    const request = await createApprovalRequest({ text: TEXT, account: ACCOUNT, site: 'x', now: NOW });
    expect(request.startsWith('TGREQ1.')).toBe(true);
    const parsed = await parseApprovalRequest(request);
    expect(parsed).toMatchObject({ ok: true, request: { text: TEXT, account: ACCOUNT, site: 'x', createdAt: NOW, media: '', mediaCount: 0 } });
  });

  it('names itself with a random id, so two requests for the same text are two requests', async () => {
    const ids = await Promise.all([1, 2, 3].map(async () => {
      const parsed = await parseApprovalRequest(await createApprovalRequest({ text: TEXT, account: ACCOUNT, site: 'x', now: NOW }));
      if (!parsed.ok) throw new Error(parsed.reason);
      return parsed.request.id;
    }));
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('refuses a request of the old format (no id) with a plain reason', async () => {
    const old = 'TGREQ1.' + toBase64Url(utf8Bytes(JSON.stringify({ v: 1, textHash: await sha256Hex(TEXT), account: ACCOUNT, site: 'x', text: TEXT, createdAt: NOW })));
    expect(await parseApprovalRequest(old)).toMatchObject({ ok: false, reason: expect.stringContaining('古い形式') });
  });

  it('survives being wrapped by a mail client', async () => {
    const request = await createApprovalRequest({ text: TEXT, account: ACCOUNT, site: 'x', now: NOW });
    const wrapped = request.replace(/(.{40})/g, '$1\r\n  ');
    expect((await parseApprovalRequest(wrapped)).ok).toBe(true);
  });

  it('refuses a request whose text no longer matches its hash, and garbage', async () => {
    const request = await createApprovalRequest({ text: TEXT, account: ACCOUNT, site: 'x', now: NOW });
    const json = JSON.parse(utf8Text(fromBase64Url(request.slice('TGREQ1.'.length))!)) as Record<string, unknown>;
    const edited = 'TGREQ1.' + toBase64Url(utf8Bytes(JSON.stringify({ ...json, text: TEXT + '！' })));
    expect(await parseApprovalRequest(edited)).toMatchObject({ ok: false, reason: expect.stringContaining('本文が変更されています') });
    expect(await parseApprovalRequest('hello')).toMatchObject({ ok: false, reason: expect.stringContaining('形式が不正です') });
    await expect(approve(edited, privateKey, { expiresInMinutes: 60 })).rejects.toThrow('本文が変更されています');
  });
});

describe('verifyApprovalCode', () => {
  it('opens for the exact text and account', async () => {
    const code = await codeFor();
    expect(code).toMatch(/^TGOK1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{86}$/);
    const r = await verifyApprovalCode(code, supervisor.publicKeyJwk, { text: TEXT, account: ACCOUNT, site: 'x', now: NOW + 59 * 60_000 });
    expect(r).toMatchObject({ ok: true, kind: 'approve', account: ACCOUNT, issuedAt: NOW, expiresAt: NOW + 3_600_000 });
  });

  it('is short enough to paste (under 450 characters, with a photo bound in)', async () => {
    const request = await createApprovalRequest({ text: TEXT, account: ACCOUNT, site: 'facebook', media: ['img:blob:https://www.facebook.com/1'], now: NOW });
    expect((await approve(request, privateKey, { expiresInMinutes: 60, now: NOW })).length).toBeLessThan(450);
  });

  it.each([
    ['one changed character', TEXT.replace('4月1日', '4月2日')],
    ['one added space', TEXT + ' '],
    ['a full-width digit', TEXT.replace('4', '４')],
  ])('is voided by %s (本文が変更されています)', async (_why, edited) => {
    const r = await verifyApprovalCode(await codeFor(), supervisor.publicKeyJwk, { text: edited, account: ACCOUNT, site: 'x', now: NOW });
    expect(r).toEqual({ ok: false, failure: 'text_changed', reason: '本文が変更されています' });
  });

  it('refuses a forged signature (署名が一致しません)', async () => {
    const code = await codeFor();
    const [prefix, payload, sig] = code.split('.') as [string, string, string];
    const bytes = fromBase64Url(sig)!;
    bytes[10] = bytes[10]! ^ 0xff;
    const r = await verifyApprovalCode(`${prefix}.${payload}.${toBase64Url(bytes)}`, supervisor.publicKeyJwk, { text: TEXT, account: ACCOUNT, site: 'x', now: NOW });
    expect(r).toMatchObject({ ok: false, failure: 'signature', reason: '署名が一致しません' });
  });

  it('refuses a payload edited after signing, e.g. a later expiry (署名が一致しません)', async () => {
    const code = await codeFor();
    const [prefix, payload, sig] = code.split('.') as [string, string, string];
    const json = JSON.parse(utf8Text(fromBase64Url(payload)!)) as Record<string, unknown>;
    const extended = toBase64Url(utf8Bytes(JSON.stringify({ ...json, exp: NOW + 365 * 86_400_000 })));
    const r = await verifyApprovalCode(`${prefix}.${extended}.${sig}`, supervisor.publicKeyJwk, { text: TEXT, account: ACCOUNT, site: 'x', now: NOW });
    expect(r).toMatchObject({ ok: false, reason: '署名が一致しません' });
  });

  it('refuses a code signed with another key (署名が一致しません)', async () => {
    const r = await verifyApprovalCode(await codeFor(), other.publicKeyJwk, { text: TEXT, account: ACCOUNT, site: 'x', now: NOW });
    expect(r).toMatchObject({ ok: false, reason: '署名が一致しません' });
  });

  it('refuses an expired code (有効期限切れ)', async () => {
    const r = await verifyApprovalCode(await codeFor(TEXT, ACCOUNT, 30), supervisor.publicKeyJwk, { text: TEXT, account: ACCOUNT, site: 'x', now: NOW + 31 * 60_000 });
    expect(r).toMatchObject({ ok: false, failure: 'expired', reason: '有効期限切れ' });
  });

  it('refuses a code for another account (アカウントが違います)', async () => {
    const r = await verifyApprovalCode(await codeFor(), supervisor.publicKeyJwk, { text: TEXT, account: 'hirakawa_kanko', site: 'x', now: NOW });
    expect(r).toMatchObject({ ok: false, failure: 'account', reason: 'アカウントが違います' });
  });

  it.each([
    ['garbage', 'こんにちは'],
    ['empty', ''],
    ['a request instead of a code', 'TGREQ1.eyJ2IjoxfQ'],
    ['missing signature', 'TGOK1.eyJ2IjoxfQ'],
    ['three parts', 'TGOK1.a.b.c'],
    ['non-JSON payload', `TGOK1.${toBase64Url(utf8Bytes('not json'))}.${'A'.repeat(86)}`],
    ['short signature', `TGOK1.${toBase64Url(utf8Bytes('{"v":1}'))}.AAAA`],
  ])('refuses %s (形式が不正です)', async (_why, code) => {
    const r = await verifyApprovalCode(code, supervisor.publicKeyJwk, { text: TEXT, account: ACCOUNT, site: 'x', now: NOW });
    expect(r).toMatchObject({ ok: false, failure: 'format', reason: '形式が不正です' });
  });

  it('tolerates whitespace and line breaks in a pasted code', async () => {
    const code = await codeFor();
    const pasted = `  ${code.slice(0, 50)}\n${code.slice(50)}\n`;
    expect((await verifyApprovalCode(pasted, supervisor.publicKeyJwk, { text: TEXT, account: ACCOUNT, site: 'x', now: NOW })).ok).toBe(true);
  });

  it('refuses everything when no valid public key is set, and never accepts a private key as the public one', async () => {
    const code = await codeFor();
    expect(await verifyApprovalCode(code, null, { text: TEXT, account: ACCOUNT, site: 'x', now: NOW })).toMatchObject({ ok: false, failure: 'public_key' });
    expect(isPublicKeyJwk(supervisor.privateKeyJwk)).toBe(false);
    expect(await verifyApprovalCode(code, supervisor.privateKeyJwk, { text: TEXT, account: ACCOUNT, site: 'x', now: NOW })).toMatchObject({ ok: false, failure: 'public_key' });
  });

  it('a release code carries its reason; a release without a reason is not signed', async () => {
    const request = await createApprovalRequest({ text: TEXT, account: ACCOUNT, site: 'facebook', now: NOW });
    const code = await approve(request, privateKey, { expiresInMinutes: 10, kind: 'release', reason: '引用した報道の表現のため', now: NOW });
    expect(await verifyApprovalCode(code, supervisor.publicKeyJwk, { text: TEXT, account: ACCOUNT, site: 'facebook', now: NOW })).toMatchObject({ ok: true, kind: 'release', reason: '引用した報道の表現のため' });
    await expect(approve(request, privateKey, { expiresInMinutes: 10, kind: 'release' })).rejects.toThrow('理由');
    await expect(approve(request, privateKey, { expiresInMinutes: 0 })).rejects.toThrow('有効期限');
  });
});

describe('the private key at rest', () => {
  it('is encrypted under the PIN, unlocks with it and signs codes that verify', async () => {
    const stored = await encryptPrivateKey(supervisor.privateKeyJwk, '482915');
    expect(JSON.stringify(stored)).not.toContain(supervisor.privateKeyJwk.d!);
    const unlocked = await unlockPrivateKey(stored, '482915');
    expect(unlocked.ok).toBe(true);
    if (!unlocked.ok) return;
    const request = await createApprovalRequest({ text: TEXT, account: ACCOUNT, site: 'x', now: NOW });
    const code = await approve(request, unlocked.privateKey, { expiresInMinutes: 5, now: NOW });
    expect((await verifyApprovalCode(code, supervisor.publicKeyJwk, { text: TEXT, account: ACCOUNT, site: 'x', now: NOW })).ok).toBe(true);
  });

  it('does not unlock with a wrong PIN', async () => {
    const stored = await encryptPrivateKey(supervisor.privateKeyJwk, '482915');
    expect(await unlockPrivateKey(stored, '482916')).toEqual({ ok: false, reason: 'PIN が違います。' });
  });
});

/** Signs any payload as the supervisor would (for codes the real `approve` refuses to make). */
async function signRaw(payload: Record<string, unknown>): Promise<string> {
  const signed = 'TGOK1.' + toBase64Url(utf8Bytes(JSON.stringify(payload)));
  return `${signed}.${toBase64Url(await signCanonical(privateKey, utf8Bytes(signed)))}`;
}

async function payloadOf(code: string): Promise<Record<string, unknown>> {
  return JSON.parse(utf8Text(fromBase64Url(code.split('.')[1]!)!)) as Record<string, unknown>;
}

const expectation = { text: TEXT, account: ACCOUNT, site: 'x' as const };

describe('one approval, one code string (issue #8 §4)', () => {
  it('signs only low-s signatures', async () => {
    for (let i = 0; i < 16; i++) {
      const code = await codeFor();
      expect(isCanonicalSignature(fromBase64Url(code.split('.')[2]!)!)).toBe(true);
    }
  });

  it('refuses (r, n−s), the second form ECDSA itself would accept', async () => {
    const code = await codeFor();
    const [prefix, payload, sig] = code.split('.') as [string, string, string];
    const mirrored = mirroredSignature(fromBase64Url(sig)!);
    // WebCrypto verifies the mirrored form: without the low-s rule it would be a second valid code.
    const publicKey = await globalThis.crypto.subtle.importKey('jwk', supervisor.publicKeyJwk, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    expect(await globalThis.crypto.subtle.verify(SIGNATURE_PARAMS, publicKey, mirrored, utf8Bytes(`${prefix}.${payload}`))).toBe(true);
    const r = await verifyApprovalCode(`${prefix}.${payload}.${toBase64Url(mirrored)}`, supervisor.publicKeyJwk, { ...expectation, now: NOW });
    expect(r).toMatchObject({ ok: false, failure: 'signature' });
  });

  it('carries the request id, so the author profile can refuse a second use', async () => {
    const request = await createApprovalRequest({ text: TEXT, account: ACCOUNT, site: 'x', now: NOW });
    const parsed = await parseApprovalRequest(request);
    if (!parsed.ok) throw new Error(parsed.reason);
    const r = await verifyApprovalCode(await approve(request, privateKey, { expiresInMinutes: 60, now: NOW }), supervisor.publicKeyJwk, { ...expectation, now: NOW });
    expect(r).toMatchObject({ ok: true, requestId: parsed.request.id, site: 'x', mediaHash: '' });
  });

  it('refuses a code of the old format (no request id) as outdated, even when properly signed', async () => {
    const old = await signRaw({ v: 1, textHash: toBase64Url(fromHexBytes(await sha256Hex(TEXT))), account: ACCOUNT, iat: NOW / 1000, exp: NOW / 1000 + 3600, kind: 'approve' });
    expect(await verifyApprovalCode(old, supervisor.publicKeyJwk, { ...expectation, now: NOW })).toMatchObject({ ok: false, failure: 'outdated' });
  });
});

function fromHexBytes(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g)!.map((b) => parseInt(b, 16)));
}

describe('bound to the site and the photos', () => {
  it('a code for X does not open a Facebook post', async () => {
    expect(await verifyApprovalCode(await codeFor(), supervisor.publicKeyJwk, { ...expectation, site: 'facebook', now: NOW })).toMatchObject({ ok: false, failure: 'site' });
  });

  it('a code for these photos opens them in any order, and nothing else: other photos, one more, or none', async () => {
    const photos = ['img:blob:https://x.com/a', 'img:blob:https://x.com/b'];
    const request = await createApprovalRequest({ text: TEXT, account: ACCOUNT, site: 'x', media: photos, now: NOW });
    expect(await parseApprovalRequest(request)).toMatchObject({ ok: true, request: { mediaCount: 2 } });
    const code = await approve(request, privateKey, { expiresInMinutes: 60, now: NOW });
    const at = (media: string[]) => verifyApprovalCode(code, supervisor.publicKeyJwk, { ...expectation, media, now: NOW });
    expect((await at([...photos].reverse())).ok).toBe(true);
    expect(await at(['img:blob:https://x.com/a', 'img:blob:https://x.com/c'])).toMatchObject({ ok: false, failure: 'media' });
    expect(await at([...photos, 'file:c.jpg:1:2'])).toMatchObject({ ok: false, failure: 'media' });
    expect(await at([])).toMatchObject({ ok: false, failure: 'media' });
    // And a code for a text alone does not open it with a photo added.
    expect(await verifyApprovalCode(await codeFor(), supervisor.publicKeyJwk, { ...expectation, media: ['img:blob:https://x.com/a'], now: NOW })).toMatchObject({ ok: false, failure: 'media' });
  });
});

describe('time: the code, not the local clock, sets the limits', () => {
  it('refuses a code issued more than five minutes in the future, accepts a little skew', async () => {
    const request = await createApprovalRequest({ text: TEXT, account: ACCOUNT, site: 'x', now: NOW });
    const ahead = (minutes: number) => approve(request, privateKey, { expiresInMinutes: 60, now: NOW + minutes * 60_000 });
    expect(await verifyApprovalCode(await ahead(10), supervisor.publicKeyJwk, { ...expectation, now: NOW })).toMatchObject({ ok: false, failure: 'future' });
    expect((await verifyApprovalCode(await ahead(2), supervisor.publicKeyJwk, { ...expectation, now: NOW })).ok).toBe(true);
  });

  it('refuses a code living longer than seven days, checked when it is opened, not only when signed', async () => {
    const request = await parseApprovalRequest(await createApprovalRequest({ text: TEXT, account: ACCOUNT, site: 'x', now: NOW }));
    if (!request.ok) throw new Error(request.reason);
    const base = await payloadOf(await approve(request.request, privateKey, { expiresInMinutes: 60, now: NOW }));
    const iat = NOW / 1000;
    const long = await signRaw({ ...base, iat, exp: iat + 8 * 86_400 });
    expect(await verifyApprovalCode(long, supervisor.publicKeyJwk, { ...expectation, now: NOW })).toMatchObject({ ok: false, failure: 'lifetime' });
    const backwards = await signRaw({ ...base, iat, exp: iat - 1 });
    expect(await verifyApprovalCode(backwards, supervisor.publicKeyJwk, { ...expectation, now: NOW - 10_000 })).toMatchObject({ ok: false, failure: 'lifetime' });
    const week = await signRaw({ ...base, iat, exp: iat + 7 * 86_400 });
    expect((await verifyApprovalCode(week, supervisor.publicKeyJwk, { ...expectation, now: NOW })).ok).toBe(true);
  });
});

describe('a remembered approval in the tab', () => {
  it('lives as long as the background said, on the monotonic clock', () => {
    const deadline = rememberedApprovalDeadline({ validForMs: 60_000 }, 1_000);
    expect(isRememberedApprovalLive(deadline, 60_999)).toBe(true);
    expect(isRememberedApprovalLive(deadline, 61_000)).toBe(false);
  });

  it('fails closed on a missing or bad lifetime, and never outlives seven days', () => {
    for (const validForMs of [undefined, 0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(isRememberedApprovalLive(rememberedApprovalDeadline(validForMs === undefined ? {} : { validForMs }, 500), 500)).toBe(false);
    }
    const deadline = rememberedApprovalDeadline({ validForMs: 30 * 86_400_000 }, 0);
    expect(isRememberedApprovalLive(deadline, MAX_REMEMBERED_APPROVAL_MS)).toBe(false);
    expect(isRememberedApprovalLive(deadline, MAX_REMEMBERED_APPROVAL_MS - 1)).toBe(true);
  });
});
