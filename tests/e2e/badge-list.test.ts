/**
 * The badge's list of findings and 置き換える (issue #9), on both editors (X's Draft.js and
 * Facebook's Lexical): the badge opens the list, 次へ/前へ and Alt+Shift+J/K select each finding's
 * words in the box (selection only), 置き換える goes through the editor's own input so its model,
 * the page and the post stay one text, and the whole path works from the keyboard.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { gate, posts, screenshot, typeInto } from './guard-suite.ts';
import { launch, type Harness, type SiteFixture } from './harness.ts';
import { FACEBOOK_SITE, GENERIC_SITE, X_SITE } from './sites.ts';

/** Two sentences, each with a finding: マスゴミ (a word with a replacement) and an insult aimed at a person (none). */
const TWO = 'マスゴミの取材には応じません。窓口で騒いでた人、ほんとバカすぎ';
/** One finding, whose replacement makes the post clean. */
const ONE = 'マスゴミの取材には応じません。';
const ONE_REPLACED = '報道機関の取材には応じません。';
/** A private address down to the lot next to a name: the card offers its district. */
const ADDRESS = '田中さんの住所は平川市本町1-2-3です。';

const badge = (page: Page) => page.locator('[data-testid="tg-badge"]');
const list = (page: Page) => page.locator('[data-testid="tg-list"]');
const items = (page: Page) => page.locator('[data-testid="tg-list-item"]');

function modelText(page: Page, site: SiteFixture): Promise<string> {
  return page.evaluate((fn) => (window as unknown as Record<string, () => string>)[fn]!(), site.modelText);
}

async function waitForModel(page: Page, site: SiteFixture, text: string): Promise<void> {
  await page.waitForFunction(([fn, t]) => (window as unknown as Record<string, () => string>)[fn!]!() === t, [site.modelText, text] as const);
}

/** The full check has answered for the current text (the marks will not change under the test). */
async function settled(page: Page): Promise<void> {
  await page.locator('[data-testid="tg-badge"][data-partial="false"]:not([data-state="checking"])').waitFor();
}

function markCount(page: Page): Promise<number> {
  return page.evaluate(() => ['tg-info', 'tg-warn', 'tg-block'].reduce((n, k) => n + (CSS.highlights.get(k)?.size ?? 0), 0));
}

async function waitForSelection(page: Page, words: string): Promise<void> {
  await page.waitForFunction((w) => document.getSelection()?.toString() === w, words);
}

/**
 * The finding the list is on, drawn over its mark. While the list has the keyboard, Draft.js (X)
 * drops the page's selection from its box (it keeps it in its model), so this is what shows; Esc
 * puts the selection back, which the tests check by typing over it.
 */
async function waitForCurrent(page: Page, words: string): Promise<void> {
  await page.waitForFunction((w) => [...(CSS.highlights.get('tg-current') ?? [])].map((r) => r.toString()).join('|') === w, words);
}

/** Where the keyboard focus is: `ui:<data-testid>` inside our UI, `editor` in the compose box. */
function focused(page: Page, site: SiteFixture): Promise<string> {
  return page.evaluate((selector) => {
    const active = document.activeElement;
    if (active !== null && active.tagName === 'TOUKOU-GUARD-UI') {
      const inner = active.shadowRoot?.activeElement ?? null;
      return `ui:${inner?.getAttribute('data-testid') ?? inner?.tagName ?? ''}`;
    }
    const editor = document.querySelector(selector);
    return editor !== null && active !== null && editor.contains(active) ? 'editor' : (active?.tagName ?? '');
  }, site.editor);
}

async function waitForFocus(page: Page, site: SiteFixture, where: string): Promise<void> {
  await expect.poll(() => focused(page, site)).toBe(where);
}

/** The keys the page saw that are ours (the shortcuts and Esc while the list is open). */
function oursSeenByPage(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__keys.filter((k) => k.key === 'J' || k.key === 'K' || k.key === 'Escape').map((k) => k.key));
}

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  if (h !== undefined) await h.close();
});

for (const site of [X_SITE, FACEBOOK_SITE]) {
  describe(site.name, () => {
    test('the badge opens the list; 次へ and 前へ select each finding’s words in turn and change nothing in the editor', async () => {
      const page = await h.open(site);
      await typeInto(page, site, TWO);
      await settled(page);
      await badge(page).click();
      await list(page).waitFor();
      expect(await badge(page).getAttribute('aria-expanded')).toBe('true');
      await waitForFocus(page, site, 'ui:tg-list');

      // One entry per mark, in text order: sign and word (not colour alone), the sentence, the reason.
      const n = await items(page).count();
      expect(n).toBeGreaterThanOrEqual(2);
      expect(n).toBe(await markCount(page));
      const excerpts = await items(page).evaluateAll((els) => els.map((li) => li.querySelector('mark')?.textContent ?? ''));
      expect(excerpts[0]).toBe('マスゴミ');
      expect(excerpts.some((e) => e.includes('バカ'))).toBe(true);
      for (let i = 0; i < n; i++) {
        const item = items(page).nth(i);
        expect(await item.locator('.tg-sev').textContent()).toMatch(/^(⛔ 禁止|⚠ 注意|ℹ 参考)$/u);
        expect((await item.locator('.tg-reason').textContent())!.length).toBeGreaterThan(10);
      }
      expect(await items(page).first().locator('[data-testid="tg-list-goto"]').textContent()).toBe('マスゴミの取材には応じません。');
      expect(await items(page).first().locator('[data-testid="tg-list-replace"]').getAttribute('aria-label')).toBe('「マスゴミ」を「報道機関」に置き換える');
      // 14 px or more.
      expect(await list(page).evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(14);
      await screenshot(page, `${site.name}-finding-list.png`);

      // The caret is at the end of the text: 次へ starts again at the first finding, and goes through every one.
      for (let i = 0; i < n; i++) {
        await page.locator('[data-testid="tg-list-next"]').click();
        await waitForCurrent(page, excerpts[i]!);
        expect(await page.locator('[data-testid="tg-list-item"][aria-current="true"]').getAttribute('data-index')).toBe(String(i));
        expect(await page.locator('[data-testid="tg-list-status"]').textContent()).toContain(`${i + 1}件目（全${n}件）`);
        expect(await page.locator('[data-testid="tg-list-position"]').textContent()).toBe(`${i + 1}件目 / 全${n}件`);
      }
      // …and round: 次へ after the last is the first, 前へ before the first is the last.
      await page.locator('[data-testid="tg-list-next"]').click();
      await waitForCurrent(page, excerpts[0]!);
      await page.locator('[data-testid="tg-list-prev"]').click();
      await waitForCurrent(page, excerpts[n - 1]!);
      await page.locator('[data-testid="tg-list-prev"]').click();
      await waitForCurrent(page, excerpts[n - 2]!);
      // The keyboard stays on the button pressed.
      await waitForFocus(page, site, 'ui:tg-list-prev');

      // Selection only: the editor's model and its page text are what was typed.
      expect(await modelText(page, site)).toBe(TWO);
      expect(await page.locator(site.editor).innerText()).toBe(TWO);

      // Esc: the list closes and the box has the keyboard again, the words still selected, and the
      // editor knows it (typing replaces exactly them).
      await page.keyboard.press('Escape');
      await list(page).waitFor({ state: 'detached' });
      await waitForFocus(page, site, 'editor');
      await waitForSelection(page, excerpts[n - 2]!);
      expect(await page.evaluate(() => CSS.highlights.has('tg-current'))).toBe(false);
      const at = TWO.indexOf(excerpts[n - 2]!);
      await page.keyboard.type('方');
      await waitForModel(page, site, TWO.slice(0, at) + '方' + TWO.slice(at + excerpts[n - 2]!.length));
      await settled(page);

      // Clicking an entry closes the list and selects its words.
      await badge(page).click();
      await list(page).waitFor();
      const last = items(page).last();
      const lastWords = (await last.locator('mark').textContent())!;
      await last.locator('[data-testid="tg-list-goto"]').click();
      await list(page).waitFor({ state: 'detached' });
      await waitForSelection(page, lastWords);
      await waitForFocus(page, site, 'editor');

      // Esc in the box while the list is open closes the list, and the site never sees that Esc.
      await badge(page).click();
      await list(page).waitFor();
      await page.locator(site.editor).click();
      await waitForFocus(page, site, 'editor');
      await page.keyboard.press('Escape');
      await list(page).waitFor({ state: 'detached' });
      expect(await oursSeenByPage(page)).toEqual([]);
      await page.close();
    });

    test('置き換える in the list goes through the editor: its model equals the page, the mark goes, and the post is exactly that text', async () => {
      const page = await h.open(site);
      await typeInto(page, site, ONE);
      await settled(page);
      expect(await badge(page).getAttribute('data-state')).toBe('findings');
      await badge(page).click();
      await list(page).waitFor();
      await items(page).filter({ hasText: 'マスゴミ' }).locator('[data-testid="tg-list-replace"]').click();

      await waitForModel(page, site, ONE_REPLACED);
      expect(await page.locator(site.editor).innerText()).toBe(ONE_REPLACED);
      // Checked again: the mark is gone, the list says so and so does the screen reader's line.
      await page.waitForFunction(() => ['tg-info', 'tg-warn', 'tg-block'].every((n) => (CSS.highlights.get(n)?.size ?? 0) === 0));
      await page.locator('[data-testid="tg-list-empty"]').waitFor();
      expect(await page.locator('[data-testid="tg-list-status"]').textContent()).toBe('「マスゴミ」を「報道機関」に置き換えました。');
      expect(await page.locator('[data-testid="tg-list-notice"]').textContent()).toBe('「マスゴミ」を「報道機関」に置き換えました。');
      await page.locator('[data-testid="tg-badge"][data-state="approval"]').waitFor();
      await screenshot(page, `${site.name}-finding-list-replaced.png`);

      await page.keyboard.press('Escape');
      await list(page).waitFor({ state: 'detached' });
      await waitForFocus(page, site, 'editor');

      // What the gate reads and what goes out is the replaced text, once.
      await page.click(site.postButton);
      await gate(page).waitFor();
      expect(await gate(page).getAttribute('data-kind')).toBe('approval');
      await page.check('[data-testid="tg-gate-approved"]');
      await page.click('[data-testid="tg-gate-proceed"]');
      await page.waitForFunction(() => window.__posts.length > 0);
      expect(await posts(page)).toEqual([ONE_REPLACED]);
      await page.close();
    });

    test('the card offers 置き換える where the finding knows a rewrite: an address down to the lot becomes its district', async () => {
      const page = await h.open(site);
      await typeInto(page, site, ADDRESS);
      await settled(page);
      const box = await page.evaluate(() => {
        const range = ['tg-block', 'tg-warn'].flatMap((n) => [...(CSS.highlights.get(n) ?? [])] as Range[]).find((r) => r.toString() === '平川市本町1-2-3');
        if (range === undefined) return null;
        const r = range.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      });
      expect(box).not.toBeNull();
      await page.mouse.move(box!.x, box!.y);
      const card = page.locator('[data-testid="tg-card"]');
      await card.waitFor();
      expect(await card.locator('.tg-replace').textContent()).toContain('「平川市本町1-2-3」→「平川市本町」');
      await card.locator('[data-testid="tg-card-replace"]').click();

      const expected = '田中さんの住所は平川市本町です。';
      await waitForModel(page, site, expected);
      expect(await page.locator(site.editor).innerText()).toBe(expected);
      // The address mark is gone after the check that follows.
      await page.waitForFunction(() => ['tg-warn', 'tg-block'].every((n) => [...(CSS.highlights.get(n) ?? [])].every((r) => !r.toString().includes('平川市本町'))));
      await settled(page);
      expect(await modelText(page, site)).toBe(expected);
      await page.close();
    });

    test('keyboard only: Alt+Shift+J/K go through the findings, Tab reaches 置き換える, Esc returns to the box', async () => {
      const page = await h.open(site);
      // No mouse anywhere in this test.
      await page.focus(site.editor);
      await page.keyboard.type(TWO);
      await waitForModel(page, site, TWO);
      await settled(page);

      await page.keyboard.press('Alt+Shift+KeyJ');
      await list(page).waitFor();
      await waitForCurrent(page, 'マスゴミ');
      await waitForFocus(page, site, 'ui:tg-list-next');
      const second = await items(page).nth(1).locator('mark').textContent();
      await page.keyboard.press('Alt+Shift+KeyJ');
      await waitForCurrent(page, second!);
      await page.keyboard.press('Alt+Shift+KeyK');
      await waitForCurrent(page, 'マスゴミ');
      expect(await page.locator('[data-testid="tg-list-status"]').textContent()).toContain('1件目');

      // Tab from 次へ reaches the current finding's 置き換える.
      for (let i = 0; i < 8 && (await focused(page, site)) !== 'ui:tg-list-replace'; i++) await page.keyboard.press('Tab');
      expect(await focused(page, site)).toBe('ui:tg-list-replace');
      await page.keyboard.press('Enter');
      const replaced = TWO.replace('マスゴミ', '報道機関');
      await waitForModel(page, site, replaced);
      expect(await page.locator(site.editor).innerText()).toBe(replaced);

      // Esc back to the box: the caret is after the new words and typing goes on from there.
      await waitForFocus(page, site, 'ui:tg-list-next');
      await page.keyboard.press('Escape');
      await list(page).waitFor({ state: 'detached' });
      await waitForFocus(page, site, 'editor');
      await page.keyboard.type('各社');
      await waitForModel(page, site, replaced.replace('報道機関', '報道機関各社'));
      // The shortcuts and Esc were ours: the site saw none of them.
      expect(await oursSeenByPage(page)).toEqual([]);
      await page.close();
    });

    test('Alt+Shift+J does nothing while an IME is composing', async () => {
      const page = await h.open(site);
      await typeInto(page, site, TWO);
      await settled(page);
      const cdp = await h.context.newCDPSession(page);
      await cdp.send('Input.imeSetComposition', { text: 'ほうどう', selectionStart: 4, selectionEnd: 4 });
      await page.waitForFunction((sel) => document.querySelector(sel)!.textContent!.includes('ほうどう'), site.editor);
      // The key as an IME delivers it mid-conversion (keyCode 229).
      await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'J', code: 'KeyJ', modifiers: 1 | 8, windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 });
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'J', code: 'KeyJ', modifiers: 1 | 8, windowsVirtualKeyCode: 74, nativeVirtualKeyCode: 74 });
      await cdp.send('Input.insertText', { text: '報道' });
      await waitForModel(page, site, TWO + '報道');
      await settled(page);
      expect(await list(page).count()).toBe(0);
      // After the composition the same keys work.
      await page.keyboard.press('Alt+Shift+KeyJ');
      await list(page).waitFor();
      await page.close();
    });
  });
}

describe('a plain textarea (the generic fallback)', () => {
  // Its own browser: the harness serves one fixture per origin, and this one shares x.com with X's.
  let g: Harness;
  beforeAll(async () => {
    g = await launch();
  });
  afterAll(async () => {
    if (g !== undefined) await g.close();
  });

  test('it has no marks, yet the list lists its findings, 次へ selects the words in it and 置き換える replaces them', async () => {
    const page = await g.open(GENERIC_SITE);
    await page.focus('textarea');
    await page.keyboard.type(ONE);
    await page.waitForFunction((t) => window.__textareaText() === t, ONE);
    await settled(page);
    await page.keyboard.press('Alt+Shift+KeyJ');
    await list(page).waitFor();
    expect(await items(page).count()).toBe(1);
    await page.waitForFunction(() => {
      const area = document.querySelector('textarea')!;
      return area.value.slice(area.selectionStart, area.selectionEnd) === 'マスゴミ';
    });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('data-testid'))).toBe('tg-list-replace');
    await page.keyboard.press('Enter');
    await page.waitForFunction((t) => window.__textareaText() === t, ONE_REPLACED);
    await page.locator('[data-testid="tg-list-empty"]').waitFor();
    await page.close();
  });
});
