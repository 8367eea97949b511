/**
 * One parser for every term list: the built-in dictionaries and a supervisor's own (cf. uBlock
 * Origin: one parser serves the engine and the editor UI). It never throws on bad data: it
 * returns every problem with the place it was found, so the options page can show them in place
 * and nothing half-valid is ever used.
 */
import { clauseById } from '../shared/clauses.ts';
import { isCategory, isSeverity, type Category } from '../shared/types.ts';
import type { Dictionary, DictionaryEntry, SignalList } from './types.ts';

export interface DictionaryProblem {
  /** JSON-pointer-like path: `entries[3].forms[0]`. */
  path: string;
  /** Japanese, for the supervisor. */
  message: string;
}

export type ParseResult = { ok: true; dictionary: Dictionary } | { ok: false; problems: DictionaryProblem[] };

const MAX_FORM_LENGTH = 40;
const ID_PATTERN = /^[a-z_]+\.[a-z0-9_-]+$/;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function stringList(v: unknown, path: string, problems: DictionaryProblem[], { nonEmpty }: { nonEmpty: boolean }): string[] {
  if (!Array.isArray(v)) {
    problems.push({ path, message: '文字列の配列で指定してください。' });
    return [];
  }
  if (nonEmpty && v.length === 0) problems.push({ path, message: '少なくとも1つ必要です。' });
  const out: string[] = [];
  v.forEach((item, i) => {
    if (typeof item !== 'string' || item.trim() === '') {
      problems.push({ path: `${path}[${i}]`, message: '空でない文字列を指定してください。' });
    } else {
      out.push(item);
    }
  });
  return out;
}

function parseEntry(raw: unknown, path: string, listCategory: Category, problems: DictionaryProblem[]): DictionaryEntry | null {
  if (!isRecord(raw)) {
    problems.push({ path, message: '項目はオブジェクトで指定してください。' });
    return null;
  }
  const before = problems.length;
  const id = raw['id'];
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
    problems.push({ path: `${path}.id`, message: 'id は「カテゴリ.名前」（半角英小文字・数字・_・-）で指定してください。' });
  }
  const forms = stringList(raw['forms'], `${path}.forms`, problems, { nonEmpty: true });
  forms.forEach((f, i) => {
    if (f.length > MAX_FORM_LENGTH) problems.push({ path: `${path}.forms[${i}]`, message: `${MAX_FORM_LENGTH}文字以内で指定してください。` });
  });
  const severity = raw['severity'];
  if (!isSeverity(severity)) problems.push({ path: `${path}.severity`, message: 'severity は info / warn / block のいずれかです。' });
  const targetSeverity = raw['targetSeverity'];
  if (targetSeverity !== undefined && !isSeverity(targetSeverity)) {
    problems.push({ path: `${path}.targetSeverity`, message: 'targetSeverity は info / warn / block のいずれかです。' });
  }
  const requiresTarget = raw['requiresTarget'];
  if (requiresTarget !== undefined && typeof requiresTarget !== 'boolean') {
    problems.push({ path: `${path}.requiresTarget`, message: 'requiresTarget は true か false です。' });
  }
  let categories: Category[] | undefined;
  if (raw['categories'] !== undefined) {
    const list = stringList(raw['categories'], `${path}.categories`, problems, { nonEmpty: true });
    list.forEach((c, i) => {
      if (!isCategory(c)) problems.push({ path: `${path}.categories[${i}]`, message: `不明なカテゴリ「${c}」です。` });
    });
    categories = list.filter(isCategory);
  }
  const fp = raw['fp'] === undefined ? undefined : stringList(raw['fp'], `${path}.fp`, problems, { nonEmpty: false });
  for (const key of ['message', 'suggestion', 'reading'] as const) {
    if (raw[key] !== undefined && (typeof raw[key] !== 'string' || (raw[key] as string).trim() === '')) {
      problems.push({ path: `${path}.${key}`, message: `${key} は空でない文字列です。` });
    }
  }
  const examples = raw['examples'];
  let hit: string[] = [];
  let clean: string[] | undefined;
  if (!isRecord(examples)) {
    problems.push({ path: `${path}.examples`, message: '例文 examples: { hit: [...] } が必要です（少なくとも1つ）。' });
  } else {
    hit = stringList(examples['hit'], `${path}.examples.hit`, problems, { nonEmpty: true });
    if (examples['clean'] !== undefined) clean = stringList(examples['clean'], `${path}.examples.clean`, problems, { nonEmpty: false });
  }
  const known = new Set(['id', 'forms', 'reading', 'severity', 'targetSeverity', 'requiresTarget', 'categories', 'fp', 'message', 'suggestion', 'examples', 'note']);
  for (const k of Object.keys(raw)) if (!known.has(k)) problems.push({ path: `${path}.${k}`, message: `不明な項目「${k}」です。` });
  if (problems.length > before) return null;
  const entry: DictionaryEntry = {
    id: id as string,
    forms,
    severity: severity as DictionaryEntry['severity'],
    categories: categories ?? [listCategory],
    examples: clean === undefined ? { hit } : { hit, clean },
  };
  if (typeof raw['reading'] === 'string') entry.reading = raw['reading'];
  if (targetSeverity !== undefined) entry.targetSeverity = targetSeverity as DictionaryEntry['severity'];
  if (requiresTarget === true) entry.requiresTarget = true;
  if (fp !== undefined) entry.fp = fp;
  if (typeof raw['message'] === 'string') entry.message = raw['message'];
  if (typeof raw['suggestion'] === 'string') entry.suggestion = raw['suggestion'];
  return entry;
}

function parseSignal(raw: unknown, path: string, problems: DictionaryProblem[]): SignalList | null {
  if (!isRecord(raw) || typeof raw['name'] !== 'string' || typeof raw['description'] !== 'string') {
    problems.push({ path, message: 'signals の項目には name と description が必要です。' });
    return null;
  }
  const terms = stringList(raw['terms'], `${path}.terms`, problems, { nonEmpty: true });
  return { name: raw['name'], description: raw['description'], terms };
}

/** Validates one term list. `value` is parsed JSON (or an object built from CSV). */
export function parseDictionary(value: unknown): ParseResult {
  const problems: DictionaryProblem[] = [];
  if (!isRecord(value)) return { ok: false, problems: [{ path: '', message: '辞書はオブジェクトで指定してください。' }] };
  const name = value['name'];
  if (typeof name !== 'string' || name.trim() === '') problems.push({ path: 'name', message: 'name が必要です。' });
  const category = value['category'];
  if (!isCategory(category)) problems.push({ path: 'category', message: `category「${String(category)}」は不明です。` });
  const clause = value['clause'];
  if (typeof clause !== 'string' || clauseById(clause) === undefined) {
    problems.push({ path: 'clause', message: `clause「${String(clause)}」はガイドラインの条項 id ではありません。` });
  }
  const message = value['message'];
  if (typeof message !== 'string' || message.trim() === '') problems.push({ path: 'message', message: 'message（なぜ問題か）が必要です。' });
  if (!Array.isArray(value['entries'])) problems.push({ path: 'entries', message: 'entries（項目の配列）が必要です。' });
  if (problems.length > 0) return { ok: false, problems };
  const entries: DictionaryEntry[] = [];
  const ids = new Set<string>();
  (value['entries'] as unknown[]).forEach((raw, i) => {
    const e = parseEntry(raw, `entries[${i}]`, category as Category, problems);
    if (e === null) return;
    if (ids.has(e.id)) problems.push({ path: `entries[${i}].id`, message: `id「${e.id}」が重複しています。` });
    ids.add(e.id);
    entries.push(e);
  });
  const signals: SignalList[] = [];
  if (value['signals'] !== undefined) {
    if (!Array.isArray(value['signals'])) problems.push({ path: 'signals', message: 'signals は配列です。' });
    else (value['signals'] as unknown[]).forEach((raw, i) => {
      const s = parseSignal(raw, `signals[${i}]`, problems);
      if (s !== null) signals.push(s);
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  const dictionary: Dictionary = {
    name: name as string,
    category: category as Category,
    clause: clause as string,
    message: message as string,
    entries,
    signals,
  };
  if (typeof value['source'] === 'string') dictionary.source = value['source'];
  if (typeof value['suggestion'] === 'string') dictionary.suggestion = value['suggestion'];
  return { ok: true, dictionary };
}

/** Parses JSON text; a syntax error is reported as a problem, never thrown. */
export function parseDictionaryJson(text: string): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ path: '', message: `JSON として読めません: ${(error as Error).message}` }] };
  }
  return parseDictionary(value);
}
