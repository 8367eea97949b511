/**
 * Loaders for the three corpora. A corpus that is not there is `missing` (the report says so in
 * one line and skips the section); one that is there but malformed is `invalid`, with the reason,
 * because a half-read corpus would make every figure in the report wrong without saying so.
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
  if (!existsSync(file)) return { status: 'missing', source: file };
  try {
    return { status: 'ok', source: file, items: parseDevJsonl(readFileSync(file, 'utf8')) };
  } catch (error) {
    return { status: 'invalid', source: file, reason: errorMessage(error) };
  }
}

export function parseDevJsonl(text: string): DevDraft[] {
  const drafts: DevDraft[] = [];
  const seen = new Set<string>();
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const where = `line ${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new Error(`${where}: not JSON (${errorMessage(error)})`);
    }
    const draft = toDevDraft(value, where);
    if (seen.has(draft.id)) throw new Error(`${where}: id ${draft.id} appears twice`);
    seen.add(draft.id);
    drafts.push(draft);
  });
  return drafts;
}

function toDevDraft(value: unknown, where: string): DevDraft {
  if (!isRecord(value)) throw new Error(`${where}: not an object`);
  const { id, text, platform, expected, note } = value;
  if (typeof id !== 'string' || id === '') throw new Error(`${where}: id must be a non-empty string`);
  if (typeof text !== 'string') throw new Error(`${where} (${id}): text must be a string`);
  if (platform !== 'x' && platform !== 'facebook') throw new Error(`${where} (${id}): platform must be "x" or "facebook", not ${JSON.stringify(platform)}`);
  if (!isRecord(expected)) throw new Error(`${where} (${id}): expected must be an object`);
  const { categories, needs_approval } = expected;
  if (!Array.isArray(categories)) throw new Error(`${where} (${id}): expected.categories must be an array`);
  // An unknown category is an error, not a skip: a typo would otherwise vanish from the recall table.
  const unknown = categories.filter((c) => !isCategory(c));
  if (unknown.length > 0) throw new Error(`${where} (${id}): unknown categories ${JSON.stringify(unknown)}`);
  if (typeof needs_approval !== 'boolean') throw new Error(`${where} (${id}): expected.needs_approval must be true or false`);
  return {
    id,
    text,
    platform,
    expected: { categories: [...new Set(categories as Category[])], needs_approval },
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
  if (!existsSync(file)) return { status: 'missing', source: file };
  try {
    return { status: 'ok', source: file, items: parseToxicityCsv(readFileSync(file, 'utf8')) };
  } catch (error) {
    return { status: 'invalid', source: file, reason: errorMessage(error) };
  }
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
