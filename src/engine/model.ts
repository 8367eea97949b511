/**
 * The small learned component (issue #7 item 6): one linear classifier per category over the
 * character n-grams of a sentence's matching key (the same folding the terms get: width, kana,
 * case). Trained reproducibly by `npm run train` (scripts/train-model.ts) from the development
 * drafts in tests/drafts/ (MIT, written for this project); weights in dictionaries/model/.
 *
 * It reads the text only as n-grams: no tokenizer, no browser API, the same in every tier. A
 * finding it makes is explained by the span whose n-grams pushed the score most.
 */
import type { Category } from '../shared/types.ts';
import type { NormalizedText } from './normalize.ts';

/** Marks the start and end of a sentence, so that a sentence-final 〜らしい is its own feature. */
const BOS = '\u0002';
const EOS = '\u0003';

export interface ModelData {
  version: 1;
  /** What the weights were trained on, and their licence. */
  source: string;
  categories: Category[];
  /** The n-gram lengths read (1, 2, 3 …); 0 adds runs of one script, a crude word. */
  sizes: number[];
  /** The n-grams, joined with U+0001. */
  grams: string;
  /** Int8 weights, gram-major (grams × categories), base64. */
  weights: string;
  /** Per category: the factor that turns an int8 weight back into a logit contribution. */
  scale: number[];
  bias: number[];
  /** Per category: the logit at or above which a sentence is reported, or null where the model never reports. */
  thresholds: Array<number | null>;
}

/** Prefix of a script-run feature (size 0). */
const RUN = '\u0004';

/** Script of a character: 1 hiragana, 2 katakana (and ー), 3 kanji, 4 Latin letters and digits, 0 other. */
export function scriptOf(code: number): number {
  if (code >= 0x3041 && code <= 0x309f) return 1;
  if ((code >= 0x30a0 && code <= 0x30ff) || code === 0x30fc) return 2;
  if ((code >= 0x4e00 && code <= 0x9fff) || code === 0x3005) return 3;
  if ((code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return 4;
  return 0;
}

/** Runs of one script (a crude word: 外国人, ばっかり, ヤバい's ヤバ), up to 8 characters. */
function runsOf(key: string, each: (run: string, at: number) => void): void {
  let start = 0;
  for (let i = 1; i <= key.length; i++) {
    const prev = scriptOf(key.charCodeAt(i - 1));
    if (i < key.length && scriptOf(key.charCodeAt(i)) === prev) continue;
    if (prev !== 0 && i - start <= 8) each(key.slice(start, i), start);
    start = i;
  }
}

/** The n-grams of one piece of key text, each once, in order of first appearance, with where it starts. */
export function gramsOf(key: string, sizes: readonly number[], each: (gram: string, at: number) => void): void {
  const text = BOS + key + EOS;
  const seen = new Set<string>();
  for (const n of sizes) {
    if (n === 0) {
      runsOf(key, (run, at) => {
        const g = RUN + run;
        if (seen.has(g)) return;
        seen.add(g);
        each(g, at);
      });
      continue;
    }
    for (let i = 0; i + n <= text.length; i++) {
      const g = text.slice(i, i + n);
      if (seen.has(g)) continue;
      seen.add(g);
      // Offsets in `key`: the BOS mark is at -1.
      each(g, i - 1);
    }
  }
}

export interface ModelScore {
  category: Category;
  /** The logit (bias + sum of weights): ≥ the category's threshold is reported. */
  logit: number;
  /** Null: the model does not report this category (it did not beat the rules on held-out drafts). */
  threshold: number | null;
}

export class TextModel {
  readonly categories: readonly Category[];
  /** The categories it reports at all (a threshold that is not null). */
  readonly reported: readonly Category[];
  private readonly sizes: readonly number[];
  private readonly index = new Map<string, number>();
  private readonly w: Int8Array;
  private readonly scale: Float64Array;
  private readonly bias: Float64Array;
  private readonly thresholds: ReadonlyArray<number | null>;
  /** `seen[row] === stamp`: that n-gram was counted in the current `score` call. */
  private readonly seen: Uint32Array;
  private stamp = 0;

  constructor(data: ModelData) {
    if (data.version !== 1) throw new Error(`model: unknown version ${String(data.version)}`);
    this.categories = data.categories;
    if (!Array.isArray(data.sizes) || data.sizes.length === 0 || data.sizes.some((n) => !Number.isInteger(n) || n < 0 || n > 8)) throw new Error('model: sizes must list n-gram lengths from 1 to 8 (0: runs of one script)');
    this.sizes = data.sizes;
    const grams = data.grams === '' ? [] : data.grams.split('\u0001');
    grams.forEach((g, i) => this.index.set(g, i));
    this.w = decodeInt8(data.weights);
    const k = data.categories.length;
    if (this.w.length !== grams.length * k) throw new Error(`model: ${this.w.length} weights for ${grams.length} grams × ${k} categories`);
    for (const list of [data.scale, data.bias]) {
      if (list.length !== k || list.some((v) => !Number.isFinite(v))) throw new Error('model: scale and bias need one finite number per category');
    }
    if (data.thresholds.length !== k || data.thresholds.some((v) => v !== null && !Number.isFinite(v))) throw new Error('model: thresholds need one number or null per category');
    this.scale = Float64Array.from(data.scale);
    this.bias = Float64Array.from(data.bias);
    this.thresholds = [...data.thresholds];
    this.reported = data.categories.filter((_, c) => data.thresholds[c] !== null);
    this.seen = new Uint32Array(grams.length);
  }

  /** Logits of one sentence's key text, per category. */
  score(key: string): ModelScore[] {
    const k = this.categories.length;
    const sum = new Float64Array(k);
    // Each known n-gram counts once (as in training): marked by row, so no set of strings is built.
    const stamp = ++this.stamp;
    const add = (g: string): void => {
      const row = this.index.get(g);
      if (row === undefined || this.seen[row] === stamp) return;
      this.seen[row] = stamp;
      const base = row * k;
      for (let c = 0; c < k; c++) sum[c] = (sum[c] as number) + (this.w[base + c] as number);
    };
    const text = BOS + key + EOS;
    for (const n of this.sizes) {
      if (n === 0) runsOf(key, (run) => add(RUN + run));
      else for (let i = 0; i + n <= text.length; i++) add(text.slice(i, i + n));
    }
    return this.categories.map((category, c) => ({
      category,
      logit: (this.bias[c] as number) + (sum[c] as number) * (this.scale[c] as number),
      threshold: this.thresholds[c] ?? null,
    }));
  }

  /**
   * The span of `key` that drove the category's score: the shortest stretch holding the n-grams
   * that together give at least half of the positive weight (a sentence's few words, not all of it).
   */
  explain(key: string, category: Category): { from: number; to: number } {
    const c = this.categories.indexOf(category);
    const k = this.categories.length;
    const hits: Array<{ from: number; to: number; w: number }> = [];
    gramsOf(key, this.sizes, (g, at) => {
      const row = this.index.get(g);
      if (row === undefined || c < 0) return;
      const w = this.w[row * k + c] as number;
      if (w > 0) hits.push({ from: Math.max(0, at), to: Math.min(key.length, at + g.length), w });
    });
    if (hits.length === 0) return { from: 0, to: key.length };
    hits.sort((a, b) => b.w - a.w);
    const total = hits.reduce((s, h) => s + h.w, 0);
    let from = key.length;
    let to = 0;
    let got = 0;
    for (const h of hits) {
      from = Math.min(from, h.from);
      to = Math.max(to, h.to);
      got += h.w;
      if (got * 2 >= total) break;
    }
    return to > from ? { from, to } : { from: 0, to: key.length };
  }
}

function decodeInt8(base64: string): Int8Array {
  const bin = atob(base64);
  const out = new Int8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = (bin.charCodeAt(i) << 24) >> 24;
  return out;
}

/** The keys of a text's sentences (engine folding), for training and evaluation outside a check. */
export function sentenceKeysOf(norm: NormalizedText, sentences: ReadonlyArray<{ from: number; to: number }>): Array<{ key: string; keyFrom: number }> {
  return sentences.map((s) => {
    const a = lowerBound(norm.keyToPlain, s.from);
    const b = lowerBound(norm.keyToPlain, s.to);
    return { key: norm.key.slice(a, b), keyFrom: a };
  });
}

function lowerBound(list: Int32Array, value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
