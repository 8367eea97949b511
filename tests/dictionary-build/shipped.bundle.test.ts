/**
 * The built extension (.output/chrome-mv3, built by the e2e project's global setup when stale)
 * carries the books without their test examples, descriptions and sources, and packages the
 * trimmed IPADIC dictionary of scripts/build-dict.mjs byte for byte (issue 10). Runs in the e2e
 * project (vitest.config.ts) because it needs the production build.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { defaultOutDir, readManifest } from '../../scripts/build-dict.mjs';
import { EXTENSION_DIR, ROOT } from '../e2e/harness.ts';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

type Json = Record<string, unknown>;
const DICTIONARIES = path.join(ROOT, 'dictionaries');
const books: Json[] = [
  ...readdirSync(DICTIONARIES).filter((f) => f.endsWith('.json')).map((f) => path.join(DICTIONARIES, f)),
  ...readdirSync(path.join(DICTIONARIES, 'signals')).filter((f) => f.endsWith('.json')).map((f) => path.join(DICTIONARIES, 'signals', f)),
].map((f) => JSON.parse(readFileSync(f, 'utf8')) as Json);

function stringsUnder(value: unknown, key: string, inside = false): string[] {
  if (typeof value === 'string') return inside ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((v) => stringsUnder(v, key, inside));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => stringsUnder(v, key, inside || k === key));
}

const scripts = files(EXTENSION_DIR)
  .filter((f) => f.endsWith('.js'))
  .map((f) => ({ file: path.relative(EXTENSION_DIR, f), text: readFileSync(f, 'utf8') }));

describe('the built extension', () => {
  test('the content scripts carry the books (so what is looked for below would be seen there)', () => {
    // Every term list's message and every signal combo's message: text the user is shown, which stays.
    const messages = books
      .flatMap((b) => [b['message'], ...(Array.isArray(b['combos']) ? (b['combos'] as Json[]).map((c) => c['message']) : [])])
      .filter((m): m is string => typeof m === 'string');
    expect(messages.length).toBeGreaterThan(50);
    for (const name of ['content-scripts/x.js', 'content-scripts/facebook.js']) {
      const script = scripts.find((s) => s.file === name);
      expect(script, name).toBeDefined();
      expect(messages.filter((m) => !script!.text.includes(m)), name).toEqual([]);
    }
  });

  test('no bundle holds a test example, a description or a source line of the books', () => {
    // An example may be quoted inside a suggestion shown to the user (illegal.json does); as a string of its own it must be gone.
    const examples = books.flatMap((b) => stringsUnder(b, 'examples')).filter((s) => s.length >= 8);
    const notes = books.flatMap((b) => [...stringsUnder(b, 'description'), ...stringsUnder(b, 'note'), ...stringsUnder(b, 'source')]).filter((s) => s.length >= 20);
    expect(examples.length).toBeGreaterThan(500);
    expect(notes.length).toBeGreaterThan(200);
    for (const { file, text } of scripts) {
      const literal = (s: string): boolean => ['"', "'", '`'].some((q) => text.includes(`${q}${s}${q}`));
      expect(examples.filter(literal), file).toEqual([]);
      expect(notes.filter((s) => text.includes(s)), file).toEqual([]);
    }
  });

  test('dict/ is the trimmed dictionary, byte for byte, and the attributions are packaged', () => {
    const trimmed = defaultOutDir();
    const manifest = readManifest(trimmed);
    expect(manifest).not.toBeNull();
    const packaged = readdirSync(path.join(EXTENSION_DIR, 'dict')).sort();
    expect(packaged).toEqual(readdirSync(trimmed).sort());
    for (const name of packaged) expect(readFileSync(path.join(EXTENSION_DIR, 'dict', name)).equals(readFileSync(path.join(trimmed, name))), name).toBe(true);
    const dictBytes = packaged.reduce((sum, name) => sum + statSync(path.join(EXTENSION_DIR, 'dict', name)).size, 0);
    const sourceBytes = Object.values(manifest!.files).reduce((sum, f) => sum + f.sourceGzipBytes, 0);
    expect(dictBytes).toBeLessThan(sourceBytes * 0.85);
    expect(readFileSync(path.join(EXTENSION_DIR, 'licenses', 'dictionaries.md'), 'utf8')).toContain('Copyright (c) 2020 K Hashimoto');
    expect(readFileSync(path.join(EXTENSION_DIR, 'licenses', 'dictionaries.md'), 'utf8')).toContain('EDICT');
    expect(readFileSync(path.join(EXTENSION_DIR, 'licenses', 'kuromoji-LICENSE-2.0.txt'), 'utf8')).toContain('Apache License');
  });
});
