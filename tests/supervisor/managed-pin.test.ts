/**
 * The supervisor PIN provisioned by the organisation's policy (issue #8 §5): the managed-storage
 * schema names it (Chrome drops what its schema does not name), the hash the options page stores is
 * exactly what the schema describes, and the rest of the policy is read as before.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { isPinHash } from '../../src/security/index.ts';
import { loadEffectiveConfig } from '../../src/supervisor/config.ts';
import { managedPin, resolvePin } from '../../src/supervisor/pin-config.ts';
import { freshDb } from '../storage/helpers.ts';
import { PIN, hashOfPin } from './helpers.ts';

interface SchemaNode {
  type: string;
  properties?: Record<string, SchemaNode>;
  enum?: unknown[];
}

const schema = JSON.parse(readFileSync(new URL('../../public/managed_schema.json', import.meta.url), 'utf8')) as SchemaNode;

/** The value against the schema, the way Chrome checks a policy (types, properties, enums). */
function conforms(value: unknown, node: SchemaNode): boolean {
  if (node.enum !== undefined && !node.enum.includes(value)) return false;
  switch (node.type) {
    case 'object':
      return typeof value === 'object' && value !== null && Object.entries(value).every(([k, v]) => node.properties?.[k] !== undefined && conforms(v, node.properties[k]!));
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return Number.isInteger(value);
    default:
      return false;
  }
}

describe('the PIN in the managed policy', { timeout: 30_000 }, () => {
  test('the schema names supervisorPinHash, and the hash the options page stores conforms to it', async () => {
    const node = schema.properties?.['supervisorPinHash'];
    expect(node?.type).toBe('object');
    const hash = await hashOfPin();
    expect(conforms(hash, node!)).toBe(true);
    expect(conforms({ ...hash, pin: PIN }, node!)).toBe(false);
    expect(conforms({ ...hash, algorithm: 'MD5' }, node!)).toBe(false);
    // Every property the schema names is one isPinHash reads.
    expect(Object.keys(node!.properties ?? {}).sort()).toEqual(Object.keys(hash).sort());
  });

  test('a policy with the PIN: the PIN is the policy\'s, and the rest of the policy still applies without a problem reported', async () => {
    const db = freshDb();
    const hash = await hashOfPin();
    const managed = { supervisorPinHash: hash, retentionDays: 400 };
    expect(await resolvePin(db, managed)).toEqual({ hash, managed: true, problem: null });
    const config = await loadEffectiveConfig(db, managed);
    expect(config.retentionDays).toBe(400);
    expect(config.problems).toEqual([]);
  });

  test('absent, readable or unreadable', async () => {
    expect(managedPin({})).toEqual({ present: false });
    expect(managedPin(undefined)).toEqual({ present: false });
    const weak = { ...(await hashOfPin()), iterations: 1000 };
    expect(isPinHash(weak)).toBe(true);
    // Fewer rounds than any build ever made: refused, not trusted.
    expect(managedPin({ supervisorPinHash: weak })).toEqual({ present: true, hash: null });
    expect(managedPin({ supervisorPinHash: 'PIN:246810' })).toEqual({ present: true, hash: null });
  });
});
