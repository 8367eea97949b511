/**
 * What a rule sees: the normalised text, its sentences, term hits, signal hits, URLs and tokens
 * (lazily, per sentence, cached across checks), and one way out: `report`. Rules never read
 * settings (cf. textlint: a rule only reports; the scorer filters).
 */
import type { Category, Severity } from '../shared/types.ts';
import type { Dictionary, DictionaryEntry } from '../dictionary/types.ts';
import { plainSpanToOriginal, type NormalizedText } from './normalize.ts';
import type { Token, TokenizerPort } from './tokenizer.ts';
import type { Combo } from '../dictionary/types.ts';
import type { SignalIndex } from './signals.ts';

/** A sentence, or a piece of a long one, as a half-open range of `plain`. */
export interface Sentence {
  from: number;
  to: number;
  text: string;
}

export interface TermHit {
  entry: DictionaryEntry;
  /** The list the entry came from (its message and suggestion are the entry's defaults). */
  list: Dictionary;
  from: number;
  to: number;
  /** True when the hit matched only through a mask character (N7). */
  masked: boolean;
}

export interface SignalHit {
  signal: string;
  term: string;
  from: number;
  to: number;
}

export interface UrlRef {
  url: string;
  host: string;
  from: number;
  to: number;
}

/** A rule's report, in `plain` offsets; the engine maps it to the original text. */
export interface Report {
  from: number;
  to: number;
  severity: Severity;
  message: string;
  suggestion?: string | null;
  /** Defaults to the rule's category and clause. */
  category?: Category;
  clause?: string;
  /** Defaults to 0.9. */
  confidence?: number;
  /** Appended to the rule id (`insult/terms:insult.baka`). */
  detail?: string;
  /** The signals that fired, in order (薬物, 容認): why, in a word each. */
  signals?: string[];
}

export interface RawFinding extends Report {
  rule: string;
  category: Category;
  clause: string;
  confidence: number;
  suggestion: string | null;
}

/** Longest piece of text the tokenizer is ever given: kuromoji's lattice grows with sentence length. */
export const MAX_TOKENIZE = 120;
const SENTENCE_END = /[。！？!?\n]/;

export function splitSentences(plain: string): Sentence[] {
  const out: Sentence[] = [];
  let from = 0;
  const push = (a: number, b: number): void => {
    // Bound the length a tokenizer call sees: split long runs at 、 or a space, else hard.
    let s = a;
    while (b - s > MAX_TOKENIZE) {
      let cut = -1;
      for (let k = s + MAX_TOKENIZE; k > s + MAX_TOKENIZE / 2; k--) {
        const c = plain[k - 1];
        if (c === '、' || c === ',' || c === ' ' || c === '）' || c === ')') {
          cut = k;
          break;
        }
      }
      if (cut < 0) {
        cut = s + MAX_TOKENIZE;
        // Never cut a surrogate pair.
        const code = plain.charCodeAt(cut - 1);
        if (code >= 0xd800 && code <= 0xdbff) cut++;
      }
      out.push({ from: s, to: cut, text: plain.slice(s, cut) });
      s = cut;
    }
    if (b > s) out.push({ from: s, to: b, text: plain.slice(s, b) });
  };
  for (let i = 0; i < plain.length; i++) {
    if (SENTENCE_END.test(plain[i] as string)) {
      let end = i + 1;
      while (end < plain.length && /[。！？!?」』）)\n]/.test(plain[end] as string)) end++;
      push(from, end);
      from = end;
      i = end - 1;
    }
  }
  if (from < plain.length) push(from, plain.length);
  return out;
}

/** A small LRU of tokenize results keyed by the sentence text: re-checks after an edit re-tokenize one sentence. */
export class TokenCache {
  private readonly map = new Map<string, Token[]>();
  constructor(private readonly capacity = 2000) {}
  get(tokenizer: TokenizerPort, text: string): Token[] {
    const hit = this.map.get(text);
    if (hit !== undefined) {
      this.map.delete(text);
      this.map.set(text, hit);
      return hit;
    }
    const tokens = tokenizer.tokenize(text);
    this.map.set(text, tokens);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as string);
    return tokens;
  }
}

export interface PlainToken extends Token {
  /** Offset in `plain`. */
  from: number;
  to: number;
}

export class RuleContext {
  readonly plain: string;
  readonly sentences: Sentence[];
  private readonly tokenMemo = new Map<number, PlainToken[]>();
  readonly findings: RawFinding[] = [];
  current: { id: string; category: Category; clause: string } = { id: '', category: 'insult', clause: '' };
  /** Ranges of the original text a supervisor's term exceptions cover: signals inside them do not fire. */
  excepted: Array<[number, number]> = [];

  constructor(
    readonly norm: NormalizedText,
    readonly termHits: TermHit[],
    readonly signalHits: SignalHit[],
    readonly urls: UrlRef[],
    private readonly tokenizer: TokenizerPort | null,
    private readonly cache: TokenCache,
    readonly signalIndex: SignalIndex | null = null,
    readonly combos: readonly Combo[] = [],
  ) {
    this.plain = norm.plain;
    this.sentences = splitSentences(norm.plain);
  }

  get hasTokenizer(): boolean {
    return this.tokenizer !== null;
  }

  /** Tokens of one sentence with offsets in `plain`; null without a tokenizer. */
  tokens(sentence: Sentence): PlainToken[] | null {
    if (this.tokenizer === null) return null;
    const memo = this.tokenMemo.get(sentence.from);
    if (memo !== undefined) return memo;
    const tokens = this.cache.get(this.tokenizer, sentence.text).map((t) => ({ ...t, from: sentence.from + t.start, to: sentence.from + t.start + t.surface.length }));
    this.tokenMemo.set(sentence.from, tokens);
    return tokens;
  }

  /** The position in `sentences` of the sentence holding a `plain` offset (the last one past the end). */
  sentenceIndexAt(index: number): number {
    const list = this.sentences;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = list[mid] as Sentence;
      if (index < s.from) hi = mid - 1;
      else if (index >= s.to) lo = mid + 1;
      else return mid;
    }
    return Math.max(0, list.length - 1);
  }

  sentenceAt(index: number): Sentence {
    return this.sentences[this.sentenceIndexAt(index)] ?? { from: 0, to: 0, text: '' };
  }

  /** Tokens around a `plain` offset (the sentence that holds it). */
  tokensAt(index: number): PlainToken[] | null {
    return this.tokens(this.sentenceAt(index));
  }

  signals(name: string): SignalHit[] {
    return this.signalHits.filter((h) => h.signal === name);
  }


  /** Every match of a global regex in `plain`. */
  matches(re: RegExp, from = 0, to = this.plain.length): RegExpExecArray[] {
    if (!re.global) throw new Error(`rule regex must be global: ${re}`);
    const out: RegExpExecArray[] = [];
    const slice = from === 0 && to === this.plain.length ? this.plain : this.plain.slice(from, to);
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(slice)) !== null) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      if (from !== 0) m.index += from;
      out.push(m);
    }
    return out;
  }

  private quoteRanges: Array<{ from: number; to: number }> | null = null;

  /** Is `index` inside 「」 or 『』 (or "…")? Returns the quote's range in plain. Quotes are found once per check. */
  quoteAround(index: number): { from: number; to: number } | null {
    if (this.quoteRanges === null) {
      const ranges: Array<{ from: number; to: number }> = [];
      const pairs: Record<string, string> = { '「': '」', '『': '』', '“': '”' };
      const stack: Array<{ open: string; at: number }> = [];
      for (let i = 0; i < this.plain.length; i++) {
        const c = this.plain[i] as string;
        if (pairs[c] !== undefined) stack.push({ open: c, at: i });
        else {
          const top = stack[stack.length - 1];
          if (top !== undefined && pairs[top.open] === c) {
            stack.pop();
            ranges.push({ from: top.at, to: i + 1 });
          }
        }
      }
      // Straight double quotes pair up in order.
      let open = -1;
      for (let i = 0; i < this.plain.length; i++) {
        if (this.plain[i] !== '"') continue;
        if (open < 0) open = i;
        else {
          ranges.push({ from: open, to: i + 1 });
          open = -1;
        }
      }
      this.quoteRanges = ranges.sort((a, b) => a.from - b.from);
    }
    // The innermost quote holding the index (quotes are short; a linear pass over those starting before it is fine).
    let best: { from: number; to: number } | null = null;
    for (const r of this.quoteRanges) {
      if (r.from > index) break;
      if (index < r.to && (best === null || r.from >= best.from)) best = r;
    }
    return best;
  }

  /** Is `index` inside a URL? Patterns for prose never look inside a link. */
  inUrl(index: number): boolean {
    return this.urls.some((u) => index >= u.from && index < u.to);
  }

  report(r: Report): void {
    const finding: RawFinding = {
      ...r,
      rule: r.detail !== undefined ? `${this.current.id}:${r.detail}` : this.current.id,
      category: r.category ?? this.current.category,
      clause: r.clause ?? this.current.clause,
      confidence: r.confidence ?? 0.9,
      suggestion: r.suggestion ?? null,
    };
    this.findings.push(finding);
  }

  toOriginal(from: number, to: number): { start: number; end: number } {
    return plainSpanToOriginal(this.norm, from, to);
  }
}

/** Does one of the excepted ranges hold the whole span? */
export function isCovered(covered: ReadonlyArray<[number, number]>, start: number, end: number): boolean {
  return covered.some(([a, b]) => a <= start && end <= b);
}

export interface Rule {
  /** Stable id, `<category>/<name>`; the file name under rules/. Persisted in audit logs. */
  id: string;
  category: Category;
  clause: string;
  /** Japanese, one line: what the rule looks for. */
  description: string;
  /** False when the rule is useless without tokens (reported as a partial check). */
  needsTokenizer?: boolean;
  run(ctx: RuleContext): void;
}
