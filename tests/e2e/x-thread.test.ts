/**
 * An X thread: two compose boxes published by one Post button. Both are checked and marked, and
 * the gate decides on all of them together, from the Post button and from Ctrl+Enter in either box.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXEMPT, gate, posts, VIOLATING, waitForMarkOn } from './guard-suite.ts';
import { launch, type Harness } from './harness.ts';
import { X_THREAD_SITE as site } from './sites.ts';

const EXEMPT_2 = '【結果】市民マラソン大会には350人が参加し、全員が完走しました。';
const box = (i: number) => `[data-testid="tweetTextarea_${i}"]`;

async function typeIntoBox(page: Page, i: number, text: string): Promise<void> {
  await page.click(box(i));
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
  await page.waitForFunction(([n, t]) => window.__draftTexts()[n as number] === t, [i, text] as const);
}

describe('x thread', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    if (h !== undefined) await h.close();
  });

  test('both boxes are checked; Post is gated on any of them and re-checks all after a fix', async () => {
    const page = await h.open(site);
    await typeIntoBox(page, 0, EXEMPT);
    await typeIntoBox(page, 1, VIOLATING);
    await waitForMarkOn(page, 'バカ');
    await page.locator('[data-testid="tg-badge"][data-state="block"]').waitFor();
    await page.locator('[data-testid="tg-badge"][data-state="clean"]').waitFor();
    expect(await page.locator('[data-testid="tg-badge"]').count()).toBe(2);

    await page.click(site.postButton);
    await gate(page).waitFor();
    expect(await gate(page).getAttribute('data-kind')).toBe('block');
    expect(await posts(page)).toEqual([]);
    await page.click('[data-testid="tg-gate-fix"]');
    await gate(page).waitFor({ state: 'detached' });

    // Fix the second box: the whole thread is exempt now, and one click publishes both posts once.
    await page.click(box(1));
    await page.keyboard.press('Control+A');
    await page.keyboard.type(EXEMPT_2);
    await page.waitForFunction((t) => window.__draftTexts()[1] === t, EXEMPT_2);
    await page.waitForFunction(() => (CSS.highlights.get('tg-block')?.size ?? 0) === 0);
    await page.locator('[data-testid="tg-badge"]:not([data-state="clean"])').waitFor({ state: 'detached' });
    await page.click(site.postButton);
    await page.waitForFunction(() => window.__posts.length > 0);
    expect(await posts(page)).toEqual([EXEMPT, EXEMPT_2]);
    expect(await gate(page).count()).toBe(0);
    await page.close();
  });

  test('Ctrl+Enter in the clean second box is gated by the first box', async () => {
    const page = await h.open(site);
    await typeIntoBox(page, 0, VIOLATING);
    await typeIntoBox(page, 1, EXEMPT_2);
    await waitForMarkOn(page, 'バカ');
    await page.keyboard.press('Control+Enter');
    await gate(page).waitFor();
    expect(await gate(page).getAttribute('data-kind')).toBe('block');
    expect(await posts(page)).toEqual([]);
    expect(await page.evaluate(() => window.__draftTexts())).toEqual([VIOLATING, EXEMPT_2]);
    await page.close();
  });
});
