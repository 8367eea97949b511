/**
 * 置き換える (issue #9): a finding offers a replacement only where one is a real rewrite of its
 * words (a slur → a neutral word, an address down to the lot → its district), and applying it
 * makes that finding go away when the text is checked again.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { BUILTIN_SIGNAL_BOOKS } from '../../src/dictionary/builtin-signals.ts';
import { parseSignalBook } from '../../src/dictionary/parse-signals.ts';
import { createChecker, type Checker, type Finding } from '../../src/engine/index.ts';
import { districtOf } from '../../src/engine/rules/personal_info.ts';
import { replacedText } from '../../src/ui/finding-nav.ts';
import { loadTokenizer, TOKENIZER_TIMEOUT } from '../engine/helpers.ts';

let full: Checker;
const dictionaryOnly = createChecker();
beforeAll(async () => {
  full = createChecker({ tokenizer: await loadTokenizer() });
}, TOKENIZER_TIMEOUT);

const pairs = BUILTIN_SIGNAL_BOOKS.flatMap((b) => b.combos.flatMap((c) => Object.entries(c.replacement ?? {}).map(([from, to]) => ({ id: c.id, from, to }))));

/** Applies a finding's replacement and checks again: the text, and the findings left on the new words. */
function apply(checker: Checker, text: string, f: Finding): { after: string; left: Finding[] } {
  const after = replacedText(text, f);
  if (after === null) throw new Error(`no replacement for ${f.rule}`);
  const end = f.start + (f.replacement ?? '').length;
  return { after, left: checker.check(after).findings.filter((g) => g.start < end && f.start < g.end) };
}

describe('combo replacements (dictionaries/signals/)', () => {
  test('there are some, and each is a short phrase, not an instruction', () => {
    expect(pairs.length).toBeGreaterThan(20);
    for (const { to } of pairs) {
      expect(to.length).toBeLessThanOrEqual(12);
      expect(to).not.toMatch(/[。「」]|ください/u);
    }
  });

  test.each(pairs)('$id: 「$from」 → 「$to」 is offered on those words, and replacing them leaves no finding there', ({ id, from, to }) => {
    const text = `昨日、${from}が窓口に来た。`;
    for (const checker of [full, dictionaryOnly]) {
      const f = checker.check(text).findings.find((x) => x.rule === `signals:${id}` && x.excerpt === from);
      expect(f?.replacement, `${id} on 「${from}」`).toBe(to);
      const { after, left } = apply(checker, text, f!);
      expect(after).toBe(`昨日、${to}が窓口に来た。`);
      expect(left).toEqual([]);
    }
  });

  test('hiragana and katakana spellings share a replacement', () => {
    const f = full.check('ますごみに踊らされてるだけ').findings.find((x) => x.rule === 'signals:insult.edict-derog');
    expect(f?.replacement).toBe('報道機関');
  });

  test('findings without a literal rewrite offer none: hearsay, insults aimed at people, words about a person', () => {
    for (const text of ['上流のダムが今夜決壊するらしいです。', '窓口で騒いでた人、ほんとバカすぎ', '町内会の田中さん、会費を使い込んでるってみんな言ってるよ', '新庁舎の建設は内部で検討中です']) {
      const findings = full.check(text).findings;
      expect(findings.length, text).toBeGreaterThan(0);
      expect(findings.filter((f) => f.replacement !== undefined), text).toEqual([]);
    }
  });

  test('the parser refuses a replacement that is not a word-for-word rewrite', () => {
    const book = (replacement: unknown) =>
      parseSignalBook({
        name: 't',
        category: 'insult',
        signals: [{ name: 'x', label: 'X', terms: ['x'] }],
        combos: [{ id: 'insult.x', when: [['x']], severity: 'warn', message: 'm', suggestion: 's', replacement, examples: { hit: ['x'], clean: ['y'] } }],
      });
    const ok = book({ マスゴミ: '報道機関' });
    expect(ok.ok && ok.book.combos[0]?.replacement).toEqual({ マスゴミ: '報道機関' });
    for (const bad of ['報道機関', [], {}, { マスゴミ: '' }, { マスゴミ: 'マスゴミ' }, { マスゴミ: 3 }, { マスゴミ: '言葉を削除してください。' }]) {
      const r = book(bad);
      expect(r.ok, JSON.stringify(bad)).toBe(false);
      if (!r.ok) expect(r.problems.some((p) => p.path.startsWith('combos[0].replacement')), JSON.stringify(r.problems)).toBe(true);
    }
  });
});

describe('an address down to the lot → its district', () => {
  test.each([
    ['平川市本町1-2-3', '平川市本町'],
    ['青森県平川市猿賀石林123番地', '青森県平川市猿賀石林'],
    ['本町三丁目5番地', '本町'],
    ['平川市本町1番2号', '平川市本町'],
  ])('%s → %s', (address, district) => {
    expect(districtOf(address)).toBe(district);
  });

  test('nothing to cut, nothing offered', () => {
    expect(districtOf('平川市本町')).toBeNull();
  });

  test('a private address next to a name is offered as its district, and replacing it leaves no address finding', () => {
    const text = '田中さんの住所は平川市本町1-2-3です。';
    for (const checker of [full, dictionaryOnly]) {
      const f = checker.check(text).findings.find((x) => x.rule === 'personal_info:address');
      expect(f?.excerpt).toBe('平川市本町1-2-3');
      expect(f?.replacement).toBe('平川市本町');
      const { after, left } = apply(checker, text, f!);
      expect(after).toBe('田中さんの住所は平川市本町です。');
      expect(left.filter((g) => g.rule === 'personal_info:address')).toEqual([]);
    }
  });
});
