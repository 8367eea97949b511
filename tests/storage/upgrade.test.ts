/** A database written by version 1 opens in version 2 with nothing lost. */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DB_NAME, SCHEMA_V1, SCHEMA_V2, ToukouGuardDB, guessExceptionKind, splitV1CategorySettings } from '../../src/storage/db.ts';
import { addFalsePositiveReport, listFalsePositiveReports } from '../../src/storage/false-positives.ts';
import { getCategorySettings, getGeneralSettings } from '../../src/storage/settings.ts';
import { listCustomTerms } from '../../src/storage/custom-terms.ts';
import { listExceptions, addException } from '../../src/storage/exceptions.ts';
import { auditEvent, freshIndexedDb, term } from './helpers.ts';

/** What the first release wrote: its schema, its row shapes. */
async function writeV1(options: ReturnType<typeof freshIndexedDb>): Promise<void> {
  const v1 = new Dexie(DB_NAME, options);
  v1.version(1).stores(SCHEMA_V1);
  await v1.table('settings').bulkPut([
    {
      key: 'categories',
      value: {
        insult: { sensitivity: 'warn', threshold: 0.7 },
        rumour: { sensitivity: 'block', threshold: 0.4 },
        personal_info: { sensitivity: 'off', threshold: 0.5 },
      },
    },
    { key: 'auditKeepText', value: true },
    { key: 'retentionDays', value: 90 },
  ]);
  await v1.table('customTerms').bulkPut([term('insult.hojinashi'), term('confidential.naisho', { forms: ['ないしょの話'], examples: { hit: ['ないしょの話ですが'] } })]);
  await v1.table('exceptions').bulkAdd([{ text: '0172-44-1111' }, { text: 'www.city.hirakawa.lg.jp' }, { text: '馬鹿力' }, { text: '平川市柏木町藤山25番地6' }]);
  expect(v1.verno).toBe(1);
  v1.close();
}

describe('schema upgrade v1 → v2', () => {
  it('keeps every setting, term and exception, reshaped', async () => {
    const idb = freshIndexedDb();
    await writeV1(idb);
    const db = new ToukouGuardDB(idb);
    await db.open();
    expect(db.verno).toBe(3);

    expect(await getCategorySettings(db)).toEqual({
      insult: { sensitivity: 'warn', threshold: 0.7 },
      rumour: { sensitivity: 'block', threshold: 0.4 },
      personal_info: { sensitivity: 'off', threshold: 0.5 },
    });
    expect(await db.settings.get('categories')).toBeUndefined();
    const general = await getGeneralSettings(db);
    expect(general.auditKeepText).toBe(true);
    expect(general.retentionDays).toBe(90);

    expect((await listCustomTerms(db)).map((t) => t.id)).toEqual(['insult.hojinashi', 'confidential.naisho']) // category order, then id;

    const exceptions = await listExceptions(db);
    expect(exceptions.map(({ kind, value }) => ({ kind, value }))).toEqual([
      { kind: 'phone', value: '0172-44-1111' },
      { kind: 'domain', value: 'www.city.hirakawa.lg.jp' },
      { kind: 'term', value: '馬鹿力' },
      { kind: 'address', value: '平川市柏木町藤山25番地6' },
    ]);
    expect(exceptions.every((e) => !('text' in e))).toBe(true);
    // Ids survive, and the new unique index works on migrated rows.
    expect(exceptions.map((e) => e.id)).toEqual([1, 2, 3, 4]);
    expect(await addException(db, { kind: 'term', value: '馬鹿力' })).toBe(3);

    // The new tables exist and are empty.
    expect(await db.accounts.count()).toBe(0);
    expect(await db.approvals.count()).toBe(0);
    expect(await db.auditEvents.count()).toBe(0);
    db.close();
  });

  it('opens an empty v1 database and a brand-new one alike', async () => {
    const idb = freshIndexedDb();
    const v1 = new Dexie(DB_NAME, idb);
    v1.version(1).stores(SCHEMA_V1);
    await v1.open();
    v1.close();
    const upgraded = new ToukouGuardDB(idb);
    expect(await getCategorySettings(upgraded)).toEqual({});
    upgraded.close();
    const fresh = new ToukouGuardDB(freshIndexedDb());
    await fresh.open();
    expect(fresh.verno).toBe(3);
    fresh.close();
  });

  it('an unusable v1 category value is dropped (default applies), the others migrate', () => {
    expect(splitV1CategorySettings({ insult: { sensitivity: 'loud' }, illegal: { sensitivity: 'info' }, nonsense: { sensitivity: 'warn' } })).toEqual([
      { key: 'category.illegal', value: { sensitivity: 'info', threshold: 0.5 } },
    ]);
    expect(splitV1CategorySettings('garbage')).toEqual([]);
  });

  it.each([
    ['0172-44-1111', 'phone'],
    ['0172441111', 'phone'],
    ['https://www.city.hirakawa.lg.jp/', 'domain'],
    ['city.hirakawa.lg.jp', 'domain'],
    ['平川市柏木町藤山25番地6', 'address'],
    ['ボケの花', 'term'],
    ['2024年', 'term'],
    ['平川市の魅力2025', 'term'], // a town name and a number are not an address
    ['ボケの花（木瓜）', 'term'],
  ])('guesses the kind of %s as %s', (text, kind) => {
    expect(guessExceptionKind(text)).toBe(kind);
  });
});

describe('schema upgrade v2 → v3 (issue #9: 誤検知の報告)', () => {
  it('a v2 database keeps its settings, exceptions, accounts and log, and gains the empty report tables', async () => {
    const idb = freshIndexedDb();
    const v2 = new Dexie(DB_NAME, idb);
    v2.version(1).stores(SCHEMA_V1);
    v2.version(2).stores(SCHEMA_V2);
    await v2.table('settings').bulkPut([{ key: 'category.insult', value: { sensitivity: 'block', threshold: 0.5 } }, { key: 'retentionDays', value: 30 }]);
    await v2.table('exceptions').add({ kind: 'term', value: '馬鹿力' });
    await v2.table('auditEvents').add(auditEvent(Date.UTC(2026, 3, 1)));
    await v2.table('customTerms').put(term('insult.hojinashi'));
    const before = { settings: await v2.table('settings').toArray(), exceptions: await v2.table('exceptions').toArray(), audit: await v2.table('auditEvents').toArray(), terms: await v2.table('customTerms').toArray() };
    v2.close();

    const db = new ToukouGuardDB(idb);
    await db.open();
    expect(db.verno).toBe(3);
    expect({ settings: await db.settings.toArray(), exceptions: await db.exceptions.toArray(), audit: await db.auditEvents.toArray(), terms: await db.customTerms.toArray() }).toEqual(before);
    expect(await getCategorySettings(db)).toEqual({ insult: { sensitivity: 'block', threshold: 0.5 } });
    expect(await db.falsePositiveReports.count()).toBe(0);
    expect(await db.dismissedProposals.count()).toBe(0);
    // The new table works on the upgraded database.
    await addFalsePositiveReport(db, { time: 1, site: 'x', category: 'insult', rule: 'terms:insult.boke', clause: '5-8-insult', excerpt: 'ボケ' });
    expect((await listFalsePositiveReports(db)).map((r) => r.excerpt)).toEqual(['ボケ']);
    db.close();
  });
});
