/**
 * 誤検知として報告 (issue #9): what the background accepts from a content script. Only the words
 * of one finding and its kind; anything longer than a phrase (a post), malformed or unknown is
 * refused whole, with a reason staff can read.
 */
import { describe, expect, test } from 'vitest';
import { MAX_REPORT_EXCERPT_LENGTH, ReportRejected, validateFalsePositiveReport } from '../../src/audit/report.ts';

const valid = { site: 'x', category: 'insult', rule: 'insult:terms', clause: '5-8-insult', excerpt: 'ボケ' };

describe('validateFalsePositiveReport', () => {
  test('a well-formed report passes as a fresh copy', () => {
    const report = validateFalsePositiveReport(valid);
    expect(report).toEqual(valid);
    expect(report).not.toBe(valid);
  });

  test('a whole post is refused: only the flagged words may be reported, and the reason says so', () => {
    const post = '窓口にお越しの皆さま、本日はご来庁ありがとうございました。次回の受付は来週の月曜日から、市役所本庁舎一階の総合窓口で行います。';
    expect(post.length).toBeGreaterThan(MAX_REPORT_EXCERPT_LENGTH);
    expect(() => validateFalsePositiveReport({ ...valid, excerpt: post })).toThrow(/指摘された語句だけ.*全文は送れません/);
    expect(() => validateFalsePositiveReport({ ...valid, excerpt: 'あ'.repeat(MAX_REPORT_EXCERPT_LENGTH) })).not.toThrow();
  });

  test.each([
    ['not an object', 'ボケ', /形式/],
    ['an array', [valid], /形式/],
    ['an unknown field (the post sneaked in)', { ...valid, text: '全文' }, /不明な項目「text」/],
    ['an unknown site', { ...valid, site: 'mastodon' }, /サイト/],
    ['an unknown category', { ...valid, category: 'spam' }, /種類/],
    ['an unknown clause', { ...valid, clause: '9-9-nothing' }, /条項/],
    ['an empty rule', { ...valid, rule: '' }, /規則名/],
    ['empty words', { ...valid, excerpt: '  ' }, /語句がありません/],
    ['words over two lines', { ...valid, excerpt: 'ボケ\nツッコミ' }, /改行/],
    ['a number for the words', { ...valid, excerpt: 42 }, /語句がありません/],
  ])('%s is refused', (_, value, reason) => {
    let error: unknown;
    try {
      validateFalsePositiveReport(value);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ReportRejected);
    expect((error as Error).message).toMatch(/^報告を受け付けませんでした/);
    expect((error as Error).message).toMatch(reason);
  });
});
