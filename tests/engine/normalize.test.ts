/**
 * normalize() (MARKERS.md B.1): the matching key folds evasions, the plain view is NFKC with
 * number dashes unified, and every index of either view maps back into the original text.
 */
import { describe, expect, it } from 'vitest';
import { keySpanToOriginal, normalize, type NormalizedText } from '../../src/engine/normalize.ts';

function expectMapsBack(n: NormalizedText): void {
  expect(n.keyToPlain.length).toBe(n.key.length);
  expect(n.plainStart.length).toBe(n.plain.length);
  expect(n.plainEnd.length).toBe(n.plain.length);
  for (let i = 0; i < n.key.length; i++) {
    const p = n.keyToPlain[i] as number;
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThan(n.plain.length);
    if (i > 0) expect(p).toBeGreaterThan(n.keyToPlain[i - 1] as number);
  }
  for (let k = 0; k < n.plain.length; k++) {
    const a = n.plainStart[k] as number;
    const b = n.plainEnd[k] as number;
    expect(a).toBeGreaterThanOrEqual(0);
    expect(a).toBeLessThan(b);
    expect(b).toBeLessThanOrEqual(n.original.length);
    if (k > 0) expect(a).toBeGreaterThanOrEqual(n.plainStart[k - 1] as number);
  }
}

describe('normalize: the matching key', () => {
  const table: Array<{ input: string; key: string; why: string }> = [
    { input: 'ﾊﾞｶ', key: 'バカ', why: 'N1 half-width kana with a separate voicing mark' },
    { input: 'バ カ', key: 'バカ', why: 'N4 a space inside a word' },
    { input: 'ア　ホ', key: 'アホ', why: 'N4 an ideographic space (U+3000) inside a word' },
    { input: 'バ\u200bカ', key: 'バカ', why: 'N5 a zero-width space' },
    { input: 'バ🍀カ', key: 'バカ', why: 'N6 one pictograph inside a word' },
    { input: '馬○', key: '馬○', why: 'N7 masks stay one wildcard character' },
    { input: 'キ〇ガイ', key: 'キ○ガイ', why: 'N7 U+3007 〇 is unified to the mask ○' },
    { input: 'キ×ガイ', key: 'キ○ガイ', why: 'N7 × is a mask too' },
    { input: 'バ力', key: 'バカ', why: 'N8 kanji 力 next to katakana reads as カ' },
    { input: '協力', key: '協力', why: 'N8 not mapped outside katakana' },
    { input: 'ばーか', key: 'バカ', why: 'N2 folded to katakana, N12 elongation dropped' },
    { input: 'ばぁか', key: 'バカ', why: 'N12 small vowel dropped' },
    { input: 'ブース', key: 'ブース', why: 'issue #7: ー inside a katakana word is a letter (ブース is not ブス)' },
    { input: 'ブーース', key: 'ブース', why: 'issue #7: a run of ー inside a word is one ー' },
    { input: 'ブ〜ス', key: 'ブース', why: 'issue #7: 〜 inside a katakana word reads as ー' },
    { input: 'バカーー', key: 'バカ', why: 'N12 trailing elongation is emphasis, dropped' },
    { input: 'クレーマーが', key: 'クレーマガ', why: 'inner ー kept, the word-final one dropped before a particle' },
    { input: 'サーバー構成', key: 'サーバ構成', why: 'word-final ー dropped before kanji' },
    { input: 'うぜー', key: 'ウゼ', why: 'N12 ー after hiragana is emphasis, dropped' },
    { input: 'BAKA', key: 'baka', why: 'Latin lower-cased' },
    { input: 'ＢＡＫＡ', key: 'baka', why: 'full-width Latin' },
  ];
  it.each(table)('$input → $key ($why)', ({ input, key }) => {
    const n = normalize(input);
    expect(n.key).toBe(key);
    expectMapsBack(n);
  });

  it('maps a key span back to the whole evasion in the original', () => {
    for (const input of ['あいつはバ カだ', 'あいつはﾊﾞｶだ', 'あいつはバ\u200bカだ', 'あいつはバ🍀カだ', 'あいつはばーかだ']) {
      const n = normalize(input);
      const at = n.key.indexOf('バカ');
      expect(at, input).toBeGreaterThanOrEqual(0);
      const { start, end } = keySpanToOriginal(n, at, at + 2);
      expect(input.slice(start, end)).toBe(input.slice(4, input.length - 1));
    }
  });

  it('maps a kept inner ー and a collapsed run back to the original', () => {
    const input = '展示ブーースです';
    const n = normalize(input);
    expectMapsBack(n);
    const at = n.key.indexOf('ブース');
    expect(at).toBeGreaterThanOrEqual(0);
    const { start, end } = keySpanToOriginal(n, at, at + 3);
    expect(input.slice(start, end)).toBe('ブーース');
  });

  it('keeps 。 and 、 between words (a clause end is never an evasion)', () => {
    expect(normalize('バ。カ').key).toContain('。');
    expect(normalize('バ、カ').key).toContain('、');
  });
});

describe('normalize: the plain view', () => {
  const table: Array<{ input: string; plain: string; why: string }> = [
    { input: '０９０－１２３４－５６７８', plain: '090-1234-5678', why: 'N1 full-width digits, N15 full-width dashes' },
    { input: '090ー1234ー5678', plain: '090-1234-5678', why: 'N15 the prolonged-sound mark as a dash' },
    { input: '036−0104', plain: '036-0104', why: 'N15 minus sign' },
    { input: '㊙', plain: '秘', why: 'N1 NFKC of the circled ideograph' },
    { input: 'ﾊﾞｶ', plain: 'バカ', why: 'N1 NFKC composes the voicing mark' },
    { input: 'ア　ホ', plain: 'ア ホ', why: 'U+3000 becomes a space, which stays in plain' },
    { input: 'バ\u200bカ', plain: 'バカ', why: 'N5 zero-width removed' },
    { input: 'コーヒー', plain: 'コーヒー', why: 'ー is a dash only between digits' },
  ];
  it.each(table)('$input → $plain ($why)', ({ input, plain }) => {
    const n = normalize(input);
    expect(n.plain).toBe(plain);
    expectMapsBack(n);
  });

  it('maps every plain character of a mixed string back into the original', () => {
    const input = 'ﾃｽﾄ０９０－１２３４😀👨‍👩‍👧e\u0301㊙\u200b　ﾊﾟﾊﾟ';
    const n = normalize(input);
    expectMapsBack(n);
    // Half-width ﾊﾟ is one cluster: both code units of the source map to the one composed パ.
    const pa = n.plain.indexOf('パ');
    expect(input.slice(n.plainStart[pa] as number, n.plainEnd[pa] as number)).toBe('ﾊﾟ');
  });

  it('handles the empty string', () => {
    const n = normalize('');
    expect(n.plain).toBe('');
    expect(n.key).toBe('');
  });
});
