/**
 * Metric and target functions. Pure: they take what the engine (or the peer) returned and what the
 * corpus expected, so they are tested without either.
 */
import { CATEGORIES, severityRank, type Category, type Finding } from '../shared/types.ts';

/** `count` of `total`; `rate` is null when there is nothing to divide by (shown as "—"). */
export interface Ratio {
  count: number;
  total: number;
  rate: number | null;
}

export function ratio(count: number, total: number): Ratio {
  return { count, total, rate: total === 0 ? null : count / total };
}

export interface CategoryScore {
  category: Category;
  tp: number;
  fp: number;
  fn: number;
  /** Drafts that expected the category (tp + fn). */
  support: number;
  precision: number | null;
  recall: number | null;
}

export interface CategoryPair {
  expected: readonly Category[];
  predicted: readonly Category[];
}

/** Per category, over drafts: predicted = the result's `categories` (findings at warn or above). */
export function categoryScores(pairs: readonly CategoryPair[]): CategoryScore[] {
  return CATEGORIES.map((category) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const { expected, predicted } of pairs) {
      const e = expected.includes(category);
      const p = predicted.includes(category);
      if (e && p) tp += 1;
      else if (p) fp += 1;
      else if (e) fn += 1;
    }
    return {
      category,
      tp,
      fp,
      fn,
      support: tp + fn,
      precision: tp + fp === 0 ? null : tp / (tp + fp),
      recall: tp + fn === 0 ? null : tp / (tp + fn),
    };
  });
}

/** Micro-averaged over every category (each draft-category pair counts once). */
export function microAverage(scores: readonly CategoryScore[]): Omit<CategoryScore, 'category'> {
  const tp = sum(scores.map((s) => s.tp));
  const fp = sum(scores.map((s) => s.fp));
  const fn = sum(scores.map((s) => s.fn));
  return { tp, fp, fn, support: tp + fn, precision: tp + fp === 0 ? null : tp / (tp + fp), recall: tp + fn === 0 ? null : tp / (tp + fn) };
}

export function approvalAccuracy(pairs: ReadonlyArray<{ expected: boolean; predicted: boolean }>): Ratio {
  return ratio(pairs.filter((p) => p.expected === p.predicted).length, pairs.length);
}

/** Of the drafts that should raise nothing (no expected category), how many got a category. */
export function cleanFlagRate(pairs: readonly CategoryPair[]): Ratio {
  const clean = pairs.filter((p) => p.expected.length === 0);
  return ratio(clean.filter((p) => p.predicted.length > 0).length, clean.length);
}

/**
 * Of the drafts that break the guideline (≥1 expected category), how many were flagged at all,
 * whatever the category. The peer has no categories, so this is the figure the two share.
 */
export function violatingRecall(pairs: ReadonlyArray<{ expected: readonly Category[]; flagged: boolean }>): Ratio {
  const violating = pairs.filter((p) => p.expected.length > 0);
  return ratio(violating.filter((p) => p.flagged).length, violating.length);
}

/** Of the drafts that should raise nothing, how many were flagged (the peer's clean-flag rate). */
export function cleanFlaggedByFlag(pairs: ReadonlyArray<{ expected: readonly Category[]; flagged: boolean }>): Ratio {
  const clean = pairs.filter((p) => p.expected.length === 0);
  return ratio(clean.filter((p) => p.flagged).length, clean.length);
}

/** A text is flagged when the engine has at least one finding at warn or above (info does not count). */
export function isFlagged(result: { findings: ReadonlyArray<Pick<Finding, 'severity'>> }): boolean {
  return result.findings.some((f) => severityRank(f.severity) >= severityRank('warn'));
}

/** Flagged in one category: a finding of that category at warn or above. */
export function isFlaggedIn(result: { findings: ReadonlyArray<Pick<Finding, 'severity' | 'category'>> }, category: Category): boolean {
  return result.findings.some((f) => f.category === category && severityRank(f.severity) >= severityRank('warn'));
}

/**
 * Per category, of the texts labelled with it, the share whose predicted categories include it
 * ("found in its category"); categories no text is labelled with are left out.
 */
export function foundInCategory(pairs: readonly CategoryPair[]): Array<{ category: Category; found: Ratio }> {
  return CATEGORIES.flatMap((category) => {
    const labelled = pairs.filter((p) => p.expected.includes(category));
    return labelled.length === 0 ? [] : [{ category, found: ratio(labelled.filter((p) => p.predicted.includes(category)).length, labelled.length) }];
  });
}

export function flaggedShare(flags: readonly boolean[]): Ratio {
  return ratio(flags.filter(Boolean).length, flags.length);
}

export interface ToxicityScores {
  /** Of the sentences whose majority is Toxic or Very Toxic, the share flagged. */
  toxicRecall: Ratio;
  /** Of the sentences whose majority is Not Toxic, the share flagged. */
  notToxicFlagged: Ratio;
  /** Hard to Say majorities are in neither figure. */
  unsure: number;
}

export function toxicityScores(rows: ReadonlyArray<{ class: 'toxic' | 'not_toxic' | 'unsure'; flagged: boolean }>): ToxicityScores {
  const toxic = rows.filter((r) => r.class === 'toxic');
  const notToxic = rows.filter((r) => r.class === 'not_toxic');
  return {
    toxicRecall: ratio(toxic.filter((r) => r.flagged).length, toxic.length),
    notToxicFlagged: ratio(notToxic.filter((r) => r.flagged).length, notToxic.length),
    unsure: rows.filter((r) => r.class === 'unsure').length,
  };
}

/** Nearest-rank percentile (p in 0..100) of unsorted samples; NaN for none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
