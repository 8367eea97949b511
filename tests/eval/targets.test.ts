import { describe, expect, it } from 'vitest';
import { categoryScores, ratio } from '../../src/eval/metrics.ts';
import { checkPasses, evaluateTargets, TARGETS, type TargetInputs } from '../../src/eval/targets.ts';
import { CATEGORIES, type Category } from '../../src/shared/types.ts';

/** Every category expected by 10 drafts, `hits` of which were found. */
function scoresWith(hits: Partial<Record<Category, number>>) {
  const pairs = CATEGORIES.flatMap((c) => Array.from({ length: 10 }, (_, i) => ({ expected: [c], predicted: i < (hits[c] ?? 10) ? [c] : [] })));
  return categoryScores(pairs);
}

/** Every figure exactly on its bound (issue #7's acceptance and the dev targets). */
const allMet: Required<TargetInputs> = {
  devCategories: { value: scoresWith({}) },
  cleanFlagged: { value: ratio(1, 20) },
  approval: { value: ratio(19, 20) },
  bulletinFlagged: { value: ratio(2, 100) },
  toxicRecall: { value: ratio(8, 10) },
  notToxicFlagged: { value: ratio(2, 100) },
  xsafetyFound: { value: [{ category: 'insult', found: ratio(8, 10) }, { category: 'discrimination', found: ratio(4, 5) }, { category: 'illegal', found: ratio(16, 20) }, { category: 'rumour', found: ratio(0, 4) }] },
  xsafetyNegativesFlagged: { value: ratio(3, 100) },
  nerPersonalInfoFlagged: { value: ratio(1, 100) },
  blind: { value: { name: 'blind-2025-09-01.jsonl', categories: scoresWith({}), cleanFlagged: ratio(3, 100), approval: ratio(19, 20) } },
};

const missedNames = (inputs: TargetInputs) => evaluateTargets(inputs).filter((r) => r.status === 'missed').map((r) => r.name);

describe('evaluateTargets', () => {
  it('passes when every figure sits exactly on its bound', () => {
    const results = evaluateTargets(allMet);
    expect(results.filter((r) => r.status !== 'met')).toEqual([]);
    expect(checkPasses(results)).toBe(true);
  });

  it('holds issue #7 thresholds', () => {
    expect(TARGETS).toMatchObject({
      bulletinFlaggedMax: 0.02,
      toxicRecallMin: 0.8,
      notToxicFlaggedMax: 0.02,
      xsafetyFoundMin: 0.8,
      xsafetyNegativesFlaggedMax: 0.03,
      nerPersonalInfoFlaggedMax: 0.01,
      blindRecallPerCategory: 0.9,
      blindCleanFlaggedMax: 0.03,
      blindApprovalMin: 0.95,
      devRecallPerCategory: 0.9,
      cleanFlaggedMax: 0.05,
      approvalMin: 0.95,
    });
  });

  it('fails on one category below 0.90 recall, naming it', () => {
    expect(missedNames({ ...allMet, devCategories: { value: scoresWith({ rumour: 8 }) } })).toEqual(['dev recall: rumour']);
    expect(checkPasses(evaluateTargets({ ...allMet, devCategories: { value: scoresWith({ rumour: 8 }) } }))).toBe(false);
  });

  it('fails just over a ≤ bound and just under a ≥ bound', () => {
    expect(missedNames({ ...allMet, cleanFlagged: { value: ratio(2, 20) } })).toEqual(['dev clean drafts flagged']);
    expect(missedNames({ ...allMet, approval: { value: ratio(18, 20) } })).toEqual(['dev approval accuracy']);
    expect(missedNames({ ...allMet, bulletinFlagged: { value: ratio(3, 100) } })).toEqual(['bulletin articles flagged']);
    expect(missedNames({ ...allMet, toxicRecall: { value: ratio(7, 10) } })).toEqual(['toxicity recall (Toxic+Very Toxic)']);
    expect(missedNames({ ...allMet, notToxicFlagged: { value: ratio(3, 100) } })).toEqual(['toxicity Not-Toxic flagged']);
    expect(missedNames({ ...allMet, xsafetyNegativesFlagged: { value: ratio(4, 100) } })).toEqual(['xsafety clear negatives flagged']);
    expect(missedNames({ ...allMet, nerPersonalInfoFlagged: { value: ratio(2, 100) } })).toEqual(['stockmark NER personal_info flagged']);
  });

  it('judges xsafety insult, discrimination and illegal only, each on its own', () => {
    const found = [{ category: 'insult' as const, found: ratio(7, 10) }, { category: 'discrimination' as const, found: ratio(4, 5) }, { category: 'illegal' as const, found: ratio(8, 10) }, { category: 'rumour' as const, found: ratio(0, 4) }];
    expect(missedNames({ ...allMet, xsafetyFound: { value: found } })).toEqual(['xsafety clear insult found in category']);
    // A target category no clear row is labelled with is skipped, not failed.
    const results = evaluateTargets({ ...allMet, xsafetyFound: { value: found.filter((f) => f.category !== 'illegal' && f.category !== 'insult') } });
    expect(results.find((r) => r.name === 'xsafety clear illegal found in category')).toMatchObject({ status: 'skipped', note: 'no clear row labelled illegal' });
    expect(checkPasses(results)).toBe(true);
  });

  it('applies the blind targets to the set it is given, by name', () => {
    const blind = (over: Partial<{ hits: Partial<Record<Category, number>>; clean: [number, number]; approval: [number, number] }>) => ({
      value: { name: 'b.jsonl', categories: scoresWith(over.hits ?? {}), cleanFlagged: ratio(...(over.clean ?? [0, 10])), approval: ratio(...(over.approval ?? [10, 10])) },
    });
    expect(missedNames({ ...allMet, blind: blind({ hits: { illegal: 8 } }) })).toEqual(['blind b.jsonl recall: illegal']);
    expect(missedNames({ ...allMet, blind: blind({ clean: [4, 100] }) })).toEqual(['blind b.jsonl clean drafts flagged']);
    expect(missedNames({ ...allMet, blind: blind({ approval: [94, 100] }) })).toEqual(['blind b.jsonl approval accuracy']);
  });

  it('skips a category no draft expects instead of failing it', () => {
    const pairs = [{ expected: ['insult' as const], predicted: ['insult' as const] }];
    const results = evaluateTargets({ ...allMet, devCategories: { value: categoryScores(pairs) } });
    expect(results.find((r) => r.name === 'dev recall: illegal')?.status).toBe('skipped');
    expect(checkPasses(results)).toBe(true);
  });

  it('skips targets of an absent corpus but fails on a malformed one or a missing engine', () => {
    const absent = evaluateTargets({ ...allMet, bulletinFlagged: { missing: 'corpus absent' }, blind: { missing: 'no blind set' }, xsafetyFound: { missing: 'corpus absent' } });
    expect(absent.find((r) => r.name === 'bulletin articles flagged')?.status).toBe('skipped');
    expect(absent.filter((r) => r.name.startsWith('blind')).map((r) => r.status)).toEqual(['skipped']);
    expect(absent.filter((r) => r.name.startsWith('xsafety clear') && r.name.endsWith('in category')).map((r) => r.status)).toEqual(['skipped', 'skipped', 'skipped']);
    expect(checkPasses(absent)).toBe(true);
    expect(checkPasses(evaluateTargets({ ...allMet, toxicRecall: { error: 'corpus invalid' } }))).toBe(false);
    expect(checkPasses(evaluateTargets({ ...allMet, blind: { error: 'newest set malformed' } }))).toBe(false);
  });

  it('has no targets for a section that was not run, and nothing to check then', () => {
    expect(evaluateTargets({})).toEqual([]);
    const onlyNer = evaluateTargets({ nerPersonalInfoFlagged: { value: ratio(0, 50) } });
    expect(onlyNer.map((r) => r.name)).toEqual(['stockmark NER personal_info flagged']);
    expect(checkPasses(onlyNer)).toBe(true);
  });
});
