/**
 * The quality targets `npm run eval -- --check` enforces (issue #7's acceptance, plus the dev
 * targets). A target whose corpus is absent is `skipped` (the corpora live outside the repository
 * and may not be on every machine); one whose corpus is malformed, or that could not be measured
 * because the engine did not load, is `error`, which fails the check like a miss: a check that
 * cannot measure must not pass. A section that was not run (`--only`, `--file`) has no targets.
 */
import type { Category } from '../shared/types.ts';
import type { CategoryScore, Ratio } from './metrics.ts';

export const TARGETS = {
  devRecallPerCategory: 0.9,
  cleanFlaggedMax: 0.05,
  approvalMin: 0.95,
  bulletinFlaggedMax: 0.02,
  toxicRecallMin: 0.8,
  notToxicFlaggedMax: 0.02,
  xsafetyFoundMin: 0.8,
  xsafetyNegativesFlaggedMax: 0.03,
  nerPersonalInfoFlaggedMax: 0.01,
  blindRecallPerCategory: 0.9,
  blindCleanFlaggedMax: 0.03,
  blindApprovalMin: 0.95,
} as const;

/** The xsafety categories whose clear rows must be found in their category (issue #7). */
export const XSAFETY_TARGET_CATEGORIES: readonly Category[] = ['insult', 'discrimination', 'illegal'];

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

/** What the targets need of the newest blind set. */
export interface BlindFigures {
  name: string;
  categories: readonly CategoryScore[];
  cleanFlagged: Ratio;
  approval: Ratio;
}

/** Every field is optional: leave out the figures of a section that was not run. */
export interface TargetInputs {
  devCategories?: Measured<readonly CategoryScore[]>;
  cleanFlagged?: Measured<Ratio>;
  approval?: Measured<Ratio>;
  bulletinFlagged?: Measured<Ratio>;
  toxicRecall?: Measured<Ratio>;
  notToxicFlagged?: Measured<Ratio>;
  /** Clear xsafety rows found in their category, per category labelled. */
  xsafetyFound?: Measured<ReadonlyArray<{ category: Category; found: Ratio }>>;
  xsafetyNegativesFlagged?: Measured<Ratio>;
  nerPersonalInfoFlagged?: Measured<Ratio>;
  /** The newest blind set (by the date in its file name), or the file given with `--file`. */
  blind?: Measured<BlindFigures>;
}

export function evaluateTargets(inputs: TargetInputs): TargetResult[] {
  const out: TargetResult[] = [];
  if (inputs.devCategories !== undefined) out.push(...recallTargets('dev recall', TARGETS.devRecallPerCategory, inputs.devCategories, 'no dev draft expects this category'));
  if (inputs.cleanFlagged !== undefined) out.push(ratioTarget('dev clean drafts flagged', '≤', TARGETS.cleanFlaggedMax, inputs.cleanFlagged));
  if (inputs.approval !== undefined) out.push(ratioTarget('dev approval accuracy', '≥', TARGETS.approvalMin, inputs.approval));
  if (inputs.bulletinFlagged !== undefined) out.push(ratioTarget('bulletin articles flagged', '≤', TARGETS.bulletinFlaggedMax, inputs.bulletinFlagged));
  if (inputs.toxicRecall !== undefined) out.push(ratioTarget('toxicity recall (Toxic+Very Toxic)', '≥', TARGETS.toxicRecallMin, inputs.toxicRecall));
  if (inputs.notToxicFlagged !== undefined) out.push(ratioTarget('toxicity Not-Toxic flagged', '≤', TARGETS.notToxicFlaggedMax, inputs.notToxicFlagged));
  const xsafety = inputs.xsafetyFound;
  if (xsafety !== undefined) {
    for (const category of XSAFETY_TARGET_CATEGORIES) {
      const name = `xsafety clear ${category} found in category`;
      if (!('value' in xsafety)) {
        out.push(fromAbsent(name, '≥', TARGETS.xsafetyFoundMin, xsafety));
        continue;
      }
      const found = xsafety.value.find((f) => f.category === category)?.found;
      out.push(ratioTarget(name, '≥', TARGETS.xsafetyFoundMin, found === undefined ? { missing: `no clear row labelled ${category}` } : { value: found }));
    }
  }
  if (inputs.xsafetyNegativesFlagged !== undefined) out.push(ratioTarget('xsafety clear negatives flagged', '≤', TARGETS.xsafetyNegativesFlaggedMax, inputs.xsafetyNegativesFlagged));
  if (inputs.nerPersonalInfoFlagged !== undefined) out.push(ratioTarget('stockmark NER personal_info flagged', '≤', TARGETS.nerPersonalInfoFlaggedMax, inputs.nerPersonalInfoFlagged));
  const blind = inputs.blind;
  if (blind !== undefined) {
    if ('value' in blind) {
      const { name, categories, cleanFlagged, approval } = blind.value;
      out.push(...recallTargets(`blind ${name} recall`, TARGETS.blindRecallPerCategory, { value: categories }, 'no draft in the set expects this category'));
      out.push(ratioTarget(`blind ${name} clean drafts flagged`, '≤', TARGETS.blindCleanFlaggedMax, { value: cleanFlagged }));
      out.push(ratioTarget(`blind ${name} approval accuracy`, '≥', TARGETS.blindApprovalMin, { value: approval }));
    } else {
      out.push(fromAbsent('blind (newest set): recall, clean flagged, approval', '≥', TARGETS.blindRecallPerCategory, blind));
    }
  }
  return out;
}

/** `--check` fails on any miss and on anything that could not be measured for a reason other than an absent corpus. */
export function checkPasses(results: readonly TargetResult[]): boolean {
  return results.every((r) => r.status === 'met' || r.status === 'skipped');
}

/** One target per category; a category nothing is labelled with is skipped, not failed. */
function recallTargets(prefix: string, threshold: number, m: Measured<readonly CategoryScore[]>, noSupport: string): TargetResult[] {
  if (!('value' in m)) return [fromAbsent(`${prefix}: every category`, '≥', threshold, m)];
  return m.value.map((score) => {
    const name = `${prefix}: ${score.category}`;
    return score.recall === null ? unmeasured(name, '≥', threshold, 'skipped', noSupport) : judge(name, '≥', threshold, score.recall);
  });
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
