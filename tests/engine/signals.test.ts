/**
 * The signal books of dictionaries/signals/ (issue #7): every combo's own examples behave as they
 * say — each `hit` sentence gets a finding of that combo in its category with the full check, each
 * `clean` sentence gets none, with or without the tokenizer — and the books parse and cross-check.
 */
import { describe, expect, it } from 'vitest';
import { BUILTIN_SIGNAL_BOOKS, BUILTIN_SIGNAL_SOURCES } from '../../src/dictionary/builtin-signals.ts';
import { checkBooks, parseSignalBook } from '../../src/dictionary/parse-signals.ts';
import { requiredLiterals, stemOf } from '../../src/engine/signals.ts';
import { expectSpans, useCheckers } from './helpers.ts';

const combos = BUILTIN_SIGNAL_BOOKS.flatMap((b) => b.combos);
const hitCases = combos.flatMap((c) => c.examples.hit.map((text) => ({ id: c.id, category: c.category, groups: c.when.length, text })));
const cleanCases = combos.flatMap((c) => c.examples.clean.map((text) => ({ id: c.id, text })));

describe('signal books', () => {
  it('parse and cross-check without problems', () => {
    for (const [name, raw] of Object.entries(BUILTIN_SIGNAL_SOURCES)) {
      const r = parseSignalBook(raw);
      expect(r.ok ? [] : r.problems, name).toEqual([]);
    }
    expect(checkBooks(BUILTIN_SIGNAL_BOOKS)).toEqual([]);
  });

  it('refuse a combo that names an unknown signal, a bad regex and a missing example', () => {
    const bad = parseSignalBook({
      name: 't',
      category: 'illegal',
      signals: [{ name: 'x', label: 'X', patterns: ['(unclosed'] }],
      combos: [{ id: 'illegal.x', when: [['x'], ['nowhere']], severity: 'block', message: 'm', suggestion: 's', examples: { hit: ['a'] } }],
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      const paths = bad.problems.map((p) => p.path);
      expect(paths).toContain('signals[0].patterns[0]');
      expect(paths).toContain('combos[0].examples.clean');
    }
    const ok = parseSignalBook({
      name: 't',
      category: 'illegal',
      signals: [{ name: 'x', label: 'X', terms: ['x'] }],
      combos: [{ id: 'illegal.x', when: [['x'], ['nowhere']], severity: 'block', message: 'm', suggestion: 's', examples: { hit: ['a'], clean: ['b'] } }],
    });
    expect(ok.ok).toBe(true);
    if (ok.ok) expect(checkBooks([ok.book]).join('\n')).toContain('nowhere');
  });

  it('stems lemmas so any conjugation matches', () => {
    expect(stemOf('盗む')).toBe('盗');
    expect(stemOf('捨てる')).toBe('捨て');
    expect(stemOf('運転する')).toBe('運転');
    expect(stemOf('帰る')).toBe('帰');
    expect(stemOf('危ない')).toBe('危な');
  });

  it('finds literals every match of a pattern must contain, or says it cannot', () => {
    expect(requiredLiterals('(?:この|お前は)(?:x)')).toEqual(['この', 'お前は']);
    expect(requiredLiterals('^(?:と|って)話')).toEqual(['話']);
    expect(requiredLiterals('(?<=a)b')).toEqual(['b']);
    expect(requiredLiterals('abc?d')).toEqual(['ab']);
    expect(requiredLiterals('x|(?:y|z)w')).toEqual(['x', 'w']);
    expect(requiredLiterals('(?:a|b)?c')).toEqual(['c']);
    expect(requiredLiterals('[A-Z]{1,3}(?:さん|君)')).toEqual(['さん', '君']);
    expect(requiredLiterals('\\d+錠(?:一気|まとめて)')).toEqual(['一気', 'まとめて']);
    expect(requiredLiterals('[あい]う?')).toBeNull();
    expect(requiredLiterals('(?<![ァ-ヶ])[一-龥]{1,3}(?:x)?')).toBeNull();
  });

  it('prefilters soundly: every match of every built-in pattern on the examples contains one of its literals', () => {
    const texts = combos.flatMap((c) => [...c.examples.hit, ...c.examples.clean]);
    let checked = 0;
    for (const book of BUILTIN_SIGNAL_BOOKS) {
      for (const signal of book.signals) {
        for (const source of signal.patterns) {
          const literals = requiredLiterals(source);
          if (literals === null) continue;
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
    expect(checked).toBeGreaterThan(0);
  });

  it('has examples for every combo', () => {
    expect(combos.length).toBeGreaterThan(0);
    for (const c of combos) {
      expect(c.examples.hit.length, c.id).toBeGreaterThan(0);
      expect(c.examples.clean.length, c.id).toBeGreaterThan(0);
    }
  });
});

describe('combo examples', () => {
  const checkers = useCheckers();
  it.each(hitCases)('$id flags: $text', ({ id, category, groups, text }) => {
    const result = checkers.tokenizer().check(text);
    expectSpans(text, result);
    const f = result.findings.find((x) => x.rule === `signals:${id}`);
    expect(f, `no signals:${id} in ${JSON.stringify(result.findings.map((x) => x.rule))}`).toBeDefined();
    expect(f?.category).toBe(category);
    expect(f?.signals?.length ?? 0).toBe(groups);
  });
  for (const mode of ['tokenizer', 'fallback'] as const) {
    it.each(cleanCases)(`$id leaves clean (${mode}): $text`, ({ id, text }) => {
      const result = checkers[mode]().check(text);
      expect(result.findings.filter((x) => x.rule === `signals:${id}`).map((x) => x.excerpt)).toEqual([]);
    });
  }
});
