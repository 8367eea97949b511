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

interface Node {
  next: Map<number, number>;
  fail: number;
  /** Patterns ending here (including through fail links, filled at build). */
  out: number[];
  depth: number;
}

export class PatternMatcher {
  private readonly nodes: Node[] = [{ next: new Map(), fail: 0, out: [], depth: 0 }];
  readonly patternLengths: number[] = [];

  constructor(patterns: readonly string[]) {
    patterns.forEach((p, index) => this.add(p, index));
    this.build();
  }

  private add(pattern: string, index: number): void {
    this.patternLengths[index] = pattern.length;
    if (pattern.length === 0) return;
    let node = 0;
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern.charCodeAt(i);
      const current = this.nodes[node] as Node;
      let child = current.next.get(c);
      if (child === undefined) {
        child = this.nodes.length;
        this.nodes.push({ next: new Map(), fail: 0, out: [], depth: current.depth + 1 });
        current.next.set(c, child);
      }
      node = child;
    }
    (this.nodes[node] as Node).out.push(index);
  }

  private build(): void {
    const queue: number[] = [];
    for (const child of (this.nodes[0] as Node).next.values()) queue.push(child);
    for (let qi = 0; qi < queue.length; qi++) {
      const id = queue[qi] as number;
      const node = this.nodes[id] as Node;
      for (const [c, child] of node.next) {
        let f = node.fail;
        while (f !== 0 && !(this.nodes[f] as Node).next.has(c)) f = (this.nodes[f] as Node).fail;
        const target = (this.nodes[f] as Node).next.get(c);
        const childNode = this.nodes[child] as Node;
        childNode.fail = target !== undefined && target !== child ? target : 0;
        childNode.out.push(...(this.nodes[childNode.fail] as Node).out);
        queue.push(child);
      }
    }
  }

  /** Every occurrence of every pattern in `text`, overlapping ones included. */
  findAll(text: string): PatternHit[] {
    const hits: PatternHit[] = [];
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      while (node !== 0 && !(this.nodes[node] as Node).next.has(c)) node = (this.nodes[node] as Node).fail;
      node = (this.nodes[node] as Node).next.get(c) ?? 0;
      const out = (this.nodes[node] as Node).out;
      for (let k = 0; k < out.length; k++) {
        const pattern = out[k] as number;
        const len = this.patternLengths[pattern] as number;
        hits.push({ pattern, from: i + 1 - len, to: i + 1 });
      }
    }
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
