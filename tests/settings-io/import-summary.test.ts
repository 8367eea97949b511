/** A settings import's preview in words: what the supervisor is shown before applying a file. */
import { describe, expect, test } from 'vitest';
import { defaultSettings } from '../../src/engine/index.ts';
import type { ImportPreview } from '../../src/messaging/supervisor-protocol.ts';
import { CATEGORY_LABEL_JA } from '../../src/shared/clauses.ts';
import { CATEGORIES } from '../../src/shared/types.ts';
import { summarizeImportPreview } from '../../src/ui/options/import-summary.ts';

const A = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
const B = 'ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100';

function same(): ImportPreview {
  return {
    key: { before: A, after: A, locked: false },
    categories: CATEGORIES.map((category) => ({ category, before: null, after: null, locked: false })),
    sites: [
      { site: 'x', before: true, after: true, locked: false },
      { site: 'facebook', before: true, after: true, locked: false },
    ],
    counts: { customTerms: { before: 3, after: 3 }, exceptions: { before: 1, after: 1 }, accounts: { before: 1, after: 1 } },
    auditKeepText: { before: false, after: false, locked: false },
    retentionDays: { before: 365, after: 365, locked: false },
  };
}

describe('import summary', () => {
  test('a file that changes nothing says so and warns of nothing', () => {
    const s = summarizeImportPreview(same(), defaultSettings());
    expect(s.same).toBe(true);
    expect(s.warnings).toEqual([]);
    expect(s.rows.find((r) => r.id === 'key')).toMatchObject({ before: 'A1B2 C3D4 E5F6 0718', after: 'A1B2 C3D4 E5F6 0718', changed: false });
  });

  test('another public key, a category switched off, a site off and emptied lists are each said', () => {
    const p = same();
    p.key.after = B;
    p.categories = p.categories.map((c) => (c.category === 'insult' ? { ...c, after: { sensitivity: 'off', threshold: 0.5 } } : c.category === 'rumour' ? { ...c, after: { sensitivity: 'info', threshold: 0.5 } } : c));
    p.sites[1] = { site: 'facebook', before: true, after: false, locked: false };
    p.counts.customTerms = { before: 3, after: 0 };
    const s = summarizeImportPreview(p, defaultSettings());
    expect(s.same).toBe(false);
    expect(s.rows.find((r) => r.id === 'key')).toMatchObject({ before: 'A1B2 C3D4 E5F6 0718', after: 'FFEE DDCC BBAA 9988', changed: true });
    expect(s.rows.find((r) => r.id === 'category.insult')).toMatchObject({ before: '標準（しきい値 0.5）・既定', after: 'オフ（しきい値 0.5）', changed: true });
    expect(s.warnings).toEqual([
      expect.stringContaining('別の鍵に替わります（A1B2 C3D4 E5F6 0718 → FFEE DDCC BBAA 9988）'),
      expect.stringContaining('点検されなくなります（標準 → オフ）'),
      expect.stringContaining('感度が下がります（注意 → 参考）'),
      'Facebook での投稿が点検されなくなります。',
      expect.stringContaining('3件 → 0件'),
    ]);
  });

  test('a key removed, every category off: the strongest words first; what the policy locks warns of nothing', () => {
    const p = same();
    p.key.after = null;
    p.categories = p.categories.map((c) => ({ ...c, after: { sensitivity: 'off', threshold: 0.5 } }));
    const s = summarizeImportPreview(p, defaultSettings());
    expect(s.warnings[0]).toBe('すべてのカテゴリがオフになります。投稿は何も点検されなくなります。');
    expect(s.warnings).toContain('所属長の公開鍵が消えます。この端末では了承コードを確かめられなくなります。');

    const locked = same();
    locked.key = { before: A, after: B, locked: true };
    locked.categories = locked.categories.map((c) => ({ ...c, after: { sensitivity: 'off', threshold: 0.5 }, locked: c.category === 'insult' }));
    const l = summarizeImportPreview(locked, defaultSettings());
    expect(l.warnings.some((w) => w.includes('公開鍵'))).toBe(false);
    expect(l.warnings.some((w) => w.includes(CATEGORY_LABEL_JA.insult))).toBe(false);
    expect(l.warnings.some((w) => w.includes(CATEGORY_LABEL_JA.rumour))).toBe(true);
    expect(l.warnings.some((w) => w.startsWith('すべてのカテゴリ'))).toBe(false);
    expect(l.rows.find((r) => r.id === 'key')?.locked).toBe(true);
  });
});
