/** The options page's data access: locks refuse writes, term problems are in place, a bad CSV changes nothing. */
import { describe, expect, test } from 'vitest';
import { createOptionsApi, type PageDeps } from '../../src/supervisor/page-api.ts';
import { listCustomTerms } from '../../src/storage/index.ts';
import { freshDb, term } from '../storage/helpers.ts';

function deps(managed: unknown = {}): PageDeps & { changed: number } {
  const d = {
    db: freshDb(),
    readManaged: async () => managed,
    changed: 0,
    notifyChanged: () => void (d.changed += 1),
    download: () => undefined,
    copy: async () => undefined,
    openLog: () => undefined,
    openOptions: () => undefined,
    print: () => undefined,
  };
  return d;
}

describe('options api', () => {
  test('a category locked by the policy cannot be changed; an unlocked one can, and the tabs are told', async () => {
    const d = deps({ categories: { insult: { sensitivity: 'block', threshold: 0.5 } } });
    const api = createOptionsApi(d);
    expect(await api.setCategory('insult', { sensitivity: 'off', threshold: 0.5 })).toMatchObject({ ok: false });
    expect(await api.setCategory('rumour', { sensitivity: 'off', threshold: 0.5 })).toEqual({ ok: true, value: undefined });
    expect(d.changed).toBe(1);
    const snap = await api.load();
    expect(snap.config.settings.insult?.sensitivity).toBe('block');
    expect(snap.config.settings.rumour?.sensitivity).toBe('off');
  });

  test('the preview judges under the settings being edited', async () => {
    const api = createOptionsApi(deps());
    await api.load();
    expect(api.preview('窓口で騒いでた人、ほんとバカすぎ', {}).verdict).toBe('block');
    expect(api.preview('窓口で騒いでた人、ほんとバカすぎ', { insult: { sensitivity: 'off', threshold: 0.5 } }).verdict).toBe('ok');
  });

  test('a term with a bad field, or an id in use, is reported in place', async () => {
    const api = createOptionsApi(deps());
    await api.load();
    expect(api.validateTerm(term('insult.hojinashi'), null)).toEqual([]);
    expect(api.validateTerm(term('insult.hojinashi', { examples: { hit: [] } }), null)).toEqual([expect.objectContaining({ field: 'examples.hit' })]);
    expect(api.validateTerm(term('insult.hojinashi', { forms: [''] }), null)).toEqual([expect.objectContaining({ field: 'forms[0]' })]);
    await api.putTerm(term('insult.hojinashi'), null);
    await api.load();
    expect(api.validateTerm(term('insult.hojinashi'), null)).toEqual([expect.objectContaining({ field: 'id' })]);
    expect(api.validateTerm(term('insult.hojinashi'), 'insult.hojinashi')).toEqual([]);
  });

  test('a CSV with one bad row is refused with that row and field; the lists are unchanged', async () => {
    const d = deps();
    const api = createOptionsApi(d);
    await api.putTerm(term('insult.hojinashi'), null);
    const csv = [
      'category,id,forms,reading,severity,example_hit,example_clean,note',
      'insult,insult.hontuke,ほんつけなし,,warn,ほんつけなしだ,,',
      'insult,insult.bad,ばかこ,,loud,ばかこだ,,',
    ].join('\n');
    const r = await api.importTermsCsv(csv, 'replace');
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([expect.objectContaining({ line: 3, field: 'severity' })]);
    expect((await listCustomTerms(d.db)).map((t) => t.id)).toEqual(['insult.hojinashi']);
  });
});
