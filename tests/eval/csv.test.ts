import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv, parseCsvTable } from '../../src/eval/csv.ts';

describe('parseCsv', () => {
  it('splits plain records and fields', () => {
    expect(parseCsv('a,b,c\n1,2,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('does not add an empty record for the final line break, and reads a last record without one', () => {
    expect(parseCsv('a\nb\n')).toEqual([['a'], ['b']]);
    expect(parseCsv('a\nb')).toEqual([['a'], ['b']]);
    expect(parseCsv('')).toEqual([]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(parseCsv('a,,c\n,b,\n')).toEqual([
      ['a', '', 'c'],
      ['', 'b', ''],
    ]);
    expect(parseCsv('""')).toEqual([['']]);
  });

  it('reads commas, doubled quotes and line breaks inside quoted fields verbatim', () => {
    const text = 'title,body\n"a, b","他の""記事""です。\n2行目\r\n3行目"\nx,y\n';
    expect(parseCsv(text)).toEqual([
      ['title', 'body'],
      ['a, b', '他の"記事"です。\n2行目\r\n3行目'],
      ['x', 'y'],
    ]);
  });

  it('treats CRLF, LF and a lone CR as record breaks', () => {
    expect(parseCsv('a,b\r\nc,d\re,f\ng,h\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ]);
  });

  it('drops a UTF-8 byte-order mark so the first header name is clean', () => {
    expect(parseCsv('\uFEFF自治体名,記事本文\n厚木市,本文')[0]).toEqual(['自治体名', '記事本文']);
  });

  it('reports an unclosed quote with the line it was opened on', () => {
    const error = catchCsv(() => parseCsv('a,b\n1,"open\nstill open\n'));
    expect(error.line).toBe(2);
    expect(error.message).toMatch(/never closed/);
  });

  it('rejects text after a closing quote, on the right line', () => {
    const error = catchCsv(() => parseCsv('a\n"x\ny"z,1\n'));
    expect(error.line).toBe(3);
  });

  it('rejects a bare quote inside an unquoted field', () => {
    expect(() => parseCsv('a,b"c\n')).toThrow(CsvError);
  });
});

describe('parseCsvTable', () => {
  it('returns header and rows, skipping blank lines', () => {
    expect(parseCsvTable('h1,h2\n1,2\n\n3,4\n')).toEqual({ header: ['h1', 'h2'], rows: [['1', '2'], ['3', '4']] });
  });

  it('rejects a record with the wrong number of fields, naming the line it starts on after multi-line fields', () => {
    const error = catchCsv(() => parseCsvTable('h1,h2\n"multi\nline",2\nonly-one\n'));
    expect(error.line).toBe(4);
    expect(error.message).toMatch(/1 fields, the header has 2/);
  });

  it('rejects an empty input (no header)', () => {
    expect(() => parseCsvTable('')).toThrow(/no header/);
  });
});

function catchCsv(run: () => unknown): CsvError {
  try {
    run();
  } catch (error) {
    if (error instanceof CsvError) return error;
    throw error;
  }
  throw new Error('expected a CsvError');
}
