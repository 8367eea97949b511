import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import { buildDictionaryIfStale, defaultOutDir, sourceDictionary } from './scripts/build-dict.mjs';
import { matchPatterns } from './src/sites/registry.ts';

/**
 * The trimmed IPADIC files (scripts/build-dict.mjs; issue 10), built first when missing or made
 * from another kuromoji: packaged at build for the tokenizer host, never committed.
 */
function trimmedDictDir(): string {
  const reason = buildDictionaryIfStale();
  if (reason !== null) console.log(`toukou-guard: built the trimmed dictionary (${reason})`);
  return defaultOutDir();
}

const DICTIONARIES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'dictionaries');

/** Whether a module is a built-in term list or signal book: dictionaries/*.json, dictionaries/signals/*.json (not dictionaries/model/). */
export function isShippedBook(id: string): boolean {
  const rel = path.relative(DICTIONARIES, id.replace(/\?.*$/, '')).split(path.sep).join('/');
  return /^(?:signals\/)?[^/]+\.json$/.test(rel);
}

type Json = Record<string, unknown>;
const records = (v: unknown): Json[] | null => (Array.isArray(v) ? (v as Json[]) : null);
/** The parsers want a non-empty hit list (and clean list for combos): one placeholder keeps the shape. */
const placeholder = (list: unknown): unknown => (Array.isArray(list) && list.length > 0 ? ['·'] : list);
const examplesShape = (examples: unknown): unknown =>
  typeof examples === 'object' && examples !== null ? Object.fromEntries(Object.entries(examples).map(([kind, list]) => [kind, placeholder(list)])) : examples;

/**
 * What the extension carries of a term list or signal book (issue 10): the test examples
 * (`examples.hit/clean`), the people's notes (`note`, `description`) and the `source` line go,
 * everything the engine matches or shows stays. A term list's signal keeps an empty description
 * (its parser requires one). The attributions the sources held ship whole in licenses/ (see the
 * build hook below). tests/dictionary-build/ proves the verdicts unchanged and the bundles clean.
 */
export function stripForShipping(book: Json): Json {
  const { source: _source, description: _description, ...out } = book;
  const entries = records(out['entries']);
  if (entries !== null) out['entries'] = entries.map(({ note: _note, examples, ...e }) => ({ ...e, examples: examplesShape(examples) }));
  const signals = records(out['signals']);
  const termList = entries !== null;
  if (signals !== null) out['signals'] = signals.map(({ note: _note, description: _d, ...s }) => (termList ? { ...s, description: '' } : s));
  const combos = records(out['combos']);
  if (combos !== null) out['combos'] = combos.map(({ note: _note, examples, ...c }) => ({ ...c, examples: examplesShape(examples) }));
  return out;
}

function stripDictionaryExamples() {
  return {
    name: 'toukou-strip-dictionary-examples',
    enforce: 'pre' as const,
    transform(code: string, id: string) {
      if (!isShippedBook(id)) return null;
      return { code: JSON.stringify(stripForShipping(JSON.parse(code) as Json)), map: null };
    },
  };
}

// The extension only ever talks to the two sites it guards; see README "Privacy".
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  // Vite's modulepreload polyfill fetches chunks by URL; extension pages have native modulepreload,
  // and the manifest test allows fetch() only in the offscreen tokenizer's own chunk.
  vite: () => ({ build: { modulePreload: { polyfill: false } }, plugins: [stripDictionaryExamples()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'ja',
    // Exactly the guarded sites' origins, from the one site registry.
    host_permissions: matchPatterns(),
    // The offscreen document hosts the tokenizer (Chrome only; Firefox's background page hosts it itself).
    // storage: only to read the organisation's policy, chrome.storage.managed (issue #4 §5); settings live in IndexedDB.
    // scripting: after an update, the new gate is injected into open X/Facebook tabs (issue #8 §2).
    permissions: browser === 'chrome' ? ['offscreen', 'storage', 'scripting'] : ['storage'],
    // What an IT department may push and lock (public/managed_schema.json, read by src/policy/). Chrome
    // only: Firefox takes a policy from a managed storage manifest and has no schema key.
    ...(browser === 'chrome' ? { storage: { managed_schema: 'managed_schema.json' } } : {}),
    // A fixed id keeps Firefox's extension storage across reinstalls; the extension collects no data.
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'toukou-guard@city.hirakawa.lg.jp', data_collection_permissions: { required: ['none'] } } } }
      : {}),
  }),
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      // Read by Chrome's offscreen document and by Firefox's background page (the tokenizer hosts).
      const dir = trimmedDictDir();
      for (const name of readdirSync(dir)) files.push({ absoluteSrc: path.join(dir, name), relativeDest: `dict/${name}` });
      // The attributions (the term lists' sources are stripped from the bundles) and kuromoji's licence, which its dictionary is under.
      files.push({ absoluteSrc: path.join(DICTIONARIES, 'LICENSES.md'), relativeDest: 'licenses/dictionaries.md' });
      files.push({ absoluteSrc: path.join(sourceDictionary().dir, '..', 'LICENSE-2.0.txt'), relativeDest: 'licenses/kuromoji-LICENSE-2.0.txt' });
    },
  },
});
