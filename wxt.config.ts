import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { defineConfig } from 'wxt';

/** kuromoji's IPADIC files (18 MB): packaged at build for the offscreen tokenizer, never committed. */
function kuromojiDictDir(): string {
  const entry = createRequire(import.meta.url).resolve('@patdx/kuromoji/node');
  return path.join(path.dirname(entry), '..', 'dict');
}

// The extension only ever talks to the two sites it guards; see README "Privacy".
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'ja',
    host_permissions: [
      'https://x.com/*',
      'https://twitter.com/*',
      'https://www.facebook.com/*',
      'https://web.facebook.com/*',
    ],
    // The offscreen document hosts the tokenizer (Chrome only).
    permissions: browser === 'chrome' ? ['offscreen'] : [],
  }),
  hooks: {
    'build:publicAssets': (wxt, files) => {
      // Only Chrome has the offscreen document that reads them.
      if (wxt.config.browser !== 'chrome') return;
      const dir = kuromojiDictDir();
      for (const name of readdirSync(dir)) files.push({ absoluteSrc: path.join(dir, name), relativeDest: `dict/${name}` });
    },
  },
});
