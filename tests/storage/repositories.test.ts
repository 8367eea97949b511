/** Repositories: validated writes, defaults on read, retention, and the engine's options. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../src/engine/checker.ts';
import {
  CustomTermsInvalidError, addAuditEvent, addException, findAccount, findUsableApprovals, getCategorySettings, getGeneralSettings,
  getSetting, listAuditEvents, listCustomTerms, loadCheckerOptions, markApprovalUsed, purgeExpiredAuditEvents, putAccount,
  putCustomTerm, recordApproval, replaceCustomTerms, setCategorySetting, setSetting, validateAccount, type AccountRecord, type Unsaved,
} from '../../src/storage/index.ts';
import { hashPin, generateSupervisorKeyPair } from '../../src/security/index.ts';
import { auditEvent, freshDb, term } from './helpers.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 5, 30, 3, 0, 0);

describe('settings', () => {
  it('reads defaults from an empty database', async () => {
    const db = freshDb();
    expect(await getGeneralSettings(db)).toEqual({
      supervisorPinHash: null, supervisorPublicKey: null, supervisorPrivateKey: null,
      auditKeepText: false, retentionDays: 365, siteEnabled: { x: true, facebook: true },
    });
    expect(await getCategorySettings(db)).toEqual({});
  });

  it('stores a PIN hash and a public key, and refuses a private key as the public one', async () => {
    const db = freshDb();
    const keys = await generateSupervisorKeyPair();
    await setSetting(db, 'supervisorPinHash', await hashPin('482915'));
    await setSetting(db, 'supervisorPublicKey', keys.publicKeyJwk);
    expect(await getSetting(db, 'supervisorPublicKey')).toEqual(keys.publicKeyJwk);
    await expect(setSetting(db, 'supervisorPublicKey', keys.privateKeyJwk)).rejects.toThrow('不正');
    expect(await getSetting(db, 'supervisorPublicKey')).toEqual(keys.publicKeyJwk);
  });

  it.each([
    ['retentionDays', 0],
    ['retentionDays', 1.5],
    ['siteEnabled', { x: true }],
  ] as const)('refuses %s = %j', async (key, value) => {
    const db = freshDb();
    await expect(setSetting(db, key, value as never)).rejects.toThrow();
  });

  it('a hand-edited bad value reads as the default', async () => {
    const db = freshDb();
    await db.settings.put({ key: 'retentionDays', value: 'forever' });
    expect(await getSetting(db, 'retentionDays')).toBe(365);
  });

  it('one row per category; threshold must be 0..1', async () => {
    const db = freshDb();
    await setCategorySetting(db, 'rumour', { sensitivity: 'block', threshold: 0.3 });
    expect(await db.settings.get('category.rumour')).toEqual({ key: 'category.rumour', value: { sensitivity: 'block', threshold: 0.3 } });
    await expect(setCategorySetting(db, 'rumour', { sensitivity: 'block', threshold: 1.5 })).rejects.toThrow('threshold');
  });
});

describe('custom terms', () => {
  it('refuses the whole list when one term is bad, and keeps the old list', async () => {
    const db = freshDb();
    await replaceCustomTerms(db, [term('insult.hojinashi')]);
    const bad = [term('insult.a'), term('insult.b', { severity: 'fatal' as never }), term('discrimination.c', { category: 'insult' })];
    const error = await replaceCustomTerms(db, bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CustomTermsInvalidError);
    const problems = (error as CustomTermsInvalidError).problems;
    expect(problems).toContainEqual({ index: 1, field: 'severity', message: expect.stringContaining('info / warn / block') });
    expect(problems).toContainEqual({ index: 2, field: 'id', message: 'id は「insult.」で始めてください。' });
    expect((await listCustomTerms(db)).map((t) => t.id)).toEqual(['insult.hojinashi']);
  });

  it('refuses a duplicate id across categories and a built-in id', async () => {
    const db = freshDb();
    await putCustomTerm(db, term('insult.hojinashi'));
    await expect(putCustomTerm(db, term('insult.hojinashi', { forms: ['ほじなす'] }))).resolves.toBeUndefined(); // same id = update
    const builtinId = 'confidential.classified';
    await expect(putCustomTerm(db, term(builtinId))).rejects.toThrow('組み込み辞書');
  });
});

describe('accounts (様式１)', () => {
  const account: Unsaved<AccountRecord> = {
    name: '平川市シティプロモーション',
    platform: 'facebook',
    handle: 'nostalgic.city.hirakawa',
    url: 'https://www.facebook.com/nostalgic.city.hirakawa/',
    purpose: '当市の魅力や地域資源を市内外に効果的・戦略的に発信するため',
    content: '市内外の方に向けたイベント・観光情報',
    period: { start: '2015-04-01' },
    replyPolicy: '原則として返信は行いません',
    operator: '平川市 総務部 総務課',
    contact: '0172-44-1111',
  };

  it('stores the guideline example and finds it by platform and handle', async () => {
    const db = freshDb();
    const id = await putAccount(db, account);
    expect(await findAccount(db, 'facebook', '@nostalgic.city.hirakawa')).toEqual({ ...account, id });
  });

  it('names every missing or wrong field', () => {
    const problems = validateAccount({ ...account, purpose: ' ', url: 'https://example.com/', period: { start: '2015-04-31' } });
    expect(problems.map((p) => p.field)).toEqual(['purpose', 'url', 'period.start']);
    expect(problems[0]!.message).toBe('開設の目的を入力してください。');
  });
});

describe('approvals', () => {
  it('offers an unused, unexpired code for the same text and account only once', async () => {
    const db = freshDb();
    const base = { textHash: 'a'.repeat(64), account: 'hirakawa_city', site: 'x', kind: 'approve' as const, code: 'TGOK1.x.y', issuedAt: NOW, expiresAt: NOW + 3_600_000 };
    const id = await recordApproval(db, base);
    await recordApproval(db, { ...base, account: 'other' });
    await recordApproval(db, { ...base, expiresAt: NOW - 1 });
    expect((await findUsableApprovals(db, base.textHash, 'hirakawa_city', NOW)).map((a) => a.id)).toEqual([id]);
    await markApprovalUsed(db, id, NOW);
    expect(await findUsableApprovals(db, base.textHash, 'hirakawa_city', NOW)).toEqual([]);
  });
});

describe('retention', () => {
  it('purges events older than retentionDays and keeps newer ones', async () => {
    const db = freshDb();
    await setSetting(db, 'retentionDays', 30);
    await addAuditEvent(db, auditEvent(NOW - 31 * DAY));
    await addAuditEvent(db, auditEvent(NOW - 30 * DAY - 1));
    await addAuditEvent(db, auditEvent(NOW - 30 * DAY)); // exactly at the cutoff: kept
    await addAuditEvent(db, auditEvent(NOW - 1 * DAY));
    await addAuditEvent(db, auditEvent(NOW));
    expect(await purgeExpiredAuditEvents(db, NOW)).toBe(2);
    expect((await listAuditEvents(db)).map((e) => (NOW - e.time) / DAY)).toEqual([30, 1, 0]);
  });

  it('uses the default (365 days) when the setting is absent', async () => {
    const db = freshDb();
    await addAuditEvent(db, auditEvent(NOW - 366 * DAY));
    await addAuditEvent(db, auditEvent(NOW - 364 * DAY));
    expect(await purgeExpiredAuditEvents(db, NOW)).toBe(1);
    expect(await db.auditEvents.count()).toBe(1);
  });
});

describe('loadCheckerOptions', () => {
  it('builds settings, custom dictionaries and exceptions the engine uses', async () => {
    const db = freshDb();
    await setCategorySetting(db, 'rumour', { sensitivity: 'block', threshold: 0.5 });
    await replaceCustomTerms(db, [term('insult.hojinashi', { forms: ['ほじなし'], severity: 'block', examples: { hit: ['お前はほじなしだ'] } })]);
    await addException(db, { kind: 'phone', value: '0172-44-1111' });
    const { options, problems } = await loadCheckerOptions(db);
    expect(problems).toEqual([]);
    expect(options.settings).toEqual({ rumour: { sensitivity: 'block', threshold: 0.5 } });
    expect(options.dictionaries.map((d) => [d.name, d.category, d.clause, d.entries.length])).toEqual([['custom', 'insult', '5-8-insult', 1]]);
    expect(options.exceptions).toEqual([{ kind: 'phone', value: '0172-44-1111' }]);

    const checker = createChecker(options);
    const result = checker.check('お前はほじなしだ');
    expect(result.findings.some((f) => f.category === 'insult')).toBe(true);
    expect(createChecker().check('お前はほじなしだ').findings.some((f) => f.excerpt.includes('ほじなし'))).toBe(false);
  });
});
