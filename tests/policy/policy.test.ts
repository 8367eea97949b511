/** The managed policy: parsed part by part, merged over local settings, every value it sets locked. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { mergePolicy, parseManagedPolicy, type LocalConfig } from '../../src/policy/index.ts';
import { generateSupervisorKeyPair } from '../../src/security/index.ts';
import { term } from '../storage/helpers.ts';

function local(extra: Partial<LocalConfig> = {}): LocalConfig {
  return {
    settings: { insult: { sensitivity: 'warn', threshold: 0.5 } },
    customTerms: [term('insult.local')],
    exceptions: [{ id: 1, kind: 'phone', value: '0172-44-1111' }],
    siteEnabled: { x: true, facebook: true },
    supervisorPublicKey: null,
    auditKeepText: false,
    retentionDays: 365,
    ...extra,
  };
}

describe('parseManagedPolicy', () => {
  test('no policy: nothing set, nothing locked', () => {
    const { policy, problems } = parseManagedPolicy({});
    expect(policy).toEqual({});
    expect(problems).toEqual([]);
    expect(mergePolicy(local(), policy).locks).toEqual([]);
  });

  test('a broken part is left out and reported; the rest still applies', () => {
    const { policy, problems } = parseManagedPolicy({
      categories: { insult: { sensitivity: 'block', threshold: 0.7 }, rumour: { sensitivity: 'loud' }, nonsense: { sensitivity: 'off' } },
      retentionDays: 0,
      siteEnabled: { x: false, myspace: true },
      extra: 1,
    });
    expect(policy.categories).toEqual({ insult: { sensitivity: 'block', threshold: 0.7 } });
    expect(policy.siteEnabled).toEqual({ x: false });
    expect(policy.retentionDays).toBeUndefined();
    expect(problems.map((p) => p.path).sort()).toEqual(['categories.nonsense', 'categories.rumour', 'extra', 'retentionDays', 'siteEnabled.myspace']);
  });

  test('a threshold out of range is refused, not silently defaulted', () => {
    const { policy, problems } = parseManagedPolicy({ categories: { insult: { sensitivity: 'block', threshold: 3 } } });
    expect(policy.categories).toBeUndefined();
    expect(problems[0]?.path).toBe('categories.insult');
  });

  test('terms go through the one dictionary parser; a bad term is named by index and field', () => {
    const { policy, problems } = parseManagedPolicy({ customTerms: [term('insult.ok'), { ...term('insult.bad'), severity: 'loud' }] });
    expect(policy.customTerms?.map((t) => t.id)).toEqual(['insult.ok']);
    expect(problems).toEqual([expect.objectContaining({ path: 'customTerms[1].severity' })]);
  });

  test('a private key is never accepted as the public key', async () => {
    const pair = await generateSupervisorKeyPair();
    expect(parseManagedPolicy({ supervisorPublicKey: pair.privateKeyJwk }).policy.supervisorPublicKey).toBeUndefined();
    expect(parseManagedPolicy({ supervisorPublicKey: pair.publicKeyJwk }).policy.supervisorPublicKey).toEqual(pair.publicKeyJwk);
  });
});

describe('mergePolicy', () => {
  test('policy values win and are locked; untouched local values stay and are not', async () => {
    const pair = await generateSupervisorKeyPair();
    const { policy } = parseManagedPolicy({
      categories: { insult: { sensitivity: 'off', threshold: 0.5 } },
      siteEnabled: { facebook: false },
      supervisorPublicKey: pair.publicKeyJwk,
      auditKeepText: true,
    });
    const merged = mergePolicy(local({ settings: { insult: { sensitivity: 'block', threshold: 0.5 }, rumour: { sensitivity: 'block', threshold: 0.4 } } }), policy);
    expect(merged.settings.insult).toEqual({ sensitivity: 'off', threshold: 0.5 });
    expect(merged.settings.rumour).toEqual({ sensitivity: 'block', threshold: 0.4 });
    expect(merged.siteEnabled).toEqual({ x: true, facebook: false });
    expect(merged.supervisorPublicKey).toEqual(pair.publicKeyJwk);
    expect(merged.auditKeepText).toBe(true);
    expect(merged.retentionDays).toBe(365);
    expect(merged.locks.sort()).toEqual(['auditKeepText', 'category.insult', 'siteEnabled.facebook', 'supervisorPublicKey']);
  });

  test('managed terms and exceptions are added, locked one by one; a local term with the same id gives way', () => {
    const { policy } = parseManagedPolicy({
      customTerms: [term('insult.local', { forms: ['ほんずなし'], examples: { hit: ['ほんずなしだ'] } }), term('insult.org')],
      exceptions: [{ kind: 'domain', value: 'city.hirakawa.lg.jp' }, { kind: 'phone', value: '0172-44-1111' }],
    });
    const merged = mergePolicy(local(), policy);
    expect(merged.customTerms.map((t) => [t.value.id, t.managed])).toEqual([['insult.local', true], ['insult.org', true]]);
    expect(merged.customTerms[0]?.value.forms).toEqual(['ほんずなし']);
    expect(merged.exceptions.map((e) => [e.value.value, e.managed])).toEqual([['city.hirakawa.lg.jp', true], ['0172-44-1111', true]]);
    expect(merged.locks.sort()).toEqual(['customTerms', 'exceptions']);
  });
});

describe('public/managed_schema.json', () => {
  const schema = JSON.parse(readFileSync(new URL('../../public/managed_schema.json', import.meta.url), 'utf8')) as { type: string; properties: Record<string, unknown> };
  test('names exactly what parseManagedPolicy reads', () => {
    expect(schema.type).toBe('object');
    const known = Object.keys(schema.properties).sort();
    const { problems } = parseManagedPolicy(Object.fromEntries(known.map((k) => [k, undefined])));
    expect(problems).toEqual([]);
    expect(known).toEqual(['auditKeepText', 'categories', 'customTerms', 'exceptions', 'retentionDays', 'siteEnabled', 'supervisorPinHash', 'supervisorPublicKey']);
  });
});
