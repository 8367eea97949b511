/**
 * A supervisor's term lists as CSV, one term per row:
 *
 *   category,id,forms,reading,severity,example_hit,example_clean,note
 *   insult,insult.hojinashi,ほじなし|ホジナシ,ホジナシ,warn,あいつはほじなしだ,,津軽弁の悪口
 *
 * `forms`, `example_hit` and `example_clean` hold several values separated by `|`; `reading`,
 * `example_clean` and `note` may be empty. Rows are checked by the same parser as dictionaries/
 * (`validateCustomTerms` → `parseDictionary`), and a file is applied all or nothing. The export
 * neutralises cells a spreadsheet would run as formulas (`neutralizeFormula`); the import restores them.
 */
import { isCategory } from '../shared/types.ts';
import { listCustomTerms, validateCustomTerms, type CustomTerm, type CustomTermProblem, type ToukouGuardDB } from '../storage/index.ts';
import { CsvSyntaxError, isBlankRecord, readCsv, restoreFormula, writeCsv } from './csv.ts';
import { refused, withoutFieldPrefix, type ImportOutcome, type ImportProblem } from './problems.ts';

export const CUSTOM_TERMS_CSV_HEADER = ['category', 'id', 'forms', 'reading', 'severity', 'example_hit', 'example_clean', 'note'] as const;
type Column = (typeof CUSTOM_TERMS_CSV_HEADER)[number];
export const LIST_SEPARATOR = '|';

/** The CSV column an entry field was read from. */
function columnOf(field: string): Column | '' {
  const head = field.split(/[.[]/)[0] ?? '';
  if (field.startsWith('examples.clean')) return 'example_clean';
  if (head === 'examples') return 'example_hit';
  return (CUSTOM_TERMS_CSV_HEADER as readonly string[]).includes(head) ? (head as Column) : '';
}

function splitList(field: string): string[] {
  return field.split(LIST_SEPARATOR).map((s) => s.trim());
}

function rowToTerm(fields: readonly string[]): CustomTerm {
  const [category, id, forms, reading, severity, hit, clean, note] = fields.map((f) => f.trim()) as [string, string, string, string, string, string, string, string];
  const term = {
    id,
    category: category as CustomTerm['category'],
    forms: forms === '' ? [] : splitList(forms),
    severity: severity as CustomTerm['severity'],
    examples: clean === '' ? { hit: hit === '' ? [] : splitList(hit) } : { hit: hit === '' ? [] : splitList(hit), clean: splitList(clean) },
  } satisfies CustomTerm;
  const out: CustomTerm = term;
  if (reading !== '') out.reading = reading;
  if (note !== '') out.note = note;
  return out;
}

/** Reads and validates a whole file without touching the database. */
export function parseCustomTermsCsv(text: string): ImportOutcome<CustomTerm[]> {
  let records;
  try {
    // The export neutralised formula-looking cells (writeCsv); reading undoes exactly that.
    records = readCsv(text).map((r) => ({ line: r.line, fields: r.fields.map(restoreFormula) }));
  } catch (error) {
    if (error instanceof CsvSyntaxError) return refused([{ line: error.line, field: '', message: error.detail }]);
    throw error;
  }
  const header = records[0];
  if (header === undefined) return refused([{ line: 1, field: '', message: `空のファイルです。1行目は見出し ${CUSTOM_TERMS_CSV_HEADER.join(',')} です。` }]);
  if (header.fields.map((f) => f.trim()).join(',') !== CUSTOM_TERMS_CSV_HEADER.join(',')) {
    return refused([{ line: 1, field: '', message: `見出し行が違います。1行目は ${CUSTOM_TERMS_CSV_HEADER.join(',')} です。` }]);
  }
  const problems: ImportProblem[] = [];
  const terms: CustomTerm[] = [];
  const lines: number[] = [];
  for (const record of records.slice(1)) {
    if (isBlankRecord(record)) continue;
    if (record.fields.length !== CUSTOM_TERMS_CSV_HEADER.length) {
      problems.push({ line: record.line, field: '', message: `列の数が${record.fields.length}です（見出しは${CUSTOM_TERMS_CSV_HEADER.length}列）。` });
      continue;
    }
    const category = record.fields[0]!.trim();
    if (!isCategory(category)) {
      problems.push({ line: record.line, field: 'category', message: `不明なカテゴリ「${category}」です。` });
      continue;
    }
    terms.push(rowToTerm(record.fields));
    lines.push(record.line);
  }
  problems.push(...validateCustomTerms(terms).map((p) => toCsvProblem(p, lines)));
  if (problems.length > 0) return refused(problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
  return { ok: true, value: terms };
}

function toCsvProblem(p: CustomTermProblem, lines: readonly number[]): ImportProblem {
  const column = columnOf(p.field);
  const problem: ImportProblem = { field: column === '' ? p.field : column, message: withoutFieldPrefix(p.message) };
  const line = lines[p.index];
  if (line !== undefined) problem.line = line;
  return problem;
}

export type ImportMode =
  /** The file is the whole list: terms not in it are removed. */
  | 'replace'
  /** Terms in the file are added or replaced by id; the others stay. */
  | 'merge';

/**
 * Validates the whole file first, then writes it in one transaction; on any problem nothing is
 * written. In `merge` mode the file is validated together with the stored terms it keeps.
 */
export async function importCustomTermsCsv(db: ToukouGuardDB, text: string, options: { mode?: ImportMode } = {}): Promise<ImportOutcome<{ count: number }>> {
  const parsed = parseCustomTermsCsv(text);
  if (!parsed.ok) return parsed;
  const incoming = parsed.value;
  return db.transaction('rw', db.customTerms, async () => {
    let next = incoming;
    if (options.mode === 'merge') {
      const ids = new Set(incoming.map((t) => t.id));
      next = [...incoming, ...(await db.customTerms.toArray()).filter((t) => !ids.has(t.id))];
      const problems = validateCustomTerms(next);
      if (problems.length > 0) return refused<{ count: number }>(problems.map((p) => ({ field: `${next[p.index]?.id ?? ''} ${p.field}`.trim(), message: p.message })));
    }
    await db.customTerms.clear();
    await db.customTerms.bulkAdd(next);
    return { ok: true, value: { count: incoming.length } };
  });
}

/** The terms as CSV text (BOM and CRLF, for Excel). Throws if a value holds `|`, which the format cannot carry. */
export function formatCustomTermsCsv(terms: readonly CustomTerm[], options: { bom?: boolean } = {}): string {
  const join = (id: string, column: string, values: readonly string[]): string => {
    for (const v of values) if (v.includes(LIST_SEPARATOR)) throw new Error(`${id} の ${column}「${v}」に | が含まれるため CSV にできません。JSON で書き出してください。`);
    return values.join(LIST_SEPARATOR);
  };
  const rows: string[][] = [[...CUSTOM_TERMS_CSV_HEADER]];
  for (const t of terms) {
    rows.push([
      t.category,
      t.id,
      join(t.id, 'forms', t.forms),
      t.reading ?? '',
      t.severity,
      join(t.id, 'example_hit', t.examples.hit),
      join(t.id, 'example_clean', t.examples.clean ?? []),
      t.note ?? '',
    ]);
  }
  return writeCsv(rows, { bom: options.bom ?? true });
}

export async function exportCustomTermsCsv(db: ToukouGuardDB, options: { bom?: boolean } = {}): Promise<string> {
  return formatCustomTermsCsv(await listCustomTerms(db), options);
}
