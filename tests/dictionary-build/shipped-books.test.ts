/**
 * What the extension ships of the term lists and signal books (wxt.config.ts strips them at
 * build, issue 10): no test example, note, description or source line — and the engine's
 * verdicts are the same as with the whole books, on every example and every development draft.
 * tests/dictionary-build/shipped.bundle.test.ts looks for the examples in the built bundles.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { createChecker as CreateChecker } from '../../src/engine/index.ts';
import { parseDictionary } from '../../src/dictionary/parse.ts';
import { parseSignalBook } from '../../src/dictionary/parse-signals.ts';
import { REPO_ROOT } from '../../src/eval/paths.ts';
import type { CheckResult } from '../../src/shared/types.ts';
import { loadNodeTokenizer } from '../../src/tokenizer/kuromoji-node.ts';
import { isShippedBook, stripForShipping } from '../../wxt.config.ts';

type Json = Record<string, unknown>;
const DICTIONARIES = path.join(REPO_ROOT, 'dictionaries');
const books = [
  ...readdirSync(DICTIONARIES).filter((f) => f.endsWith('.json')),
  ...readdirSync(path.join(DICTIONARIES, 'signals'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => `signals/${f}`),
].map((rel) => ({ rel, file: path.join(DICTIONARIES, rel), book: JSON.parse(readFileSync(path.join(DICTIONARIES, rel), 'utf8')) as Json }));

/** Every string under `key` anywhere in a book (examples' sentences, descriptions, notes, sources). */
function stringsUnder(value: unknown, key: string, inside = false): string[] {
  if (typeof value === 'string') return inside ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((v) => stringsUnder(v, key, inside));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => stringsUnder(v, key, inside || k === key));
}

const examples = books.flatMap(({ book }) => stringsUnder(book, 'examples'));
const drafts = readdirSync(path.join(REPO_ROOT, 'tests', 'drafts'))
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) =>
    readFileSync(path.join(REPO_ROOT, 'tests', 'drafts', f), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => (JSON.parse(l) as { text: string }).text),
  );

describe('stripping the books for the extension', () => {
  it('applies to the term lists and signal books only (not the model or other JSON)', () => {
    expect(books.length).toBeGreaterThanOrEqual(14);
    for (const { file } of books) expect(isShippedBook(file), file).toBe(true);
    expect(isShippedBook(path.join(DICTIONARIES, 'model', 'model.json'))).toBe(false);
    expect(isShippedBook(path.join(REPO_ROOT, 'public', 'managed_schema.json'))).toBe(false);
    expect(isShippedBook(`${path.join(DICTIONARIES, 'insult.json')}?import`)).toBe(true);
  });

  it.each(books)('$rel: no example, note, description or source is left, and the parser still accepts it', ({ rel, book }) => {
    const shipped = stripForShipping(book);
    const text = JSON.stringify(shipped);
    const gone = ['examples', 'note', 'description', 'source'].flatMap((k) => stringsUnder(book, k)).filter((s) => s.length >= 8);
    expect(gone.length, `${rel} has nothing to strip`).toBeGreaterThan(0);
    // As whole values: a suggestion may quote an example sentence to the user (illegal.json does), and that stays.
    expect(gone.filter((s) => text.includes(JSON.stringify(s)))).toEqual([]);
    expect(text.length).toBeLessThan(JSON.stringify(book).length);
    const parsed = 'entries' in book ? parseDictionary(shipped) : parseSignalBook(shipped);
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
  });
});

describe('the engine with the shipped books', () => {
  let whole: ReturnType<typeof CreateChecker>;
  let shipped: ReturnType<typeof CreateChecker>;
  /** The books as the shipped engine imported them. */
  let shippedSources: unknown;

  beforeAll(async () => {
    const tokenizer = await loadNodeTokenizer();
    whole = (await import('../../src/engine/index.ts')).createChecker({ tokenizer });
    vi.resetModules();
    for (const { file, book } of books) vi.doMock(file, () => ({ default: stripForShipping(book) }));
    try {
      const engine = await import('../../src/engine/index.ts');
      const terms = await import('../../src/dictionary/builtin.ts');
      const signals = await import('../../src/dictionary/builtin-signals.ts');
      shippedSources = [terms.BUILTIN_SOURCES, signals.BUILTIN_SIGNAL_SOURCES];
      shipped = engine.createChecker({ tokenizer });
    } finally {
      for (const { file } of books) vi.doUnmock(file);
      vi.resetModules();
    }
  }, 120_000);

  /** Texts whose results differ between the two engines (at most 10), with both results. */
  function differing(texts: readonly string[], platforms: ReadonlyArray<'x' | 'facebook'>): Array<{ text: string; whole: CheckResult; shipped: CheckResult }> {
    const out = [];
    for (const text of texts) {
      for (const platform of platforms) {
        const a = whole.check(text, { platform });
        const b = shipped.check(text, { platform });
        if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ text, whole: a, shipped: b });
      }
      if (out.length >= 10) break;
    }
    return out;
  }

  it('is built from the stripped books (the comparison below compares two different sets of books)', () => {
    const left = stringsUnder(shippedSources, 'examples');
    expect(left.length).toBeGreaterThan(100);
    expect(new Set(left)).toEqual(new Set(['·']));
    expect(examples.length).toBeGreaterThan(500);
  });

  it(`gives the same results on every book example (${examples.length}), on X and Facebook`, () => {
    const results = examples.map((t) => shipped.check(t, { platform: 'x' }).verdict);
    // The examples are what the books are tested on: most hit, so a stripped engine that matched nothing would show.
    expect(results.filter((v) => v !== 'ok').length).toBeGreaterThan(examples.length / 3);
    expect(differing(examples, ['x', 'facebook'])).toEqual([]);
  }, 300_000);

  it(`gives the same results on the development drafts (${drafts.length})`, () => {
    expect(differing(drafts, ['x'])).toEqual([]);
  }, 300_000);
});
