/** Settings JSON: exact round trip, all-or-nothing import, secrets never exported. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { exportSettingsJson, importSettingsJson, parseSettingsJson } from '../../src/settings-io/index.ts';
import {
  addException, getCategorySettings, getGeneralSettings, getSetting, listCustomTerms, putAccount, replaceCustomTerms, setCategorySetting, setSetting, type ToukouGuardDB,
} from '../../src/storage/index.ts';
import { encryptPrivateKey, generateSupervisorKeyPair, hashPin } from '../../src/security/index.ts';
import { freshDb, term } from '../storage/helpers.ts';

const NOW = Date.UTC(2025, 3, 1);

async function populated(): Promise<ToukouGuardDB> {
  const db = freshDb();
  const keys = await generateSupervisorKeyPair();
  await setCategorySetting(db, 'rumour', { sensitivity: 'block', threshold: 0.4 });
  await setCategorySetting(db, 'personal_info', { sensitivity: 'off', threshold: 0.5 });
  await setSetting(db, 'auditKeepText', true);
  await setSetting(db, 'retentionDays', 90);
  await setSetting(db, 'siteEnabled', { x: true, facebook: false });
  await setSetting(db, 'supervisorPublicKey', keys.publicKeyJwk);
  await setSetting(db, 'supervisorPinHash', await hashPin('482915'));
  await setSetting(db, 'supervisorPrivateKey', await encryptPrivateKey(keys.privateKeyJwk, '482915'));
  await replaceCustomTerms(db, [term('insult.hojinashi', { reading: 'ホジナシ', note: '津軽弁' }), term('confidential.naisho', { forms: ['ないしょの話'], examples: { hit: ['ないしょの話です'], clean: ['ないしょ'] } })]);
  await addException(db, { kind: 'phone', value: '0172-44-1111', note: '総務課' });
  await addException(db, { kind: 'term', value: '馬鹿力' });
  await putAccount(db, {
    name: '平川市シティプロモーション', platform: 'facebook', handle: 'nostalgic.city.hirakawa', url: 'https://www.facebook.com/nostalgic.city.hirakawa/',
    purpose: '当市の魅力を発信するため', content: '観光・イベント情報', period: { start: '2015-04-01', end: '2030-03-31' },
    replyPolicy: '原則として返信は行いません', operator: '総務課', contact: '0172-44-1111',
  });
  return db;
}

describe('settings JSON', () => {
  it('round-trips exactly: export → import elsewhere → export gives the same text', async () => {
    const db = await populated();
    const exported = await exportSettingsJson(db, { now: NOW });
    const target = freshDb();
    const r = await importSettingsJson(target, exported);
    expect(r.ok).toBe(true);
    expect(await exportSettingsJson(target, { now: NOW })).toBe(exported);
    expect(await getCategorySettings(target)).toEqual(await getCategorySettings(db));
    expect(await listCustomTerms(target)).toEqual(await listCustomTerms(db));
  });

  it('never carries the PIN hash or the private key, and leaves the target’s own alone', async () => {
    const db = await populated();
    const exported = await exportSettingsJson(db, { now: NOW });
    expect(exported).not.toMatch(/supervisorPinHash|supervisorPrivateKey|ciphertext|"d":/);
    const target = freshDb();
    const ownPin = await hashPin('739104');
    await setSetting(target, 'supervisorPinHash', ownPin);
    await importSettingsJson(target, exported);
    expect(await getSetting(target, 'supervisorPinHash')).toEqual(ownPin);
    expect(await getSetting(target, 'supervisorPrivateKey')).toBeNull();
  });

  it('replaces what the file holds (a category set here but not in the file goes back to default)', async () => {
    const target = freshDb();
    await setCategorySetting(target, 'insult', { sensitivity: 'info', threshold: 0.9 });
    await importSettingsJson(target, await exportSettingsJson(await populated(), { now: NOW }));
    expect(Object.keys(await getCategorySettings(target))).toEqual(['rumour', 'personal_info']);
  });

  it('a file with one bad value changes nothing and names the path', async () => {
    const db = await populated();
    const before = await exportSettingsJson(db, { now: NOW });
    const file = JSON.parse(before) as { customTerms: Array<Record<string, unknown>>; general: Record<string, unknown> };
    file.customTerms[1]!['severity'] = 'fatal';
    file.general['retentionDays'] = -1;
    const r = await importSettingsJson(db, JSON.stringify(file));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain('customTerms[1].severity: info / warn / block のいずれかです。');
      expect(r.message).toContain('general.retentionDays: 値が不正です。');
    }
    expect(await exportSettingsJson(db, { now: NOW })).toBe(before);
  });

  it.each([
    ['a syntax error, with its line', '{\n  "format": "toukou-guard-settings",\n  "version": 1,\n}', /^4行目: JSON として読めません/],
    ['an empty file', '', /JSON として読めません/],
    ['another kind of file', '{"name":"custom","entries":[]}', /^format: 投稿ガードの設定ファイルではありません/],
    ['a newer version', '{"format":"toukou-guard-settings","version":2}', /^version: この版では読めない形式です/],
    ['a private key given as the public key', '{"format":"toukou-guard-settings","version":1,"general":{"supervisorPublicKey":{"kty":"EC","crv":"P-256","x":"a","y":"b","d":"c"}}}', /秘密鍵は入れないでください/],
    ['a PIN hash', '{"format":"toukou-guard-settings","version":1,"general":{"supervisorPinHash":null}}', /PIN や秘密鍵は設定ファイルで移せません/],
  ])('refuses %s with a clear message', (_why, text, pattern) => {
    const r = parseSettingsJson(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.split('\n')[1]).toMatch(pattern);
  });

  it('a partial file sets only what it names', async () => {
    const db = await populated();
    const r = await importSettingsJson(db, JSON.stringify({ format: 'toukou-guard-settings', version: 1, general: { retentionDays: 30 } }));
    expect(r.ok).toBe(true);
    const general = await getGeneralSettings(db);
    expect(general.retentionDays).toBe(30);
    expect(general.auditKeepText).toBe(true);
  });
});
