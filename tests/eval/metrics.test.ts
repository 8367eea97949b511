import { describe, expect, it } from 'vitest';
import {
  approvalAccuracy,
  categoryScores,
  cleanFlagRate,
  cleanFlaggedByFlag,
  foundInCategory,
  isFlagged,
  isFlaggedIn,
  microAverage,
  percentile,
  ratio,
  toxicityScores,
  violatingRecall,
  type CategoryPair,
} from '../../src/eval/metrics.ts';

const pairs: CategoryPair[] = [
  { expected: ['insult'], predicted: ['insult'] }, // insult TP
  { expected: ['insult'], predicted: [] }, // insult FN
  { expected: ['insult', 'discrimination'], predicted: ['discrimination', 'rumour'] }, // insult FN, discrimination TP, rumour FP
  { expected: [], predicted: ['personal_info'] }, // personal_info FP on a clean draft
  { expected: [], predicted: [] },
];

describe('categoryScores', () => {
  const scores = Object.fromEntries(categoryScores(pairs).map((s) => [s.category, s]));

  it('counts TP, FP and FN per category', () => {
    expect(scores['insult']).toMatchObject({ tp: 1, fp: 0, fn: 2, support: 3 });
    expect(scores['insult']!.recall).toBeCloseTo(1 / 3);
    expect(scores['insult']!.precision).toBe(1);
    expect(scores['discrimination']).toMatchObject({ tp: 1, fp: 0, fn: 0, recall: 1 });
    expect(scores['rumour']).toMatchObject({ tp: 0, fp: 1, fn: 0, precision: 0, recall: null });
  });

  it('gives null, not 0 or NaN, where there is nothing to divide by', () => {
    expect(scores['illegal']).toMatchObject({ tp: 0, fp: 0, fn: 0, precision: null, recall: null });
  });

  it('reports every category, in the fixed order', () => {
    expect(categoryScores([]).map((s) => s.category)).toEqual([
      'insult',
      'discrimination',
      'illegal',
      'rumour',
      'confidential',
      'decision_process',
      'public_order',
      'personal_info',
    ]);
  });

  it('micro-averages over all draft-category pairs', () => {
    const micro = microAverage(categoryScores(pairs));
    expect(micro).toMatchObject({ tp: 2, fp: 2, fn: 2 });
    expect(micro.precision).toBe(0.5);
    expect(micro.recall).toBe(0.5);
  });
});

describe('draft-level rates', () => {
  it('approval accuracy compares needs_approval exactly', () => {
    expect(approvalAccuracy([
      { expected: true, predicted: true },
      { expected: false, predicted: true },
      { expected: false, predicted: false },
      { expected: true, predicted: false },
    ])).toEqual({ count: 2, total: 4, rate: 0.5 });
  });

  it('clean-flag rate only looks at drafts that expect nothing', () => {
    // The violating drafts above have stray predictions too; they must not count.
    expect(cleanFlagRate(pairs)).toEqual({ count: 1, total: 2, rate: 0.5 });
  });

  it('violating recall counts a flag in any category, and the clean rate the rest', () => {
    const flags = [
      { expected: ['insult'] as const, flagged: true },
      { expected: ['rumour'] as const, flagged: false },
      { expected: [] as const, flagged: true },
      { expected: [] as const, flagged: false },
      { expected: [] as const, flagged: false },
    ];
    expect(violatingRecall(flags)).toEqual({ count: 1, total: 2, rate: 0.5 });
    expect(cleanFlaggedByFlag(flags)).toEqual({ count: 1, total: 3, rate: 1 / 3 });
  });

  it('ratio of nothing is null', () => {
    expect(ratio(0, 0).rate).toBeNull();
  });
});

describe('isFlagged', () => {
  it('counts warn and block, not info', () => {
    expect(isFlagged({ findings: [] })).toBe(false);
    expect(isFlagged({ findings: [{ severity: 'info' }, { severity: 'info' }] })).toBe(false);
    expect(isFlagged({ findings: [{ severity: 'info' }, { severity: 'warn' }] })).toBe(true);
    expect(isFlagged({ findings: [{ severity: 'block' }] })).toBe(true);
  });
});

describe('isFlaggedIn', () => {
  it('needs a finding of that category at warn or above', () => {
    const result = { findings: [{ severity: 'info' as const, category: 'personal_info' as const }, { severity: 'block' as const, category: 'insult' as const }] };
    expect(isFlaggedIn(result, 'personal_info')).toBe(false);
    expect(isFlaggedIn(result, 'insult')).toBe(true);
    expect(isFlaggedIn({ findings: [{ severity: 'warn', category: 'personal_info' }] }, 'personal_info')).toBe(true);
  });
});

describe('foundInCategory', () => {
  it('per label, the share of labelled texts whose prediction includes it; unlabelled categories left out', () => {
    const found = foundInCategory([
      { expected: ['insult'], predicted: ['insult'] },
      { expected: ['insult', 'discrimination'], predicted: ['discrimination'] }, // insult not found here
      { expected: ['illegal'], predicted: ['insult'] }, // flagged, but not in its category
      { expected: [], predicted: ['rumour'] },
    ]);
    expect(found).toEqual([
      { category: 'insult', found: { count: 1, total: 2, rate: 0.5 } },
      { category: 'discrimination', found: { count: 1, total: 1, rate: 1 } },
      { category: 'illegal', found: { count: 0, total: 1, rate: 0 } },
    ]);
  });
});

describe('toxicityScores', () => {
  it('splits by majority class and leaves Hard to Say out of both figures', () => {
    const s = toxicityScores([
      { class: 'toxic', flagged: true },
      { class: 'toxic', flagged: false },
      { class: 'not_toxic', flagged: true },
      { class: 'not_toxic', flagged: false },
      { class: 'not_toxic', flagged: false },
      { class: 'not_toxic', flagged: false },
      { class: 'unsure', flagged: true },
    ]);
    expect(s.toxicRecall).toEqual({ count: 1, total: 2, rate: 0.5 });
    expect(s.notToxicFlagged).toEqual({ count: 1, total: 4, rate: 0.25 });
    expect(s.unsure).toBe(1);
  });
});

describe('percentile', () => {
  it('uses the nearest rank on unsorted input without mutating it', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile(samples, 100)).toBe(100);
    expect(samples[0]).toBe(100);
  });

  it('rounds the rank up (nearest-rank), never down', () => {
    // rank = ceil(0.10 × 11) = 2: interpolating or rounding would give 1 or 2.1.
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 10)).toBe(2);
  });

  it('returns the single sample and NaN for none', () => {
    expect(percentile([3.5], 99)).toBe(3.5);
    expect(percentile([], 50)).toBeNaN();
  });
});
