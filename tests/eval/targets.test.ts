import { describe, expect, it } from 'vitest';
import { categoryScores, ratio } from '../../src/eval/metrics.ts';
import { checkPasses, evaluateTargets, type TargetInputs } from '../../src/eval/targets.ts';
import { CATEGORIES } from '../../src/shared/types.ts';

/** Every category expected by 10 drafts, `hits` of which were found. */
function devWith(hits: Partial<Record<string, number>>): TargetInputs['devCategories'] {
  const pairs = CATEGORIES.flatMap((c) => Array.from({ length: 10 }, (_, i) => ({ expected: [c], predicted: i < (hits[c] ?? 10) ? [c] : [] })));
  return { value: categoryScores(pairs) };
}

const allMet: TargetInputs = {
  devCategories: devWith({}),
  cleanFlagged: { value: ratio(1, 20) },
  approval: { value: ratio(19, 20) },
  bulletinFlagged: { value: ratio(5, 100) },
  toxicRecall: { value: ratio(6, 10) },
  notToxicFlagged: { value: ratio(10, 100) },
};

describe('evaluateTargets', () => {
  it('passes when every figure sits exactly on its bound', () => {
    const results = evaluateTargets(allMet);
    expect(results.every((r) => r.status === 'met')).toBe(true);
    expect(checkPasses(results)).toBe(true);
  });

  it('fails on one category below 0.90 recall, naming it', () => {
    const results = evaluateTargets({ ...allMet, devCategories: devWith({ rumour: 8 }) });
    expect(results.filter((r) => r.status === 'missed').map((r) => r.name)).toEqual(['dev recall: rumour']);
    expect(checkPasses(results)).toBe(false);
  });

  it('fails just over a ≤ bound and just under a ≥ bound', () => {
    expect(checkPasses(evaluateTargets({ ...allMet, cleanFlagged: { value: ratio(2, 20) } }))).toBe(false);
    expect(checkPasses(evaluateTargets({ ...allMet, approval: { value: ratio(18, 20) } }))).toBe(false);
    expect(checkPasses(evaluateTargets({ ...allMet, notToxicFlagged: { value: ratio(11, 100) } }))).toBe(false);
  });

  it('skips a category no draft expects instead of failing it', () => {
    const pairs = [{ expected: ['insult' as const], predicted: ['insult' as const] }];
    const results = evaluateTargets({ ...allMet, devCategories: { value: categoryScores(pairs) } });
    expect(results.find((r) => r.name === 'dev recall: illegal')?.status).toBe('skipped');
    expect(checkPasses(results)).toBe(true);
  });

  it('skips targets of an absent corpus but fails on a malformed one or a missing engine', () => {
    const absent = evaluateTargets({ ...allMet, bulletinFlagged: { missing: 'corpus absent' } });
    expect(absent.find((r) => r.name === 'bulletin articles flagged')?.status).toBe('skipped');
    expect(checkPasses(absent)).toBe(true);
    expect(checkPasses(evaluateTargets({ ...allMet, toxicRecall: { error: 'corpus invalid' } }))).toBe(false);
  });
});
