/**
 * The quality targets `npm run eval -- --check` enforces. A target whose corpus is absent is
 * `skipped` (the corpora live outside the repository and may not be on every machine); one whose
 * corpus is malformed, or that could not be measured because the engine did not load, is `error`,
 * which fails the check like a miss: a check that cannot measure must not pass.
 */
import type { CategoryScore, Ratio } from './metrics.ts';

export const TARGETS = {
  devRecallPerCategory: 0.9,
  cleanFlaggedMax: 0.05,
  approvalMin: 0.95,
  bulletinFlaggedMax: 0.05,
  toxicRecallMin: 0.6,
  notToxicFlaggedMax: 0.1,
} as const;

export type TargetStatus = 'met' | 'missed' | 'skipped' | 'error';

export interface TargetResult {
  name: string;
  op: '≥' | '≤';
  threshold: number;
  actual: number | null;
  status: TargetStatus;
  /** Why a target was skipped or could not be measured. */
  note: string | null;
}

/** A section's figure, or why there is none: `missing` (skip) or an error message. */
export type Measured<T> = { value: T } | { missing: string } | { error: string };

export interface TargetInputs {
  devCategories: Measured<readonly CategoryScore[]>;
  cleanFlagged: Measured<Ratio>;
  approval: Measured<Ratio>;
  bulletinFlagged: Measured<Ratio>;
  toxicRecall: Measured<Ratio>;
  notToxicFlagged: Measured<Ratio>;
}

export function evaluateTargets(inputs: TargetInputs): TargetResult[] {
  const out: TargetResult[] = [];
  const dev = inputs.devCategories;
  if ('value' in dev) {
    for (const score of dev.value) {
      const name = `dev recall: ${score.category}`;
      if (score.recall === null) out.push(unmeasured(name, '≥', TARGETS.devRecallPerCategory, 'skipped', 'no dev draft expects this category'));
      else out.push(judge(name, '≥', TARGETS.devRecallPerCategory, score.recall));
    }
  } else {
    out.push(fromAbsent('dev recall: every category', '≥', TARGETS.devRecallPerCategory, dev));
  }
  out.push(ratioTarget('dev clean drafts flagged', '≤', TARGETS.cleanFlaggedMax, inputs.cleanFlagged));
  out.push(ratioTarget('dev approval accuracy', '≥', TARGETS.approvalMin, inputs.approval));
  out.push(ratioTarget('bulletin articles flagged', '≤', TARGETS.bulletinFlaggedMax, inputs.bulletinFlagged));
  out.push(ratioTarget('toxicity recall (Toxic+Very Toxic)', '≥', TARGETS.toxicRecallMin, inputs.toxicRecall));
  out.push(ratioTarget('toxicity Not-Toxic flagged', '≤', TARGETS.notToxicFlaggedMax, inputs.notToxicFlagged));
  return out;
}

/** `--check` fails on any miss and on anything that could not be measured for a reason other than an absent corpus. */
export function checkPasses(results: readonly TargetResult[]): boolean {
  return results.every((r) => r.status === 'met' || r.status === 'skipped');
}

function ratioTarget(name: string, op: '≥' | '≤', threshold: number, m: Measured<Ratio>): TargetResult {
  if (!('value' in m)) return fromAbsent(name, op, threshold, m);
  if (m.value.rate === null) return unmeasured(name, op, threshold, 'skipped', 'nothing to measure (empty set)');
  return judge(name, op, threshold, m.value.rate);
}

function judge(name: string, op: '≥' | '≤', threshold: number, actual: number): TargetResult {
  const met = op === '≥' ? actual >= threshold : actual <= threshold;
  return { name, op, threshold, actual, status: met ? 'met' : 'missed', note: null };
}

function fromAbsent(name: string, op: '≥' | '≤', threshold: number, m: { missing: string } | { error: string }): TargetResult {
  return 'missing' in m ? unmeasured(name, op, threshold, 'skipped', m.missing) : unmeasured(name, op, threshold, 'error', m.error);
}

function unmeasured(name: string, op: '≥' | '≤', threshold: number, status: 'skipped' | 'error', note: string): TargetResult {
  return { name, op, threshold, actual: null, status, note };
}
