/** 次へ/前へ through a post's findings, the Alt+Shift+J/K keys, and the text a replacement leaves (src/ui/finding-nav.ts). */
import { describe, expect, test } from 'vitest';
import { findingKey, navigationKey, replacedText, stepFinding } from '../../src/ui/finding-nav.ts';

// 「…AA…BB…CC」: three marks at [2,4), [6,8), [10,12).
const spans = [
  { start: 2, end: 4 },
  { start: 6, end: 8 },
  { start: 10, end: 12 },
];

describe('stepFinding', () => {
  test('from the current finding, 次へ and 前へ go round the post', () => {
    expect(stepFinding(spans, 0, 1, null)).toBe(1);
    expect(stepFinding(spans, 2, 1, null)).toBe(0);
    expect(stepFinding(spans, 0, -1, null)).toBe(2);
    expect(stepFinding(spans, 1, -1, 99)).toBe(0); // the current finding wins over the caret
  });

  test('with none selected yet, it starts from the caret', () => {
    expect(stepFinding(spans, null, 1, 0)).toBe(0);
    expect(stepFinding(spans, null, 1, 5)).toBe(1);
    // Inside a mark: 次へ takes that mark, and so does 前へ.
    expect(stepFinding(spans, null, 1, 7)).toBe(1);
    expect(stepFinding(spans, null, -1, 7)).toBe(1);
    // Right after a mark (the caret a word leaves): 次へ goes on, 前へ goes back to it.
    expect(stepFinding(spans, null, 1, 8)).toBe(2);
    expect(stepFinding(spans, null, -1, 8)).toBe(1);
    // Past the last mark 次へ wraps to the first; before the first 前へ wraps to the last.
    expect(stepFinding(spans, null, 1, 12)).toBe(0);
    expect(stepFinding(spans, null, -1, 1)).toBe(2);
  });

  test('without a caret in the box it starts at the first (次へ) or last (前へ); with no findings there is nowhere to go', () => {
    expect(stepFinding(spans, null, 1, null)).toBe(0);
    expect(stepFinding(spans, null, -1, null)).toBe(2);
    expect(stepFinding([], null, 1, 3)).toBeNull();
    expect(stepFinding([], 0, -1, null)).toBeNull();
  });

  test('a current index that no longer exists (the list shrank) counts as none', () => {
    expect(stepFinding(spans.slice(0, 2), 2, 1, null)).toBe(0);
  });
});

describe('replacedText', () => {
  const text = '反対してる連中なんてマスゴミに踊らされてるだけ';
  const finding = { start: 10, end: 14, excerpt: 'マスゴミ', replacement: '報道機関' };

  test('replaces exactly the finding’s words', () => {
    expect(replacedText(text, finding)).toBe('反対してる連中なんて報道機関に踊らされてるだけ');
  });

  test('refuses when the text changed under the finding, or when there is no replacement', () => {
    expect(replacedText('昨日、' + text, finding)).toBeNull();
    expect(replacedText(text, { ...finding, replacement: undefined })).toBeNull();
  });
});

describe('navigationKey', () => {
  const key = (over: Partial<Parameters<typeof navigationKey>[0]>) => navigationKey({ code: 'KeyJ', altKey: true, shiftKey: true, ctrlKey: false, metaKey: false, isComposing: false, keyCode: 74, ...over });

  test('Alt+Shift+J is 次へ and Alt+Shift+K is 前へ, by the key’s place (a Mac’s Option+Shift+J types Ô)', () => {
    expect(key({})).toBe(1);
    expect(key({ code: 'KeyK', keyCode: 75 })).toBe(-1);
  });

  test('never during IME composition, and not with other modifiers or without Shift', () => {
    expect(key({ isComposing: true })).toBeNull();
    expect(key({ keyCode: 229 })).toBeNull();
    expect(key({ ctrlKey: true })).toBeNull(); // AltGr on Windows is Ctrl+Alt
    expect(key({ metaKey: true })).toBeNull();
    expect(key({ shiftKey: false })).toBeNull();
    expect(key({ altKey: false })).toBeNull();
    expect(key({ code: 'KeyL' })).toBeNull();
  });
});

test('findingKey tells findings apart by rule and place', () => {
  const a = { rule: 'terms:insult.baka', start: 3, end: 5 };
  expect(findingKey(a)).toBe(findingKey({ ...a }));
  expect(findingKey(a)).not.toBe(findingKey({ ...a, start: 4 }));
  expect(findingKey(a)).not.toBe(findingKey({ ...a, rule: 'signals:insult.contempt' }));
});
