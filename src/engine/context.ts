/**
 * What a rule sees: the normalised text, its sentences, term hits, signal hits, URLs and tokens
 * (lazily, per sentence, cached across checks), and one way out: `report`. Rules never read
 * settings (cf. textlint: a rule only reports; the scorer filters).
 */
import type { Category, Severity } from '../shared/types.ts';
import type { SignalRoles } from './rules/signals.ts';
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
  /** A word-for-word rewrite of the span (Finding.replacement), where the rule can compute one. */
  replacement?: string;
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

/** 。！？!? and a line break end a sentence. */
function isSentenceEnd(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f || c === 0x0a;
}
/** What still belongs to the sentence after its end: more ends, closing brackets, line breaks. */
function isSentenceTail(c: number): boolean {
  return isSentenceEnd(c) || c === 0x300d || c === 0x300f || c === 0xff09 || c === 0x29;
}
/** Where a long sentence may be cut: 、 , space ） ). */
function isSoftCut(c: number): boolean {
  return c === 0x3001 || c === 0x2c || c === 0x20 || c === 0xff09 || c === 0x29;
}

export function splitSentences(plain: string): Sentence[] {
  const out: Sentence[] = [];
  let from = 0;
  const push = (a: number, b: number): void => {
    // Bound the length a tokenizer call sees: split long runs at 、 or a space, else hard.
    let s = a;
    while (b - s > MAX_TOKENIZE) {
      let cut = -1;
      for (let k = s + MAX_TOKENIZE; k > s + MAX_TOKENIZE / 2; k--) {
        if (isSoftCut(plain.charCodeAt(k - 1))) {
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
  const n = plain.length;
  for (let i = 0; i < n; i++) {
    if (isSentenceEnd(plain.charCodeAt(i))) {
      let end = i + 1;
      while (end < n && isSentenceTail(plain.charCodeAt(end))) end++;
      push(from, end);
      from = end;
      i = end - 1;
    }
  }
  if (from < n) push(from, n);
  return out;
}

/**
 * A small LRU of tokenize results keyed by the sentence text: re-checks after an edit re-tokenize
 * one sentence. Each entry also keeps the tokens placed at the offset the sentence last stood at,
 * so a sentence that did not move is not placed again.
 */
export class TokenCache {
  private readonly map = new Map<string, TokenEntry>();
  constructor(private readonly capacity = 2000) {}
  get(tokenizer: TokenizerPort, text: string): Token[] {
    return this.entry(tokenizer, text).tokens;
  }
  /** The tokens of `text` with offsets in `plain`, for a sentence that starts at `from`. */
  placed(tokenizer: TokenizerPort, text: string, from: number): PlainToken[] {
    const entry = this.entry(tokenizer, text);
    if (entry.placedAt !== from || entry.placed === null) {
      const tokens = entry.tokens;
      const placed = new Array<PlainToken>(tokens.length);
      for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i] as Token;
        placed[i] = {
          surface: t.surface,
          pos: t.pos,
          pos1: t.pos1,
          pos2: t.pos2,
          conjugatedForm: t.conjugatedForm,
          basic: t.basic,
          start: t.start,
          from: from + t.start,
          to: from + t.start + t.surface.length,
        };
      }
      entry.placed = placed;
      entry.placedAt = from;
    }
    return entry.placed;
  }
  private entry(tokenizer: TokenizerPort, text: string): TokenEntry {
    const hit = this.map.get(text);
    if (hit !== undefined) {
      this.map.delete(text);
      this.map.set(text, hit);
      return hit;
    }
    const entry: TokenEntry = { tokens: tokenizer.tokenize(text), placedAt: -1, placed: null };
    this.map.set(text, entry);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as string);
    return entry;
  }
}

interface TokenEntry {
  tokens: Token[];
  placedAt: number;
  placed: PlainToken[] | null;
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
  private readonly sentenceTokenMemo = new Map<number, { from: number; tokens: readonly Token[] }>();
  readonly findings: RawFinding[] = [];
  current: { id: string; category: Category; clause: string } = { id: '', category: 'insult', clause: '' };
  /** Ranges of the original text a supervisor's term exceptions cover: signals inside them do not fire. */
  excepted: Array<[number, number]> = [];
  /** The signal hits the combos read, with what each is to the combos of each category (filled by the signals rule, read by the model rule). */
  comboSignals: Array<{ signal: string; from: number; to: number; roles: SignalRoles }> = [];

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
    const tokens = this.cache.placed(this.tokenizer, sentence.text, sentence.from);
    this.tokenMemo.set(sentence.from, tokens);
    return tokens;
  }

  /**
   * This context as seen by a caller that needs tokens only in some sentences: `tokens(s)` is
   * empty for the others, which are then never tokenized. Everything else is this context.
   */
  withTokensOnlyIn(keep: (sentenceIndex: number) => boolean): RuleContext {
    const view = Object.create(this) as RuleContext;
    view.tokens = (sentence: Sentence): PlainToken[] | null => (this.tokenizer === null ? null : keep(this.sentenceIndexAt(sentence.from)) ? this.tokens(sentence) : []);
    return view;
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

  /**
   * The tokens of the sentence holding a `plain` offset with offsets relative to the sentence, and
   * where the sentence starts; null without a tokenizer. For callers that only compare offsets:
   * nothing is placed, so a sentence that moved after an edit costs no new tokens.
   */
  sentenceTokensAt(index: number): { from: number; tokens: readonly Token[] } | null {
    if (this.tokenizer === null) return null;
    const s = this.sentenceAt(index);
    let memo = this.sentenceTokenMemo.get(s.from);
    if (memo === undefined) this.sentenceTokenMemo.set(s.from, (memo = { from: s.from, tokens: this.cache.get(this.tokenizer, s.text) }));
    return memo;
  }

  /**
   * Whether the tokenizer puts a word boundary at `from` and at `to` (`plain` offsets in one
   * sentence); false without a tokenizer. Used by the term index and the signal matcher to tell a
   * kana word from a piece of a longer one.
   */
  isTokenBoundary(from: number, to: number): boolean {
    const at = this.sentenceTokensAt(from);
    if (at === null) return false;
    const a = from - at.from;
    const b = to - at.from;
    return at.tokens.some((t) => t.start === a) && at.tokens.some((t) => t.start + t.surface.length === b);
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
  /** For each offset of `plain`, the index in `quoteRanges` of the innermost quote holding it, or -1. */
  private innermostQuote: Int32Array | null = null;

  /** Is `index` inside 「」 or 『』 (or "…")? Returns the quote's range in plain. Quotes are found once per check. */
  quoteAround(index: number): { from: number; to: number } | null {
    if (this.quoteRanges === null) this.findQuotes();
    const ranges = this.quoteRanges as Array<{ from: number; to: number }>;
    if (ranges.length === 0 || index < 0 || index >= this.plain.length) return null;
    const at = (this.innermostQuote as Int32Array)[index] as number;
    return at < 0 ? null : (ranges[at] as { from: number; to: number });
  }

  private findQuotes(): void {
    const plain = this.plain;
    const n = plain.length;
    const ranges: Array<{ from: number; to: number }> = [];
    // 「」『』“” nest: a closer closes the innermost opener when it is its pair.
    const stack: Array<{ close: number; at: number }> = [];
    for (let i = 0; i < n; i++) {
      const c = plain.charCodeAt(i);
      const close = c === 0x300c ? 0x300d : c === 0x300e ? 0x300f : c === 0x201c ? 0x201d : -1;
      if (close >= 0) stack.push({ close, at: i });
      else if (stack.length > 0 && (stack[stack.length - 1] as { close: number }).close === c) {
        ranges.push({ from: (stack.pop() as { at: number }).at, to: i + 1 });
      }
    }
    // Straight double quotes pair up in order.
    let open = -1;
    for (let i = 0; i < n; i++) {
      if (plain.charCodeAt(i) !== 0x22) continue;
      if (open < 0) open = i;
      else {
        ranges.push({ from: open, to: i + 1 });
        open = -1;
      }
    }
    ranges.sort((a, b) => a.from - b.from);
    this.quoteRanges = ranges;
    if (ranges.length === 0) return;
    // The innermost quote at an offset is the one opened last among those still open there: a
    // sweep with a stack of opened quotes, dropping the ones that have closed (each once).
    const innermost = new Int32Array(n).fill(-1);
    const openNow: number[] = [];
    let next = 0;
    for (let i = 0; i < n; i++) {
      while (next < ranges.length && (ranges[next] as { from: number }).from <= i) openNow.push(next++);
      while (openNow.length > 0 && (ranges[openNow[openNow.length - 1] as number] as { to: number }).to <= i) openNow.pop();
      if (openNow.length > 0) innermost[i] = openNow[openNow.length - 1] as number;
    }
    this.innermostQuote = innermost;
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
