/**
 * The scorer: the only place settings apply. Sensitivity caps or drops a category, the threshold
 * drops unsure findings, exceptions drop what they cover, custom dictionaries add findings.
 */
import { describe, expect, it } from 'vitest';
import { createChecker, defaultSettings } from '../../src/engine/index.ts';
import { parseDictionary } from '../../src/dictionary/parse.ts';
import { expectSpans } from './helpers.ts';

const RUMOUR = '市民体育館の改修工事が遅れているらしいです。';
const INSULT = 'また役所に怒鳴り込んでくる客、ほんとバカだよね。';

describe('scorer', () => {
  it('reports by default', () => {
    const r = createChecker().check(RUMOUR);
    expect(r.findings.map((f) => f.category)).toContain('rumour');
    expect(r.categories).toContain('rumour');
  });

  it('sensitivity off removes a category', () => {
    const r = createChecker({ settings: { rumour: { sensitivity: 'off', threshold: 0.5 } } }).check(RUMOUR);
    expect(r.findings.filter((f) => f.category === 'rumour')).toEqual([]);
    expect(r.categories).not.toContain('rumour');
  });

  it('info caps the severity (and an info finding is not a category)', () => {
    const plain = createChecker().check(INSULT);
    expect(plain.findings.some((f) => f.category === 'insult' && f.severity === 'block')).toBe(true);
    const capped = createChecker({ settings: { insult: { sensitivity: 'info', threshold: 0.5 } } }).check(INSULT);
    const insult = capped.findings.filter((f) => f.category === 'insult');
    expect(insult.length).toBeGreaterThan(0);
    for (const f of insult) expect(f.severity).toBe('info');
    expect(capped.categories).not.toContain('insult');
  });

  it('rumour and decision_process warn at most by default', () => {
    const s = defaultSettings();
    expect(s.rumour.sensitivity).toBe('warn');
    expect(s.decision_process.sensitivity).toBe('warn');
    const r = createChecker().check('川が決壊したとの情報です。拡散希望！');
    for (const f of r.findings.filter((x) => x.category === 'rumour')) expect(f.severity).toBe('warn');
  });

  it('threshold 0.95 drops 0.9-confidence findings', () => {
    const before = createChecker().check(RUMOUR).findings.filter((f) => f.category === 'rumour');
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((f) => f.confidence === 0.9)).toBe(true);
    const r = createChecker({ settings: { rumour: { sensitivity: 'warn', threshold: 0.95 } } }).check(RUMOUR);
    expect(r.findings.filter((f) => f.category === 'rumour')).toEqual([]);
  });

  it('a threshold of 0.8 drops a masked (0.7) hit but keeps a plain (0.9) one', () => {
    // Without the signal books, so the term list's own findings are the ones kept.
    const c = createChecker({ signalBooks: [], settings: { insult: { sensitivity: 'block', threshold: 0.8 } } });
    expect(c.check('隣町の職員は馬○ばかり。').findings.filter((f) => f.rule === 'terms:insult.baka')).toEqual([]);
    expect(c.check('隣町の職員はバカばかり。').findings.filter((f) => f.rule === 'terms:insult.baka').length).toBe(1);
  });

  it('exceptions drop the findings they cover, and only those', () => {
    const text = '新庁舎の建設場所は現在検討中です。駅前の商店街で火事があったらしい。';
    const plain = createChecker().check(text);
    expect(plain.findings.map((f) => f.category)).toEqual(expect.arrayContaining(['decision_process', 'rumour']));
    const r = createChecker({ exceptions: ['現在検討中', '  '] }).check(text);
    expect(r.findings.filter((f) => f.category === 'decision_process')).toEqual([]);
    expect(r.findings.filter((f) => f.category === 'rumour').length).toBeGreaterThan(0);
  });

  it('an exception that only partly covers a finding keeps it', () => {
    const r = createChecker({ exceptions: ['検討'] }).check('新庁舎の建設場所は現在検討中です。');
    expect(r.findings.filter((f) => f.category === 'decision_process').length).toBeGreaterThan(0);
  });

  it('rumour and decision-process findings that the rules rate block are capped at warn by default and block when a supervisor raises the category', () => {
    const raised = createChecker({ settings: { rumour: { sensitivity: 'block', threshold: 0.5 }, decision_process: { sensitivity: 'block', threshold: 0.5 } } });
    const amplified = '【拡散希望】川の堤防が決壊するらしい！';
    expect(createChecker().check(amplified).verdict).toBe('warn');
    expect(raised.check(amplified).verdict).toBe('block');
    const leak = '新しい図書館の建設場所は庁内で検討中です。正式発表は来月の予定です。';
    expect(raised.check(leak).findings.filter((f) => f.category === 'decision_process').every((f) => f.severity === 'block')).toBe(true);
    // 禁止 is the level of every finding of the category (issue #9), not a ceiling: plain hearsay blocks too.
    expect(raised.check('来週の祭りは中止になるらしい。').verdict).toBe('block');
  });

  it('the level a supervisor sets is the level of every finding at warn or above; 標準 keeps the rating of each rule, and a note stays a note', () => {
    const text = '隣町の職員はバカばかり。';
    expect(createChecker().check('バカみたい。').findings.find((f) => f.category === 'insult')?.severity).toBe('warn');
    expect(createChecker({ settings: { insult: { sensitivity: 'block', threshold: 0.5 } } }).check('バカみたい。').findings.find((f) => f.category === 'insult')?.severity).toBe('block');
    expect(createChecker({ settings: { insult: { sensitivity: 'warn', threshold: 0.5 } } }).check(text).findings.filter((f) => f.category === 'insult').every((f) => f.severity === 'warn')).toBe(true);
    expect(createChecker({ settings: { insult: { sensitivity: 'info', threshold: 0.5 } } }).check(text).verdict).toBe('info');
    expect(createChecker({ settings: { insult: { sensitivity: 'off', threshold: 0.5 } } }).check(text).findings.filter((f) => f.category === 'insult')).toEqual([]);
  });

  it('a phone exception covers the same number however it is written', () => {
    const text = '担当の携帯 090-3333-4444 までご連絡ください。';
    expect(createChecker().check(text).categories).toContain('personal_info');
    for (const value of ['09033334444', '０９０－３３３３－４４４４']) {
      expect(createChecker({ exceptions: [{ kind: 'phone', value }] }).check(text).categories).not.toContain('personal_info');
    }
    expect(createChecker({ exceptions: [{ kind: 'phone', value: '090-3333-4445' }] }).check(text).categories).toContain('personal_info');
  });

  it('a domain exception covers e-mail addresses on that domain and its subdomains, not look-alikes', () => {
    const text = '申込みは担当の個人アドレス kikaku@hirakawa-kanko.jp まで。';
    expect(createChecker().check(text).categories).toContain('personal_info');
    expect(createChecker({ exceptions: [{ kind: 'domain', value: 'hirakawa-kanko.jp' }] }).check(text).categories).not.toContain('personal_info');
    expect(createChecker({ exceptions: [{ kind: 'domain', value: 'kanko.jp' }] }).check(text).categories).toContain('personal_info');
  });

  it('custom dictionaries add findings with their own ids', () => {
    const parsed = parseDictionary({
      name: 'custom',
      category: 'insult',
      clause: '5-8-insult',
      message: '所属で使わないと決めた言葉です。',
      entries: [{ id: 'insult.hirakawa-local', forms: ['ほじなし'], severity: 'warn', examples: { hit: ['あの人はほじなしだ'] } }],
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const text = '窓口に来たあの人、ほじなし。';
    expect(createChecker().check(text).findings.filter((f) => f.rule === 'terms:insult.hirakawa-local')).toEqual([]);
    const r = createChecker({ dictionaries: [parsed.dictionary] }).check(text);
    expectSpans(text, r);
    expect(r.findings).toContainEqual(expect.objectContaining({ rule: 'terms:insult.hirakawa-local', category: 'insult', excerpt: 'ほじなし' }));
  });

  it('collapses overlapping findings of one category into one', () => {
    const r = createChecker().check('川が決壊しそうだという噂です。');
    const rumour = r.findings.filter((f) => f.category === 'rumour');
    for (let i = 0; i < rumour.length; i++)
      for (let j = i + 1; j < rumour.length; j++) {
        const a = rumour[i]!;
        const b = rumour[j]!;
        expect(a.start < b.end && b.start < a.end, `${a.rule} overlaps ${b.rule}`).toBe(false);
      }
  });
});
