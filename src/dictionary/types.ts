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
  /** Words near the hit (±40 characters: a refusal or a published notice often ends the sentence) that make it harmless: 木瓜 for ボケ, 乳がん for 乳房. */
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

/**
 * A named signal (issue #7 "rules as data"): a *kind* (what: a controlled substance, a protected
 * group, a private person), a *stance* (how: endorsing, assuring, inciting, contempt, hearsay) or a
 * *canceller* (prevention, counter-speech, denial, a question). Matched on the folded text
 * (`terms`), on kuromoji base forms (`lemmas`, so conjugation and politeness do not matter; without
 * the tokenizer their stems are matched) and, where grammar needs it, on a regular expression run
 * over each sentence (`patterns`).
 */
export interface Signal {
  /** Unique across all books: `drugs`, `assure`, `prevention`. */
  name: string;
  /** Japanese, a word or two, shown in a finding's reason: 薬物, 容認. */
  label: string;
  description?: string;
  terms: string[];
  lemmas: string[];
  patterns: string[];
  /** A hit followed within a few characters by one of these is not the signal (大丈夫 → 大丈夫ではない). */
  notAfter: string[];
  /** A hit preceded within a few characters by one of these is not the signal. */
  notBefore: string[];
}

/** A category as a combination of signals: every group in `when` must fire (any signal of a group), none of `unless`. */
export interface Combo {
  /** Stable id `<category>.<name>`; the finding's rule is `signals:<id>`. */
  id: string;
  category: Category;
  clause: string;
  when: string[][];
  /** Cancellers looked for in the sentences that hold the evidence. */
  unless: string[];
  /** Cancellers looked for anywhere in the post. */
  unlessPost: string[];
  /** `sentence`: all groups in one sentence; `adjacent`: other groups may stand in the sentence before or after. */
  scope: 'sentence' | 'adjacent';
  severity: Severity;
  confidence: number;
  message: string;
  suggestion: string;
  /**
   * Literal rewrites of the words this combo marks (三国人 → 外国籍の人): when a finding's words are
   * one of the keys (hiragana and katakana alike), the finding offers the value as 置き換える.
   */
  replacement?: Record<string, string>;
  examples: { hit: string[]; clean: string[] };
}

/** One file of dictionaries/signals/: signals and the combinations built on them. */
export interface SignalBook {
  name: string;
  /** Default category and clause of its combos. */
  category: Category | null;
  source?: string;
  signals: Signal[];
  combos: Combo[];
}
