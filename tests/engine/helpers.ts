/**
 * Shared helpers for the engine's tests: one tokenizer load per test file, checkers with and
 * without it, span assertions, and the textlint-style `valid` / `invalid` table runner used by
 * every file under tests/engine/rules/.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createChecker, type Category, type Checker, type CheckerOptions, type CheckResult, type Severity, type TokenizerPort } from '../../src/engine/index.ts';
import { severityRank } from '../../src/shared/types.ts';
import { loadNodeTokenizer } from '../../src/tokenizer/kuromoji-node.ts';

/** kuromoji's IPADIC load takes about a second; give slow CI machines room. */
export const TOKENIZER_TIMEOUT = 60_000;

export function loadTokenizer(): Promise<TokenizerPort> {
  return loadNodeTokenizer();
}

/** Checkers with the tokenizer and without it (the dictionary-and-pattern tier), built in beforeAll. */
export function useCheckers(options: Omit<CheckerOptions, 'tokenizer'> = {}): { tokenizer: () => Checker; fallback: () => Checker } {
  let withTokenizer: Checker | null = null;
  const fallback = createChecker(options);
  beforeAll(async () => {
    withTokenizer = createChecker({ ...options, tokenizer: await loadTokenizer() });
  }, TOKENIZER_TIMEOUT);
  return {
    tokenizer: () => {
      if (withTokenizer === null) throw new Error('tokenizer checker not ready (beforeAll did not run)');
      return withTokenizer;
    },
    fallback: () => fallback,
  };
}

/** Every finding's excerpt is exactly its span of the original text. */
export function expectSpans(text: string, result: CheckResult): void {
  for (const f of result.findings) {
    expect(f.start, `${f.rule} start`).toBeGreaterThanOrEqual(0);
    expect(f.end, `${f.rule} end`).toBeLessThanOrEqual(text.length);
    expect(f.start, `${f.rule} empty span`).toBeLessThan(f.end);
    expect(text.slice(f.start, f.end), `${f.rule} span`).toBe(f.excerpt);
  }
}

/** Findings of a rule id (`rumour`) or a rule id with detail prefix (`rumour:rashii`, `terms:insult.baka`). */
export function findingsOf(result: CheckResult, rulePrefix: string): CheckResult['findings'] {
  return result.findings.filter((f) => f.rule === rulePrefix || f.rule.startsWith(rulePrefix.includes(':') ? rulePrefix : `${rulePrefix}:`));
}

export type Mode = 'tokenizer' | 'fallback';

export interface ValidCase {
  text: string;
  /** One line: why this must not be flagged (usually the false positive it guards against). */
  why: string;
  /** Only in one mode, where the other legitimately differs. */
  only?: Mode;
}

export interface InvalidCase {
  text: string;
  /** Rule id or `id:detail` prefix of a finding that must be there. */
  rule: string;
  category: Category;
  /** The excerpt, or a part of it. */
  excerpt: string;
  severity?: Severity;
  only?: Mode;
  /**
   * The same violating statement said differently (a synonym, another conjugation or politeness
   * level, another script or word order). Must be flagged in the same `category` — by any rule,
   * at warn or block — with the tokenizer; run as its own `it` (issue #7).
   */
  paraphrase?: string;
  /** The paraphrase is not caught yet: shown as it.todo instead of run. */
  paraphraseTodo?: boolean;
}

export interface RuleTable {
  valid: ValidCase[];
  invalid: InvalidCase[];
  /** Known engine bugs, one line each (input → what happens → what should); shown as it.todo. */
  todo?: string[];
}

const MIN_CASES = 8;

/**
 * The textlint-tester shape: every `valid` sentence yields no finding of `ruleId`; every
 * `invalid` one yields the expected finding; all spans are exact. Runs both with the tokenizer
 * and without it unless a case says `only`.
 */
export function ruleTester(ruleId: string, table: RuleTable): void {
  describe(`rule ${ruleId}`, () => {
    const checkers = useCheckers();
    it(`has at least ${MIN_CASES} valid and ${MIN_CASES} invalid cases in each mode`, () => {
      for (const mode of ['tokenizer', 'fallback'] as const) {
        expect(table.valid.filter((c) => c.only === undefined || c.only === mode).length).toBeGreaterThanOrEqual(MIN_CASES);
        expect(table.invalid.filter((c) => c.only === undefined || c.only === mode).length).toBeGreaterThanOrEqual(MIN_CASES);
      }
    });
    it('gives every invalid case a paraphrase (issue #7)', () => {
      expect(table.invalid.filter((c) => c.paraphrase === undefined).map((c) => c.text)).toEqual([]);
    });
    for (const note of table.todo ?? []) it.todo(note);
    for (const mode of ['tokenizer', 'fallback'] as const) {
      describe(mode === 'tokenizer' ? 'with the tokenizer' : 'without the tokenizer', () => {
        const valid = table.valid.filter((c) => c.only === undefined || c.only === mode);
        const invalid = table.invalid.filter((c) => c.only === undefined || c.only === mode);
        describe('valid', () => {
          it.each(valid)('$text — $why', ({ text }) => {
            const result = checkers[mode]().check(text);
            expectSpans(text, result);
            expect(findingsOf(result, ruleId).map((f) => `${f.rule}「${f.excerpt}」`)).toEqual([]);
          });
        });
        describe('invalid', () => {
          it.each(invalid)('$text → $rule', ({ text, rule, category, excerpt, severity }) => {
            const result = checkers[mode]().check(text);
            expectSpans(text, result);
            // The rule's finding, or a combo of dictionaries/signals/ in the same category that marks the same place
            // (overlapping findings of one category collapse into one in the scorer, and the one naming its signals is kept).
            const at = text.indexOf(excerpt);
            const ownRule = new RegExp(`^${escapeRegExp(rule)}(?::|$|\\b)`);
            const match = result.findings.find(
              (f) =>
                f.category === category &&
                (severity === undefined || f.severity === severity) &&
                ((ownRule.test(f.rule) && f.excerpt.includes(excerpt)) || (f.rule.startsWith('signals:') && at >= 0 && f.start < at + excerpt.length && f.end > at)),
            );
            expect(match, JSON.stringify(result.findings.map((f) => [f.rule, f.category, f.severity, f.excerpt]))).toBeDefined();
          });
        });
        if (mode === 'tokenizer') {
          describe('paraphrase', () => {
            for (const c of table.invalid) {
              if (c.paraphrase === undefined) continue;
              const paraphrase = c.paraphrase;
              if (c.paraphraseTodo === true) {
                it.todo(`paraphrase not caught yet: ${paraphrase} (${c.category}; of ${c.text})`);
                continue;
              }
              it(`paraphrase of ${c.text}: ${paraphrase} → ${c.category}`, () => {
                const result = checkers.tokenizer().check(paraphrase);
                expectSpans(paraphrase, result);
                const hits = result.findings.filter((f) => f.category === c.category && severityRank(f.severity) >= severityRank('warn'));
                expect(
                  hits.length,
                  `no ${c.category} finding at warn or above; found: ${JSON.stringify(result.findings.map((f) => `${f.rule}/${f.category}/${f.severity}「${f.excerpt}」`))}`,
                ).toBeGreaterThan(0);
              });
            }
          });
        }
      });
    }
  });
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
