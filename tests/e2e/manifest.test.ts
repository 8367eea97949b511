/**
 * The production manifest and bundles keep the privacy promise: the extension reaches only the
 * sites it guards, carries no remote code, and has nothing pointing at a dev server.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { BROWSER_SERVICE_DOMAINS, EXTENSION_DIR } from './harness.ts';

const GUARDED_ORIGINS = ['https://x.com/*', 'https://twitter.com/*', 'https://www.facebook.com/*', 'https://web.facebook.com/*'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

const manifest = JSON.parse(readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;
const raw = JSON.stringify(manifest);
const scripts = files(EXTENSION_DIR).filter((f) => /\.(m?js|html)$/.test(f));

describe('manifest', () => {
  test('host_permissions are exactly the X/Twitter/Facebook origins', () => {
    expect([...(manifest.host_permissions as string[])].sort()).toEqual([...GUARDED_ORIGINS].sort());
    expect(raw).not.toContain('<all_urls>');
    expect(raw).not.toMatch(/\*:\/\/\*\//);
    expect(manifest.optional_host_permissions).toBeUndefined();
  });

  test('content scripts run only on the guarded origins', () => {
    const matches = (manifest.content_scripts as Array<{ matches: string[] }>).flatMap((c) => c.matches);
    for (const m of matches) expect(GUARDED_ORIGINS).toContain(m);
  });

  test('no remote code, no externally reachable surface, no localhost', () => {
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.content_security_policy).toBeUndefined(); // MV3's default forbids remote script
    expect(raw).not.toMatch(/localhost|127\.0\.0\.1/);
    for (const file of scripts) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/localhost:\d|127\.0\.0\.1|ws:\/\//);
      expect(text, file).not.toMatch(/<script[^>]+src=["']https?:/);
      // The e2e network test attributes traffic to these hosts to Chromium itself.
      for (const domain of BROWSER_SERVICE_DOMAINS) expect(text, file).not.toContain(domain);
      expect(text, file).not.toMatch(/\bimportScripts\(|new Function\(|\beval\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon/);
    }
  });

  test('only the offscreen tokenizer fetches, and only its packaged dictionary', () => {
    const fetching = scripts.filter((f) => /\bfetch\(/.test(readFileSync(f, 'utf8'))).map((f) => path.relative(EXTENSION_DIR, f));
    expect(fetching.every((f) => /^chunks\/offscreen-[\w-]+\.js$/.test(f)), fetching.join(', ')).toBe(true);
    expect(manifest.content_scripts).toBeDefined();
    expect(files(path.join(EXTENSION_DIR, 'dict')).length).toBeGreaterThan(0);
  });

  test('permissions are only what the extension uses', () => {
    // storage: only to read the organisation's policy (chrome.storage.managed); settings live in IndexedDB.
    // scripting: to put the new gate into open tabs after an update (src/messaging/reinject.ts).
    const allowed = ['offscreen', 'storage', 'scripting'];
    for (const p of (manifest.permissions as string[] | undefined) ?? []) expect(allowed).toContain(p);
  });

  test('an IT department can push a policy: the managed-storage schema is packaged and names what src/policy reads', () => {
    const storage = manifest.storage as { managed_schema?: string } | undefined;
    expect(storage?.managed_schema).toBe('managed_schema.json');
    const schema = JSON.parse(readFileSync(path.join(EXTENSION_DIR, 'managed_schema.json'), 'utf8')) as { type: string; properties: Record<string, unknown> };
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties).sort()).toEqual(['auditKeepText', 'categories', 'customTerms', 'exceptions', 'retentionDays', 'siteEnabled', 'supervisorPinHash', 'supervisorPublicKey']);
  });
});
