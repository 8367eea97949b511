import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { defineConfig } from 'wxt';
import { matchPatterns } from './src/sites/registry.ts';

/** kuromoji's IPADIC files (18 MB): packaged at build for the tokenizer host, never committed. */
function kuromojiDictDir(): string {
  const entry = createRequire(import.meta.url).resolve('@patdx/kuromoji/node');
  return path.join(path.dirname(entry), '..', 'dict');
}

/**
 * The term lists and signal books carry example sentences for the tests and descriptions for
 * people; the extension needs neither (issue #10): each examples list shrinks to one placeholder
 * (the parser still sees its shape) and notes go.
 */
function stripDictionaryExamples() {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (typeof value !== 'object' || value === null) return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === 'note') continue;
      if (k === 'examples' && typeof v === 'object' && v !== null) {
        out[k] = Object.fromEntries(Object.entries(v).map(([kind, list]) => [kind, Array.isArray(list) && list.length > 0 ? ['·'] : list]));
        continue;
      }
      out[k] = strip(v);
    }
    return out;
  };
  return {
    name: 'toukou-strip-dictionary-examples',
    enforce: 'pre' as const,
    transform(code: string, id: string) {
      if (!/[\\/]dictionaries[\\/].*\.json$/.test(id)) return null;
      return { code: JSON.stringify(strip(JSON.parse(code))), map: null };
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
      const dir = kuromojiDictDir();
      for (const name of readdirSync(dir)) files.push({ absoluteSrc: path.join(dir, name), relativeDest: `dict/${name}` });
    },
  },
});
