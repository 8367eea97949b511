/**
 * Property tests (fast-check): on any text — Japanese-heavy, with surrogate pairs, ZWJ emoji,
 * combining marks, zero-width runs, masks, half-width kana — check() never throws and every
 * finding's span is a well-formed slice of the original. Plus a size bound and a linear-WORK bound
 * that catch rescanning and runaway matching. No test here reads a clock: on a busy machine a
 * time ratio is noise, so work is counted instead (see `measureWork`); the time ratios are in
 * `npm run bench` (its linearity table).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createChecker, type Checker, type CheckResult, type TokenizerPort } from '../../src/engine/index.ts';
import { LINEARITY_UNITS, repeatTo } from '../../src/eval/bench-texts.ts';
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


/**
 * A test's time limit, not a speed bound: generous, so that a busy two-core machine (CI beside
 * other work) does not fail a property run that takes a few seconds on an idle one.
 */
const SLOW_TEST_MS = 120_000;

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
  }, SLOW_TEST_MS);

  it('never throws and keeps spans well-formed (with the tokenizer)', () => {
    fc.assert(
      fc.property(wellFormedTextArb, (text) => {
        checkInvariants(text, withTokenizer.check(text));
      }),
      { numRuns: 300 },
    );
  }, SLOW_TEST_MS);

  it('replaces lone surrogates before the tokenizer sees them (kuromoji throws on them)', () => {
    for (const text of ['\ud83dらしい', '春\ud83dらしい陽気', '\ude00そうです', 'ﾊﾞｶ\ud800']) checkInvariants(text, withTokenizer.check(text));
  }, SLOW_TEST_MS);

  it('handles the edge inputs', () => {
    for (const text of ['', ' ', '\u3000\u3000', '\u200b\u200b\u200b', '○○○○', '〇×＊', '\uD83D', '\uDE00バカ', 'バカ\uD83D', 'ﾞﾟﾞﾟ', '\u0301バカ', '\uDE00らしい']) {
      checkInvariants(text, fallback.check(text));
      checkInvariants(text, withTokenizer.check(text));
    }
  }, SLOW_TEST_MS);

  // No time bound: a runaway would hit the test's timeout; the work bound is in the next block.
  it('checks a 100,000-character post without throwing (tokenizer on)', () => {
    const sentence = '春らしい陽気の中、市民の皆さんが弘前公園に集まりました。来週の祭りは中止になるらしいです。お問い合わせは0172-44-1111まで。バ カ😀👨‍👩‍👧';
    const text = sentence.repeat(Math.ceil(100_000 / sentence.length)).slice(0, 100_000);
    const result = withTokenizer.check(text);
    checkInvariants(text, result);
    expect(result.findings.length).toBeGreaterThan(0);
  }, SLOW_TEST_MS);
});

/** 4× the text may cost at most 5× the work (4× is linear; rescanning the rest gives about 16×). */
const LINEAR_FACTOR = 5;
/** Room for counters that are near zero (the tokenizer sees a repeated sentence once: the cache). */
const FLOOR = 100;
const SHORT = 2_500;
const LONG = 4 * SHORT;

/**
 * The work one check() does, as far as it can be seen from outside the engine (which these tests
 * do not change): calls into the tokenizer and the characters given to it (an injected counting
 * port); regular-expression match attempts — RegExp.prototype.exec, through which test, match,
 * matchAll, replace, split and search all go once it is replaced — with the characters from where
 * each attempt starts to where its match ends, or to the end of the input when it fails (a lower
 * bound of what the regexp engine reads); and Map lookups, which are the term automaton's
 * transitions and the caches' probes.
 *
 * What this cannot see is backtracking inside ONE regexp call: a pattern that is quadratic on one
 * input shows as time only — in `npm run bench`'s linearity table, and as this file's timeouts
 * when it is exponential.
 */
interface Work {
  tokenizeCalls: number;
  tokenizedChars: number;
  regexpCalls: number;
  regexpChars: number;
  mapLookups: number;
}

let counting: Work | null = null;

/** Wraps the real tokenizer so that calls made while `measureWork` runs are counted. */
function countingTokenizer(inner: TokenizerPort): TokenizerPort {
  return {
    tokenize(text) {
      if (counting !== null) {
        counting.tokenizeCalls += 1;
        counting.tokenizedChars += text.length;
      }
      return inner.tokenize(text);
    },
  };
}

function measureWork(run: () => void): Work {
  const work: Work = { tokenizeCalls: 0, tokenizedChars: 0, regexpCalls: 0, regexpChars: 0, mapLookups: 0 };
  const exec = RegExp.prototype.exec;
  const get = Map.prototype.get;
  const has = Map.prototype.has;
  RegExp.prototype.exec = function countedExec(this: RegExp, input: string): RegExpExecArray | null {
    const text = String(input);
    const from = this.global || this.sticky ? this.lastIndex : 0;
    const match = exec.call(this, text);
    work.regexpCalls += 1;
    work.regexpChars += Math.max(1, match === null ? (this.sticky ? 1 : text.length - from) : match.index + match[0].length - from);
    return match;
  };
  Map.prototype.get = function countedGet(this: Map<unknown, unknown>, key: unknown) {
    work.mapLookups += 1;
    return get.call(this, key);
  };
  Map.prototype.has = function countedHas(this: Map<unknown, unknown>, key: unknown) {
    work.mapLookups += 1;
    return has.call(this, key);
  };
  counting = work;
  try {
    run();
  } finally {
    RegExp.prototype.exec = exec;
    Map.prototype.get = get;
    Map.prototype.has = has;
    counting = null;
  }
  return work;
}

describe('measureWork', () => {
  // The meter itself: a linear scan counts linearly, a rescan from every position quadratically.
  const linear = (text: string) => void text.replace(/a/g, 'b');
  const quadratic = (text: string) => {
    for (let i = 0; i < text.length; i += 1) /z/.test(text.slice(i));
  };
  it('sees a rescan from every position as quadratic work, and a single pass as linear', () => {
    const ratio = (run: (t: string) => void) => measureWork(() => run('a'.repeat(4000))).regexpChars / measureWork(() => run('a'.repeat(1000))).regexpChars;
    expect(ratio(linear)).toBeLessThanOrEqual(LINEAR_FACTOR);
    expect(ratio(quadratic)).toBeGreaterThan(3 * LINEAR_FACTOR);
  }, SLOW_TEST_MS);

  it('counts the calls of an injected tokenizer, and Map lookups', () => {
    const tokenizer = countingTokenizer({ tokenize: () => [] });
    const work = measureWork(() => {
      tokenizer.tokenize('あいう');
      new Map([[1, 2]]).get(1);
    });
    expect(work).toMatchObject({ tokenizeCalls: 1, tokenizedChars: 3, mapLookups: 1 });
    expect(measureWork(() => undefined)).toEqual({ tokenizeCalls: 0, tokenizedChars: 0, regexpCalls: 0, regexpChars: 0, mapLookups: 0 });
  });
});

describe('work grows linearly with the text (no rescanning, no runaway matching)', () => {
  let tokenizer: TokenizerPort;
  beforeAll(async () => {
    tokenizer = await loadTokenizer();
  }, TOKENIZER_TIMEOUT);

  it.each(LINEARITY_UNITS)(`repeated %j: ${LONG.toLocaleString('en')} chars vs ${SHORT.toLocaleString('en')}`, (unit) => {
    for (const mode of ['without the tokenizer', 'with the tokenizer'] as const) {
      // A new checker per text, built outside the meter, so neither the tokenize cache nor the
      // automaton's construction is counted.
      const checkerFor = () => createChecker(mode === 'with the tokenizer' ? { tokenizer: countingTokenizer(tokenizer) } : {});
      const shortChecker = checkerFor();
      const longChecker = checkerFor();
      const short = measureWork(() => shortChecker.check(repeatTo(unit, SHORT)));
      const long = measureWork(() => longChecker.check(repeatTo(unit, LONG)));
      for (const key of Object.keys(short) as Array<keyof Work>) {
        expect(long[key], `${JSON.stringify(unit)} ${mode}: ${key} ${short[key]} → ${long[key]}`).toBeLessThanOrEqual(LINEAR_FACTOR * short[key] + FLOOR);
      }
    }
  }, SLOW_TEST_MS);
});
