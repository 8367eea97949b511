/**
 * The pages' side of the boundary: the options, log and popup apis hold no database, carry their
 * session token to the background, answer every failure as a message (never a rejection), and
 * tell the page when the session ended so it can ask for the PIN again.
 */
import { describe, expect, test } from 'vitest';
import { createLogApi, createOptionsApi, type PageDeps } from '../../src/supervisor/page-api.ts';
import { createPopupApi } from '../../src/supervisor/popup-api.ts';
import { SESSION_IDLE_MS } from '../../src/supervisor/session.ts';
import { getSetting, listCustomTerms } from '../../src/storage/index.ts';
import { term } from '../storage/helpers.ts';
import { PIN, adminSetup, withPin, type AdminSetup } from './helpers.ts';

function deps(s: AdminSetup): PageDeps & { downloads: Array<{ filename: string; text: string }> } {
  const downloads: Array<{ filename: string; text: string }> = [];
  return {
    admin: s.send(),
    downloads,
    download: (filename, text) => void downloads.push({ filename, text }),
    copy: async () => undefined,
    openLog: () => undefined,
    openOptions: () => undefined,
    print: () => undefined,
    now: () => s.clock.now,
  };
}

async function unlocked(managed: unknown = {}) {
  const s = adminSetup({ managed });
  await withPin(s.db);
  const d = deps(s);
  const api = createOptionsApi(d);
  expect(await api.unlock(PIN)).toEqual({ ok: true, value: undefined });
  return { s, d, api };
}

// PBKDF2 at 600,000 rounds per PIN check: slow on a shared machine.
describe('options api', { timeout: 30_000 }, () => {
  test('before the PIN nothing is read or written, and the page is told to ask for it', async () => {
    const s = adminSetup();
    await withPin(s.db);
    const api = createOptionsApi(deps(s));
    expect(await api.status()).toMatchObject({ ok: true, value: { pinSet: true, session: false } });
    expect(await api.load()).toMatchObject({ ok: false, needsPin: true });
    expect(await api.putTerm(term('insult.hojinashi'), null)).toMatchObject({ ok: false, needsPin: true });
    expect(await listCustomTerms(s.db)).toEqual([]);
    expect(await api.unlock('135792')).toEqual({ ok: false, message: 'PIN が違います。' });
  });

  test('a category locked by the policy cannot be changed; an unlocked one can, and the tabs are told', async () => {
    const { s, api } = await unlocked({ categories: { insult: { sensitivity: 'block', threshold: 0.5 } } });
    expect(await api.setCategory('insult', { sensitivity: 'off', threshold: 0.5 })).toMatchObject({ ok: false, message: expect.stringContaining('組織のポリシー') });
    expect(await api.setCategory('rumour', { sensitivity: 'off', threshold: 0.5 })).toEqual({ ok: true, value: undefined });
    expect(s.changed.count).toBe(1);
    const snap = await api.load();
    if (!snap.ok) throw new Error(snap.message);
    expect(snap.value.config.settings.insult?.sensitivity).toBe('block');
    expect(snap.value.config.settings.rumour?.sensitivity).toBe('off');
  });

  test('the preview judges under the settings being edited', async () => {
    const { api } = await unlocked();
    await api.load();
    expect(api.preview('窓口で騒いでた人、ほんとバカすぎ', {}).verdict).toBe('block');
    expect(api.preview('窓口で騒いでた人、ほんとバカすぎ', { insult: { sensitivity: 'off', threshold: 0.5 } }).verdict).toBe('ok');
  });

  test('a term with a bad field, or an id in use, is reported in place', async () => {
    const { api } = await unlocked();
    await api.load();
    expect(api.validateTerm(term('insult.hojinashi'), null)).toEqual([]);
    expect(api.validateTerm(term('insult.hojinashi', { examples: { hit: [] } }), null)).toEqual([expect.objectContaining({ field: 'examples.hit' })]);
    expect(api.validateTerm(term('insult.hojinashi', { forms: [''] }), null)).toEqual([expect.objectContaining({ field: 'forms[0]' })]);
    expect(await api.putTerm(term('insult.hojinashi'), null)).toEqual({ ok: true, value: undefined });
    await api.load();
    expect(api.validateTerm(term('insult.hojinashi'), null)).toEqual([expect.objectContaining({ field: 'id' })]);
    expect(api.validateTerm(term('insult.hojinashi'), 'insult.hojinashi')).toEqual([]);
  });

  test('a CSV with one bad row is refused with that row and field; the lists are unchanged', async () => {
    const { s, api } = await unlocked();
    await api.putTerm(term('insult.hojinashi'), null);
    const csv = [
      'category,id,forms,reading,severity,example_hit,example_clean,note',
      'insult,insult.hontuke,ほんつけなし,,warn,ほんつけなしだ,,',
      'insult,insult.bad,ばかこ,,loud,ばかこだ,,',
    ].join('\n');
    const r = await api.importTermsCsv(csv, 'replace');
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([expect.objectContaining({ line: 3, field: 'severity' })]);
    expect((await listCustomTerms(s.db)).map((t) => t.id)).toEqual(['insult.hojinashi']);
  });

  test('exports are written by the background and downloaded by the page', async () => {
    const { d, api } = await unlocked();
    await api.putTerm(term('insult.hojinashi'), null);
    expect(await api.exportSettings()).toEqual({ ok: true, value: undefined });
    expect(await api.exportTermsCsv()).toEqual({ ok: true, value: undefined });
    expect(d.downloads.map((f) => f.filename)).toEqual([expect.stringMatching(/^toukou-guard-settings-.*\.json$/), expect.stringMatching(/^toukou-guard-terms-.*\.csv$/)]);
    expect(d.downloads[0]?.text).toContain('"insult.hojinashi"');
  });

  test('a session that ends while the page is open: the save is refused, the page is told, and after the PIN the save goes through', async () => {
    const { s, api } = await unlocked();
    const told: string[] = [];
    api.onSessionEnd((m) => void told.push(m));
    s.clock.now += SESSION_IDLE_MS + 1;
    expect(await api.addException({ kind: 'term', value: '尾上' })).toMatchObject({ ok: false, needsPin: true });
    expect(told).toEqual([expect.stringContaining('PIN をもう一度入力してください')]);
    expect(await api.unlock(PIN)).toMatchObject({ ok: true });
    expect(await api.addException({ kind: 'term', value: '尾上' })).toEqual({ ok: true, value: undefined });
  });

  test('a background that does not answer gives a message to show with a retry, never a rejection', async () => {
    const s = adminSetup();
    const api = createOptionsApi({ ...deps(s), admin: async () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')) });
    expect(await api.status()).toEqual({ ok: false, message: expect.stringContaining('もう一度お試しください') });
    expect(await api.unlock(PIN)).toEqual({ ok: false, message: expect.stringContaining('通信できませんでした') });
  });
});

describe('log api', { timeout: 30_000 }, () => {
  test('the records are read only in a session', async () => {
    const s = adminSetup();
    await withPin(s.db);
    const log = createLogApi(deps(s));
    expect(await log.query({})).toMatchObject({ ok: false, needsPin: true });
    expect(await log.settings()).toMatchObject({ ok: false, needsPin: true });
    expect(await log.unlock(PIN)).toMatchObject({ ok: true });
    expect(await log.query({})).toEqual({ ok: true, value: [] });
    expect(await log.settings()).toEqual({ ok: true, value: { retentionDays: 365, auditKeepText: false, locks: [] } });
  });
});

describe('popup api', { timeout: 30_000 }, () => {
  test('sites on/off: the PIN opens a session for that one change and it is closed after; no PIN configured, no change', async () => {
    const none = adminSetup();
    const popupWithout = createPopupApi(deps(none), async () => undefined);
    expect(await popupWithout.status()).toMatchObject({ ok: true, value: { pinSet: false } });
    expect(await popupWithout.setSiteEnabled('x', false, PIN)).toMatchObject({ ok: false, message: expect.stringContaining('未設定') });
    expect((await getSetting(none.db, 'siteEnabled')).x).toBe(true);

    const s = adminSetup();
    await withPin(s.db);
    const popup = createPopupApi(deps(s), async () => undefined);
    expect(await popup.setSiteEnabled('x', false, '135792')).toEqual({ ok: false, message: 'PIN が違います。' });
    expect(await popup.setSiteEnabled('x', false, PIN)).toEqual({ ok: true, value: undefined });
    expect((await getSetting(s.db, 'siteEnabled')).x).toBe(false);
    expect(s.changed.count).toBe(1);
    // Nothing stays open behind the popup.
    const sessions = (await s.area.get(null))['supervisor:sessions'] as Record<string, unknown>;
    expect(Object.keys(sessions)).toEqual([]);
  });
});
