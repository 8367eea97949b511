/**
 * The one end-to-end suite every editor runs (cf. harper's chrome-plugin tests): each site's spec
 * file is three lines. Waits on conditions only; never on time.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launch, PROXY_CONTROL_HOST, SCREENSHOT_DIR, unexplained, type Harness, type SiteFixture } from './harness.ts';

export const VIOLATING = '窓口で騒いでた人、ほんとバカすぎ';
export const FIXED = '窓口にお越しの皆さま、ご来庁ありがとうございました。';
/** A warn finding (5-8-decision-process): may be posted over, with a reason. */
export const WARN = '新庁舎の建設は内部で検討中です';
export const EXEMPT = '【結果】市民ゲートボール大会には28チームが参加し、新屋クラブが優勝しました。';

/** A 1×1 PNG: the photo the suite attaches (4-2-media). */
export const PHOTO = {
  name: 'photo.png',
  mimeType: 'image/png',
  buffer: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64'),
};

export const gate = (page: Page) => page.locator('[data-testid="tg-gate"]');
const badge = (page: Page) => page.locator('[data-testid="tg-badge"]');

export function posts(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__posts);
}

function modelText(page: Page, site: SiteFixture): Promise<string> {
  return page.evaluate((fn) => (window as unknown as Record<string, () => string>)[fn]!(), site.modelText);
}

/** Text covered by the marks of the given severities, read in the page's own world. */
function markedTexts(page: Page, names: string[] = ['tg-warn', 'tg-block']): Promise<string[]> {
  return page.evaluate((ns) => ns.flatMap((n) => [...(CSS.highlights.get(n) ?? [])].map((r) => r.toString())), names);
}

export async function waitForMarkOn(page: Page, word: string): Promise<void> {
  await page.waitForFunction(
    (w) => ['tg-warn', 'tg-block'].some((n) => [...(CSS.highlights.get(n) ?? [])].some((r) => r.toString().includes(w))),
    word,
  );
}

/** Waits until the badge has checked the current text (not "checking"). */
export async function waitForChecked(page: Page): Promise<string> {
  await page.locator('[data-testid="tg-badge"]:not([data-state="checking"])').waitFor();
  return (await badge(page).getAttribute('data-state')) ?? '';
}

async function focusEditorEnd(page: Page, site: SiteFixture): Promise<void> {
  await page.click(site.editor);
  await page.keyboard.press('Control+End');
}

export async function typeInto(page: Page, site: SiteFixture, text: string): Promise<void> {
  await focusEditorEnd(page, site);
  await page.keyboard.type(text);
  await page.waitForFunction(([fn, t]) => (window as unknown as Record<string, () => string>)[fn!]!() === t, [site.modelText, text] as const);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, name) });
}

/**
 * The background sees every runtime message: this records the audit events the content scripts
 * send from now on, and answers a function that reads them.
 */
export async function recordAuditEvents(h: Harness): Promise<() => Promise<Array<Record<string, unknown>>>> {
  const worker = h.context.serviceWorkers()[0]!;
  await worker.evaluate(() => {
    const seen: unknown[] = [];
    (globalThis as unknown as { __tgSeen: unknown[] }).__tgSeen = seen;
    const { chrome } = globalThis as unknown as { chrome: { runtime: { onMessage: { addListener(f: (m: { type?: string }) => undefined): void } } } };
    chrome.runtime.onMessage.addListener((m) => {
      if (m.type === 'audit.append') seen.push(m);
      return undefined;
    });
  });
  return () => worker.evaluate(() => (globalThis as unknown as { __tgSeen: Array<{ data: Record<string, unknown> }> }).__tgSeen.map((m) => m.data));
}

export function describeGuardSuite(site: SiteFixture): void {
  describe(site.name, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await launch();
    });
    afterAll(async () => {
      if (h !== undefined) await h.close();
    });

    test('a violating draft gets marks; its Post click and Ctrl+Enter never reach the page', async () => {
      const page = await h.open(site);
      await typeInto(page, site, VIOLATING);
      await waitForMarkOn(page, 'バカ');
      expect(['findings', 'block']).toContain(await waitForChecked(page));

      // Hovering the mark opens the card with the clause.
      const box = await page.evaluate(() => {
        const r = ([...(CSS.highlights.get('tg-block') ?? CSS.highlights.get('tg-warn') ?? [])][0]! as Range).getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      });
      await page.mouse.move(box.x, box.y);
      const card = page.locator('[data-testid="tg-card"]');
      await card.waitFor();
      expect(await card.locator('[data-testid="tg-card-clause"]').textContent()).toContain('（５）⑧');
      await screenshot(page, `${site.name}-marked-card.png`);
      // Leaving the mark closes the card.
      await page.mouse.move(5, 5);
      await card.waitFor({ state: 'detached' });

      await page.click(site.postButton);
      await gate(page).waitFor();
      await screenshot(page, `${site.name}-gate.png`);
      expect(await posts(page)).toEqual([]);
      // The finding is shown inside its sentence; clicking it closes the gate and selects its words.
      const goto = page.locator('[data-testid="tg-gate-goto"]').first();
      expect(await goto.textContent()).toContain(VIOLATING.slice(0, 8));
      await goto.click();
      await gate(page).waitFor({ state: 'detached' });
      expect(await page.evaluate(() => document.getSelection()?.toString() ?? '')).toContain('バカ');
      expect(await modelText(page, site)).toBe(VIOLATING);

      await focusEditorEnd(page, site);
      await page.keyboard.press('Control+Enter');
      await gate(page).waitFor();
      expect(await posts(page)).toEqual([]);
      expect(await page.evaluate(() => window.__keys.filter((k) => k.key === 'Enter' && k.ctrl))).toEqual([]);
      expect(await modelText(page, site)).toBe(VIOLATING);
      await page.close();
    });

    test('after fixing the text, Post and the approval confirmation post exactly the typed text once', async () => {
      const page = await h.open(site);
      await typeInto(page, site, VIOLATING);
      await waitForMarkOn(page, 'バカ');
      await page.keyboard.press('Control+A');
      await page.keyboard.type(FIXED);
      await page.waitForFunction(([fn, t]) => (window as unknown as Record<string, () => string>)[fn!]!() === t, [site.modelText, FIXED] as const);
      await page.waitForFunction(() => ['tg-warn', 'tg-block'].every((n) => (CSS.highlights.get(n)?.size ?? 0) === 0));
      await waitForChecked(page);

      // Not exempt under (4)③: the gate asks for the supervisor's approval first.
      await page.click(site.postButton);
      await gate(page).waitFor();
      expect(await gate(page).getAttribute('data-kind')).toBe('approval');
      expect(await page.locator('[data-testid="tg-gate-proceed"]').isDisabled()).toBe(true);
      await screenshot(page, `${site.name}-gate-approval.png`);
      // No supervisor PIN in this profile: the author is told that only their own word stands for the approval.
      expect(await page.locator('[data-testid="tg-pin-notice"]').textContent()).toContain('所属長のPINが未設定です');
      await page.check('[data-testid="tg-gate-approved"]');
      // Two actions: the gate presses Post itself once the approval is confirmed.
      await page.click('[data-testid="tg-gate-proceed"]');
      await gate(page).waitFor({ state: 'detached' });
      await page.waitForFunction(() => window.__posts.length > 0);
      expect(await posts(page)).toEqual([FIXED]);

      // The approval was for that one post: the same text typed again asks again.
      await typeInto(page, site, FIXED);
      await page.click(site.postButton);
      await gate(page).waitFor();
      expect(await gate(page).getAttribute('data-kind')).toBe('approval');
      expect(await posts(page)).toEqual([FIXED]);
      await page.close();
    });

    test('a warn finding can be posted over with a reason (and approval): the gate then posts it once', async () => {
      const page = await h.open(site);
      await typeInto(page, site, WARN);
      await waitForMarkOn(page, '内部で');
      await page.click(site.postButton);
      await gate(page).waitFor();
      expect(await gate(page).getAttribute('data-kind')).toBe('warn');
      const proceed = page.locator('[data-testid="tg-gate-proceed"]');
      await page.check('[data-testid="tg-gate-approved"]');
      expect(await proceed.isDisabled()).toBe(true); // the reason is required
      await page.fill('[data-testid="tg-gate-reason"]', '課長確認済みの公表予定事項のため');
      await screenshot(page, `${site.name}-gate-warn.png`);
      await proceed.click();
      await gate(page).waitFor({ state: 'detached' });
      await page.waitForFunction(() => window.__posts.length > 0);
      expect(await posts(page)).toEqual([WARN]);
      await page.close();
    });

    test('"今回は無視" hides the mark and the gate no longer asks about it (approval is still asked); Enter on the Post button is gated too', async () => {
      const page = await h.open(site);
      await typeInto(page, site, WARN);
      await waitForMarkOn(page, '内部で');
      // The full check decides what is marked: dismiss each warn mark on its card, one at a time.
      await page.locator('[data-testid="tg-badge"][data-partial="false"]').waitFor();
      for (let left = await page.evaluate(() => CSS.highlights.get('tg-warn')?.size ?? 0); left > 0; left--) {
        const box = await page.evaluate(() => {
          const r = ([...(CSS.highlights.get('tg-warn') ?? [])][0]! as Range).getBoundingClientRect();
          return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        });
        await page.mouse.move(box.x, box.y);
        await page.locator('[data-testid="tg-card-ignore"]').click();
        await page.waitForFunction((n) => (CSS.highlights.get('tg-warn')?.size ?? 0) < n, left);
        await page.mouse.move(5, 5);
        await page.locator('[data-testid="tg-card"]').waitFor({ state: 'detached' });
      }
      await page.waitForFunction(() => (CSS.highlights.get('tg-warn')?.size ?? 0) === 0);
      expect(await page.locator('[data-testid="tg-card"]').count()).toBe(0);
      await page.focus(site.postButton);
      await page.keyboard.press('Enter');
      await gate(page).waitFor();
      expect(await gate(page).getAttribute('data-kind')).toBe('approval');
      expect(await page.locator('[data-testid="tg-gate-finding"]').count()).toBe(0);
      expect(await posts(page)).toEqual([]);
      await page.close();
    });

    test('an exempt post goes through on the first click', async () => {
      const page = await h.open(site);
      await typeInto(page, site, EXEMPT);
      expect(await waitForChecked(page)).toBe('clean');
      await page.click(site.postButton);
      await page.waitForFunction(() => window.__posts.length > 0);
      expect(await posts(page)).toEqual([EXEMPT]);
      expect(await gate(page).count()).toBe(0);
      await page.close();
    });

    test('with a photo attached, a clean exempt text is held until the media checklist is confirmed; then it is posted once', async () => {
      const page = await h.open(site);
      const seen = await recordAuditEvents(h);
      await typeInto(page, site, EXEMPT);
      expect(await waitForChecked(page)).toBe('clean');
      await page.setInputFiles(site.fileInput, PHOTO);
      await page.waitForFunction(() => document.querySelector('img[src^="blob:"]') !== null);

      await page.click(site.postButton);
      await gate(page).waitFor();
      expect(await gate(page).getAttribute('data-kind')).toBe('media');
      const checklist = await page.locator('[data-testid="tg-gate-media"]').textContent();
      for (const word of ['同意', '肖像権', '著作権', '個人情報', '（４）②']) expect(checklist).toContain(word);
      const proceed = page.locator('[data-testid="tg-gate-proceed"]');
      expect(await proceed.isDisabled()).toBe(true);
      await screenshot(page, `${site.name}-gate-media.png`);
      await page.check('[data-testid="tg-gate-media-confirmed"]');
      await proceed.click();
      await gate(page).waitFor({ state: 'detached' });
      await page.waitForFunction(() => window.__posts.length > 0);
      expect(await posts(page)).toEqual([EXEMPT]);
      expect(await page.evaluate(() => window.__postedMedia)).toEqual([1]);
      expect(await gate(page).count()).toBe(0);

      // The confirmation is recorded with the decision: one event, the text as its hash only.
      await expect.poll(seen).toHaveLength(1);
      const [event] = await seen();
      expect(event).toMatchObject({ site: site.name, decision: 'posted_clean', mediaConfirmed: true, categories: [], clauses: [] });
      expect(event!.textHash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(event)).not.toContain('ゲートボール');
      await page.close();
    });

    test('the offscreen tokenizer completes the check: the badge stops saying 部分チェック', async () => {
      const page = await h.open(site);
      await typeInto(page, site, EXEMPT);
      await page.locator('[data-testid="tg-badge"][data-state="clean"][data-partial="false"]').waitFor();
      await page.close();
    });

    test('typing before, inside and after a mark keeps the model text equal to what was typed', async () => {
      const page = await h.open(site);
      await typeInto(page, site, VIOLATING);
      await waitForMarkOn(page, 'バカ');
      let expected = VIOLATING;
      const expectModel = async () => {
        await page.waitForFunction(([fn, t]) => (window as unknown as Record<string, () => string>)[fn!]!() === t, [site.modelText, expected] as const);
      };

      await page.keyboard.press('Control+End');
      await page.keyboard.type('！');
      expected += '！';
      await expectModel();

      await page.keyboard.press('Control+Home');
      await page.keyboard.type('昨日、');
      expected = '昨日、' + expected;
      await expectModel();
      // The mark follows the word after the re-check.
      await page.waitForFunction(() => [...(CSS.highlights.get('tg-block') ?? []), ...(CSS.highlights.get('tg-warn') ?? [])].some((r) => r.toString().includes('バカ')));

      const inside = expected.indexOf('バカ') + 1;
      await page.keyboard.press('Control+Home');
      for (let i = 0; i < inside; i++) await page.keyboard.press('ArrowRight');
      // The caret inside a mark opens its card (keyboard users get it without hovering).
      await page.locator('[data-testid="tg-card"]').waitFor();
      await page.keyboard.type('ー');
      expected = expected.slice(0, inside) + 'ー' + expected.slice(inside);
      await expectModel();
      await waitForChecked(page);
      expect(await modelText(page, site)).toBe(expected);
      expect(await page.locator(site.editor).innerText()).toBe(expected);
      await page.close();
    });

    test('on a later line, the mark covers exactly its word', async () => {
      const page = await h.open(site);
      await focusEditorEnd(page, site);
      await page.keyboard.type('一行目です。');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await page.keyboard.type('三行目、ほんとバカすぎ');
      const expected = '一行目です。\n\n三行目、ほんとバカすぎ';
      await page.waitForFunction(([fn, t]) => (window as unknown as Record<string, () => string>)[fn!]!() === t, [site.modelText, expected] as const);
      await waitForMarkOn(page, 'バカ');
      expect(await markedTexts(page)).toEqual(['バカ']);
      await page.close();
    });

    test('an IME composition committed with Enter neither submits nor is blocked', async () => {
      const page = await h.open(site);
      await typeInto(page, site, '窓口の');
      const cdp = await h.context.newCDPSession(page);
      await cdp.send('Input.imeSetComposition', { text: 'ばか', selectionStart: 2, selectionEnd: 2 });
      await page.waitForFunction((sel) => document.querySelector(sel)!.textContent!.includes('ばか'), site.editor);
      // The commit key: Enter while composing (keyCode 229), then the committed text.
      await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 });
      await cdp.send('Input.insertText', { text: 'ばか' });
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, nativeVirtualKeyCode: 13 });
      await page.waitForFunction(([fn, t]) => (window as unknown as Record<string, () => string>)[fn!]!() === t, [site.modelText, '窓口のばか'] as const);
      await waitForChecked(page);
      // The Enter reached the page (not blocked by the gate) and published nothing.
      expect(await page.evaluate(() => window.__keys.some((k) => k.key === 'Enter' || k.keyCode === 229))).toBe(true);
      expect(await posts(page)).toEqual([]);
      expect(await gate(page).count()).toBe(0);
      await page.close();
    });

    test('the extension made no network request', async () => {
      // Controls: the logs do see what they are meant to catch.
      const control = await h.context.newPage();
      await expect(control.goto(`https://${PROXY_CONTROL_HOST}/`)).rejects.toThrow();
      await control.close();
      expect(h.escaped.filter((e) => e.includes(PROXY_CONTROL_HOST)).length).toBeGreaterThan(0);
      expect(unexplained(h.escaped)).toEqual([]);
      expect(h.requests.length).toBeGreaterThan(0);
      expect(h.extensionRequests()).toEqual([]);
      // Everything the pages asked for was the fixture's own origin (or the control).
      const foreign = h.requests.filter((r) => new URL(r.url).origin !== new URL(site.url).origin && new URL(r.url).host !== PROXY_CONTROL_HOST && !r.url.startsWith('data:'));
      expect(foreign).toEqual([]);

      // Control: a request from the extension's service worker is caught.
      const worker = h.context.serviceWorkers()[0]!;
      await worker.evaluate(() => fetch('https://control.toukou-guard.invalid/sw').catch(() => undefined));
      expect(h.extensionRequests().map((r) => r.url)).toEqual(['https://control.toukou-guard.invalid/sw']);
    });
  });
}
