/**
 * Every site adapter is one file whose name is its id, with one line in the registry and a
 * spec in the shared e2e suite (cf. refined-github's features meta-test).
 */
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ADAPTERS } from '../../src/sites/index.ts';
import { GUARDED_ORIGINS, matchPatterns, SITES, siteOfHost } from '../../src/sites/registry.ts';

const SITES_DIR = new URL('../../src/sites/', import.meta.url);
/** Files in src/sites/ that are not adapters. */
const HELPERS = ['index.ts', 'types.ts', 'selectors.ts', 'editor-text.ts', 'media.ts', 'registry.ts'];

describe('site registry', () => {
  const adapterFiles = readdirSync(SITES_DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !HELPERS.includes(f));

  test('every adapter file is registered under its file name', () => {
    expect(ADAPTERS.map((a) => `${a.id}.ts`).sort()).toEqual(adapterFiles.sort());
  });

  test('the generic fallback comes last', () => {
    expect(ADAPTERS.at(-1)?.id).toBe('generic');
  });

  test.each(ADAPTERS.filter((a) => a.id !== 'generic').map((a) => a.id))('%s has an e2e spec', (id) => {
    expect(existsSync(new URL(`../e2e/${id}.test.ts`, import.meta.url))).toBe(true);
  });

  test('one record per site feeds every host list: guarded origins, match patterns and the popup agree', () => {
    for (const site of SITES) {
      expect(ADAPTERS.some((a) => a.id === site.id)).toBe(true);
      for (const origin of site.origins) {
        expect(GUARDED_ORIGINS).toContain(origin);
        expect(matchPatterns(site.id)).toContain(`${origin}/*`);
        expect(siteOfHost(new URL(origin).host)).toBe(site.id);
      }
    }
    expect(matchPatterns()).toHaveLength(GUARDED_ORIGINS.length);
    expect(siteOfHost('example.com')).toBeUndefined();
  });
});
