import { defineConfig } from 'vitest/config';

// Two projects: `unit` (Node, fast, what the lead's engine tests use) and `e2e` (real Chromium
// with the production build; builds it first when stale, see tests/e2e/global-setup.ts).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
          // *.bundle.test.ts look at the production build, which the e2e project builds first.
          exclude: ['tests/e2e/**', 'tests/**/*.bundle.test.ts', 'node_modules/**'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts', 'tests/**/*.bundle.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 240_000,
          // One Chromium per file is enough; files run one after another to keep CPU use sane.
          fileParallelism: false,
        },
      },
    ],
  },
});
