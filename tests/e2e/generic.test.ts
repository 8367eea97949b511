/**
 * The generic fallback: a plain textarea or contenteditable on a guarded origin that no adapter
 * knows. It has no Post button the extension can recognise, so Ctrl/⌘+Enter is what is gated.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXEMPT, gate, posts, VIOLATING, waitForChecked, waitForMarkOn } from './guard-suite.ts';
import { launch, type Harness } from './harness.ts';
import { GENERIC_SITE as site } from './sites.ts';

describe('generic fallback', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    if (h !== undefined) await h.close();
  });

  test('a textarea: the badge reports a violating draft and Ctrl+Enter is stopped; a clean exempt one goes through', async () => {
    const page = await h.open(site);
    await page.click('textarea');
    await page.keyboard.type(VIOLATING);
    await page.waitForFunction((t) => window.__textareaText() === t, VIOLATING);
    expect(await waitForChecked(page)).toBe('block');
    await page.keyboard.press('Control+Enter');
    await gate(page).waitFor();
    expect(await gate(page).getAttribute('data-kind')).toBe('block');
    expect(await posts(page)).toEqual([]);
    expect(await page.evaluate(() => window.__keys.filter((k) => k.key === 'Enter' && k.ctrl))).toEqual([]);
    await page.click('[data-testid="tg-gate-fix"]');
    await gate(page).waitFor({ state: 'detached' });

    await page.click('textarea');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(EXEMPT);
    await page.waitForFunction((t) => window.__textareaText() === t, EXEMPT);
    await page.locator('[data-testid="tg-badge"][data-state="clean"]').waitFor();
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => window.__posts.length > 0);
    expect(await posts(page)).toEqual([EXEMPT]);
    await page.close();
  });

  test('a contenteditable: marks are drawn and Ctrl+Enter is stopped', async () => {
    const page = await h.open(site);
    await page.click('[contenteditable]');
    await page.keyboard.type(VIOLATING);
    await page.waitForFunction((t) => window.__editableText() === t, VIOLATING);
    await waitForMarkOn(page, 'バカ');
    await page.keyboard.press('Control+Enter');
    await gate(page).waitFor();
    expect(await posts(page)).toEqual([]);
    expect(await page.evaluate(() => window.__editableText())).toBe(VIOLATING);
    await page.close();
  });
});
