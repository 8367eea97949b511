/**
 * Loaders for the corpora. A corpus that is not there is `missing` (the report says so in one line
 * and skips the section); one that is there but malformed is `invalid`, with the reason, because a
 * half-read corpus would make every figure in the report wrong without saying so.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { isCategory, type Category, type Platform } from '../shared/types.ts';
import { parseCsvTable } from './csv.ts';

export type Loaded<T> =
  | { status: 'ok'; source: string; items: T[] }
  | { status: 'missing'; source: string }
  | { status: 'invalid'; source: string; reason: string };

/** One line of dev.jsonl: a draft and what the guideline says about it. */
export interface DevDraft {
  id: string;
  text: string;
  platform: Platform;
  expected: { categories: Category[]; needs_approval: boolean };
  note: string | null;
}

export interface BulletinArticle {
  /** File name and data-record number (1 = first article), for a person to find it again. */
  ref: string;
  municipality: string;
  published: string;
  issue: string;
  title: string;
  category: string;
  body: string;
}

export const TOXICITY_LEVELS = ['Not Toxic', 'Hard to Say', 'Toxic', 'Very Toxic'] as const;
export type ToxicityLevel = (typeof TOXICITY_LEVELS)[number];
/** `toxic`: majority Toxic or Very Toxic; `not_toxic`: majority Not Toxic; `unsure`: Hard to Say. */
export type ToxicityClass = 'toxic' | 'not_toxic' | 'unsure';

export interface ToxicityRow {
  id: string;
  text: string;
  votes: Record<ToxicityLevel, number>;
  majority: ToxicityLevel;
  /** More than one level had the most votes; `majority` is then the least severe of them. */
  tied: boolean;
  class: ToxicityClass;
}

export function loadDevCorpus(file: string): Loaded<DevDraft> {
  return loadFile(file, parseDevJsonl);
}

export function parseDevJsonl(text: string): DevDraft[] {
  return parseJsonlLines(text, toDevDraft);
}

/** A file that is not there is `missing`; one that does not parse is `invalid`, with the reason. */
function loadFile<T>(file: string, parse: (text: string) => T[]): Loaded<T> {
  if (!existsSync(file)) return { status: 'missing', source: file };
  try {
    return { status: 'ok', source: file, items: parse(readFileSync(file, 'utf8')) };
  } catch (error) {
    return { status: 'invalid', source: file, reason: errorMessage(error) };
  }
}

/** One record a non-blank line, each checked by `toItem`; an id seen twice is an error naming the line. */
function parseJsonlLines<T extends { id: string }>(text: string, toItem: (value: unknown, where: string) => T): T[] {
  const items: T[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const where = `line ${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new Error(`${where}: not JSON (${errorMessage(error)})`);
    }
    const item = toItem(value, where);
    if (seen.has(item.id)) throw new Error(`${where}: id ${item.id} appears twice`);
    seen.add(item.id);
    items.push(item);
  });
  return items;
}

/** A list of known categories, once each; an unknown one is an error, not a skip (a typo would otherwise vanish from the recall table). */
function categoryList(value: unknown, field: string, where: string): Category[] {
  if (!Array.isArray(value)) throw new Error(`${where}: ${field} must be an array`);
  const unknown = value.filter((c) => !isCategory(c));
  if (unknown.length > 0) throw new Error(`${where}: unknown categories ${JSON.stringify(unknown)}`);
  return [...new Set(value as Category[])];
}

function toDevDraft(value: unknown, where: string): DevDraft {
  if (!isRecord(value)) throw new Error(`${where}: not an object`);
  const { id, text, platform, expected, note } = value;
  if (typeof id !== 'string' || id === '') throw new Error(`${where}: id must be a non-empty string`);
  if (typeof text !== 'string') throw new Error(`${where} (${id}): text must be a string`);
  if (platform !== 'x' && platform !== 'facebook') throw new Error(`${where} (${id}): platform must be "x" or "facebook", not ${JSON.stringify(platform)}`);
  if (!isRecord(expected)) throw new Error(`${where} (${id}): expected must be an object`);
  const { needs_approval } = expected;
  const categories = categoryList(expected['categories'], 'expected.categories', `${where} (${id})`);
  if (typeof needs_approval !== 'boolean') throw new Error(`${where} (${id}): expected.needs_approval must be true or false`);
  return {
    id,
    text,
    platform,
    expected: { categories, needs_approval },
    note: typeof note === 'string' ? note : null,
  };
}

export const BULLETIN_COLUMNS = ['自治体名', '公開年月', '発行号タイトル', '記事タイトル', 'カテゴリ', '記事本文'] as const;

/** Every `*.csv` in the folder, in file-name order. Articles with an empty body are left out. */
export function loadBulletins(dir: string): Loaded<BulletinArticle> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return { status: 'missing', source: dir };
  const files = readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.csv'))
    .sort();
  if (files.length === 0) return { status: 'missing', source: dir };
  const items: BulletinArticle[] = [];
  try {
    for (const file of files) items.push(...parseBulletinCsv(readFileSync(path.join(dir, file), 'utf8'), file));
  } catch (error) {
    return { status: 'invalid', source: dir, reason: errorMessage(error) };
  }
  return { status: 'ok', source: dir, items };
}

export function parseBulletinCsv(text: string, fileName: string): BulletinArticle[] {
  let table;
  try {
    table = parseCsvTable(text);
  } catch (error) {
    throw new Error(`${fileName}: ${errorMessage(error)}`);
  }
  const col = columnIndex(table.header, BULLETIN_COLUMNS, fileName);
  const articles: BulletinArticle[] = [];
  table.rows.forEach((row, index) => {
    const body = row[col['記事本文']]!;
    if (body.trim() === '') return;
    articles.push({
      ref: `${fileName}#${index + 1}`,
      municipality: row[col['自治体名']]!,
      published: row[col['公開年月']]!,
      issue: row[col['発行号タイトル']]!,
      title: row[col['記事タイトル']]!,
      category: row[col['カテゴリ']]!,
      body,
    });
  });
  return articles;
}

export function loadToxicity(file: string): Loaded<ToxicityRow> {
  return loadFile(file, parseToxicityCsv);
}

export function parseToxicityCsv(text: string): ToxicityRow[] {
  const table = parseCsvTable(text);
  const col = columnIndex(table.header, ['id', 'text', ...TOXICITY_LEVELS], 'subset.csv');
  return table.rows.map((row, index) => {
    const votes = {} as Record<ToxicityLevel, number>;
    for (const level of TOXICITY_LEVELS) {
      const raw = row[col[level]]!;
      if (!/^\d+$/.test(raw.trim())) throw new Error(`subset.csv data record ${index + 1}: ${level} votes ${JSON.stringify(raw)} is not a count`);
      votes[level] = Number(raw.trim());
    }
    const { level, tied } = majorityLevel(votes);
    return { id: row[col['id']]!, text: row[col['text']]!, votes, majority: level, tied, class: toxicityClass(level) };
  });
}

/**
 * The level with the most votes. On a tie the LEAST severe of the tied levels wins, so a sentence
 * counts as toxic only when toxic votes outnumber every milder level. This reproduces the counts
 * published in data/SOURCES.md (Not Toxic 372, Hard to Say 36, Toxic 26, Very Toxic 3); a
 * Toxic/Very Toxic tie is toxic either way. Rows with no votes at all are Not Toxic and tied.
 */
export function majorityLevel(votes: Record<ToxicityLevel, number>): { level: ToxicityLevel; tied: boolean } {
  let level: ToxicityLevel = TOXICITY_LEVELS[0];
  let best = -1;
  let tied = false;
  for (const l of TOXICITY_LEVELS) {
    if (votes[l] > best) {
      best = votes[l];
      level = l;
      tied = false;
    } else if (votes[l] === best) {
      tied = true;
    }
  }
  return { level, tied };
}

export function toxicityClass(level: ToxicityLevel): ToxicityClass {
  if (level === 'Toxic' || level === 'Very Toxic') return 'toxic';
  return level === 'Not Toxic' ? 'not_toxic' : 'unsure';
}

/**
 * A blind set: a JSONL file in the dev line shape that the rule writers have not read. Only its
 * file name, its date and aggregate figures may be shown; `loaded` holds the texts for the engine.
 */
export interface BlindSet {
  name: string;
  /** `YYYY-MM-DD` or `YYYY-MM` found in the file name, or null. */
  date: string | null;
  loaded: Loaded<DevDraft>;
}

export type BlindSets = { status: 'ok'; source: string; sets: BlindSet[] } | { status: 'missing'; source: string; reason: string };

/** Every `*.jsonl` in the folder, oldest first (see `compareBlindSets`); the last is the newest. */
export function loadBlindSets(dir: string): BlindSets {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return { status: 'missing', source: dir, reason: 'folder not found' };
  const files = readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.jsonl'));
  if (files.length === 0) return { status: 'missing', source: dir, reason: 'no *.jsonl file in the folder' };
  const sets = files.map((f) => loadBlindFile(path.join(dir, f))).sort(compareBlindSets);
  return { status: 'ok', source: dir, sets };
}

/** One JSONL file in the dev line shape, read as a blind set (`--file`, or one file of tests/blind). */
export function loadBlindFile(file: string): BlindSet {
  const name = path.basename(file);
  const loaded = loadDevCorpus(file);
  return { name, date: fileNameDate(name), loaded: loaded.status === 'invalid' ? { ...loaded, reason: redactReason(loaded.reason) } : loaded };
}

/**
 * JSON.parse quotes the start of the offending line in its message; a blind text must never reach
 * the report, so the reason keeps the line number and drops the quote.
 */
export function redactReason(reason: string): string {
  return reason.replace(/: not JSON \(.*$/s, ': not JSON');
}

/** The date in a file name: `2025-08-01`, `20250801` or `2025-08`; null when there is none. */
export function fileNameDate(name: string): string | null {
  const day = /(?<!\d)(\d{4})-?(\d{2})-?(\d{2})(?!\d)/.exec(name);
  if (day !== null && validMonth(day[2]!) && validDay(day[3]!)) return `${day[1]}-${day[2]}-${day[3]}`;
  const month = /(?<!\d)(\d{4})-(\d{2})(?![\d-])/.exec(name);
  if (month !== null && validMonth(month[2]!)) return `${month[1]}-${month[2]}`;
  return null;
}

/** Undated files first (by name), then by date, then by name: the last one is the newest. */
export function compareBlindSets(a: Pick<BlindSet, 'name' | 'date'>, b: Pick<BlindSet, 'name' | 'date'>): number {
  if (a.date !== b.date) {
    if (a.date === null) return -1;
    if (b.date === null) return 1;
    return a.date < b.date ? -1 : 1;
  }
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function validMonth(mm: string): boolean {
  return Number(mm) >= 1 && Number(mm) <= 12;
}

function validDay(dd: string): boolean {
  return Number(dd) >= 1 && Number(dd) <= 31;
}

/** One row of xsafety-ja/labelled-even.jsonl (see data/SOURCES.md). */
export interface XSafetyRow {
  id: string;
  platform: Platform;
  text: string;
  categories: Category[];
  /** The confident rows; the others are judgement calls with a best guess. */
  clear: boolean;
  note: string | null;
}

export function loadXSafety(file: string): Loaded<XSafetyRow> {
  return loadFile(file, parseXSafetyJsonl);
}

export function parseXSafetyJsonl(text: string): XSafetyRow[] {
  return parseJsonlLines(text, (value, where): XSafetyRow => {
    if (!isRecord(value)) throw new Error(`${where}: not an object`);
    const { id, platform, text: body, categories, clear, note } = value;
    if (typeof id !== 'string' || id === '') throw new Error(`${where}: id must be a non-empty string`);
    if (typeof body !== 'string') throw new Error(`${where} (${id}): text must be a string`);
    if (platform !== 'x' && platform !== 'facebook') throw new Error(`${where} (${id}): platform must be "x" or "facebook", not ${JSON.stringify(platform)}`);
    const list = categoryList(categories, 'categories', `${where} (${id})`);
    if (typeof clear !== 'boolean') throw new Error(`${where} (${id}): clear must be true or false`);
    return { id, platform, text: body, categories: list, clear, note: typeof note === 'string' ? note : null };
  });
}

/** One sentence of stockmark-ner-wikipedia/ner.json, with its named entities. */
export interface NerSentence {
  /** 1-based position in the file (curid is the article and repeats). */
  id: string;
  curid: string;
  text: string;
  entities: Array<{ name: string; start: number; end: number; type: string }>;
}

export const NER_PERSON = '人名';

export function loadNer(file: string): Loaded<NerSentence> {
  return loadFile(file, parseNerJson);
}

export function parseNerJson(text: string): NerSentence[] {
  const value: unknown = JSON.parse(text);
  if (!Array.isArray(value)) throw new Error('ner.json: not a JSON array');
  return value.map((item: unknown, index) => {
    const where = `ner.json item ${index + 1}`;
    if (!isRecord(item)) throw new Error(`${where}: not an object`);
    const { curid, text: body, entities } = item;
    if (typeof body !== 'string') throw new Error(`${where}: text must be a string`);
    if (typeof curid !== 'string' && typeof curid !== 'number') throw new Error(`${where}: curid must be a string or a number`);
    if (!Array.isArray(entities)) throw new Error(`${where}: entities must be an array`);
    return {
      id: String(index + 1),
      curid: String(curid),
      text: body,
      entities: entities.map((e: unknown, k) => {
        const at = `${where} entity ${k + 1}`;
        if (!isRecord(e)) throw new Error(`${at}: not an object`);
        const { name, span, type } = e;
        if (typeof name !== 'string' || typeof type !== 'string') throw new Error(`${at}: name and type must be strings`);
        if (!Array.isArray(span) || span.length !== 2 || !span.every((n) => Number.isInteger(n))) throw new Error(`${at}: span must be two integers`);
        return { name, type, start: span[0] as number, end: span[1] as number };
      }),
    };
  });
}

function columnIndex<C extends string>(header: string[], wanted: readonly C[], fileName: string): Record<C, number> {
  const trimmed = header.map((h) => h.trim());
  const out = {} as Record<C, number>;
  const absent: string[] = [];
  for (const name of wanted) {
    const at = trimmed.indexOf(name);
    if (at < 0) absent.push(name);
    out[name] = at;
  }
  if (absent.length > 0) throw new Error(`${fileName}: header lacks column(s) ${absent.join(', ')} (found: ${trimmed.join(', ')})`);
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
