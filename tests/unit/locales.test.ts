/** Every UI string key exists in both locales, with the same placeholders. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { MESSAGE_KEYS } from '../../src/ui/strings.ts';

type Messages = Record<string, { message: string; placeholders?: Record<string, unknown> }>;
const load = (lang: string) => JSON.parse(readFileSync(new URL(`../../public/_locales/${lang}/messages.json`, import.meta.url), 'utf8')) as Messages;
const ja = load('ja');
const en = load('en');

describe('_locales', () => {
  test.each(MESSAGE_KEYS)('%s is in ja and en', (key) => {
    expect(ja[key]?.message).toBeTruthy();
    expect(en[key]?.message).toBeTruthy();
    expect(Object.keys(ja[key]?.placeholders ?? {})).toEqual(Object.keys(en[key]?.placeholders ?? {}));
  });
  test('both locales have the same keys', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
  });
});
