/**
 * Aho–Corasick over the folded matching key: one linear pass finds every term of every list,
 * whatever the number of terms, so the instant tier stays well under a millisecond.
 */
import { MASK } from './normalize.ts';

export interface PatternHit {
  /** Index of the pattern in the array given to the builder. */
  pattern: number;
  /** Half-open range in the key. */
  from: number;
  to: number;
}

/**
 * The automaton in flat typed arrays: each node's edges sorted by character (binary search), the
 * root's in a table indexed by the character itself (most steps of a scan start at the root), and
 * each node's outputs (its own patterns, then those of its fail link) as one slice of `outputs`.
 */
export class PatternMatcher {
  readonly patternLengths: number[] = [];
  private readonly rootNext: Int32Array;
  private readonly edgeStart: Int32Array;
  private readonly edgeChar: Uint16Array;
  private readonly edgeTarget: Int32Array;
  private readonly fail: Int32Array = new Int32Array(0);
  private readonly outStart: Int32Array;
  private readonly outputs: Int32Array;

  constructor(patterns: readonly string[]) {
    patterns.forEach((p, i) => (this.patternLengths[i] = p.length));
    // The trie, built from the patterns in code-unit order: a pattern shares with the one before
    // it the nodes of their common prefix, so each node's children are made in order, as a list.
    const indices = new Map<string, number[]>();
    patterns.forEach((p, i) => {
      if (p.length === 0) return;
      const list = indices.get(p);
      if (list === undefined) indices.set(p, [i]);
      else list.push(i);
    });
    // The default sort compares UTF-16 code units.
    const sorted = [...indices.keys()].sort();
    let capacity = 1;
    for (const p of sorted) capacity += p.length;
    const firstChild = new Int32Array(capacity).fill(-1);
    const lastChild = new Int32Array(capacity).fill(-1);
    const nextSibling = new Int32Array(capacity).fill(-1);
    const char = new Uint16Array(capacity);
    const own: number[][] = [[]];
    let count = 1;
    const path: number[] = [0];
    let previous = '';
    for (const pattern of sorted) {
      let common = 0;
      while (common < pattern.length && common < previous.length && pattern.charCodeAt(common) === previous.charCodeAt(common)) common++;
      path.length = common + 1;
      for (let d = common; d < pattern.length; d++) {
        const parent = path[d] as number;
        const node = count++;
        char[node] = pattern.charCodeAt(d);
        own.push([]);
        if (lastChild[parent] === -1) firstChild[parent] = node;
        else nextSibling[lastChild[parent] as number] = node;
        lastChild[parent] = node;
        path.push(node);
      }
      own[path[pattern.length] as number] = indices.get(pattern) as number[];
      previous = pattern;
    }
    // Edges in flat arrays (each node's children are already in character order).
    this.edgeStart = new Int32Array(count + 1);
    this.edgeChar = new Uint16Array(Math.max(0, count - 1));
    this.edgeTarget = new Int32Array(Math.max(0, count - 1));
    let edges = 0;
    for (let node = 0; node < count; node++) {
      this.edgeStart[node] = edges;
      for (let child = firstChild[node] as number; child !== -1; child = nextSibling[child] as number) {
        this.edgeChar[edges] = char[child] as number;
        this.edgeTarget[edges++] = child;
      }
    }
    this.edgeStart[count] = edges;
    this.rootNext = new Int32Array(0x10000);
    for (let e = 0; e < (this.edgeStart[1] as number); e++) this.rootNext[this.edgeChar[e] as number] = this.edgeTarget[e] as number;
    // Fail links and outputs (own patterns, then the fail link's), breadth first.
    const fail = new Int32Array(count);
    const out: number[][] = new Array<number[]>(count);
    out[0] = own[0] as number[];
    const queue: number[] = [];
    for (let e = 0; e < (this.edgeStart[1] as number); e++) {
      const child = this.edgeTarget[e] as number;
      out[child] = own[child] as number[];
      queue.push(child);
    }
    this.fail = fail;
    for (let qi = 0; qi < queue.length; qi++) {
      const id = queue[qi] as number;
      for (let e = this.edgeStart[id] as number; e < (this.edgeStart[id + 1] as number); e++) {
        const child = this.edgeTarget[e] as number;
        const c = this.edgeChar[e] as number;
        let f = fail[id] as number;
        let target = this.step(f, c);
        while (target < 0 && f !== 0) {
          f = fail[f] as number;
          target = this.step(f, c);
        }
        const childFail = target >= 0 && target !== child ? target : 0;
        fail[child] = childFail;
        const mine = own[child] as number[];
        const inherited = out[childFail] as number[];
        out[child] = inherited.length === 0 ? mine : mine.length === 0 ? inherited : mine.concat(inherited);
        queue.push(child);
      }
    }
    this.outStart = new Int32Array(count + 1);
    let outs = 0;
    for (let i = 0; i < count; i++) {
      this.outStart[i] = outs;
      outs += (out[i] as number[]).length;
    }
    this.outStart[count] = outs;
    this.outputs = new Int32Array(outs);
    for (let i = 0; i < count; i++) if ((out[i] as number[]).length > 0) this.outputs.set(out[i] as number[], this.outStart[i] as number);
  }

  /** The child of `node` on character `c`, or -1. */
  private step(node: number, c: number): number {
    if (node === 0) {
      const child = this.rootNext[c] as number;
      return child === 0 ? -1 : child;
    }
    let lo = this.edgeStart[node] as number;
    let hi = (this.edgeStart[node + 1] as number) - 1;
    const chars = this.edgeChar;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const m = chars[mid] as number;
      if (m === c) return this.edgeTarget[mid] as number;
      if (m < c) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /**
   * Calls `visit(pattern, from, to)` for every occurrence of every pattern in `text` (overlapping
   * ones included), by end position, and at one end the longest pattern first.
   */
  forEachMatch(text: string, visit: (pattern: number, from: number, to: number) => void): void {
    const fail = this.fail;
    const outStart = this.outStart;
    const outputs = this.outputs;
    const lengths = this.patternLengths;
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let child = this.step(node, c);
      while (child < 0 && node !== 0) {
        node = fail[node] as number;
        child = this.step(node, c);
      }
      node = child < 0 ? 0 : child;
      const end = outStart[node + 1] as number;
      for (let k = outStart[node] as number; k < end; k++) {
        const pattern = outputs[k] as number;
        visit(pattern, i + 1 - (lengths[pattern] as number), i + 1);
      }
    }
  }

  /** Every occurrence of every pattern in `text`, overlapping ones included. */
  findAll(text: string): PatternHit[] {
    const hits: PatternHit[] = [];
    this.forEachMatch(text, (pattern, from, to) => hits.push({ pattern, from, to }));
    return hits;
  }
}

/**
 * Masked variants of a key (N7): each single position replaced by the mask, and for keys of four
 * or more characters each pair of non-adjacent positions, as long as at least half of the
 * characters stay visible. Keys shorter than two characters get no variants (○ね would hit
 * anything).
 */
export function maskedVariants(key: string): string[] {
  const chars = Array.from(key);
  const n = chars.length;
  if (n < 2 || chars.includes(MASK)) return [];
  const out = new Set<string>();
  const isKanjiChar = (c: string): boolean => /[\u4e00-\u9fff]/u.test(c);
  for (let i = 0; i < n; i++) {
    // A mask in first place is a bullet (■国民健康保険) more often than an evasion; a two-character
    // word is guessed only from a visible kanji (馬○), never from one kana (デ○, し○).
    if (i === 0) continue;
    if (n === 2 && !isKanjiChar(chars[0] as string)) continue;
    const v = chars.slice();
    v[i] = MASK;
    out.add(v.join(''));
  }
  if (n >= 4) {
    for (let i = 1; i < n; i++) {
      for (let j = i + 2; j < n; j++) {
        if (n - 2 < Math.ceil(n / 2)) continue;
        const v = chars.slice();
        v[i] = MASK;
        v[j] = MASK;
        out.add(v.join(''));
      }
    }
  }
  return [...out];
}
