/**
 * The Firefox build (Firefox is not installable here, so it is checked as files): an MV2
 * background page that hosts the tokenizer itself, the dictionary packaged, no offscreen document.
 * The Chrome build's service worker must not carry the tokenizer.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { defaultDictionaryPath } from '../../src/tokenizer/kuromoji-node.ts';
import { EXTENSION_DIR, ROOT } from './harness.ts';

const FIREFOX_DIR = path.join(ROOT, '.output', 'firefox-mv2');
let manifest: Record<string, unknown>;

beforeAll(() => {
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: ROOT, stdio: 'pipe' });
  manifest = JSON.parse(readFileSync(path.join(FIREFOX_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;
});

describe('firefox build', () => {
  test('an MV2 background page (not a service worker), no offscreen document or permission', () => {
    expect(manifest.manifest_version).toBe(2);
    expect(manifest.background).toEqual({ scripts: ['background.js'] });
    expect(readdirSync(FIREFOX_DIR)).not.toContain('offscreen.html');
    expect(JSON.stringify(manifest.permissions)).not.toContain('offscreen');
  });

  test('the background page loads the packaged dictionary itself; every dictionary file is packaged', () => {
    const bg = readFileSync(path.join(FIREFOX_DIR, 'background.js'), 'utf8');
    expect(bg).toMatch(/DecompressionStream/);
    expect(bg).not.toMatch(/createDocument/);
    const packaged = readdirSync(path.join(FIREFOX_DIR, 'dict')).sort();
    expect(packaged).toEqual(readdirSync(defaultDictionaryPath()).sort());
  });

  test('content scripts and permissions match the Chrome build', () => {
    const chrome = JSON.parse(readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { host_permissions: string[]; content_scripts: unknown };
    // storage: chrome.storage.managed, the organisation's policy (Firefox reads it from a managed storage manifest).
    expect([...(manifest.permissions as string[])].sort()).toEqual([...chrome.host_permissions, 'storage'].sort());
    expect(manifest.content_scripts).toEqual(chrome.content_scripts);
  });

  test("Chrome's service worker does not carry the tokenizer (it lives in the offscreen document)", () => {
    const sw = readFileSync(path.join(EXTENSION_DIR, 'background.js'), 'utf8');
    expect(sw).not.toMatch(/DecompressionStream|TokenizerBuilder/);
    expect(sw).toMatch(/createDocument/);
  });
});
