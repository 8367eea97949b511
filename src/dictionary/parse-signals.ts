/**
 * The parser of dictionaries/signals/*.json (issue #7: a category is a combination of named
 * signals). Like parse.ts it never throws: it returns every problem with its place, so a broken
 * book cannot ship (the built-in books are parsed when the engine loads and by the tests).
 */
import { CATEGORY_CLAUSE } from '../shared/clauses.ts';
import { isCategory, isSeverity, type Category } from '../shared/types.ts';
import { stringList, type DictionaryProblem } from './parse.ts';
import type { Combo, Signal, SignalBook } from './types.ts';

export type SignalBookResult = { ok: true; book: SignalBook } | { ok: false; problems: DictionaryProblem[] };

const NAME = /^[a-z][a-z0-9_-]*$/;
const COMBO_ID = /^[a-z_]+\.[a-z0-9_-]+$/;
const MAX_TERM = 40;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A list of non-empty strings; absent is an empty list unless one is required. */
function strings(v: unknown, path: string, problems: DictionaryProblem[], nonEmpty = false): string[] {
  return v === undefined && !nonEmpty ? [] : stringList(v, path, problems, { nonEmpty });
}

function unknownKeys(raw: Record<string, unknown>, known: string[], path: string, problems: DictionaryProblem[]): void {
  for (const k of Object.keys(raw)) if (!known.includes(k)) problems.push({ path: `${path}.${k}`, message: `不明な項目「${k}」です。` });
}

function parseSignal(raw: unknown, path: string, problems: DictionaryProblem[]): Signal | null {
  if (!isRecord(raw)) {
    problems.push({ path, message: 'signal はオブジェクトで指定してください。' });
    return null;
  }
  const before = problems.length;
  unknownKeys(raw, ['name', 'label', 'description', 'terms', 'lemmas', 'patterns', 'notAfter', 'notBefore', 'note'], path, problems);
  const name = raw['name'];
  if (typeof name !== 'string' || !NAME.test(name)) problems.push({ path: `${path}.name`, message: 'name は半角英小文字・数字・_・- で指定してください。' });
  const label = raw['label'];
  if (typeof label !== 'string' || label.trim() === '') problems.push({ path: `${path}.label`, message: 'label（日本語の短い名前）が必要です。' });
  const terms = strings(raw['terms'], `${path}.terms`, problems);
  const lemmas = strings(raw['lemmas'], `${path}.lemmas`, problems);
  const patterns = strings(raw['patterns'], `${path}.patterns`, problems);
  [...terms, ...lemmas].forEach((t) => {
    if (t.length > MAX_TERM) problems.push({ path: `${path}`, message: `「${t.slice(0, 12)}…」は${MAX_TERM}文字以内にしてください。` });
  });
  patterns.forEach((p, i) => {
    try {
      new RegExp(p, 'gu');
    } catch (error) {
      problems.push({ path: `${path}.patterns[${i}]`, message: `正規表現として読めません: ${(error as Error).message}` });
    }
  });
  if (terms.length + lemmas.length + patterns.length === 0 && name !== 'person') {
    problems.push({ path, message: 'terms・lemmas・patterns のどれかが必要です。' });
  }
  const notAfter = strings(raw['notAfter'], `${path}.notAfter`, problems);
  const notBefore = strings(raw['notBefore'], `${path}.notBefore`, problems);
  if (problems.length > before) return null;
  const signal: Signal = { name: name as string, label: label as string, terms, lemmas, patterns, notAfter, notBefore };
  if (typeof raw['description'] === 'string') signal.description = raw['description'];
  return signal;
}

/**
 * `replacement`: the marked words → what to write instead, word for word ({"マスゴミ": "報道機関"}).
 * An instruction is no replacement: it would be pasted into the post as it is.
 */
function parseReplacement(v: unknown, path: string, problems: DictionaryProblem[]): Record<string, string> | undefined {
  if (v === undefined) return undefined;
  if (!isRecord(v) || Object.keys(v).length === 0) {
    problems.push({ path, message: 'replacement は「置き換える語: 置き換え後の語」の組のオブジェクトです（例: {"マスゴミ": "報道機関"}）。' });
    return undefined;
  }
  const out: Record<string, string> = {};
  for (const [from, to] of Object.entries(v)) {
    if (from.trim() === '' || from.length > MAX_TERM) problems.push({ path, message: `置き換える語「${from.slice(0, 12)}」は1〜${MAX_TERM}文字で指定してください。` });
    else if (typeof to !== 'string' || to.trim() === '' || to === from) problems.push({ path: `${path}.${from}`, message: `「${from}」の置き換え後の語を、元と違う文字列で指定してください。` });
    else if (to.length > MAX_TERM || to.includes('。')) problems.push({ path: `${path}.${from}`, message: `「${from}」の置き換え後は、そのまま本文に入る短い語句にしてください（説明や指示は suggestion に書きます）。` });
    else out[from] = to;
  }
  return out;
}

function parseCombo(raw: unknown, path: string, bookCategory: Category | null, problems: DictionaryProblem[]): Combo | null {
  if (!isRecord(raw)) {
    problems.push({ path, message: 'combo はオブジェクトで指定してください。' });
    return null;
  }
  const before = problems.length;
  unknownKeys(raw, ['id', 'category', 'when', 'unless', 'unlessPost', 'scope', 'severity', 'confidence', 'message', 'suggestion', 'replacement', 'examples', 'note'], path, problems);
  const id = raw['id'];
  if (typeof id !== 'string' || !COMBO_ID.test(id)) problems.push({ path: `${path}.id`, message: 'id は「カテゴリ.名前」で指定してください。' });
  const category = raw['category'] ?? bookCategory;
  if (!isCategory(category)) problems.push({ path: `${path}.category`, message: `category「${String(category)}」は不明です。` });
  const when: string[][] = [];
  if (!Array.isArray(raw['when']) || raw['when'].length === 0) problems.push({ path: `${path}.when`, message: 'when は signal 名の配列の配列です（例: [["drugs"], ["assure", "incite"]]）。' });
  else (raw['when'] as unknown[]).forEach((g, i) => when.push(strings(g, `${path}.when[${i}]`, problems, true)));
  const unless = strings(raw['unless'], `${path}.unless`, problems);
  const unlessPost = strings(raw['unlessPost'], `${path}.unlessPost`, problems);
  const scope = raw['scope'] ?? 'sentence';
  if (scope !== 'sentence' && scope !== 'adjacent') problems.push({ path: `${path}.scope`, message: 'scope は sentence か adjacent です。' });
  const severity = raw['severity'];
  if (!isSeverity(severity)) problems.push({ path: `${path}.severity`, message: 'severity は info / warn / block のいずれかです。' });
  const confidence = raw['confidence'] ?? 0.9;
  if (typeof confidence !== 'number' || !(confidence > 0 && confidence <= 1)) problems.push({ path: `${path}.confidence`, message: 'confidence は 0 より大きく 1 以下の数です。' });
  for (const k of ['message', 'suggestion'] as const) {
    if (typeof raw[k] !== 'string' || (raw[k] as string).trim() === '') problems.push({ path: `${path}.${k}`, message: `${k} が必要です。` });
  }
  const examples = raw['examples'];
  let hit: string[] = [];
  let clean: string[] = [];
  if (!isRecord(examples)) problems.push({ path: `${path}.examples`, message: 'examples: { hit: [...], clean: [...] } が必要です。' });
  else {
    hit = strings(examples['hit'], `${path}.examples.hit`, problems, true);
    clean = strings(examples['clean'], `${path}.examples.clean`, problems, true);
  }
  const replacement = parseReplacement(raw['replacement'], `${path}.replacement`, problems);
  if (problems.length > before) return null;
  return {
    id: id as string,
    category: category as Category,
    clause: CATEGORY_CLAUSE[category as Category],
    when,
    unless,
    unlessPost,
    scope: scope as Combo['scope'],
    severity: severity as Combo['severity'],
    confidence: confidence as number,
    message: raw['message'] as string,
    suggestion: raw['suggestion'] as string,
    ...(replacement !== undefined ? { replacement } : {}),
    examples: { hit, clean },
  };
}

/** Validates one book. Signal names used by its combos are checked against `known` plus its own. */
export function parseSignalBook(value: unknown): SignalBookResult {
  const problems: DictionaryProblem[] = [];
  if (!isRecord(value)) return { ok: false, problems: [{ path: '', message: 'オブジェクトで指定してください。' }] };
  unknownKeys(value, ['name', 'category', 'source', 'description', 'signals', 'combos'], '', problems);
  const name = value['name'];
  if (typeof name !== 'string' || name.trim() === '') problems.push({ path: 'name', message: 'name が必要です。' });
  const category = value['category'] ?? null;
  if (category !== null && !isCategory(category)) problems.push({ path: 'category', message: `category「${String(category)}」は不明です。` });
  const signals: Signal[] = [];
  const combos: Combo[] = [];
  const raws = (key: string): unknown[] => {
    const v = value[key];
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      problems.push({ path: key, message: `${key} は配列です。` });
      return [];
    }
    return v;
  };
  raws('signals').forEach((r, i) => {
    const s = parseSignal(r, `signals[${i}]`, problems);
    if (s !== null) signals.push(s);
  });
  raws('combos').forEach((r, i) => {
    const c = parseCombo(r, `combos[${i}]`, category as Category | null, problems);
    if (c !== null) combos.push(c);
  });
  if (problems.length > 0) return { ok: false, problems };
  const book: SignalBook = { name: name as string, category: category as Category | null, signals, combos };
  if (typeof value['source'] === 'string') book.source = value['source'];
  return { ok: true, book };
}

/**
 * Checks a set of books together: signal names unique, combo ids unique, every signal a combo
 * names defined somewhere. Returns problems as `<book>: <path>: message`.
 */
export function checkBooks(books: readonly SignalBook[]): string[] {
  const problems: string[] = [];
  const signals = new Map<string, string>();
  for (const b of books) {
    for (const s of b.signals) {
      const other = signals.get(s.name);
      if (other !== undefined) problems.push(`${b.name}: signal「${s.name}」は ${other} にもあります。`);
      signals.set(s.name, b.name);
    }
  }
  signals.set('person', signals.get('person') ?? '(engine)');
  const ids = new Set<string>();
  for (const b of books) {
    for (const c of b.combos) {
      if (ids.has(c.id)) problems.push(`${b.name}: combo id「${c.id}」が重複しています。`);
      ids.add(c.id);
      for (const name of [...c.when.flat(), ...c.unless, ...c.unlessPost]) {
        if (!signals.has(name)) problems.push(`${b.name}: ${c.id} の signal「${name}」が定義されていません。`);
      }
    }
  }
  return problems;
}
