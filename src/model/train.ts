/**
 * Trains the engine's small learned component (src/engine/model.ts): one logistic regression per
 * category over binary character n-grams, fitted with AdaGrad in a fixed order (a seeded shuffle),
 * so the same data gives the same weights on every machine. Pure: the caller reads the files.
 *
 * Drafts are labelled per post, but a long post holds its one bad sentence among good ones. So
 * training runs twice (multiple-instance learning, as MI-SVM): first on whole posts, then each
 * violating post is represented by its window (a sentence, or two neighbouring ones) that the
 * first model rated highest for its category, while every sentence of a clean post is a negative.
 */
import type { Category } from '../shared/types.ts';
import { gramsOf, type ModelData } from '../engine/model.ts';
import { seededRandom } from '../shared/random.ts';

export interface TrainingText {
  /** The sentences' matching keys (as the engine folds them). */
  sentences: string[];
  categories: Category[];
}

export interface TrainOptions {
  categories: readonly Category[];
  /** The n-gram lengths read. */
  sizes: readonly number[];
  /** Keep an n-gram seen in at least this many training texts. */
  minCount?: number;
  epochs?: number;
  l2?: number;
  rate?: number;
  seed?: number;
  /** Weight of a positive instance against a negative one, per category (class imbalance). */
  positiveWeight?: number;
}

interface Instance {
  features: Int32Array;
  /** For each category: 1 positive, 0 negative. */
  labels: Uint8Array;
}

export interface TrainedModel {
  grams: string[];
  /** grams × categories, logit units. */
  weights: Float64Array;
  bias: Float64Array;
}

/** Windows a post is read in: each sentence, and each two neighbouring sentences. */
export function windowsOf(sentences: readonly string[]): string[] {
  const out = [...sentences];
  for (let i = 0; i + 1 < sentences.length; i++) out.push((sentences[i] as string) + (sentences[i + 1] as string));
  return out;
}

export function train(texts: readonly TrainingText[], options: TrainOptions): TrainedModel {
  const cats = options.categories;
  const minCount = options.minCount ?? 2;
  // The vocabulary: n-grams of whole posts and of their windows, kept when seen in minCount texts.
  const counts = new Map<string, number>();
  for (const t of texts) {
    const seen = new Set<string>();
    for (const w of [t.sentences.join(''), ...windowsOf(t.sentences)]) gramsOf(w, options.sizes, (g) => seen.add(g));
    for (const g of seen) counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  const grams = [...counts.entries()].filter(([, n]) => n >= minCount).map(([g]) => g).sort();
  const index = new Map(grams.map((g, i) => [g, i]));
  const featuresOf = (key: string): Int32Array => {
    const out: number[] = [];
    gramsOf(key, options.sizes, (g) => {
      const i = index.get(g);
      if (i !== undefined) out.push(i);
    });
    return Int32Array.from(out);
  };
  const labelsOf = (categories: readonly Category[]): Uint8Array => Uint8Array.from(cats.map((c) => (categories.includes(c) ? 1 : 0)));

  // Round 1: whole posts, plus every sentence of a clean post as a negative.
  const round1: Instance[] = [];
  const none = labelsOf([]);
  for (const t of texts) {
    round1.push({ features: featuresOf(t.sentences.join('')), labels: labelsOf(t.categories) });
    if (t.categories.length === 0 && t.sentences.length > 1) for (const s of t.sentences) round1.push({ features: featuresOf(s), labels: none });
  }
  const first = fit(round1, grams.length, options);

  // Round 2: a violating post is its best window for each of its categories.
  const round2: Instance[] = [];
  for (const t of texts) {
    if (t.categories.length === 0) {
      for (const s of windowsOf(t.sentences)) round2.push({ features: featuresOf(s), labels: none });
      continue;
    }
    const windows = windowsOf(t.sentences).map(featuresOf);
    const picked = new Map<number, Set<number>>();
    for (const category of t.categories) {
      const c = cats.indexOf(category);
      let best = 0;
      let bestLogit = -Infinity;
      windows.forEach((f, i) => {
        const l = logit(first, f, c, cats.length);
        if (l > bestLogit) [best, bestLogit] = [i, l];
      });
      picked.set(best, (picked.get(best) ?? new Set()).add(c));
    }
    for (const [w, cs] of picked) round2.push({ features: windows[w] as Int32Array, labels: Uint8Array.from(cats.map((_, c) => (cs.has(c) ? 1 : 0))) });
  }
  return fit(round2, grams.length, options, grams);
}

function logit(m: { weights: Float64Array; bias: Float64Array }, f: Int32Array, c: number, k: number): number {
  let s = m.bias[c] as number;
  for (const i of f) s += m.weights[i * k + c] as number;
  return s;
}

function fit(instances: Instance[], vocabulary: number, options: TrainOptions, grams: string[] = []): TrainedModel {
  const k = options.categories.length;
  const epochs = options.epochs ?? 12;
  const l2 = options.l2 ?? 1e-4;
  const rate = options.rate ?? 0.3;
  const pw = options.positiveWeight ?? 2;
  const weights = new Float64Array(vocabulary * k);
  const g2 = new Float64Array(vocabulary * k).fill(1e-8);
  const bias = new Float64Array(k);
  const b2 = new Float64Array(k).fill(1e-8);
  const random = seededRandom(options.seed ?? 20261130);
  const order = instances.map((_, i) => i);
  for (let e = 0; e < epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const at of order) {
      const { features, labels } = instances[at] as Instance;
      for (let c = 0; c < k; c++) {
        const y = labels[c] as number;
        const p = 1 / (1 + Math.exp(-logit({ weights, bias }, features, c, k)));
        const grad = (p - y) * (y === 1 ? pw : 1);
        b2[c] = (b2[c] as number) + grad * grad;
        bias[c] = (bias[c] as number) - (rate * grad) / Math.sqrt(b2[c] as number);
        for (const f of features) {
          const wi = f * k + c;
          const g = grad + l2 * (weights[wi] as number);
          g2[wi] = (g2[wi] as number) + g * g;
          weights[wi] = (weights[wi] as number) - (rate * g) / Math.sqrt(g2[wi] as number);
        }
      }
    }
  }
  return { grams, weights, bias };
}


const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;

/** The model as shipped: int8 weights with one scale per category; n-grams whose weights all round to 0 are dropped. */
export function pack(model: TrainedModel, categories: readonly Category[], sizes: readonly number[], thresholds: ReadonlyArray<number | null>, source: string): ModelData {
  const k = categories.length;
  const scale = categories.map((_, c) => {
    let max = 0;
    for (let i = c; i < model.weights.length; i += k) max = Math.max(max, Math.abs(model.weights[i] as number));
    return max === 0 ? 1 : max / 127;
  });
  const keptGrams: string[] = [];
  const bytes: number[] = [];
  model.grams.forEach((g, i) => {
    // The joiner, and half of a surrogate pair (an emoji cut by the n-gram window), cannot be stored.
    if (g.includes('\u0001') || LONE_SURROGATE.test(g)) return;
    const row = categories.map((_, c) => Math.round((model.weights[i * k + c] as number) / (scale[c] as number)));
    if (row.every((v) => v === 0)) return;
    keptGrams.push(g);
    bytes.push(...row);
  });
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b & 0xff);
  return {
    version: 1,
    source,
    categories: [...categories],
    sizes: [...sizes],
    grams: keptGrams.join('\u0001'),
    weights: btoa(bin),
    scale: scale.map((s) => Number(s.toPrecision(6))),
    bias: [...model.bias].map((b) => Number(b.toPrecision(6))),
    thresholds: [...thresholds],
  };
}
