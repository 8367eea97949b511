/** Approval codes: open for the exact text and account before expiry under the right key; nothing else. */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  approve, createApprovalRequest, encryptPrivateKey, generateSupervisorKeyPair, importPrivateKey, isPublicKeyJwk,
  parseApprovalRequest, unlockPrivateKey, verifyApprovalCode, type SupervisorKeyPair,
} from '../../src/security/index.ts';
import { fromBase64Url, toBase64Url, utf8Bytes, utf8Text } from '../../src/security/encoding.ts';

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
    expect(parsed).toMatchObject({ ok: true, request: { text: TEXT, account: ACCOUNT, site: 'x', createdAt: NOW } });
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
    const r = await verifyApprovalCode(code, supervisor.publicKeyJwk, { text: TEXT, account: ACCOUNT, now: NOW + 59 * 60_000 });
    expect(r).toMatchObject({ ok: true, kind: 'approve', account: ACCOUNT, issuedAt: NOW, expiresAt: NOW + 3_600_000 });
  });

  it('is short enough to paste (under 300 characters)', async () => {
    expect((await codeFor()).length).toBeLessThan(300);
  });

  it.each([
    ['one changed character', TEXT.replace('4月1日', '4月2日')],
    ['one added space', TEXT + ' '],
    ['a full-width digit', TEXT.replace('4', '４')],
  ])('is voided by %s (本文が変更されています)', async (_why, edited) => {
    const r = await verifyApprovalCode(await codeFor(), supervisor.publicKeyJwk, { text: edited, account: ACCOUNT, now: NOW });
    expect(r).toEqual({ ok: false, failure: 'text_changed', reason: '本文が変更されています' });
  });

  it('refuses a forged signature (署名が一致しません)', async () => {
    const code = await codeFor();
    const [prefix, payload, sig] = code.split('.') as [string, string, string];
    const bytes = fromBase64Url(sig)!;
    bytes[10] = bytes[10]! ^ 0xff;
    const r = await verifyApprovalCode(`${prefix}.${payload}.${toBase64Url(bytes)}`, supervisor.publicKeyJwk, { text: TEXT, account: ACCOUNT, now: NOW });
    expect(r).toMatchObject({ ok: false, failure: 'signature', reason: '署名が一致しません' });
  });

  it('refuses a payload edited after signing, e.g. a later expiry (署名が一致しません)', async () => {
    const code = await codeFor();
    const [prefix, payload, sig] = code.split('.') as [string, string, string];
    const json = JSON.parse(utf8Text(fromBase64Url(payload)!)) as Record<string, unknown>;
    const extended = toBase64Url(utf8Bytes(JSON.stringify({ ...json, exp: NOW + 365 * 86_400_000 })));
    const r = await verifyApprovalCode(`${prefix}.${extended}.${sig}`, supervisor.publicKeyJwk, { text: TEXT, account: ACCOUNT, now: NOW });
    expect(r).toMatchObject({ ok: false, reason: '署名が一致しません' });
  });

  it('refuses a code signed with another key (署名が一致しません)', async () => {
    const r = await verifyApprovalCode(await codeFor(), other.publicKeyJwk, { text: TEXT, account: ACCOUNT, now: NOW });
    expect(r).toMatchObject({ ok: false, reason: '署名が一致しません' });
  });

  it('refuses an expired code (有効期限切れ)', async () => {
    const r = await verifyApprovalCode(await codeFor(TEXT, ACCOUNT, 30), supervisor.publicKeyJwk, { text: TEXT, account: ACCOUNT, now: NOW + 31 * 60_000 });
    expect(r).toMatchObject({ ok: false, failure: 'expired', reason: '有効期限切れ' });
  });

  it('refuses a code for another account (アカウントが違います)', async () => {
    const r = await verifyApprovalCode(await codeFor(), supervisor.publicKeyJwk, { text: TEXT, account: 'hirakawa_kanko', now: NOW });
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
    const r = await verifyApprovalCode(code, supervisor.publicKeyJwk, { text: TEXT, account: ACCOUNT, now: NOW });
    expect(r).toMatchObject({ ok: false, failure: 'format', reason: '形式が不正です' });
  });

  it('tolerates whitespace and line breaks in a pasted code', async () => {
    const code = await codeFor();
    const pasted = `  ${code.slice(0, 50)}\n${code.slice(50)}\n`;
    expect((await verifyApprovalCode(pasted, supervisor.publicKeyJwk, { text: TEXT, account: ACCOUNT, now: NOW })).ok).toBe(true);
  });

  it('refuses everything when no valid public key is set, and never accepts a private key as the public one', async () => {
    const code = await codeFor();
    expect(await verifyApprovalCode(code, null, { text: TEXT, account: ACCOUNT, now: NOW })).toMatchObject({ ok: false, failure: 'public_key' });
    expect(isPublicKeyJwk(supervisor.privateKeyJwk)).toBe(false);
    expect(await verifyApprovalCode(code, supervisor.privateKeyJwk, { text: TEXT, account: ACCOUNT, now: NOW })).toMatchObject({ ok: false, failure: 'public_key' });
  });

  it('a release code carries its reason; a release without a reason is not signed', async () => {
    const request = await createApprovalRequest({ text: TEXT, account: ACCOUNT, site: 'facebook', now: NOW });
    const code = await approve(request, privateKey, { expiresInMinutes: 10, kind: 'release', reason: '引用した報道の表現のため', now: NOW });
    expect(await verifyApprovalCode(code, supervisor.publicKeyJwk, { text: TEXT, account: ACCOUNT, now: NOW })).toMatchObject({ ok: true, kind: 'release', reason: '引用した報道の表現のため' });
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
    expect((await verifyApprovalCode(code, supervisor.publicKeyJwk, { text: TEXT, account: ACCOUNT, now: NOW })).ok).toBe(true);
  });

  it('does not unlock with a wrong PIN', async () => {
    const stored = await encryptPrivateKey(supervisor.privateKeyJwk, '482915');
    expect(await unlockPrivateKey(stored, '482916')).toEqual({ ok: false, reason: 'PIN が違います。' });
  });
});
