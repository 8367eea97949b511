/**
 * Staff read 点検, not チェック (issue #9: 部分チェック → 部分点検). A checkbox is still ticked
 * (チェックを入れる), so only that use of the word is allowed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const ja = JSON.parse(readFileSync(path.join(ROOT, 'public', '_locales', 'ja', 'messages.json'), 'utf8')) as Record<string, { message: string }>;

/** チェック that is not about ticking a box (チェックを入れる / チェックボックス / チェックが入って). */
const inspectWord = /チェック(?!を入れ|ボックス|が入っ)/;

test('the Japanese UI strings say 点検', () => {
  const offending = Object.entries(ja).filter(([, v]) => inspectWord.test(v.message)).map(([k, v]) => `${k}: ${v.message}`);
  expect(offending).toEqual([]);
  expect(ja['badgePartial']?.message).toContain('部分点検');
});

test('the in-page UI components say 点検 in their own text', () => {
  const dir = path.join(ROOT, 'src', 'ui');
  const offending = readdirSync(dir)
    .filter((f) => f.endsWith('.tsx'))
    .flatMap((f) =>
      readFileSync(path.join(dir, f), 'utf8')
        .split('\n')
        .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line) && inspectWord.test(line))
        .map((line) => `${f}: ${line.trim()}`),
    );
  expect(offending).toEqual([]);
});
