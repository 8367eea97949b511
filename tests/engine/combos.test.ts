/**
 * The generic combiner of rules/signals.ts on a small book made here, so these tests say what the
 * matcher does whatever the built-in data holds: every group must fire, the last group anchors,
 * `adjacent` reaches one sentence either side, cancellers in the evidence's sentences or anywhere
 * (`unlessPost`) stop it, a quoted report is not evidence, lemmas match any conjugation, and the
 * finding names the signals that fired, kind first.
 */
import { describe, expect, it } from 'vitest';
import { parseSignalBook } from '../../src/dictionary/parse-signals.ts';
import type { SignalBook } from '../../src/dictionary/types.ts';
import { createChecker } from '../../src/engine/index.ts';
import { expectSpans, loadTokenizer, TOKENIZER_TIMEOUT } from './helpers.ts';
import { beforeAll } from 'vitest';
import type { Checker } from '../../src/engine/index.ts';

function book(): SignalBook {
  const r = parseSignalBook({
    name: 'test',
    category: 'illegal',
    signals: [
      { name: 'thing', label: '物', terms: ['自転車'] },
      { name: 'take', label: '持ち去り', lemmas: ['盗む', '持ち去る'] },
      { name: 'ok', label: '容認', terms: ['大丈夫'], notAfter: ['ではありません'] },
      { name: 'stop', label: '防止', terms: ['防止'] },
      { name: 'campaign', label: '啓発', terms: ['キャンペーン'] },
    ],
    combos: [
      { id: 'illegal.bike', when: [['thing'], ['take'], ['ok']], unless: ['stop'], unlessPost: ['campaign'], scope: 'adjacent', severity: 'block', message: 'm', suggestion: 's', examples: { hit: ['x'], clean: ['y'] } },
    ],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.book;
}

describe('the signal combiner', () => {
  let full: Checker;
  const fallback = createChecker({ signalBooks: [book()] });
  beforeAll(async () => {
    full = createChecker({ signalBooks: [book()], tokenizer: await loadTokenizer() });
  }, TOKENIZER_TIMEOUT);
  const rules = (c: Checker, text: string): string[] => {
    const r = c.check(text);
    expectSpans(text, r);
    return r.findings.filter((f) => f.rule.startsWith('signals:')).map((f) => `${f.rule} ${f.category} ${f.severity} ${(f.signals ?? []).join('×')}`);
  };

  it('fires when every group is there, names the signals kind first, with and without the tokenizer', () => {
    const text = '駅前の自転車なら盗んでも大丈夫です。';
    expect(rules(full, text)).toEqual(['signals:illegal.bike illegal block 物×持ち去り×容認']);
    expect(rules(fallback, text)).toEqual(['signals:illegal.bike illegal block 物×持ち去り×容認']);
  });

  it('matches a lemma in another conjugation and politeness level', () => {
    expect(rules(full, '放置自転車を持ち去りましたが、大丈夫でした。')).toHaveLength(1);
    expect(rules(full, '自転車、盗みました。大丈夫。')).toHaveLength(1);
  });

  it('confirms a lemma with the tokenizer: a noun that shares the stem is not the verb', () => {
    expect(rules(full, '自転車の盗難届は大丈夫です。')).toEqual([]);
  });

  it('needs every group', () => {
    expect(rules(full, '自転車は大丈夫です。')).toEqual([]);
  });

  it('reaches the sentence before with scope adjacent, but not two sentences away', () => {
    expect(rules(full, '駅前に自転車がありました。盗んでも大丈夫。')).toHaveLength(1);
    expect(rules(full, '駅前に自転車がありました。今日は晴れです。盗んでも大丈夫。')).toEqual([]);
  });

  it('is cancelled by a canceller in the evidence sentences, or anywhere for unlessPost', () => {
    expect(rules(full, '自転車を盗んでも大丈夫と思う人がいます。盗難防止にご協力を。')).toEqual([]);
    expect(rules(full, '【キャンペーン】防犯の日です。\n\n\n\n今日の話。自転車を盗んでも大丈夫？ 違います。')).toEqual([]);
  });

  it('drops a stance that is negated right after it (notAfter)', () => {
    expect(rules(full, '自転車を盗んでも大丈夫ではありません。')).toEqual([]);
  });

  it('does not take a quoted report as evidence', () => {
    expect(rules(full, '「自転車なんか盗んでも大丈夫」とのご意見をいただきましたが、窃盗です。')).toEqual([]);
  });
});

describe('short katakana terms are words, not pieces of longer words', () => {
  const r = parseSignalBook({
    name: 'kana',
    category: 'illegal',
    signals: [
      { name: 'share', label: '共有', terms: ['シェア', 'タダ'] },
      { name: 'ok', label: '容認', terms: ['大丈夫'] },
    ],
    combos: [{ id: 'illegal.share', when: [['share'], ['ok']], severity: 'block', message: 'm', suggestion: 's', examples: { hit: ['x'], clean: ['y'] } }],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  const checker = createChecker({ signalBooks: [r.book] });
  it('シェア inside インドネシア and ただ inside いただいた are not the terms; シェア and タダ on their own are', () => {
    expect(checker.check('インドネシア料理の会、参加しても大丈夫です。').findings.filter((f) => f.rule.startsWith('signals'))).toEqual([]);
    expect(checker.check('ご意見をいただいたので大丈夫です。').findings.filter((f) => f.rule.startsWith('signals'))).toEqual([]);
    expect(checker.check('この映画、シェアしても大丈夫！').findings.filter((f) => f.rule.startsWith('signals'))).toHaveLength(1);
    expect(checker.check('タダで見られるから大丈夫。').findings.filter((f) => f.rule.startsWith('signals'))).toHaveLength(1);
  });
});

describe('a する-verb lemma is the verb, not the head of a compound noun', () => {
  const r = parseSignalBook({
    name: 'suru',
    category: 'decision_process',
    signals: [
      { name: 'deliberate', label: '審議', lemmas: ['審議する'] },
      { name: 'secret', label: '非公開', terms: ['内緒'] },
    ],
    combos: [{ id: 'decision_process.suru', when: [['deliberate'], ['secret']], severity: 'warn', message: 'm', suggestion: 's', examples: { hit: ['x'], clean: ['y'] } }],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  let checker: Checker;
  beforeAll(async () => {
    checker = createChecker({ signalBooks: [r.book], tokenizer: await loadTokenizer() });
  }, TOKENIZER_TIMEOUT);
  it('審議会 is no 審議する; 審議しています is', () => {
    const fired = (t: string) => checker.check(t).findings.filter((f) => f.rule.startsWith('signals')).length;
    expect(fired('審議会の日程は内緒です。')).toBe(0);
    expect(fired('今まさに審議していますが内緒です。')).toBe(1);
  });
});
