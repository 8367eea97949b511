/**
 * The learned component's model and trainer (issue #7 item 6): the shipped weights load and stay
 * under 2 MB, training is reproducible, a finding is explained by the words that drove it, and a
 * broken weights file is refused with a message rather than scoring nonsense.
 */
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TextModel, type ModelData } from '../../src/engine/model.ts';
import { pack, train, type TrainingText } from '../../src/model/train.ts';
import { builtinModel } from '../../src/engine/rules/model.ts';

const SHIPPED = new URL('../../dictionaries/model/model.json', import.meta.url);

const toy: TrainingText[] = [
  ...['あいつはばかだ', 'ばかなやつら', '本当にばかばかしい連中', 'ばかばっかり', 'あの店主はばかだよ', 'ばかとしか言えない'].map((s) => ({ sentences: [s], categories: ['insult' as const] })),
  ...['今日は晴れです', '図書館は休館日です', 'りんごの収穫が始まりました', '健診の予約を受け付けます', '除雪車が出動しました', '今日の店主は元気だよ'].map((s) => ({ sentences: [s], categories: [] })),
];

describe('the shipped model', () => {
  it('loads, names every category once, and is under 2 MB', () => {
    expect(statSync(SHIPPED).size).toBeLessThan(2 * 1024 * 1024);
    const model = builtinModel();
    expect(new Set(model.categories).size).toBe(model.categories.length);
    const data = JSON.parse(readFileSync(SHIPPED, 'utf8')) as ModelData;
    // Where its texts came from travels with the weights (the articles are CC BY 4.0).
    expect(data.source).toMatch(/CC BY 4\.0/);
  });
});

describe('training', () => {
  const options = { categories: ['insult', 'rumour'] as const, sizes: [1, 2, 3], minCount: 1, epochs: 20 };
  it('gives the same weights for the same texts', () => {
    const a = pack(train(toy, { ...options, categories: [...options.categories] }), ['insult', 'rumour'], [1, 2, 3], [0, null], 'toy');
    const b = pack(train(toy, { ...options, categories: [...options.categories] }), ['insult', 'rumour'], [1, 2, 3], [0, null], 'toy');
    expect(a).toEqual(b);
  });

  it('separates what it was taught and explains a finding by its words', () => {
    const data = pack(train(toy, { ...options, categories: [...options.categories] }), ['insult', 'rumour'], [1, 2, 3], [0, null], 'toy');
    const model = new TextModel(data);
    const insult = (text: string) => (model.score(text).find((s) => s.category === 'insult') as { logit: number }).logit;
    expect(insult('窓口のあの人はばかだ')).toBeGreaterThan(insult('窓口は九時に開きます'));
    expect(insult('窓口のあの人はばかだ')).toBeGreaterThan(0);
    expect(insult('窓口は九時に開きます')).toBeLessThan(0);
    const key = '窓口のあの人はばかだ';
    const span = model.explain(key, 'insult');
    expect(key.slice(span.from, span.to)).toContain('ばか');
    // A category with no threshold is never reported.
    expect(model.score(key).find((s) => s.category === 'rumour')?.threshold).toBeNull();
  });
});

describe('a broken weights file', () => {
  const good = (): ModelData => pack(train(toy, { categories: ['insult'], sizes: [1, 2], minCount: 1, epochs: 2 }), ['insult'], [1, 2], [0], 'toy');
  it.each([
    ['an unknown version', (d: ModelData) => ({ ...d, version: 2 as unknown as 1 }), /version/],
    ['weights that do not match the n-grams', (d: ModelData) => ({ ...d, weights: btoa('\u0001') }), /weights/],
    ['a missing bias', (d: ModelData) => ({ ...d, bias: [] }), /bias/],
    ['a threshold that is not a number', (d: ModelData) => ({ ...d, thresholds: [Number.NaN] }), /thresholds/],
    ['an impossible n-gram length', (d: ModelData) => ({ ...d, sizes: [9] }), /sizes/],
  ])('is refused: %s', (_, broken, message) => {
    expect(() => new TextModel(broken(good()))).toThrow(message);
  });
});
