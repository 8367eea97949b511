/**
 * Inputs and statistics for `npm run bench`. Deterministic (seeded), so two runs measure the same
 * texts and edits.
 */
import { percentile } from './metrics.ts';

export { seededRandom } from '../shared/random.ts';

/** Consecutive, non-overlapping windows of exactly `size` characters (code points, so no pair is split). */
export function windows(text: string, size: number, limit = Number.POSITIVE_INFINITY): string[] {
  const chars = Array.from(text);
  const out: string[] = [];
  for (let at = 0; at + size <= chars.length && out.length < limit; at += size) out.push(chars.slice(at, at + size).join(''));
  return out;
}

/** Fisher–Yates with the given random source; returns a new array. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Inserts `char` at a random position that is not inside a surrogate pair. */
export function insertAtRandom(text: string, char: string, random: () => number): string {
  let at = Math.floor(random() * (text.length + 1));
  const before = text.charCodeAt(at - 1);
  if (at > 0 && at < text.length && before >= 0xd800 && before <= 0xdbff) at -= 1;
  return text.slice(0, at) + char + text.slice(at);
}

export interface Summary {
  n: number;
  p50: number;
  p99: number;
  mean: number;
  max: number;
}

export function summarize(samples: readonly number[]): Summary {
  const n = samples.length;
  return {
    n,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    mean: n === 0 ? Number.NaN : samples.reduce((a, b) => a + b, 0) / n,
    max: n === 0 ? Number.NaN : Math.max(...samples),
  };
}

/** Milliseconds since `start` (from process.hrtime.bigint()). */
export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * Units repeated to a long text to look for super-linear work (catastrophic backtracking, a rule
 * that rescans the rest of the text): each is a trigger or a piece of one. Counted in
 * tests/engine/properties.test.ts, timed in `npm run bench`.
 */
export const LINEARITY_UNITS = ['ら', 'a@a.', '「', '「あ」', 'さん', '○', '\u200b', '外国人', 'http://a.', '市民（笑）', 'バ ', '0-', 'a.', 'らしい。', 'そうです', '天皇が', 'ばか'] as const;

/** `unit` repeated and cut to exactly `length` UTF-16 units. */
export function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}
