/** What the engine needs from storage, in the shape `createChecker` takes (the tokenizer is the caller's). */
import type { CheckerOptions } from '../engine/checker.ts';
import type { ToukouGuardDB } from './db.ts';
import { customDictionaries, listCustomTerms, type CustomTermProblem } from './custom-terms.ts';
import { listExceptions } from './exceptions.ts';
import { getCategorySettings } from './settings.ts';

export type StoredCheckerOptions = Required<Pick<CheckerOptions, 'settings' | 'dictionaries' | 'exceptions'>>;

/**
 * Reads settings, custom term lists and exceptions in one read transaction (a consistent
 * snapshot). Stored terms were validated when written; if a list is nevertheless invalid (edited
 * by hand, written by a newer build) it is left out and reported in `problems`, never half-used.
 */
export async function loadCheckerOptions(db: ToukouGuardDB): Promise<{ options: StoredCheckerOptions; problems: CustomTermProblem[] }> {
  return db.transaction('r', [db.settings, db.customTerms, db.exceptions], async () => {
    const [settings, terms, exceptions] = await Promise.all([getCategorySettings(db), listCustomTerms(db), listExceptions(db)]);
    const { dictionaries, problems } = customDictionaries(terms);
    return { options: { settings, dictionaries, exceptions: exceptions.map((e) => ({ kind: e.kind, value: e.value })) }, problems };
  });
}
