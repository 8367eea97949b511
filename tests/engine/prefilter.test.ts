/**
 * The literal prefilter of the signal patterns (src/engine/prefilter.ts): which strings must stand
 * in a sentence before a pattern is run there. A literal too many only costs a regex run; a literal
 * a match can lack would silently drop a finding, so soundness is checked on every built-in pattern.
 */
import { describe, expect, it } from 'vitest';
import { BUILTIN_SIGNAL_BOOKS } from '../../src/dictionary/builtin-signals.ts';
import { prefilterLiterals } from '../../src/engine/prefilter.ts';

describe('prefilterLiterals', () => {
  const table: Array<{ source: string; literals: string[] | null; why: string }> = [
    { source: '(?:こう|そう)(?:ぜ|よ)(?=[!！]|$)', literals: ['こうぜ', 'こうよ', 'そうぜ', 'そうよ'], why: 'adjacent fixed groups multiply' },
    { source: '[?？]\\s*$', literals: ['?', '？'], why: 'a small class stands for its characters' },
    { source: '[やヤ][りリ]', literals: ['やり', 'やリ', 'ヤり', 'ヤリ'], why: 'adjacent classes multiply' },
    { source: '\\(\\d{1,3}', literals: ['(0', '(1', '(2', '(3', '(4', '(5', '(6', '(7', '(8', '(9'], why: 'an escaped bracket is a character, \\d its digits' },
    { source: '\\(\\d{1,3}歳', literals: ['0歳', '1歳', '2歳', '3歳', '4歳', '5歳', '6歳', '7歳', '8歳', '9歳'], why: 'of two runs the one with a kanji filters better' },
    { source: '\\d+錠', literals: ['0錠', '1錠', '2錠', '3錠', '4錠', '5錠', '6錠', '7錠', '8錠', '9錠'], why: 'the last repetition runs on into what follows' },
    { source: 'abc?d', literals: ['ab'], why: 'an optional character ends the run before it' },
    { source: 'a(?:b|)c', literals: ['abc', 'ac'], why: 'an empty alternative is a fixed string too' },
    { source: 'x|(?:y|z)w', literals: ['x', 'yw', 'zw'], why: 'each alternative contributes its own' },
    { source: '(?<=a)b', literals: ['b'], why: 'a lookbehind is no character of the match' },
    { source: '(?:a|b)?c', literals: ['c'], why: 'an optional group is never required' },
    { source: '[A-Z]{1,3}(?:さん|君)', literals: ['さん', '君'], why: 'a range is not read' },
    { source: '(?:ab+|cd)e', literals: ['ab', 'cd'], why: 'a group that is no fixed string gives what it contains' },
    { source: '[^あ]い?', literals: null, why: 'a negated class and an optional character: nothing is required' },
    { source: '(?<![ァ-ヶ])[一-龥]{1,3}(?:x)?', literals: null, why: 'ranges and an optional group only' },
    { source: 'あ|[一-龥]', literals: null, why: 'one alternative without a literal runs the pattern everywhere' },
  ];
  it.each(table)('$source → $literals ($why)', ({ source, literals }) => {
    const got = prefilterLiterals(source);
    expect(got === null ? null : [...got].sort()).toEqual(literals === null ? null : [...literals].sort());
  });

  it('is sound for every built-in pattern: each match on the book examples holds one of its literals', () => {
    const texts = BUILTIN_SIGNAL_BOOKS.flatMap((b) => b.combos.flatMap((c) => [...c.examples.hit, ...c.examples.clean]));
    let checked = 0;
    let prefiltered = 0;
    for (const book of BUILTIN_SIGNAL_BOOKS) {
      for (const signal of book.signals) {
        for (const source of signal.patterns) {
          const literals = prefilterLiterals(source);
          if (literals === null) continue;
          prefiltered++;
          const re = new RegExp(source, 'gu');
          for (const t of texts) {
            for (const m of t.matchAll(re)) {
              checked++;
              expect(literals.some((l) => m[0].includes(l)), `${signal.name} ${source} on ${t}`).toBe(true);
            }
          }
        }
      }
    }
    expect(prefiltered).toBeGreaterThan(100);
    expect(checked).toBeGreaterThan(100);
  });
});
