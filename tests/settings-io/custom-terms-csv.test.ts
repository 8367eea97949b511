/** Custom terms CSV: a bad row is named by line and field and nothing is applied; a good file is applied whole. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { exportCustomTermsCsv, formatCustomTermsCsv, importCustomTermsCsv, parseCustomTermsCsv, readCsv } from '../../src/settings-io/index.ts';
import { listCustomTerms, replaceCustomTerms } from '../../src/storage/index.ts';
import { freshDb, term } from '../storage/helpers.ts';

const HEADER = 'category,id,forms,reading,severity,example_hit,example_clean,note';
const GOOD = [
  HEADER,
  'insult,insult.hojinashi,ほじなし|ホジナシ,ホジナシ,warn,あいつはほじなしだ,,津軽弁の悪口',
  'confidential,confidential.naisho,ないしょの話,,block,"これはないしょの話ですが、|ないしょの話を教えます",ないしょ話はやめましょう,"メモ: ""内密"" も検討"',
].join('\r\n');

describe('parseCustomTermsCsv', () => {
  it('reads forms and examples separated by |, empty optional columns left out', () => {
    const r = parseCustomTermsCsv(GOOD);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toEqual([
      { id: 'insult.hojinashi', category: 'insult', forms: ['ほじなし', 'ホジナシ'], reading: 'ホジナシ', severity: 'warn', examples: { hit: ['あいつはほじなしだ'] }, note: '津軽弁の悪口' },
      {
        id: 'confidential.naisho', category: 'confidential', forms: ['ないしょの話'], severity: 'block',
        examples: { hit: ['これはないしょの話ですが、', 'ないしょの話を教えます'], clean: ['ないしょ話はやめましょう'] }, note: 'メモ: "内密" も検討',
      },
    ]);
  });

  it.each([
    ['a bad severity', 'insult,insult.b,ばか者,,fatal,ばか者め,,', '3行目 severity: info / warn / block のいずれかです。'],
    ['no forms', 'insult,insult.b,,,warn,ばか者め,,', '3行目 forms: 少なくとも1つ必要です。'],
    ['an empty form between |', 'insult,insult.b,ばか者||あほ,,warn,ばか者め,,', '3行目 forms: 空でない文字列を指定してください。'],
    ['no hit example', 'insult,insult.b,ばか者,,warn,,,', '3行目 example_hit: 少なくとも1つ必要です。'],
    ['an unknown category', 'rude,rude.b,ばか者,,warn,ばか者め,,', '3行目 category: 不明なカテゴリ「rude」です。'],
    ['an id outside its category', 'insult,public_order.b,ばか者,,warn,ばか者め,,', '3行目 id: 「insult.」で始めてください。'],
    ['a malformed id', 'insult,Insult B,ばか者,,warn,ばか者め,,', '3行目 id: 「カテゴリ.名前」（半角英小文字・数字・_・-）で指定してください。'],
    ['a duplicate id', 'insult,insult.hojinashi,ばか者,,warn,ばか者め,,', '3行目 id: id「insult.hojinashi」が重複しています（1件目と同じ）。'],
    ['a built-in id', 'confidential,confidential.classified,ばか者,,warn,ばか者め,,', '3行目 id: id「confidential.classified」は組み込み辞書で使われています。'],
    ['too few columns', 'insult,insult.b,ばか者,,warn', '3行目: 列の数が5です（見出しは8列）。'],
  ])('names the line and field of %s', (_why, row, expected) => {
    const csv = [HEADER, 'insult,insult.hojinashi,ほじなし,,warn,あいつはほじなしだ,,', row, 'insult,insult.c,あほう,,info,あほうだ,,'].join('\n');
    const r = parseCustomTermsCsv(csv);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message.split('\n')).toContain(expected);
    expect(r.problems.every((p) => p.line === 3)).toBe(true);
  });

  it('counts lines through a multi-line quoted field', () => {
    const csv = [HEADER, 'insult,insult.a,ほじなし,,warn,"一行目\n二行目ほじなし",,', 'insult,insult.b,ばか者,,loud,ばか者め,,'].join('\n');
    const r = parseCustomTermsCsv(csv);
    expect(!r.ok && r.problems[0]).toMatchObject({ line: 4, field: 'severity' });
  });

  it.each([
    ['a wrong header', 'category,id,forms,severity\ninsult,insult.a,ほじなし,warn', '1行目: 見出し行が違います'],
    ['an empty file', '', '1行目: 空のファイルです'],
    ['an unterminated quote', `${HEADER}\ninsult,insult.a,"ほじなし,,warn,x,,`, '2行目: 引用符（"）が閉じられていません'],
  ])('refuses %s with a clear message', (_why, csv, expected) => {
    const r = parseCustomTermsCsv(csv);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(expected);
  });
});

describe('importCustomTermsCsv', () => {
  it('a file with one bad row changes nothing in the database', async () => {
    const db = freshDb();
    await replaceCustomTerms(db, [term('insult.kept')]);
    const csv = [HEADER, 'insult,insult.a,ほじなし,,warn,ほじなしだ,,', 'insult,insult.b,ばか者,,fatal,ばか者め,,', 'insult,insult.c,あほう,,info,あほうだ,,'].join('\n');
    const r = await importCustomTermsCsv(db, csv);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems).toEqual([{ line: 3, field: 'severity', message: 'info / warn / block のいずれかです。' }]);
      expect(r.message).toMatch(/^読み込めませんでした。何も変更していません。\n3行目 severity: /);
    }
    expect((await listCustomTerms(db)).map((t) => t.id)).toEqual(['insult.kept']);
  });

  it('a good file replaces the list', async () => {
    const db = freshDb();
    await replaceCustomTerms(db, [term('insult.old')]);
    const r = await importCustomTermsCsv(db, GOOD);
    expect(r).toEqual({ ok: true, value: { count: 2 } });
    expect((await listCustomTerms(db)).map((t) => t.id)).toEqual(['insult.hojinashi', 'confidential.naisho']);
  });

  it('merge mode adds and updates by id, keeps the rest', async () => {
    const db = freshDb();
    await replaceCustomTerms(db, [term('insult.old'), term('insult.hojinashi', { severity: 'info' })]);
    expect((await importCustomTermsCsv(db, GOOD, { mode: 'merge' })).ok).toBe(true);
    const terms = await listCustomTerms(db);
    expect(terms.map((t) => t.id)).toEqual(['insult.hojinashi', 'insult.old', 'confidential.naisho']);
    expect(terms[0]!.severity).toBe('warn');
  });

  it('export then import gives the same list and the same CSV', async () => {
    const db = freshDb();
    expect((await importCustomTermsCsv(db, GOOD)).ok).toBe(true);
    const exported = await exportCustomTermsCsv(db);
    expect(exported.startsWith('\ufeff' + HEADER + '\r\n')).toBe(true);
    const db2 = freshDb();
    expect((await importCustomTermsCsv(db2, exported)).ok).toBe(true);
    expect(await listCustomTerms(db2)).toEqual(await listCustomTerms(db));
    expect(await exportCustomTermsCsv(db2)).toBe(exported);
  });

  it('neutralises formulas in every column of the export, and reads them back as they were', async () => {
    const db = freshDb();
    const evil = term('insult.evil', { note: '=HYPERLINK("http://evil","詳細")', examples: { hit: ['+あいつはほじなしだ'], clean: ['＠ほじなしではない'] } });
    await replaceCustomTerms(db, [evil]);
    const exported = await exportCustomTermsCsv(db);
    const cells = readCsv(exported).slice(1).flatMap((r) => r.fields);
    expect(cells).toContain(`'=HYPERLINK("http://evil","詳細")`);
    expect(cells).toContain(`'+あいつはほじなしだ`);
    expect(cells).toContain(`'＠ほじなしではない`);
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@＝＋－＠]/);
    const db2 = freshDb();
    expect((await importCustomTermsCsv(db2, exported)).ok).toBe(true);
    expect(await listCustomTerms(db2)).toEqual([evil]);
  });

  it('refuses to export a value that holds | (the CSV cannot carry it)', () => {
    expect(() => formatCustomTermsCsv([term('insult.pipe', { forms: ['a|b'] })])).toThrow('insult.pipe の forms');
  });
});
