/**
 * A supervisor's own terms. They are validated by the one dictionary parser (`parseDictionary`),
 * as one `custom` list per category, so the options page, the import and the engine accept exactly
 * the same entries.
 */
import { BUILTIN_DICTIONARIES } from '../dictionary/builtin.ts';
import { parseDictionary, type DictionaryProblem } from '../dictionary/parse.ts';
import type { Dictionary } from '../dictionary/types.ts';
import { CATEGORY_CLAUSE, CATEGORY_LABEL_JA } from '../shared/clauses.ts';
import { CATEGORIES, isCategory, type Category } from '../shared/types.ts';
import type { ToukouGuardDB } from './db.ts';
import type { CustomTerm } from './types.ts';

export const CUSTOM_DICTIONARY_NAME = 'custom';

let builtinIds: ReadonlySet<string> | null = null;

/** Ids of the built-in entries; a custom term may not reuse one (audit logs cite ids). */
export function builtinTermIds(): ReadonlySet<string> {
  builtinIds ??= new Set(BUILTIN_DICTIONARIES.flatMap((d) => d.entries.map((e) => e.id)));
  return builtinIds;
}

/** A problem with the index of the term (in the array given) it belongs to. */
export interface CustomTermProblem {
  index: number;
  /** The entry field: `severity`, `forms[0]`, `examples.hit` …; `category` or `id` for the checks here. */
  field: string;
  message: string;
}

/** The raw dictionary object for one category's terms, as dictionaries/*.json would write it. */
export function customDictionarySource(category: Category, terms: readonly CustomTerm[]): Record<string, unknown> {
  return {
    name: CUSTOM_DICTIONARY_NAME,
    category,
    clause: CATEGORY_CLAUSE[category],
    message: `所属長が「${CATEGORY_LABEL_JA[category]}」として登録した語です。`,
    entries: terms.map((t) => {
      const entry: Record<string, unknown> = { id: t.id, forms: t.forms, severity: t.severity, examples: t.examples };
      if (t.reading !== undefined) entry['reading'] = t.reading;
      if (t.note !== undefined) entry['note'] = t.note;
      return entry;
    }),
  };
}

/**
 * Validates every term; returns all problems (none means valid). Besides the parser's checks: the
 * category is known, an id starts with its category (`insult.…`, the convention of the built-in
 * lists), and an id is unique across categories (it is the table's key and is cited in audit logs).
 */
export function validateCustomTerms(terms: readonly unknown[], reservedIds: ReadonlySet<string> = builtinTermIds()): CustomTermProblem[] {
  const problems: CustomTermProblem[] = [];
  const byCategory = new Map<Category, Array<{ index: number; term: CustomTerm }>>();
  const seen = new Map<string, number>();
  terms.forEach((raw, index) => {
    if (typeof raw !== 'object' || raw === null) {
      problems.push({ index, field: '', message: '項目はオブジェクトで指定してください。' });
      return;
    }
    const term = raw as Record<string, unknown>;
    const category = term['category'];
    if (!isCategory(category)) {
      problems.push({ index, field: 'category', message: `不明なカテゴリ「${String(category)}」です（${CATEGORIES.join(' / ')}）。` });
      return;
    }
    const id = term['id'];
    if (typeof id === 'string') {
      if (!id.startsWith(`${category}.`)) problems.push({ index, field: 'id', message: `id は「${category}.」で始めてください。` });
      if (reservedIds.has(id)) problems.push({ index, field: 'id', message: `id「${id}」は組み込み辞書で使われています。` });
      const first = seen.get(id);
      if (first !== undefined) problems.push({ index, field: 'id', message: `id「${id}」が重複しています（${first + 1}件目と同じ）。` });
      else seen.set(id, index);
    }
    for (const key of Object.keys(term)) {
      if (!['id', 'category', 'forms', 'reading', 'severity', 'examples', 'note'].includes(key)) problems.push({ index, field: key, message: `不明な項目「${key}」です。` });
    }
    const list = byCategory.get(category) ?? [];
    list.push({ index, term: term as unknown as CustomTerm });
    byCategory.set(category, list);
  });
  for (const [category, list] of byCategory) {
    const result = parseDictionary(customDictionarySource(category, list.map((l) => l.term)));
    if (result.ok) continue;
    for (const p of result.problems) {
      const located = locate(p, list);
      // The parser's own duplicate check repeats ours; report it once.
      if (located !== null && !(located.field === 'id' && p.message.includes('重複'))) problems.push(located);
    }
  }
  return problems.sort((a, b) => a.index - b.index);
}

function locate(problem: DictionaryProblem, list: Array<{ index: number }>): CustomTermProblem | null {
  const m = /^entries\[(\d+)\](?:\.(.*))?$/.exec(problem.path);
  if (m === null) return { index: list[0]?.index ?? 0, field: problem.path, message: problem.message };
  const item = list[Number(m[1])];
  if (item === undefined) return null;
  return { index: item.index, field: m[2] ?? '', message: problem.message };
}

/** The custom lists as the engine takes them: one `Dictionary` per category that has terms. */
export function customDictionaries(terms: readonly CustomTerm[]): { dictionaries: Dictionary[]; problems: CustomTermProblem[] } {
  const dictionaries: Dictionary[] = [];
  const problems: CustomTermProblem[] = [];
  for (const category of CATEGORIES) {
    const list = terms.filter((t) => t.category === category);
    if (list.length === 0) continue;
    const result = parseDictionary(customDictionarySource(category, list));
    if (result.ok) dictionaries.push(result.dictionary);
    else for (const p of result.problems) problems.push({ index: terms.indexOf(list[0]!), field: p.path, message: p.message });
  }
  return { dictionaries, problems };
}

/** Sorted by category order, then id, so exports are stable. */
export async function listCustomTerms(db: ToukouGuardDB, category?: Category): Promise<CustomTerm[]> {
  const rows = category === undefined ? await db.customTerms.toArray() : await db.customTerms.where('category').equals(category).toArray();
  return rows.sort((a, b) => CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export class CustomTermsInvalidError extends Error {
  constructor(readonly problems: CustomTermProblem[]) {
    super(problems.map((p) => `${p.index + 1}件目 ${p.field}: ${p.message}`).join('\n'));
    this.name = 'CustomTermsInvalidError';
  }
}

/** Replaces the whole list in one transaction, after validating all of it; on a problem nothing changes. */
export async function replaceCustomTerms(db: ToukouGuardDB, terms: readonly CustomTerm[], reservedIds?: ReadonlySet<string>): Promise<void> {
  const problems = validateCustomTerms(terms, reservedIds);
  if (problems.length > 0) throw new CustomTermsInvalidError(problems);
  await db.transaction('rw', db.customTerms, async () => {
    await db.customTerms.clear();
    await db.customTerms.bulkAdd([...terms]);
  });
}

/** Adds or replaces one term, validated together with the others (ids stay unique). */
export async function putCustomTerm(db: ToukouGuardDB, term: CustomTerm, reservedIds?: ReadonlySet<string>): Promise<void> {
  await db.transaction('rw', db.customTerms, async () => {
    const others = (await db.customTerms.toArray()).filter((t) => t.id !== term.id);
    const problems = validateCustomTerms([term, ...others], reservedIds).filter((p) => p.index === 0);
    if (problems.length > 0) throw new CustomTermsInvalidError(problems);
    await db.customTerms.put(term);
  });
}

export async function deleteCustomTerm(db: ToukouGuardDB, id: string): Promise<void> {
  await db.customTerms.delete(id);
}
