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
import type { Token } from './tokenizer.ts';
import { isHiragana, isKatakana, keyOf, normalize } from './normalize.ts';
import { PatternMatcher } from './matcher.ts';
import { prefilterLiterals } from './prefilter.ts';

export { requiredLiterals } from './prefilter.ts';

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
  /**
   * A katakana term of at most three letters (タダ, ニギリ, シェア): inside a longer run of kana (ただ in
   * いただいた, シェア in インドネシア) it counts only where the tokenizer puts a word boundary on both sides.
   */
  shortKana?: boolean;
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

/** Work a SignalIndex did, for the tests that count work (never time). */
export interface SignalWork {
  /** Sentences whose patterns were run (the others came from the cache). */
  sentencesScanned: number;
  /** Pattern regexes run on a sentence. */
  regexRuns: number;
  /** Lemma hits confirmed against the tokenizer's base forms (or, without it, their stems). */
  lemmasConfirmed: number;
}

/** How many sentences' pattern hits a SignalIndex keeps (a long post has a few hundred). */
const SENTENCE_CACHE = 4000;

export class SignalIndex {
  readonly signals = new Map<string, Signal>();
  readonly work: SignalWork = { sentencesScanned: 0, regexRuns: 0, lemmasConfirmed: 0 };
  private readonly keyPatterns: KeyPattern[] = [];
  private readonly matcher: PatternMatcher;
  /** Per-sentence patterns; most can only match where one of their leading literals stands. */
  private readonly patterns: Array<{ signal: Signal; re: RegExp }> = [];
  /** Patterns no literal can prefilter: run on every sentence. */
  private readonly unfiltered: number[] = [];
  private readonly literalOwner: number[] = [];
  private readonly literalMatcher: PatternMatcher;
  /** Which patterns a sentence's literals allow: `stamp` where allowed for the sentence being scanned. */
  private readonly candidateMarks: Uint32Array;
  private stamp = 0;
  /** Pattern hits per sentence text, as (pattern, from, to) triples relative to the sentence: a re-check runs the patterns of the changed sentences only. */
  private readonly sentenceHits = new Map<string, Int32Array>();
  /** The sentences of the last text scanned, with their pattern hits. */
  private lastSentences: Array<{ text: string; hits: Int32Array }> = [];
  private readonly notAfterKeys = new Map<string, string[]>();
  private readonly notBeforeKeys = new Map<string, string[]>();

  constructor(books: readonly SignalBook[]) {
    const keys: string[] = [];
    const literalKeys: string[] = [];
    for (const book of books) {
      for (const s of book.signals) {
        this.signals.set(s.name, s);
        for (const term of s.terms) {
          const key = keyOf(term);
          if (key.length === 0) continue;
          keys.push(key);
          this.keyPatterns.push({ signal: s, lemma: null, weak: false, shortKana: key.length <= 3 && /^(?:[\u30a1-\u30fc]+|[\u3041-\u3096]+)$/u.test(term) });
        }
        for (const lemma of s.lemmas) {
          const key = keyOf(stemOf(lemma));
          if (key.length === 0) continue;
          keys.push(key);
          this.keyPatterns.push({ signal: s, lemma, weak: key.length < 2 });
        }
        for (const source of s.patterns) {
          const id = this.patterns.length;
          const literals = prefilterLiterals(source);
          this.patterns.push({ signal: s, re: new RegExp(source, 'gu') });
          if (literals === null) this.unfiltered.push(id);
          for (const l of literals ?? []) {
            literalKeys.push(l);
            this.literalOwner.push(id);
          }
        }
        if (s.notAfter.length > 0) this.notAfterKeys.set(s.name, s.notAfter.map(keyOf));
        if (s.notBefore.length > 0) this.notBeforeKeys.set(s.name, s.notBefore.map(keyOf));
      }
    }
    this.matcher = new PatternMatcher(keys);
    this.literalMatcher = new PatternMatcher(literalKeys);
    this.candidateMarks = new Uint32Array(this.patterns.length);
  }

  /**
   * Every signal hit in the text, in `plain` offsets. `live`, given the names of the signals found
   * before any lemma is confirmed, may say which of them can still matter: a lemma hit of another
   * signal is then dropped without asking the tokenizer (a combo with a group none of whose
   * signals stands anywhere in the post cannot fire, whatever its other groups hold).
   */
  scan(ctx: RuleContext, live?: (found: ReadonlySet<string>) => ReadonlySet<string> | null): SignalMatch[] {
    const { key, keyToPlain, plain } = ctx.norm;
    const out: SignalMatch[] = [];
    const noUrls = ctx.urls.length === 0;
    const push = (signal: Signal, from: number, to: number): void => {
      if (!noUrls && ctx.inUrl(from)) return;
      out.push({ signal: signal.name, label: signal.label, from, to, text: plain.slice(from, to) });
    };
    const found = new Set<string>();
    // Term and stem hits on the key, the lemmas not yet confirmed.
    const keyHits: number[] = [];
    this.matcher.forEachMatch(key, (pattern, keyFrom, keyTo) => {
      const p = this.keyPatterns[pattern] as KeyPattern;
      if (this.negated(p.signal.name, key, keyFrom, keyTo)) return;
      keyHits.push(pattern, keyFrom, keyTo);
      found.add(p.signal.name);
    });
    // Pattern hits per sentence; a re-check after an edit finds most sentences where they were, or as far from the end as they were.
    const patternHits: number[] = [];
    if (this.patterns.length > 0) {
      const before = this.lastSentences;
      const sentences = ctx.sentences;
      const shift = sentences.length - before.length;
      const now: Array<{ text: string; hits: Int32Array }> = [];
      sentences.forEach((s, i) => {
        const same = before[i]?.text === s.text ? before[i] : before[i - shift]?.text === s.text ? before[i - shift] : undefined;
        const hits = same !== undefined ? same.hits : this.patternHits(s.text);
        now.push(same ?? { text: s.text, hits });
        for (let k = 0; k < hits.length; k += 3) {
          const id = hits[k] as number;
          const from = s.from + (hits[k + 1] as number);
          const to = s.from + (hits[k + 2] as number);
          const name = (this.patterns[id] as { signal: Signal }).signal.name;
          // notAfter / notBefore hold for pattern hits too (素晴らしい is no hearsay らしい).
          if (this.negatedInPlain(name, plain, from, to)) continue;
          patternHits.push(id, from, to);
          found.add(name);
        }
      });
      this.lastSentences = now;
    }
    const wanted = live?.(found) ?? null;
    for (let k = 0; k < keyHits.length; k += 3) {
      const p = this.keyPatterns[keyHits[k] as number] as KeyPattern;
      const keyFrom = keyHits[k + 1] as number;
      const keyTo = keyHits[k + 2] as number;
      const from = keyToPlain[keyFrom] as number;
      const last = keyToPlain[keyTo - 1] as number;
      let to = last + 1;
      if (to < plain.length && plain.charCodeAt(last) >= 0xd800 && plain.charCodeAt(last) <= 0xdbff) to++;
      if (p.lemma !== null) {
        if (wanted !== null && !wanted.has(p.signal.name)) continue;
        this.work.lemmasConfirmed++;
        const confirmed = confirmLemma(ctx, from, p.lemma);
        if (confirmed === false) continue;
        // Without the tokenizer a one-character stem counts only when inflection follows (盗ん, 盗み — not 盗難).
        if (confirmed === null && p.weak && !isHiraganaAt(plain, to)) continue;
        if (confirmed !== null) {
          push(p.signal, Math.min(from, confirmed.from), Math.max(to, confirmed.to));
          continue;
        }
      }
      if (p.shortKana === true && !kanaWordAt(ctx, plain, from, to)) continue;
      push(p.signal, from, to);
    }
    for (let k = 0; k < patternHits.length; k += 3) push((this.patterns[patternHits[k] as number] as { signal: Signal }).signal, patternHits[k + 1] as number, patternHits[k + 2] as number);
    return withoutRepeats(out.sort((a, b) => a.from - b.from || a.to - b.to));
  }

  /** The pattern hits of one sentence, by pattern and then by position; cached by the sentence's text. */
  private patternHits(text: string): Int32Array {
    const cached = this.sentenceHits.get(text);
    if (cached !== undefined) {
      this.sentenceHits.delete(text);
      this.sentenceHits.set(text, cached);
      return cached;
    }
    this.work.sentencesScanned++;
    // One pass over the sentence finds which prefiltered patterns can match in it.
    const marks = this.candidateMarks;
    if (this.stamp === 0xffffffff) {
      marks.fill(0);
      this.stamp = 0;
    }
    const stamp = ++this.stamp;
    let candidates = 0;
    for (const id of this.unfiltered) {
      marks[id] = stamp;
      candidates++;
    }
    this.literalMatcher.forEachMatch(text, (literal) => {
      const id = this.literalOwner[literal] as number;
      if (marks[id] !== stamp) {
        marks[id] = stamp;
        candidates++;
      }
    });
    const found: number[] = [];
    for (let id = 0; candidates > 0 && id < this.patterns.length; id++) {
      if (marks[id] !== stamp) continue;
      candidates--;
      this.work.regexRuns++;
      const re = (this.patterns[id] as { re: RegExp }).re;
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text)) !== null) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        found.push(id, m.index, m.index + m[0].length);
      }
    }
    const hits = Int32Array.from(found);
    this.sentenceHits.set(text, hits);
    if (this.sentenceHits.size > SENTENCE_CACHE) this.sentenceHits.delete(this.sentenceHits.keys().next().value as string);
    return hits;
  }

  /** `negated` for a hit found in `plain` (a pattern's): its neighbours folded as keys are. */
  private negatedInPlain(name: string, plain: string, from: number, to: number): boolean {
    if (!this.notAfterKeys.has(name) && !this.notBeforeKeys.has(name)) return false;
    const head = normalize(plain.slice(Math.max(0, from - 8), from)).key;
    const tail = normalize(plain.slice(to, to + 8)).key;
    return this.negated(name, head + '\u0000' + tail, head.length, head.length + 1);
  }

  /** A notAfter form within the next eight key characters (at most two in), or a notBefore form ending at most one before. */
  private negated(name: string, key: string, from: number, to: number): boolean {
    const after = this.notAfterKeys.get(name);
    if (after !== undefined) {
      const tail = key.slice(to, to + 8);
      for (const k of after) if (tail.startsWith(k) || tail.startsWith(k, 1) || tail.startsWith(k, 2)) return true;
    }
    const before = this.notBeforeKeys.get(name);
    if (before !== undefined) {
      const head = key.slice(Math.max(0, from - 8), from);
      const end = Math.max(0, head.length - 1);
      for (const k of before) if (head.endsWith(k) || head.endsWith(k, end)) return true;
    }
    return false;
  }
}

/**
 * A signal found twice at one span (two of its forms, or a form and a pattern) counts once: the
 * first found stays, and a stable sort has already put it first among hits of that span.
 */
function withoutRepeats(sorted: SignalMatch[]): SignalMatch[] {
  let kept = 0;
  for (let i = 0; i < sorted.length; i++) {
    const h = sorted[i] as SignalMatch;
    let repeat = false;
    for (let j = kept - 1; j >= 0; j--) {
      const k = sorted[j] as SignalMatch;
      if (k.from !== h.from || k.to !== h.to) break;
      if (k.signal === h.signal) {
        repeat = true;
        break;
      }
    }
    if (!repeat) sorted[kept++] = h;
  }
  sorted.length = kept;
  return sorted;
}

/** Hiragana or katakana (with ー), the scripts a short kana term can be buried in. */
function kanaScript(ch: string): 'h' | 'k' | null {
  return isHiragana(ch) ? 'h' : isKatakana(ch) ? 'k' : null;
}

/** A short kana hit is a word of its own: no same-script letter joins it, or the tokenizer cuts there. */
function kanaWordAt(ctx: RuleContext, plain: string, from: number, to: number): boolean {
  const joins = (a: string, b: string) => a !== '' && kanaScript(a) !== null && kanaScript(a) === kanaScript(b);
  const left = from > 0 && joins(plain[from - 1] as string, plain[from] as string);
  // サーバ in サーバー is the same word with its long vowel written out: ー alone does not join.
  const next = plain[to] === 'ー' ? to + 1 : to;
  const right = joins(plain[next] ?? '', plain[to - 1] as string);
  return (!left && !right) || ctx.isTokenBoundary(from, to);
}

/** Is the character at `i` hiragana (ぁ-ゖ)? */
function isHiraganaAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0x3041 && c <= 0x3096;
}

/**
 * Is the word at `from` a form of `lemma`? true/false from the tokenizer, or the token span when the
 * match is wider than the stem (盗ん|だ); null when there is no tokenizer to ask.
 */
function confirmLemma(ctx: RuleContext, from: number, lemma: string): false | null | { from: number; to: number } {
  const at = ctx.sentenceTokensAt(from);
  if (at === null) return null;
  const tokens = at.tokens;
  const rel = from - at.from;
  const i = tokens.findIndex((t) => t.start <= rel && rel < t.start + t.surface.length);
  if (i < 0) return false;
  const t = tokens[i]!;
  const span = (first: Token, last: Token): { from: number; to: number } => ({ from: at.from + first.start, to: at.from + last.start + last.surface.length });
  if (t.basic === lemma || t.surface === lemma) return span(t, t);
  // サ変: 運転する is 運転 + する; a compound lemma may span two tokens (取り締まる → 取り + 締まる).
  const next = tokens[i + 1];
  // …but not as the head of a longer noun: 審議会, 運転免許 are no 審議する, 運転する.
  if (lemma.endsWith('する') && t.surface === lemma.slice(0, -2)) return next !== undefined && next.pos === '名詞' ? false : span(t, t);
  if (next !== undefined && t.start === rel && t.surface + next.basic === lemma) return span(t, next);
  return false;
}
