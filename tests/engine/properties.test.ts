/**
 * Property tests (fast-check): on any text — Japanese-heavy, with surrogate pairs, ZWJ emoji,
 * combining marks, zero-width runs, masks, half-width kana — check() never throws and every
 * finding's span is a well-formed slice of the original. Plus size and linear-time bounds that
 * catch catastrophic backtracking (not speed).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createChecker, type Checker, type CheckResult } from '../../src/engine/index.ts';
import { loadTokenizer, TOKENIZER_TIMEOUT } from './helpers.ts';

const PIECES = [
  // Japanese words and rule triggers
  'バカ', 'ばか', '馬鹿', 'アホ', '死ね', 'らしい', 'そうです', 'とのこと', '噂', '拡散希望', '検討中', '素案',
  '外国人', 'は', 'が', 'の', 'を', 'に', 'です', 'ます', '。', '、', '！', '？', '「', '」', '『', '』', '（', '）', '(笑)',
  '市民', '職員', '市長', '山田', 'さん', '様', '平川市', '本町', '12番地', '昭和30年1月1日生まれ', '㊙', '秘',
  '090-1234-5678', '0172-44-1111', '123456789018', '6000020022101', 'a@b.jp', 'x@gmail.com', 'https://www.city.hirakawa.lg.jp/a', 'http://bit.ly/x',
  'あ', 'い', 'う', 'カ', 'キ', 'ー', '〜', 'ぁ', 'ァ', '力', '一', '二',
  // adversarial
  '😀', '👨‍👩‍👧', '🏳️‍🌈', '🍀', '\u{20BB7}', '𝐛𝐚𝐤𝐚', 'e\u0301', '\u3099', '\u309A', 'ｶ\uFF9E', 'ﾊﾞ', 'ﾟ', 'ﾞ',
  '\u200b', '\u200b\u200c\u200d', '\u2060', '\uFEFF', '\uFE0F', '\u3000', ' ', '  ', '\n', '\t',
  '○', '〇', '×', '＊', '*', '■', '０９０－', '－', '―', '‐', '1', '2', '-', '.', '@',
  '\uD83D', '\uDE00', // lone surrogates
];


function textArbitrary(pieces: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
  fc.string({ unit: fc.constantFrom(...pieces), maxLength: 60 }),
  fc.string({ unit: fc.constantFrom('○', '〇', '×', '＊'), maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(' ', '\u3000', '\u200b', '\n'), maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc
    .tuple(fc.constantFrom(...pieces), fc.integer({ min: 50, max: 400 }))
    .map(([p, n]) => p.repeat(n)),
  );
}
const textArb = textArbitrary(PIECES);
/** Lone surrogates included: the normaliser replaces them before kuromoji sees them. */
const wellFormedTextArb = textArb;

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
/** True when `i` falls between the two halves of a surrogate pair. */
function splitsPair(text: string, i: number): boolean {
  return i > 0 && i < text.length && isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i));
}

function checkInvariants(text: string, result: CheckResult): void {
  for (const f of result.findings) {
    expect(f.start).toBeGreaterThanOrEqual(0);
    expect(f.start).toBeLessThan(f.end);
    expect(f.end).toBeLessThanOrEqual(text.length);
    expect(splitsPair(text, f.start), `${f.rule} start inside a surrogate pair`).toBe(false);
    expect(splitsPair(text, f.end), `${f.rule} end inside a surrogate pair`).toBe(false);
    expect(f.excerpt).toBe(text.slice(f.start, f.end));
  }
  expect(['ok', 'info', 'warn', 'block']).toContain(result.verdict);
}

describe('properties of check()', () => {
  let withTokenizer: Checker;
  const fallback = createChecker();
  beforeAll(async () => {
    withTokenizer = createChecker({ tokenizer: await loadTokenizer() });
  }, TOKENIZER_TIMEOUT);

  it('never throws and keeps spans well-formed (without the tokenizer)', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        checkInvariants(text, fallback.check(text));
      }),
      { numRuns: 400 },
    );
  });

  it('never throws and keeps spans well-formed (with the tokenizer)', () => {
    fc.assert(
      fc.property(wellFormedTextArb, (text) => {
        checkInvariants(text, withTokenizer.check(text));
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('replaces lone surrogates before the tokenizer sees them (kuromoji throws on them)', () => {
    for (const text of ['\ud83dらしい', '春\ud83dらしい陽気', '\ude00そうです', 'ﾊﾞｶ\ud800']) checkInvariants(text, withTokenizer.check(text));
  });

  it('handles the edge inputs', () => {
    for (const text of ['', ' ', '\u3000\u3000', '\u200b\u200b\u200b', '○○○○', '〇×＊', '\uD83D', '\uDE00バカ', 'バカ\uD83D', 'ﾞﾟﾞﾟ', '\u0301バカ', '\uDE00らしい']) {
      checkInvariants(text, fallback.check(text));
      checkInvariants(text, withTokenizer.check(text));
    }
  });

  it('checks a 100,000-character post without throwing (tokenizer on)', () => {
    const sentence = '春らしい陽気の中、市民の皆さんが弘前公園に集まりました。来週の祭りは中止になるらしいです。お問い合わせは0172-44-1111まで。バ カ😀👨‍👩‍👧';
    const text = sentence.repeat(Math.ceil(100_000 / sentence.length)).slice(0, 100_000);
    const started = performance.now();
    const result = withTokenizer.check(text);
    const elapsed = performance.now() - started;
    checkInvariants(text, result);
    expect(result.findings.length).toBeGreaterThan(0);
    expect(elapsed).toBeLessThan(30_000);
  }, 60_000);
});

/** Median of three runs, in ms. */
function medianTime(checker: Checker, text: string): number {
  const times = [0, 1, 2].map(() => {
    const t = performance.now();
    checker.check(text);
    return performance.now() - t;
  });
  return times.sort((a, b) => a - b)[1] as number;
}

function repeatTo(unit: string, n: number): string {
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

describe('time grows linearly with the text (no catastrophic backtracking)', () => {
  let withTokenizer: Checker;
  beforeAll(async () => {
    withTokenizer = createChecker({ tokenizer: await loadTokenizer() });
  }, TOKENIZER_TIMEOUT);
  const fallback = createChecker();
  // 4× the text may take at most 8× the time, plus a small floor for timer noise.
  const FACTOR = 8;
  const FLOOR_MS = 60;

  const units = ['ら', 'a@a.', '「', '「あ」', 'さん', '○', '\u200b', '外国人', 'http://a.', '市民（笑）', 'バ ', '0-', 'a.', 'らしい。', 'そうです', '天皇が', 'ばか'];
  it.each(units)('repeated %j: 40,000 chars vs 10,000', (unit) => {
    for (const checker of [fallback, withTokenizer]) {
      const short = repeatTo(unit, 10_000);
      const long = repeatTo(unit, 40_000);
      checker.check(short); // warm up
      const a = medianTime(checker, short);
      const b = medianTime(checker, long);
      expect(b, `${JSON.stringify(unit)}: ${a.toFixed(1)} ms → ${b.toFixed(1)} ms`).toBeLessThanOrEqual(FACTOR * a + FLOOR_MS);
    }
  }, 60_000);
});
