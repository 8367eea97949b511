import { defineConfig } from 'wxt';

// The extension only ever talks to the two sites it guards; see README "Privacy".
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  // TEMP(extension dev): TG_FAKE_ENGINE=1 swaps in a fake engine until src/engine lands. Remove before commit.
  vite: () => (process.env.TG_FAKE_ENGINE ? { resolve: { alias: { '../engine/index.ts': new URL('./tmp/fake-engine.ts', import.meta.url).pathname } } } : {}),
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'ja',
    host_permissions: [
      'https://x.com/*',
      'https://twitter.com/*',
      'https://www.facebook.com/*',
      'https://web.facebook.com/*',
    ],
  },
});
