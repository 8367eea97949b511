/**
 * A small, strict RFC 4180 reader. The bulletin bodies are quoted, span many lines and escape
 * quotes as `""`, so splitting on newlines or commas would cut articles apart silently. Strict on
 * purpose: a malformed file is reported with its line number instead of being half-read.
 *
 * Accepted beyond the letter of RFC 4180 (all common in real exports): LF or lone CR as well as
 * CRLF between records, a UTF-8 BOM, and no line break after the last record. Line breaks inside a
 * quoted field are kept exactly as written.
 */

export class CsvError extends Error {
  constructor(
    message: string,
    /** 1-based line of the input where the problem is. */
    readonly line: number,
  ) {
    super(`CSV line ${line}: ${message}`);
    this.name = 'CsvError';
  }
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/** Every record as an array of fields. An empty input gives no records. */
export function parseCsv(input: string): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: string[][] = [];
  let record: string[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  if (n === 0) return records;

  for (;;) {
    // At the start of a field.
    let field: string;
    if (text.charCodeAt(i) === QUOTE) {
      const openedAt = line;
      let value = '';
      let from = i + 1;
      let j = from;
      for (;;) {
        if (j >= n) throw new CsvError(`quoted field opened on line ${openedAt} is never closed`, openedAt);
        const c = text.charCodeAt(j);
        if (c === QUOTE) {
          if (text.charCodeAt(j + 1) === QUOTE) {
            value += text.slice(from, j + 1);
            j += 2;
            from = j;
            continue;
          }
          value += text.slice(from, j);
          j += 1;
          break;
        }
        if (c === LF || (c === CR && text.charCodeAt(j + 1) !== LF)) line += 1;
        j += 1;
      }
      const after = text.charCodeAt(j);
      if (j < n && after !== COMMA && after !== LF && after !== CR) {
        throw new CsvError(`unexpected ${JSON.stringify(text[j])} after a closing quote (write "" for a quote inside a field)`, line);
      }
      field = value;
      i = j;
    } else {
      let j = i;
      for (; j < n; j++) {
        const c = text.charCodeAt(j);
        if (c === COMMA || c === LF || c === CR) break;
        if (c === QUOTE) throw new CsvError('a quote inside an unquoted field (the field must be quoted and the quote doubled)', line);
      }
      field = text.slice(i, j);
      i = j;
    }
    record.push(field);

    // After a field: a comma, a record break, or the end.
    if (i >= n) {
      records.push(record);
      return records;
    }
    const c = text.charCodeAt(i);
    if (c === COMMA) {
      i += 1;
      continue;
    }
    // A record break: CRLF, LF or a lone CR.
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    line += 1;
    records.push(record);
    record = [];
    if (i >= n) return records;
  }
}

export interface CsvTable {
  header: string[];
  /** Data records, each with exactly as many fields as the header; blank lines are skipped. */
  rows: string[][];
}

/** The first record is the header; every other record must have the same number of fields. */
export function parseCsvTable(input: string): CsvTable {
  const records = parseCsv(input);
  const header = records[0];
  if (header === undefined) throw new CsvError('no header record', 1);
  const rows: string[][] = [];
  for (let r = 1; r < records.length; r++) {
    const row = records[r]!;
    if (row.length === 1 && row[0] === '') continue;
    if (row.length !== header.length) {
      throw new CsvError(`record ${r + 1} has ${row.length} fields, the header has ${header.length}`, recordLine(input, r));
    }
    rows.push(row);
  }
  return { header, rows };
}

/** The line a record starts on, for error messages only (re-scans; errors are rare). */
function recordLine(input: string, recordIndex: number): number {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let line = 1;
  let record = 0;
  let quoted = false;
  for (let i = 0; i < text.length && record < recordIndex; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) {
      line += 1;
      if (!quoted) record += 1;
    }
  }
  return line;
}
