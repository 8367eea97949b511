/**
 * The signal index (issue #7, "rules as data"): every signal of dictionaries/signals/ compiled
 * once per checker. Terms and the stems of lemmas go into one Aho–Corasick automaton over the
 * folded key, so a check costs one linear pass whatever the number of signals; a stem hit is
 * confirmed against kuromoji's base form when the tokenizer is there (盗む matches 盗んだ, 盗みました,
 * not 盗難), and accepted as it is when not. Patterns run per sentence, for the few stances that
 * need grammar. The index knows nothing of categories: combos (rules/signals.ts) combine hits.
 */
import type { Signal, SignalBook } from '../dictionary/types.ts';
import type { RuleContext } from './context.ts';
import { keyOf } from './normalize.ts';
import { PatternMatcher } from './matcher.ts';

export interface SignalMatch {
  signal: string;
  label: string;
  from: number;
  to: number;
  /** The text that fired, for a reason a person can read. */
  text: string;
}

interface KeyPattern {
  signal: Signal;
  /** The base form a stem hit must be confirmed against (null for a plain term). */
  lemma: string | null;
  /** A stem shorter than two characters is accepted only when the tokenizer confirms it. */
  weak: boolean;
}

/** What a lemma looks like without its inflection: 盗む → 盗, 捨てる → 捨て, 運転する → 運転, 危ない → 危な. */
export function stemOf(lemma: string): string {
  if (lemma.endsWith('する') && lemma.length > 2) return lemma.slice(0, -2);
  const last = lemma.at(-1) ?? '';
  const prev = lemma.at(-2) ?? '';
  if (last === 'る' && /[いきしちにひみりぎじびぴえけせてねへめれげぜでべぺ]/u.test(prev) && lemma.length > 2) return lemma.slice(0, -1);
  if (/[うくすつぬふむるぐぶい]/u.test(last) && lemma.length > 1) return lemma.slice(0, -1);
  return lemma;
}

export class SignalIndex {
  readonly signals = new Map<string, Signal>();
  private readonly keyPatterns: KeyPattern[] = [];
  private readonly matcher: PatternMatcher;
  /** Per-sentence patterns; most can only match where one of their leading literals stands. */
  private readonly patterns: Array<{ signal: Signal; re: RegExp; prefiltered: boolean }> = [];
  private readonly literalKeys: string[] = [];
  private readonly literalOwner: number[] = [];
  private literalMatcher: PatternMatcher | null = null;
  private readonly notAfterKeys = new Map<string, string[]>();
  private readonly notBeforeKeys = new Map<string, string[]>();

  constructor(books: readonly SignalBook[]) {
    const keys: string[] = [];
    for (const book of books) {
      for (const s of book.signals) {
        this.signals.set(s.name, s);
        for (const term of s.terms) {
          const key = keyOf(term);
          if (key.length === 0) continue;
          keys.push(key);
          this.keyPatterns.push({ signal: s, lemma: null, weak: false });
        }
        for (const lemma of s.lemmas) {
          const key = keyOf(stemOf(lemma));
          if (key.length === 0) continue;
          keys.push(key);
          this.keyPatterns.push({ signal: s, lemma, weak: key.length < 2 });
        }
        for (const source of s.patterns) {
          const id = this.patterns.length;
          const literals = requiredLiterals(source);
          this.patterns.push({ signal: s, re: new RegExp(source, 'gu'), prefiltered: literals !== null });
          for (const l of literals ?? []) {
            this.literalKeys.push(l);
            this.literalOwner.push(id);
          }
        }
        if (s.notAfter.length > 0) this.notAfterKeys.set(s.name, s.notAfter.map(keyOf));
        if (s.notBefore.length > 0) this.notBeforeKeys.set(s.name, s.notBefore.map(keyOf));
      }
    }
    this.matcher = new PatternMatcher(keys);
    this.literalMatcher = new PatternMatcher(this.literalKeys);
  }

  /** Every signal hit in the text, in `plain` offsets. */
  scan(ctx: RuleContext): SignalMatch[] {
    const { key, keyToPlain, plain } = ctx.norm;
    const out: SignalMatch[] = [];
    const seen = new Set<string>();
    const push = (signal: Signal, from: number, to: number): void => {
      if (ctx.inUrl(from)) return;
      const id = `${signal.name}:${from}:${to}`;
      if (seen.has(id)) return;
      seen.add(id);
      out.push({ signal: signal.name, label: signal.label, from, to, text: plain.slice(from, to) });
    };
    for (const hit of this.matcher.findAll(key)) {
      const p = this.keyPatterns[hit.pattern] as KeyPattern;
      const from = keyToPlain[hit.from] as number;
      const last = keyToPlain[hit.to - 1] as number;
      let to = last + 1;
      if (to < plain.length && plain.charCodeAt(last) >= 0xd800 && plain.charCodeAt(last) <= 0xdbff) to++;
      if (this.negated(p.signal.name, key, hit.from, hit.to)) continue;
      if (p.lemma !== null) {
        const confirmed = confirmLemma(ctx, from, p.lemma);
        if (confirmed === false) continue;
        // Without the tokenizer a one-character stem counts only when inflection follows (盗ん, 盗み — not 盗難).
        if (confirmed === null && p.weak && !/^[ぁ-ゖ]/u.test(plain.slice(to, to + 1))) continue;
        if (confirmed !== null && confirmed !== true) {
          push(p.signal, Math.min(from, confirmed.from), Math.max(to, confirmed.to));
          continue;
        }
      }
      push(p.signal, from, to);
    }
    if (this.patterns.length > 0) {
      // One pass over the text finds which prefiltered patterns can match in which sentence.
      const sentences = ctx.sentences;
      const candidates = new Map<number, Set<number>>();
      for (const hit of (this.literalMatcher as PatternMatcher).findAll(plain)) {
        const sentence = ctx.sentenceIndexAt(hit.from);
        let set = candidates.get(sentence);
        if (set === undefined) candidates.set(sentence, (set = new Set()));
        set.add(this.literalOwner[hit.pattern] as number);
      }
      sentences.forEach((s, i) => {
        const possible = candidates.get(i);
        this.patterns.forEach((p, id) => {
          if (p.prefiltered && (possible === undefined || !possible.has(id))) return;
          const re = p.re;
          re.lastIndex = 0;
          let m: RegExpExecArray | null;
          while ((m = re.exec(s.text)) !== null) {
            if (m[0].length === 0) {
              re.lastIndex++;
              continue;
            }
            push(p.signal, s.from + m.index, s.from + m.index + m[0].length);
          }
        });
      });
    }
    return out.sort((a, b) => a.from - b.from || a.to - b.to);
  }

  private negated(name: string, key: string, from: number, to: number): boolean {
    const after = this.notAfterKeys.get(name);
    if (after !== undefined) {
      const tail = key.slice(to, to + 8);
      if (after.some((k) => tail.startsWith(k) || tail.slice(1).startsWith(k) || tail.slice(2).startsWith(k))) return true;
    }
    const before = this.notBeforeKeys.get(name);
    if (before !== undefined) {
      const head = key.slice(Math.max(0, from - 8), from);
      if (before.some((k) => head.endsWith(k) || head.slice(0, -1).endsWith(k))) return true;
    }
    return false;
  }
}

/**
 * Is the word at `from` a form of `lemma`? true/false from the tokenizer, or the token span when the
 * match is wider than the stem (盗ん|だ); null when there is no tokenizer to ask.
 */
function confirmLemma(ctx: RuleContext, from: number, lemma: string): boolean | null | { from: number; to: number } {
  const tokens = ctx.tokensAt(from);
  if (tokens === null) return null;
  const i = tokens.findIndex((t) => t.from <= from && from < t.to);
  if (i < 0) return false;
  const t = tokens[i]!;
  if (t.basic === lemma || t.surface === lemma) return { from: t.from, to: t.to };
  // サ変: 運転する is 運転 + する; a compound lemma may span two tokens (取り締まる → 取り + 締まる).
  if (lemma.endsWith('する') && t.surface === lemma.slice(0, -2)) return { from: t.from, to: t.to };
  const next = tokens[i + 1];
  if (next !== undefined && t.from === from && t.surface + next.basic === lemma) return { from: t.from, to: next.to };
  return false;
}

/**
 * Walks a regex source outside escapes and character classes, calling `visit` with each character
 * and the group depth before it; stops when `visit` returns true.
 */
function walk(src: string, from: number, visit: (c: string, i: number, depth: number) => boolean): void {
  let depth = 0;
  let inClass = false;
  for (let i = from; i < src.length; i++) {
    const c = src[i] as string;
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      continue;
    }
    if (visit(c, i, depth)) return;
    if (c === '(') depth++;
    else if (c === ')') depth--;
  }
}

/** Index of the parenthesis that closes the one at `open`, or -1. */
function closing(src: string, open: number): number {
  let at = -1;
  walk(src, open, (c, i, depth) => {
    if (c === ')' && depth === 1) at = i;
    return at >= 0;
  });
  return at;
}

/** Splits at `|` outside groups and classes. */
function alternatives(src: string): string[] {
  const out: string[] = [];
  let start = 0;
  walk(src, 0, (c, i, depth) => {
    if (c === '|' && depth === 0) {
      out.push(src.slice(start, i));
      start = i + 1;
    }
    return false;
  });
  out.push(src.slice(start));
  return out;
}

const META = new Set(['\\', '.', '[', ']', '(', ')', '|', '?', '*', '+', '{', '}', '^', '$']);

/**
 * Literal strings one of which every match of a pattern must contain, or null when none can be
 * told (the pattern is then run on every sentence). Assertions, classes, escapes and optional
 * parts are stepped over; the first literal run or mandatory group decides.
 */
export function requiredLiterals(source: string): string[] | null {
  const out: string[] = [];
  for (const alt of alternatives(source)) {
    // Of the mandatory parts, the one whose shortest literal is longest filters best (らし, not た).
    const sets = requiredParts(alt);
    if (sets.length === 0) return null;
    // A kanji counts as rarer than a kana; of equals, the part with fewer alternatives.
    const weight = (set: string[]): number => Math.min(...set.map((x) => x.length + (/[\u4e00-\u9fff]/u.test(x) ? 1 : 0))) * 100 - set.length;
    const best = sets.reduce((a, b) => (weight(b) > weight(a) ? b : a));
    out.push(...best);
  }
  return out;
}

function quantifierEnd(src: string, at: number): { end: number; optional: boolean } {
  const q = src[at];
  if (q === '?' || q === '*') return { end: at + 1 + (src[at + 1] === '?' ? 1 : 0), optional: true };
  if (q === '+') return { end: at + 1 + (src[at + 1] === '?' ? 1 : 0), optional: false };
  if (q === '{') {
    const close = src.indexOf('}', at);
    if (close < 0) return { end: at, optional: false };
    return { end: close + 1 + (src[close + 1] === '?' ? 1 : 0), optional: /^\{0/.test(src.slice(at)) };
  }
  return { end: at, optional: false };
}

function requiredParts(alt: string): string[][] {
  const parts: string[][] = [];
  let i = 0;
  while (i < alt.length) {
    const c = alt[i] as string;
    if (c === '^' || c === '$') {
      i++;
      continue;
    }
    if (c === '(') {
      const end = closing(alt, i);
      if (end < 0) return parts;
      const q = quantifierEnd(alt, end + 1);
      const head = alt.slice(i, i + 4);
      const assertion = /^\(\?<?[=!]/.test(head);
      if (!assertion && !q.optional) {
        const inner = alt.slice(i + (alt.startsWith('(?:', i) ? 3 : alt.startsWith('(?<', i) ? alt.indexOf('>', i) - i + 1 : 1), end);
        const nested = requiredLiterals(inner);
        if (nested !== null) parts.push(nested);
      }
      i = q.end;
      continue;
    }
    if (c === '[') {
      let j = i + 1;
      while (j < alt.length && alt[j] !== ']') j += alt[j] === '\\' ? 2 : 1;
      i = quantifierEnd(alt, j + 1).end;
      continue;
    }
    if (c === '\\') {
      let j = i + 2;
      if (/[pPu]/.test(alt[i + 1] ?? '') && alt[j] === '{') j = alt.indexOf('}', j) + 1;
      i = quantifierEnd(alt, j).end;
      continue;
    }
    if (c === '.' || c === '|' || c === ')') {
      i = quantifierEnd(alt, i + 1).end;
      continue;
    }
    let lit = '';
    let j = i;
    while (j < alt.length && !META.has(alt[j] as string)) lit += alt[j++];
    const q = quantifierEnd(alt, j);
    if (q.optional || (alt[j] === '{' && q.end > j)) {
      // The quantifier binds the last character only.
      const chars = Array.from(lit);
      const kept = chars.slice(0, -1).join('');
      if (kept !== '') parts.push([kept]);
      i = q.end;
      continue;
    }
    if (lit !== '') parts.push([lit]);
    i = j === i ? j + 1 : j;
  }
  return parts;
}
