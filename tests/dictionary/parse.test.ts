/** The dictionary parser never throws: every problem comes back with where it was found. */
import { describe, expect, it } from 'vitest';
import { parseDictionary, parseDictionaryJson } from '../../src/dictionary/parse.ts';

const entry = (id: string, extra: Record<string, unknown> = {}) => ({ id, forms: ['ほじなし'], severity: 'warn', examples: { hit: ['ほじなしだ'] }, ...extra });
const base = (entries: unknown[]) => ({ name: 'custom', category: 'insult', clause: '5-8-insult', message: 'だめな言葉です。', entries });

describe('parseDictionary', () => {
  it('accepts a good list', () => {
    const r = parseDictionary(base([entry('insult.a'), entry('insult.b')]));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.dictionary.entries.map((e) => e.id)).toEqual(['insult.a', 'insult.b']);
  });

  it('names the path of a bad entry (entries[2].severity)', () => {
    const r = parseDictionary(base([entry('insult.a'), entry('insult.b'), entry('insult.c', { severity: 'fatal' })]));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.map((p) => p.path)).toContain('entries[2].severity');
      expect(r.problems.every((p) => p.message.length > 0)).toBe(true);
    }
  });

  it.each([
    [{ forms: [] }, 'entries[0].forms'],
    [{ forms: ['ok', ''] }, 'entries[0].forms[1]'],
    [{ id: 'NoDot' }, 'entries[0].id'],
    [{ examples: { hit: [] } }, 'entries[0].examples.hit'],
    [{ examples: undefined }, 'entries[0].examples'],
    [{ categories: ['nonsense'] }, 'entries[0].categories[0]'],
    [{ targetSeverity: 'max' }, 'entries[0].targetSeverity'],
    [{ requiresTarget: 'yes' }, 'entries[0].requiresTarget'],
    [{ colour: 'red' }, 'entries[0].colour'],
    [{ forms: ['あ'.repeat(41)] }, 'entries[0].forms[0]'],
  ])('%j → a problem at %s', (patch, path) => {
    const r = parseDictionary(base([entry('insult.a', patch)]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.path)).toContain(path);
  });

  it('reports a duplicate id within a list', () => {
    const r = parseDictionary(base([entry('insult.a'), entry('insult.a')]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.path)).toContain('entries[1].id');
  });

  it('reports an unknown clause and category at the top level', () => {
    const r = parseDictionary({ ...base([]), clause: '9-9-nothing', category: 'weather' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['clause', 'category']));
  });

  it.each([null, 42, 'text', [], undefined])('does not throw on %j', (value) => {
    const r = parseDictionary(value);
    expect(r.ok).toBe(false);
  });
});

describe('parseDictionaryJson', () => {
  it('bad JSON yields a problem, not a throw', () => {
    const r = parseDictionaryJson('{"name": "custom", "entries": [');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems).toHaveLength(1);
      expect(r.problems[0]?.path).toBe('');
      expect(r.problems[0]?.message).toMatch(/JSON/);
    }
  });

  it('parses good JSON', () => {
    expect(parseDictionaryJson(JSON.stringify(base([entry('insult.a')]))).ok).toBe(true);
  });
});
