/**
 * RFC 4180 CSV for the extension (the reader in src/eval/csv.ts is Node tooling with English
 * messages; this one reports in Japanese with the line, for supervisors). Strict: a malformed file
 * is refused with where it went wrong, never half-read.
 *
 * Read: CRLF, LF or a lone CR between records; a UTF-8 BOM; no break after the last record; line
 * breaks inside a quoted field kept as written. Write: CRLF between records, a field quoted only
 * when it holds a comma, quote, CR or LF (or leading/trailing space, which some readers trim), and
 * EVERY cell passed through the one formula neutraliser (`neutralizeFormula`) first.
 */

export class CsvSyntaxError extends Error {
  constructor(
    /** 1-based line of the input. */
    readonly line: number,
    /** Japanese, without the line number. */
    readonly detail: string,
  ) {
    super(`${line}行目: ${detail}`);
    this.name = 'CsvSyntaxError';
  }
}

export interface CsvRecord {
  /** The line the record starts on (1-based), for messages. */
  line: number;
  fields: string[];
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/** Every record with the line it starts on. An empty input gives no records. Throws CsvSyntaxError. */
export function readCsv(input: string): CsvRecord[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  const n = text.length;
  if (n === 0) return records;
  let line = 1;
  let i = 0;
  let record: CsvRecord = { line, fields: [] };
  for (;;) {
    if (text.charCodeAt(i) === QUOTE) {
      const openedAt = line;
      let value = '';
      let from = i + 1;
      let j = from;
      for (;;) {
        if (j >= n) throw new CsvSyntaxError(openedAt, '引用符（"）が閉じられていません。');
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
        throw new CsvSyntaxError(line, `閉じた引用符の後に「${text[j]}」があります（欄の中の " は "" と書きます）。`);
      }
      record.fields.push(value);
      i = j;
    } else {
      let j = i;
      for (; j < n; j++) {
        const c = text.charCodeAt(j);
        if (c === COMMA || c === LF || c === CR) break;
        if (c === QUOTE) throw new CsvSyntaxError(line, '引用符で囲まれていない欄に " があります（欄全体を "…" で囲み、中の " は "" と書きます）。');
      }
      record.fields.push(text.slice(i, j));
      i = j;
    }
    if (i >= n) {
      records.push(record);
      return records;
    }
    const c = text.charCodeAt(i);
    if (c === COMMA) {
      i += 1;
      continue;
    }
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    line += 1;
    records.push(record);
    record = { line, fields: [] };
    if (i >= n) return records;
  }
}

/** True for a record that is one empty field: a blank line, skipped by table readers. */
export function isBlankRecord(record: CsvRecord): boolean {
  return record.fields.length === 1 && record.fields[0] === '';
}

/**
 * A cell that a spreadsheet would run as a formula (CSV injection, issue #8 §6): one that starts —
 * after any spaces, and after any apostrophes this function itself adds — with = + - @, their
 * full-width forms ＝ ＋ － ＠ (which Japanese Excel reads as formulas too), their small forms
 * ﹦ ﹢ ﹣ ﹫ or the minus sign −; or with a tab, CR or LF.
 */
const FORMULA_LEAD = /^'*(?:[\t\r\n]|[\s\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b\u2212])/;

/**
 * Prefixes ' to a cell that would start a formula, so Excel and LibreOffice show the text instead
 * of running it (OWASP's CSV-injection advice). A cell that starts with ' followed by such a lead
 * gets one more ', so `restoreFormula` gives back exactly what was written: every export of the
 * extension goes through this (the audit log, the settings, the term lists), every import of a
 * term list through `restoreFormula`.
 */
export function neutralizeFormula(cell: string): string {
  return FORMULA_LEAD.test(cell) ? `'${cell}` : cell;
}

/** The inverse of `neutralizeFormula` (for reading back a file this extension wrote). */
export function restoreFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_LEAD.test(cell.slice(1)) ? cell.slice(1) : cell;
}

function quoteField(field: string): string {
  return /[",\r\n]|^\s|\s$/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/**
 * Rows to CSV text, CRLF after every record, every cell through `neutralizeFormula` (there is no
 * way around it: a cell no one thought could hold a formula is where one gets in). `bom` prefixes
 * U+FEFF so that Excel (what city offices open CSV with) reads the file as UTF-8 rather than Shift_JIS.
 */
export function writeCsv(rows: readonly (readonly string[])[], options: { bom?: boolean } = {}): string {
  const body = rows.map((r) => r.map((cell) => quoteField(neutralizeFormula(cell))).join(',') + '\r\n').join('');
  return (options.bom === true ? '\ufeff' : '') + body;
}
