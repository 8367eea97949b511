import { describe, expect, it } from 'vitest';
import { insertAtRandom, repeatTo, seededRandom, shuffled, summarize, windows } from '../../src/eval/bench-texts.ts';

describe('windows', () => {
  it('cuts consecutive windows of exactly the size and drops the short tail', () => {
    expect(windows('abcdefgh', 3)).toEqual(['abc', 'def']);
    expect(windows('abcdefgh', 3, 1)).toEqual(['abc']);
  });

  it('counts code points, so a surrogate pair is never split', () => {
    const text = '𠮷あ𠮷い𠮷う';
    const out = windows(text, 2);
    expect(out).toEqual(['𠮷あ', '𠮷い', '𠮷う']);
    for (const w of out) expect(wellFormed(w)).toBe(true);
  });
});

describe('insertAtRandom', () => {
  it('adds exactly one character and never lands inside a surrogate pair', () => {
    const random = seededRandom(1);
    let text = '𠮷𠮷𠮷𠮷𠮷';
    for (let i = 0; i < 200; i++) {
      const next = insertAtRandom(text, 'の', random);
      expect(next.length).toBe(text.length + 1);
      expect(wellFormed(next)).toBe(true);
      text = next;
    }
  });

  it('can insert at both ends', () => {
    expect(insertAtRandom('ab', 'x', () => 0)).toBe('xab');
    expect(insertAtRandom('ab', 'x', () => 0.999)).toBe('abx');
  });
});

describe('seededRandom and shuffled', () => {
  it('repeat for a seed and differ between seeds', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const xs = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(xs);
    expect(c()).not.toBe(xs[0]);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it('shuffle is a permutation and leaves the input alone', () => {
    const input = Array.from({ length: 50 }, (_, i) => i);
    const out = shuffled(input, seededRandom(5));
    expect([...out].sort((x, y) => x - y)).toEqual(input);
    expect(out).not.toEqual(input);
    expect(input[0]).toBe(0);
  });
});

describe('summarize', () => {
  it('gives p50, p99, mean and max', () => {
    expect(summarize([4, 1, 3, 2])).toEqual({ n: 4, p50: 2, p99: 4, mean: 2.5, max: 4 });
  });
});

/** No lone surrogate. */
function wellFormed(text: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

describe('repeatTo', () => {
  it('repeats the unit and cuts to the exact length', () => {
    expect(repeatTo('ab', 5)).toBe('ababa');
    expect(repeatTo('市民（笑）', 12)).toHaveLength(12);
    expect(repeatTo('x', 0)).toBe('');
  });
});
