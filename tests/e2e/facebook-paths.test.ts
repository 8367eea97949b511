/**
 * Facebook's other ways to publish (issue #8 §8): 「今すぐシェア」 in the composer, and comment and
 * reply boxes that publish on Enter. Each is gated like 投稿.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXEMPT, gate, posts, VIOLATING, waitForMarkOn } from './guard-suite.ts';
import { launch, type Harness } from './harness.ts';
import { FACEBOOK_SITE } from './sites.ts';

const SITE = { ...FACEBOOK_SITE, name: 'facebook-paths', url: 'https://www.facebook.com/?comments=1' };
const COMMENT_BOX = '[data-fixture="comment"]';
const comments = (page: Page) => page.evaluate(() => window.__comments);

async function typeComment(page: Page, text: string): Promise<void> {
  await page.click(COMMENT_BOX);
  await page.keyboard.type(text);
  await page.waitForFunction((t) => window.__commentText() === t, text);
}

describe('facebook: every control that publishes is gated', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    if (h !== undefined) await h.close();
  });

  test('「今すぐシェア」 is held like 投稿', async () => {
    const page = await h.open(SITE);
    await page.click(SITE.editor);
    await page.keyboard.type(VIOLATING);
    await waitForMarkOn(page, 'バカ');
    await page.click('[aria-label="今すぐシェア"]');
    await gate(page).waitFor();
    expect(await gate(page).getAttribute('data-kind')).toBe('block');
    expect(await posts(page)).toEqual([]);
    await page.close();
  });

  test('Enter in a comment box is held for a violating comment; Shift+Enter stays a new line; a clean exempt comment goes out once', async () => {
    const page = await h.open(SITE);
    await typeComment(page, VIOLATING);
    await waitForMarkOn(page, 'バカ');
    await page.keyboard.press('Enter');
    await gate(page).waitFor();
    expect(await gate(page).getAttribute('data-kind')).toBe('block');
    expect(await comments(page)).toEqual([]);
    await page.click('[data-testid="tg-gate-fix"]');
    await gate(page).waitFor({ state: 'detached' });

    await page.click(COMMENT_BOX);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.type(EXEMPT);
    await page.waitForFunction((t) => window.__commentText() === t, EXEMPT);
    await page.keyboard.press('Shift+Enter');
    expect(await gate(page).count()).toBe(0);
    await page.keyboard.press('Backspace');
    await page.waitForFunction((t) => window.__commentText() === t, EXEMPT);
    await page.keyboard.press('Enter');
    // Nothing needs attention once the full check has answered: the gate repeats the Enter itself.
    await page.waitForFunction(() => window.__comments.length > 0);
    expect(await comments(page)).toEqual([EXEMPT]);
    expect(await posts(page)).toEqual([]);
    await page.close();
  });
});
