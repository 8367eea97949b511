/** The RFC 4180 reader/writer: strict reading with Japanese line-numbered errors, exact round trips. */
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, readCsv, writeCsv } from '../../src/settings-io/csv.ts';

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
