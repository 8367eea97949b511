/** How an import reports what is wrong: where (line, field) and what, in Japanese. */

export interface ImportProblem {
  /** 1-based line of the file, when the file is line-based (CSV) or the JSON parser said where. */
  line?: number;
  /** The CSV column or the JSON path, e.g. `severity`, `customTerms[2].forms`. */
  field: string;
  message: string;
}

export type ImportOutcome<T> = { ok: true; value: T } | { ok: false; problems: ImportProblem[]; message: string };

/** 「3行目 severity: info / warn / block のいずれかです。」 */
export function formatProblem(p: ImportProblem): string {
  const where = [p.line === undefined ? null : `${p.line}行目`, p.field === '' ? null : p.field].filter((x) => x !== null).join(' ');
  return where === '' ? p.message : `${where}: ${p.message}`;
}

export function refused<T>(problems: ImportProblem[]): ImportOutcome<T> {
  return { ok: false, problems, message: `読み込めませんでした。何も変更していません。\n${problems.map(formatProblem).join('\n')}` };
}

/** The dictionary parser writes "severity は info / …"; the field is already named, so drop the repeat. */
export function withoutFieldPrefix(message: string): string {
  return message.replace(/^[A-Za-z_.]+ は\s*/, '');
}
