/**
 * Issue #10: the engine does only the work a check needs, and a re-check after an edit redoes only
 * the changed sentences. Every test here counts work (pieces normalised, sentences scanned, regexes
 * run, tokenizer calls) and compares results with the plain whole-text computation; none reads a
 * clock (speed is `npm run bench`).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_SIGNAL_BOOKS } from '../../src/dictionary/builtin-signals.ts';
import { parseSignalBook } from '../../src/dictionary/parse-signals.ts';
import type { SignalBook } from '../../src/dictionary/types.ts';
import { RuleContext, TokenCache } from '../../src/engine/context.ts';
import { createChecker, type CheckResult, type TokenizerPort } from '../../src/engine/index.ts';
import { PatternMatcher } from '../../src/engine/matcher.ts';
import { normalize, Normalizer, type NormalizedText } from '../../src/engine/normalize.ts';
import { SignalIndex } from '../../src/engine/signals.ts';
import { loadTokenizer, TOKENIZER_TIMEOUT } from './helpers.ts';

/** A generous limit for the property runs on a busy machine; not a speed bound. */
const SLOW_TEST_MS = 120_000;

const SENTENCES = [
  '市民体育館の改修工事が終わりました。',
  '利用の申し込みは窓口で受け付けています。',
  'ﾊﾞｽの時刻表が変わります！',
  '詳しくは市ホームページをご覧ください\n',
  '来週の土曜日は、ブース出展もあります。',
  '０９０－１２３４－５６７８までお電話を。',
  'ばーか、とは書かないでください。',
  '「いいね」をありがとうございます😀。',
];
/** A long post: the sentences above, repeated with numbers so each sentence is distinct. */
function longPost(count: number): string {
  return Array.from({ length: count }, (_, i) => `${i}. ${SENTENCES[i % SENTENCES.length] as string}`).join('');
}

function views(n: NormalizedText): unknown {
  return { plain: n.plain, key: n.key, plainStart: [...n.plainStart], plainEnd: [...n.plainEnd], keyToPlain: [...n.keyToPlain] };
}

describe('Normalizer: the same views as normalize(), re-normalising only what changed', () => {
  it('after a one-character edit in the middle of a long post normalises one piece', () => {
    const normalizer = new Normalizer();
    const text = longPost(60);
    expect(views(normalizer.normalize(text))).toEqual(views(normalize(text)));
    const before = { ...normalizer.work };
    const at = text.indexOf('ブース', text.length / 2);
    const edited = `${text.slice(0, at)}バ${text.slice(at)}`;
    expect(views(normalizer.normalize(edited))).toEqual(views(normalize(edited)));
    expect(normalizer.work.piecesNormalised - before.piecesNormalised).toBe(1);
    expect(normalizer.work.charsNormalised - before.charsNormalised).toBeLessThan(40);
  });

  it('a leading ー is dropped at the start of the text only, also when text is typed before it', () => {
    const normalizer = new Normalizer();
    expect(normalizer.normalize('ーカ。ーカ').key).toBe(normalize('ーカ。ーカ').key);
    expect(normalizer.normalize('アーカ。ーカ').key).toBe(normalize('アーカ。ーカ').key);
    expect(normalizer.normalize('ーカ。ーカ').key).toBe('カ。ーカ');
  });

  const PIECES = ['バカ', 'ばか', '。', '、', '！', '「', '」', '山田', 'さん', '０９０－', '－', '1', '-', 'あ', 'カ', 'ー', '〜', 'ぁ', 'ァ', 'ッ', '力', '一', 'ㄆ',
    '😀', '👨‍👩‍👧', '🍀', 'e\u0301', '\u0301', '\u3099', 'ｶ\uFF9E', 'ﾊﾞ', '｡', '・', ' ', '\u200b', '\uFE0F', '\u3000', '\n', '\r\n', '○', '×', '\uD83D', '\uDE00', 'ブース', '。\n', 'ー。', '\n\u0301'];
  it('gives normalize()\'s views for any text under any sequence of edits', () => {
    const textArb = fc.string({ unit: fc.constantFrom(...PIECES), maxLength: 80 });
    const editArb = fc.array(fc.tuple(fc.nat(), fc.nat(4), fc.string({ unit: fc.constantFrom(...PIECES), maxLength: 4 })), { maxLength: 12 });
    fc.assert(
      fc.property(textArb, editArb, (start, edits) => {
        const normalizer = new Normalizer();
        let text = start;
        expect(views(normalizer.normalize(text))).toEqual(views(normalize(text)));
        for (const [at, remove, insert] of edits) {
          const i = at % (text.length + 1);
          text = text.slice(0, i) + insert + text.slice(i + remove);
          expect(views(normalizer.normalize(text)), JSON.stringify(text)).toEqual(views(normalize(text)));
        }
      }),
      { numRuns: 300 },
    );
  }, SLOW_TEST_MS);
});

describe('PatternMatcher', () => {
  it('finds every occurrence of every pattern, as a naive search does, in the automaton\'s order', () => {
    const unit = fc.constantFrom('a', 'b', 'ab', 'バ', 'カ', '😀');
    fc.assert(
      fc.property(fc.array(fc.string({ unit, minLength: 0, maxLength: 4 }), { maxLength: 12 }), fc.string({ unit, maxLength: 30 }), (patterns, text) => {
        const found = new PatternMatcher(patterns).findAll(text);
        const naive: Array<{ pattern: number; from: number; to: number }> = [];
        for (let end = 1; end <= text.length; end++) {
          // At one end: longest first, then in the order the patterns were given.
          const here = patterns.map((p, pattern) => ({ pattern, from: end - p.length, to: end })).filter((h) => h.to - h.from > 0 && h.from >= 0 && text.slice(h.from, h.to) === patterns[h.pattern]);
          naive.push(...here.sort((x, y) => x.from - y.from || x.pattern - y.pattern));
        }
        expect(found).toEqual(naive);
      }),
      { numRuns: 500 },
    );
  });
});

/** Counts calls of RegExp.prototype.exec on a regex with the given source while `run` runs. */
function countExec(source: string, run: () => void): number {
  const exec = RegExp.prototype.exec;
  let calls = 0;
  RegExp.prototype.exec = function countedExec(this: RegExp, s: string) {
    if (this.source === source) calls++;
    return exec.call(this, s);
  };
  try {
    run();
  } finally {
    RegExp.prototype.exec = exec;
  }
  return calls;
}

function testBook(raw: Record<string, unknown>): SignalBook {
  const r = parseSignalBook({ name: 'test', category: 'illegal', ...raw });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.book;
}

function scanContext(index: SignalIndex, text: string, tokenizer: TokenizerPort | null = null): RuleContext {
  return new RuleContext(normalize(text), [], [], [], tokenizer, new TokenCache(), index, []);
}

describe('SignalIndex: per-sentence patterns', () => {
  const SOURCE = '(?:こう|そう)(?:ぜ|よ)(?=[!！。]|$)';
  const book = testBook({
    signals: [{ name: 'incite', label: '扇動', patterns: [SOURCE] }],
    combos: [{ id: 'illegal.x', when: [['incite']], severity: 'warn', message: 'm', suggestion: 's', examples: { hit: ['やろうぜ！'], clean: ['そうですね。'] } }],
  });

  it('never runs a pattern on a sentence without one of its literals', () => {
    const index = new SignalIndex([book]);
    const clean = '今日はいい天気です。そうですね。こうして晴れました。';
    expect(countExec(SOURCE, () => index.scan(scanContext(index, clean)))).toBe(0);
    const hit = '今日はいい天気です。一緒に行こうぜ！';
    expect(countExec(SOURCE, () => expect(index.scan(scanContext(index, hit)).map((h) => h.text)).toEqual(['こうぜ']))).toBeGreaterThan(0);
  });

  it('a re-check after an edit scans only the changed sentence, with the hits of a fresh scan', () => {
    const index = new SignalIndex(BUILTIN_SIGNAL_BOOKS);
    const text = longPost(80);
    index.scan(scanContext(index, text));
    const at = text.indexOf('窓口', text.length / 2);
    const edited = `${text.slice(0, at)}そっちの${text.slice(at)}`;
    const before = { ...index.work };
    const again = index.scan(scanContext(index, edited));
    expect(index.work.sentencesScanned - before.sentencesScanned).toBe(1);
    const fresh = new SignalIndex(BUILTIN_SIGNAL_BOOKS);
    expect(again).toEqual(fresh.scan(scanContext(fresh, edited)));
  });

  it('every literal every built-in pattern is prefiltered by stands in each of its matches on the book examples', () => {
    // The prefilter is sound: a pattern skipped for want of a literal could not have matched.
    const index = new SignalIndex(BUILTIN_SIGNAL_BOOKS);
    const examples = BUILTIN_SIGNAL_BOOKS.flatMap((b) => b.combos.flatMap((c) => [...c.examples.hit, ...c.examples.clean]));
    // `|(?!).` never matches but defeats the prefilter (an alternative without a literal), so `all` runs every pattern on every sentence.
    const all = new SignalIndex(BUILTIN_SIGNAL_BOOKS.map((b) => ({ ...b, signals: b.signals.map((s) => ({ ...s, patterns: s.patterns.map((p) => `${p}|(?!).`) })) })));
    let hits = 0;
    for (const text of examples) {
      const prefiltered = index.scan(scanContext(index, text));
      const everyPattern = all.scan(scanContext(all, text));
      expect(prefiltered, text).toEqual(everyPattern);
      hits += prefiltered.length;
    }
    expect(hits).toBeGreaterThan(100);
    expect(all.work.regexRuns).toBeGreaterThan(10 * index.work.regexRuns);
  });
});

describe('the tokenizer is asked only where a combo can use the answer', () => {
  let tokenizer: TokenizerPort;
  let calls: string[] = [];
  const counting: TokenizerPort = {
    tokenize(text) {
      calls.push(text);
      return tokenizer.tokenize(text);
    },
  };
  beforeAll(async () => {
    tokenizer = await loadTokenizer();
  }, TOKENIZER_TIMEOUT);

  const book = testBook({
    signals: [
      { name: 'thing', label: '物', terms: ['自転車'] },
      { name: 'take', label: '持ち去り', lemmas: ['盗む'] },
      { name: 'threat', label: '脅し', terms: ['許さないぞ'] },
    ],
    combos: [
      { id: 'illegal.bike', when: [['thing'], ['take']], severity: 'block', message: 'm', suggestion: 's', examples: { hit: ['自転車を盗んだ'], clean: ['盗難防止'] } },
      { id: 'illegal.threat', when: [['person'], ['threat']], scope: 'adjacent', severity: 'block', message: 'm', suggestion: 's', examples: { hit: ['山田さん、許さないぞ'], clean: ['許さないぞ'] } },
    ],
  });
  const rules = (r: CheckResult): string[] => r.findings.map((f) => f.rule);

  it('a lemma of a signal whose combo misses a whole group is not confirmed', () => {
    const checker = createChecker({ signalBooks: [book], tokenizer: counting });
    calls = [];
    expect(rules(checker.check('財布を盗んだ人がいます。'))).toEqual([]);
    expect(calls.filter((t) => t.includes('盗'))).toEqual([]);
    calls = [];
    expect(rules(checker.check('自転車を盗んだ人がいます。'))).toEqual(['signals:illegal.bike']);
    expect(calls.filter((t) => t.includes('盗'))).toHaveLength(1);
  });

  it('people are looked for (tokenized) only within reach of the rest of a combo', () => {
    const checker = createChecker({ signalBooks: [book], tokenizer: counting });
    const quiet = (from: number): string => Array.from({ length: 30 }, (_, i) => `今日は${from + i}回目の練習でした。`).join('');
    calls = [];
    const result = checker.check(`${quiet(0)}田中さん。許さないぞ。${quiet(100)}`);
    expect(rules(result)).toEqual(['signals:illegal.threat']);
    // The threat's sentence and one either side (scope adjacent); none of the other 59 sentences.
    expect(calls.sort()).toEqual(['今日は100回目の練習でした。', '田中さん。', '許さないぞ。'].sort());
  });

  it('a re-check after an edit tokenizes nothing it tokenized before', () => {
    const checker = createChecker({ tokenizer: counting });
    const text = longPost(60);
    checker.check(text);
    const at = text.indexOf('申し込み', text.length / 2);
    calls = [];
    checker.check(`${text.slice(0, at)}お${text.slice(at)}`);
    expect(calls.length).toBeLessThanOrEqual(1);
    for (const t of calls) expect(t).toContain('お申し込み');
  });
});
