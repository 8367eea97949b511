/** The RFC 4180 reader/writer: strict reading with Japanese line-numbered errors, exact round trips. */
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, neutralizeFormula, readCsv, restoreFormula, writeCsv } from '../../src/settings-io/csv.ts';

describe('readCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and knows each record’s line', () => {
    const records = readCsv('a,b\r\n"x,1","say ""hi""\nthere"\r\nlast,row');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x,1', 'say "hi"\nthere'] },
      { line: 4, fields: ['last', 'row'] },
    ]);
  });

  it('accepts a BOM, LF or lone CR, and a trailing newline', () => {
    expect(readCsv('\ufeffa,b\nc,d\n').map((r) => r.fields)).toEqual([['a', 'b'], ['c', 'd']]);
    expect(readCsv('a\rb').map((r) => r.fields)).toEqual([['a'], ['b']]);
    expect(readCsv('')).toEqual([]);
  });

  it.each([
    ['an unterminated quote, reported where it opened', 'a,b\nc,"never closed\nmore', 2, '引用符（"）が閉じられていません'],
    ['text after a closing quote', 'a,b\n"x"y,z', 2, '閉じた引用符の後'],
    ['a bare quote inside a field', 'a,b\nc,d\ne,f"g', 3, '引用符で囲まれていない欄'],
  ])('refuses %s', (_why, input, line, words) => {
    let error: unknown;
    try {
      readCsv(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect((error as CsvSyntaxError).line).toBe(line);
    expect((error as CsvSyntaxError).message).toContain(`${line}行目`);
    expect((error as CsvSyntaxError).message).toContain(words);
  });
});

describe('writeCsv', () => {
  it('quotes only what needs it, uses CRLF, and reads back exactly', () => {
    const rows = [['plain', 'has,comma', 'has "quote"', 'two\nlines', ' padded', '']];
    const text = writeCsv(rows);
    expect(text).toBe('plain,"has,comma","has ""quote""","two\nlines"," padded",\r\n');
    expect(readCsv(text).map((r) => r.fields)).toEqual(rows);
  });

  it('adds a BOM on request (Excel)', () => {
    expect(writeCsv([['a']], { bom: true })).toBe('\ufeffa\r\n');
  });
});

describe('the one formula neutraliser (CSV injection, issue #8 §6)', () => {
  it.each([
    ['=HYPERLINK("http://evil","x")'], ['+1+cmd'], ['-2+3'], ['@SUM(A1)'], ['\t=1+1'], ['\r=1+1'], ['\n=1+1'], ['\tanything'],
    [' =1+1'], ['\u3000=1+1'], ['＝HYPERLINK("http://evil")'], ['＋1'], ['－1'], ['＠SUM(A1)'], ['−1'], ['﹦1'],
  ])('makes %j text, not a formula', (cell) => {
    expect(neutralizeFormula(cell)).toBe(`'${cell}`);
    expect(readCsv(writeCsv([[cell]]))[0]!.fields[0]).toBe(`'${cell}`);
  });

  it.each([['5-8-insult'], ['e3b0c442'], ['市民の皆さま'], ['a=b'], ["'quoted"], ['']])('leaves %j as it is', (cell) => {
    expect(neutralizeFormula(cell)).toBe(cell);
  });

  it('is applied by writeCsv to every cell, the header too', () => {
    expect(writeCsv([['=a', 'b'], ['c', '@d']])).toBe("'=a,b\r\nc,'@d\r\n");
  });

  it('can be undone exactly, even for a cell that already starts with an apostrophe', () => {
    for (const cell of ['=1', "'=1", "''=1", "'plain", 'plain', ' -x', "'\t"]) expect(restoreFormula(neutralizeFormula(cell))).toBe(cell);
    expect(neutralizeFormula("'=1")).toBe("''=1");
  });
});
