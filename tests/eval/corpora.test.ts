import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compareBlindSets,
  fileNameDate,
  loadBlindFile,
  loadBlindSets,
  loadBulletins,
  loadDevCorpus,
  loadNer,
  loadToxicity,
  loadXSafety,
  majorityLevel,
  parseBulletinCsv,
  parseDevJsonl,
  parseNerJson,
  parseToxicityCsv,
  parseXSafetyJsonl,
} from '../../src/eval/corpora.ts';
import { blindDir, corpusPaths, REPO_ROOT, sharedDir } from '../../src/eval/paths.ts';

const votes = (nt: number, hs: number, t: number, vt: number) => ({ 'Not Toxic': nt, 'Hard to Say': hs, Toxic: t, 'Very Toxic': vt });

describe('majorityLevel', () => {
  it('takes the level with most votes', () => {
    expect(majorityLevel(votes(1, 0, 3, 0))).toEqual({ level: 'Toxic', tied: false });
    expect(majorityLevel(votes(2, 0, 0, 1))).toEqual({ level: 'Not Toxic', tied: false });
  });

  it('on a tie takes the least severe tied level', () => {
    expect(majorityLevel(votes(2, 0, 2, 0))).toEqual({ level: 'Not Toxic', tied: true });
    expect(majorityLevel(votes(0, 2, 2, 0))).toEqual({ level: 'Hard to Say', tied: true });
    expect(majorityLevel(votes(0, 0, 2, 2))).toEqual({ level: 'Toxic', tied: true });
  });

  it('a tie below the top does not count as a tie', () => {
    expect(majorityLevel(votes(1, 1, 3, 0))).toEqual({ level: 'Toxic', tied: false });
  });
});

describe('parseToxicityCsv', () => {
  const header = 'id,text,Not Toxic,Hard to Say,Toxic,Very Toxic,category_卑語,annotation_num\n';

  it('classes rows by majority: Toxic and Very Toxic are toxic, Hard to Say is neither', () => {
    const rows = parseToxicityCsv(header + '1,ありがとう,5,0,0,0,0,5\n2,"ひどい,やつ",0,1,1,2,1,4\n3,微妙,1,3,0,0,0,4\n4,半々,2,0,2,0,0,4\n');
    expect(rows.map((r) => [r.id, r.class, r.tied])).toEqual([
      ['1', 'not_toxic', false],
      ['2', 'toxic', false],
      ['3', 'unsure', false],
      ['4', 'not_toxic', true],
    ]);
    expect(rows[1]!.text).toBe('ひどい,やつ');
  });

  it('rejects a vote count that is not a number', () => {
    expect(() => parseToxicityCsv(header + '1,x,five,0,0,0,0,5\n')).toThrow(/not a count/);
  });

  it('rejects a file without the level columns', () => {
    expect(() => parseToxicityCsv('id,text,score\n1,x,3\n')).toThrow(/lacks column/);
  });
});

describe('parseDevJsonl', () => {
  const line = (o: object) => JSON.stringify(o);
  const ok = { id: 'a', text: 't', platform: 'x', expected: { categories: ['insult'], needs_approval: true }, note: 'n' };

  it('reads drafts and skips blank lines', () => {
    const drafts = parseDevJsonl(`${line(ok)}\n\n${line({ ...ok, id: 'b', platform: 'facebook', expected: { categories: [], needs_approval: false } })}\n`);
    expect(drafts.map((d) => [d.id, d.platform, d.expected.categories, d.expected.needs_approval])).toEqual([
      ['a', 'x', ['insult'], true],
      ['b', 'facebook', [], false],
    ]);
  });

  it('rejects an unknown category, naming the line, rather than dropping it', () => {
    expect(() => parseDevJsonl(`${line(ok)}\n${line({ ...ok, id: 'b', expected: { categories: ['insullt'], needs_approval: true } })}`)).toThrow(/line 2 \(b\): unknown categories/);
  });

  it('rejects duplicate ids, bad platforms and broken JSON', () => {
    expect(() => parseDevJsonl(`${line(ok)}\n${line(ok)}`)).toThrow(/appears twice/);
    expect(() => parseDevJsonl(line({ ...ok, platform: 'instagram' }))).toThrow(/platform/);
    expect(() => parseDevJsonl('{"id":')).toThrow(/line 1: not JSON/);
    expect(() => parseDevJsonl(line({ ...ok, expected: { categories: [] } }))).toThrow(/needs_approval/);
  });
});

describe('parseBulletinCsv', () => {
  it('reads quoted multi-line bodies whole, finds columns by name and skips empty bodies', () => {
    const csv =
      '自治体名,公開年月,発行号タイトル,記事タイトル,カテゴリ,記事本文\n' +
      '厚木市,2024-05,第1号,"ごみの""出し方""",くらし,"1行目\n2行目, 続き"\n' +
      '厚木市,2024-05,第1号,空の記事,くらし,""\n' +
      '倉敷市,2025-06,6月号,健診,健康,本文\n';
    const articles = parseBulletinCsv(csv, 'x.csv');
    expect(articles).toHaveLength(2);
    expect(articles[0]).toMatchObject({ ref: 'x.csv#1', title: 'ごみの"出し方"', body: '1行目\n2行目, 続き' });
    expect(articles[1]).toMatchObject({ ref: 'x.csv#3', municipality: '倉敷市' });
  });
});

describe('parseXSafetyJsonl', () => {
  const row = { id: 'xs-Insult-0', platform: 'x', text: 'ばか', categories: ['insult'], clear: true, note: 'n' };
  const line = (o: object) => JSON.stringify(o);

  it('reads rows, clear or not, with their labels', () => {
    const rows = parseXSafetyJsonl(`${line(row)}\n\n${line({ ...row, id: 'b', categories: [], clear: false, note: undefined })}\n`);
    expect(rows.map((r) => [r.id, r.categories, r.clear, r.note])).toEqual([
      ['xs-Insult-0', ['insult'], true, 'n'],
      ['b', [], false, null],
    ]);
  });

  it('rejects an unknown label, a missing clear flag and a repeated id, naming the line', () => {
    expect(() => parseXSafetyJsonl(line({ ...row, categories: ['insullt'] }))).toThrow(/line 1 \(xs-Insult-0\): unknown categories/);
    expect(() => parseXSafetyJsonl(line({ ...row, clear: 'yes' }))).toThrow(/clear must be true or false/);
    expect(() => parseXSafetyJsonl(`${line(row)}\n${line(row)}`)).toThrow(/line 2: id xs-Insult-0 appears twice/);
  });
});

describe('parseNerJson', () => {
  it('numbers the sentences (curid repeats) and reads entity spans', () => {
    const json = JSON.stringify([
      { curid: '1', text: '松友美佐紀は選手。', entities: [{ name: '松友美佐紀', span: [0, 5], type: '人名' }] },
      { curid: 1, text: '東京都にある。', entities: [] },
    ]);
    expect(parseNerJson(json)).toEqual([
      { id: '1', curid: '1', text: '松友美佐紀は選手。', entities: [{ name: '松友美佐紀', start: 0, end: 5, type: '人名' }] },
      { id: '2', curid: '1', text: '東京都にある。', entities: [] },
    ]);
  });

  it('rejects what is not the documented shape', () => {
    expect(() => parseNerJson('{}')).toThrow(/not a JSON array/);
    expect(() => parseNerJson(JSON.stringify([{ curid: '1', text: 't', entities: [{ name: 'a', span: [0], type: '人名' }] }]))).toThrow(/item 1 entity 1: span/);
  });
});

describe('blind sets', () => {
  it('read the date in a file name in three spellings, and only a real date', () => {
    expect(fileNameDate('blind-2025-09-01.jsonl')).toBe('2025-09-01');
    expect(fileNameDate('set_20250901_b.jsonl')).toBe('2025-09-01');
    expect(fileNameDate('blind-2025-09.jsonl')).toBe('2025-09');
    expect(fileNameDate('blind.jsonl')).toBeNull();
    expect(fileNameDate('ids-12345678.jsonl')).toBeNull();
  });

  it('sort undated files first, then by date, so the newest is last', () => {
    const sets = [
      { name: 'c-2025-10-01.jsonl', date: '2025-10-01' },
      { name: 'z-old.jsonl', date: null },
      { name: 'a-2025-09.jsonl', date: '2025-09' },
      { name: 'b-20251002.jsonl', date: '2025-10-02' },
    ];
    expect([...sets].sort(compareBlindSets).map((s) => s.name)).toEqual(['z-old.jsonl', 'a-2025-09.jsonl', 'c-2025-10-01.jsonl', 'b-20251002.jsonl']);
  });

  it('load every *.jsonl of a folder oldest first; `missing` for an absent or empty folder', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'toukou-blind-'));
    expect(loadBlindSets(path.join(dir, 'nope'))).toMatchObject({ status: 'missing', reason: 'folder not found' });
    expect(loadBlindSets(dir)).toMatchObject({ status: 'missing', reason: 'no *.jsonl file in the folder' });
    const draft = JSON.stringify({ id: 'a', text: 't', platform: 'x', expected: { categories: [], needs_approval: true }, note: null });
    writeFileSync(path.join(dir, 'blind-2025-10-01.jsonl'), draft);
    writeFileSync(path.join(dir, 'blind-2025-09-01.jsonl'), draft);
    writeFileSync(path.join(dir, 'README.md'), 'not a set');
    const sets = loadBlindSets(dir);
    expect(sets.status === 'ok' && sets.sets.map((s) => [s.name, s.date, s.loaded.status])).toEqual([
      ['blind-2025-09-01.jsonl', '2025-09-01', 'ok'],
      ['blind-2025-10-01.jsonl', '2025-10-01', 'ok'],
    ]);
  });

  it('say why a blind file is malformed without quoting its text', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'toukou-blind-'));
    const file = path.join(dir, 'b.jsonl');
    // V8 quotes the start of a line that begins with an unexpected token.
    writeFileSync(file, 'SECRET-BLIND-TEXT {"id": "a"}\n');
    const set = loadBlindFile(file);
    expect(set.loaded.status).toBe('invalid');
    const reason = set.loaded.status === 'invalid' ? set.loaded.reason : '';
    expect(reason).toBe('line 1: not JSON');
    // The dev loader does quote it (dev is not blind): the redaction is what keeps it out.
    const dev = loadDevCorpus(file);
    expect(dev.status === 'invalid' && dev.reason).toMatch(/^line 1: not JSON \(.*SECRET/);
  });
});

describe('loaders', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'toukou-eval-'));

  it('say `missing` for absent files and folders instead of throwing', () => {
    expect(loadDevCorpus(path.join(dir, 'nope.jsonl')).status).toBe('missing');
    expect(loadToxicity(path.join(dir, 'nope.csv')).status).toBe('missing');
    expect(loadBulletins(path.join(dir, 'nope')).status).toBe('missing');
    expect(loadXSafety(path.join(dir, 'nope.jsonl')).status).toBe('missing');
    expect(loadNer(path.join(dir, 'nope.json')).status).toBe('missing');
    mkdirSync(path.join(dir, 'empty'));
    expect(loadBulletins(path.join(dir, 'empty')).status).toBe('missing');
  });

  it('say `invalid` with the reason for a malformed corpus', () => {
    writeFileSync(path.join(dir, 'bad.jsonl'), '{"id": "a"}\n');
    const loaded = loadDevCorpus(path.join(dir, 'bad.jsonl'));
    expect(loaded.status).toBe('invalid');
    expect(loaded.status === 'invalid' && loaded.reason).toMatch(/line 1/);
    mkdirSync(path.join(dir, 'bulletins'));
    writeFileSync(path.join(dir, 'bulletins', 'a.csv'), '自治体名,公開年月,発行号タイトル,記事タイトル,カテゴリ,記事本文\nx,y,z,"unclosed\n');
    const b = loadBulletins(path.join(dir, 'bulletins'));
    expect(b.status === 'invalid' && b.reason).toMatch(/a\.csv: CSV line 2/);
  });
});

describe('sharedDir', () => {
  it('defaults to ../shared beside the repository and honours TOUKOU_SHARED', () => {
    expect(sharedDir({})).toBe(path.resolve(REPO_ROOT, '..', 'shared'));
    expect(sharedDir({ TOUKOU_SHARED: '/data/corpora' })).toBe('/data/corpora');
    expect(sharedDir({ TOUKOU_SHARED: '  ' })).toBe(path.resolve(REPO_ROOT, '..', 'shared'));
  });

  it('blind sets default to tests/blind in the repository and honour TOUKOU_BLIND', () => {
    expect(blindDir({})).toBe(path.resolve(REPO_ROOT, 'tests', 'blind'));
    expect(blindDir({ TOUKOU_BLIND: '/tmp/sets' })).toBe('/tmp/sets');
  });
});

// The real corpora, when they are on this machine: the counts are those of data/SOURCES.md.
const real = corpusPaths(sharedDir());
const bulletins = loadBulletins(real.bulletinDir);
const toxicity = loadToxicity(real.toxicity);
const dev = loadDevCorpus(real.dev);
const xsafety = loadXSafety(real.xsafety);
const ner = loadNer(real.ner);

describe('the shared corpora (skipped when absent)', () => {
  it.skipIf(bulletins.status === 'missing')('reads every bulletin article (13 files, 509 articles)', () => {
    expect(bulletins.status).toBe('ok');
    if (bulletins.status !== 'ok') return;
    expect(bulletins.items).toHaveLength(509);
    // Multi-line bodies arrive whole: some article spans lines.
    expect(bulletins.items.some((a) => a.body.includes('\n'))).toBe(true);
  });

  it.skipIf(toxicity.status === 'missing')('reproduces the majority counts of SOURCES.md with the tie rule', () => {
    expect(toxicity.status).toBe('ok');
    if (toxicity.status !== 'ok') return;
    const count = (level: string) => toxicity.items.filter((r) => r.majority === level).length;
    expect([toxicity.items.length, count('Not Toxic'), count('Hard to Say'), count('Toxic'), count('Very Toxic')]).toEqual([437, 372, 36, 26, 3]);
  });

  it.skipIf(dev.status === 'missing')('reads the dev corpus', () => {
    expect(dev.status).toBe('ok');
    if (dev.status === 'ok') expect(dev.items.length).toBeGreaterThanOrEqual(100);
  });

  it.skipIf(xsafety.status === 'missing')('reads the xsafety rows with the clear counts of SOURCES.md', () => {
    expect(xsafety.status).toBe('ok');
    if (xsafety.status !== 'ok') return;
    const clear = xsafety.items.filter((r) => r.clear);
    const labelled = (c: string) => clear.filter((r) => (r.categories as string[]).includes(c)).length;
    expect(xsafety.items).toHaveLength(700);
    expect([labelled('insult'), labelled('illegal'), labelled('discrimination'), labelled('public_order'), labelled('rumour')]).toEqual([81, 54, 50, 8, 4]);
    expect(clear.filter((r) => r.categories.length === 0)).toHaveLength(391);
  });

  it.skipIf(ner.status === 'missing')('reads the 5,343 NER sentences', () => {
    expect(ner.status).toBe('ok');
    if (ner.status !== 'ok') return;
    expect(ner.items).toHaveLength(5343);
    expect(ner.items.some((s) => s.entities.some((e) => e.type === '人名'))).toBe(true);
  });
});
