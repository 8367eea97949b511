import { CATEGORIES, type CategorySettings, type CheckResult, type Platform } from '../shared/types.ts';
import type { Dictionary, SignalBook } from '../dictionary/types.ts';
import { BUILTIN_DICTIONARIES } from '../dictionary/builtin.ts';
import { BUILTIN_SIGNAL_BOOKS } from '../dictionary/builtin-signals.ts';
import { SignalIndex } from './signals.ts';
import type { TokenizerPort } from './tokenizer.ts';
import { Normalizer } from './normalize.ts';
import { RuleContext, TokenCache, type UrlRef } from './context.ts';
import { TermIndex } from './terms.ts';
import { RULES } from './registry.ts';
import { exceptedRanges, score, type Exception } from './scorer.ts';

export type { Exception } from './scorer.ts';
import { decideApproval } from './approval.ts';
import { exceptionDomain, extractUrls } from './urls.ts';

export interface CheckerOptions {
  /** Without a tokenizer the engine runs its dictionary-and-pattern tier and marks results `partial`. */
  tokenizer?: TokenizerPort | null;
  settings?: Partial<CategorySettings>;
  /** Extra term lists (a supervisor's own), in the same format as dictionaries/. */
  dictionaries?: Dictionary[];
  /** Signal books to use instead of the built-in dictionaries/signals/ (tests of the combiner). */
  signalBooks?: readonly SignalBook[];

  /**
   * What never to flag: a term or phrase (a plain string or kind `term`), or the city's own
   * `domain` (URLs and e-mail addresses on it), `phone` number (compared digit by digit) or
   * `address` (compared after width normalisation).
   */
  exceptions?: Array<string | Exception>;
}

export interface CheckOptions {
  platform?: Platform;
}

export interface Checker {
  check(text: string, options?: CheckOptions): CheckResult;
  setTokenizer(tokenizer: TokenizerPort | null): void;
}

/**
 * Defaults: every category may reach the severity its rules give, except the two whose signals
 * are inferences about intent (rumour, decision process), which warn at most; a supervisor can
 * raise them. A clean municipal post shows nothing under these defaults.
 */
export function defaultSettings(): CategorySettings {
  const s = {} as CategorySettings;
  for (const c of CATEGORIES) s[c] = { sensitivity: 'auto', threshold: 0.5 };
  s.rumour.sensitivity = 'warn';
  s.decision_process.sensitivity = 'warn';
  return s;
}

/** Texts longer than this are checked in their first part only, and the result says so. */
export const MAX_TEXT_LENGTH = 200_000;

export function createChecker(options: CheckerOptions = {}): Checker {
  let tokenizer: TokenizerPort | null = options.tokenizer ?? null;
  const settings: CategorySettings = { ...defaultSettings(), ...(options.settings ?? {}) };
  const index = new TermIndex([...BUILTIN_DICTIONARIES, ...(options.dictionaries ?? [])]);
  const cache = new TokenCache();
  // Re-checks after an edit re-normalise only the pieces of the text that changed (issue #10).
  const normalizer = new Normalizer();
  const books = options.signalBooks ?? BUILTIN_SIGNAL_BOOKS;
  const signalIndex = new SignalIndex(books);
  const combos = books.flatMap((b) => b.combos);

  const exceptions: Exception[] = (options.exceptions ?? [])
    .map((e): Exception => (typeof e === 'string' ? { kind: 'term', value: e } : e))
    .filter((e) => e.value.trim().length > 0);
  const cityDomains = exceptions.filter((e) => e.kind === 'domain').map((e) => exceptionDomain(e.value));

  return {
    setTokenizer(t) {
      tokenizer = t;
    },
    check(text: string): CheckResult {
      const input = text.length > MAX_TEXT_LENGTH ? text.slice(0, safeCut(text, MAX_TEXT_LENGTH)) : text;
      const norm = normalizer.normalize(input);
      const urls: UrlRef[] = extractUrls(norm.plain);
      const ctx = new RuleContext(norm, [], [], urls, tokenizer, cache, signalIndex, combos);
      ctx.excepted = exceptedRanges(input, exceptions);
      // Token boundaries for kana term hits, asked only when a hit touches kana of its own script.
      const scanned = index.scan(norm, (from, to) => ctx.isTokenBoundary(from, to), tokenizer !== null);
      ctx.termHits.push(...scanned.terms);
      ctx.signalHits.push(...scanned.signals);
      for (const rule of RULES) {
        ctx.current = { id: rule.id, category: rule.category, clause: rule.clause };
        rule.run(ctx);
      }
      const findings = score(ctx, settings, exceptions);
      const approval = decideApproval(ctx, findings, cityDomains);
      const verdict = findings.reduce<CheckResult['verdict']>((v, f) => (rank(f.severity) > rank(v) ? f.severity : v), 'ok');
      const categories = CATEGORIES.filter((c) => findings.some((f) => f.category === c && (f.severity === 'warn' || f.severity === 'block')));
      return {
        verdict,
        needs_approval: approval.needsApproval,
        exemption: approval.exemption,
        approval: approval.evidence,
        categories,
        findings,
        partial: tokenizer === null || input.length !== text.length,
      };
    },
  };
}

function rank(v: CheckResult['verdict']): number {
  return v === 'ok' ? 0 : v === 'info' ? 1 : v === 'warn' ? 2 : 3;
}

function safeCut(text: string, at: number): number {
  const code = text.charCodeAt(at - 1);
  return code >= 0xd800 && code <= 0xdbff ? at - 1 : at;
}
