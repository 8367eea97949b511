import type { Category, Severity } from '../shared/types.ts';

/** One term: all its written forms share one meaning and one severity. */
export interface DictionaryEntry {
  /** Stable id, `<category>.<name>`; persisted in audit logs, never renamed silently. */
  id: string;
  /** Every written form (kanji, hiragana, katakana, romaji, known evasions). */
  forms: string[];
  /** Reading in katakana, for people; matching uses the folded key of each form. */
  reading?: string;
  /** Severity when the term stands alone. */
  severity: Severity;
  /** Severity when a person or group is targeted in the same sentence (お前, 市民, 職員 …). */
  targetSeverity?: Severity;
  /** Report only when a target is in the same sentence (words that are harmless on their own). */
  requiresTarget?: boolean;
  /** Categories the term belongs to; defaults to the list's category. */
  categories?: Category[];
  /** Words near the hit (±12 characters) that make it harmless: 木瓜 for ボケ, 乳がん for 乳房. */
  fp?: string[];
  /** Japanese: why this term is a problem. Defaults to the list's message. */
  message?: string;
  /** Japanese: what to write instead. */
  suggestion?: string;
  /** Sentences that must be flagged with this entry, and ones that must not. Checked by the tests. */
  examples: { hit: string[]; clean?: string[] };
}

/** Named word lists that rules combine (targets, protected attributes …). */
export interface SignalList {
  name: string;
  description: string;
  terms: string[];
}

export interface Dictionary {
  /** The list's name, e.g. `insult`, or `custom` for a supervisor's own. */
  name: string;
  category: Category;
  clause: string;
  /** Where the terms came from, with licence and attribution where they were seeded. */
  source?: string;
  message: string;
  suggestion?: string;
  entries: DictionaryEntry[];
  signals?: SignalList[];
}
