/**
 * The in-page UI follows the site's theme, and the gate dialog keeps the keyboard (issue #9,
 * "Language and look"). Each fixture is put in the theme the real site uses, the way that site
 * does it: X paints <body> (#FFFFFF, dim rgb(21, 32, 43), lights-out #000000) and sets
 * `color-scheme` on <html>; Facebook toggles `__fb-dark-mode` / `__fb-light-mode` on <html> and
 * paints its dialog #242526 in dark mode. Contrast is measured on computed styles: each mark's
 * line against the composer's background (3:1), the site's text on each mark's tint (4.5:1), and
 * every piece of text in the card, the badge's list and the gate against what is behind it
 * (4.5:1, 14 px or more). Screenshots at 1280×600 and 1920×1080 go to test-results/screenshots/.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { composite, contrastOf, parseColor, type ThemeName } from '../../src/ui/theme.ts';
import { gate, screenshot, typeInto, VIOLATING, waitForMarkOn, WARN } from './guard-suite.ts';
import { launch, type Harness, type SiteFixture } from './harness.ts';
import { FACEBOOK_SITE, X_SITE } from './sites.ts';

interface Emulation {
  name: string;
  site: SiteFixture;
  theme: ThemeName;
  /** What the real site sets, applied in the page. */
  html: { classes: string[]; colorScheme: string };
  body: { background: string; color: string };
  /** Facebook paints its composer dialog; X's composer sits on the body colour. */
  dialogBackground: string | null;
}

const EMULATIONS: Emulation[] = [
  { name: 'x-light', site: X_SITE, theme: 'light', html: { classes: [], colorScheme: 'light' }, body: { background: 'rgb(255, 255, 255)', color: 'rgb(15, 20, 25)' }, dialogBackground: null },
  { name: 'x-dim', site: X_SITE, theme: 'dim', html: { classes: [], colorScheme: 'dark' }, body: { background: 'rgb(21, 32, 43)', color: 'rgb(247, 249, 249)' }, dialogBackground: null },
  { name: 'x-lights-out', site: X_SITE, theme: 'dark', html: { classes: [], colorScheme: 'dark' }, body: { background: 'rgb(0, 0, 0)', color: 'rgb(231, 233, 234)' }, dialogBackground: null },
  { name: 'facebook-light', site: FACEBOOK_SITE, theme: 'light', html: { classes: ['__fb-light-mode'], colorScheme: 'normal' }, body: { background: 'rgb(240, 242, 245)', color: 'rgb(5, 5, 5)' }, dialogBackground: 'rgb(255, 255, 255)' },
  { name: 'facebook-dark', site: FACEBOOK_SITE, theme: 'dark', html: { classes: ['__fb-dark-mode'], colorScheme: 'normal' }, body: { background: 'rgb(24, 25, 26)', color: 'rgb(228, 230, 235)' }, dialogBackground: 'rgb(36, 37, 38)' },
];

async function applyTheme(page: Page, e: Emulation): Promise<void> {
  await page.evaluate((em) => {
    const html = document.documentElement;
    html.classList.remove('__fb-dark-mode', '__fb-light-mode');
    html.classList.add(...em.html.classes);
    html.style.colorScheme = em.html.colorScheme;
    document.body.style.backgroundColor = em.body.background;
    document.body.style.color = em.body.color;
    const dialog = document.querySelector<HTMLElement>('[role="dialog"]');
    if (dialog !== null) dialog.style.backgroundColor = em.dialogBackground ?? '';
  }, e);
}

/** The theme the overlay and the highlight rules took. */
function appliedThemes(page: Page): Promise<{ ui: string; marks: string }> {
  return page.evaluate(() => {
    const layer = document.querySelector('toukou-guard-ui')?.shadowRoot?.querySelector<HTMLElement>('.tg-layer');
    const style = document.getElementById('toukou-guard-highlights');
    return { ui: layer?.dataset.theme ?? '', marks: style?.dataset.theme ?? '' };
  });
}

async function waitForTheme(page: Page, theme: ThemeName): Promise<void> {
  await expect.poll(() => appliedThemes(page)).toEqual({ ui: theme, marks: theme });
}

/** One colour from a stack of backgrounds, innermost first, painted over each other (the last is opaque). */
function flatten(backgrounds: string[]): string {
  const layers = backgrounds.map((b) => {
    const c = parseColor(b);
    if (c === null) throw new Error(`unreadable background ${b}`);
    return c;
  });
  const base = layers.pop();
  if (base === undefined || base.a < 0.99) throw new Error(`no opaque background under ${backgrounds.join(' / ')}`);
  const c = layers.reduceRight((under, top) => composite(top, under), base);
  return `rgb(${c.r}, ${c.g}, ${c.b})`;
}

interface Composer {
  /** Background stack under the editor's text, innermost first. */
  backgrounds: string[];
  text: string;
  marks: Record<'block' | 'warn' | 'info' | 'current', { background: string; line: string }>;
}

/** The composer's colours and the ::highlight colours as the browser computes them for its text. */
function readComposer(page: Page, site: SiteFixture): Promise<Composer> {
  return page.evaluate((selector) => {
    const editor = document.querySelector(selector);
    if (editor === null) throw new Error('no editor');
    const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
    const textNode = walker.nextNode();
    const holder = textNode?.parentElement ?? (editor as HTMLElement);
    const backgrounds: string[] = [];
    for (let el: Element | null = holder; el !== null; el = el.parentElement) {
      const bg = getComputedStyle(el).backgroundColor;
      if (bg !== 'rgba(0, 0, 0, 0)') backgrounds.push(bg);
      if (/^rgb\(/.test(bg)) break;
    }
    const mark = (name: string) => {
      const s = getComputedStyle(holder, `::highlight(${name})`);
      return { background: s.backgroundColor, line: s.textDecorationColor };
    };
    return {
      backgrounds,
      text: getComputedStyle(holder).color,
      marks: { block: mark('tg-block'), warn: mark('tg-warn'), info: mark('tg-info'), current: mark('tg-current') },
    };
  }, site.editor);
}

interface TextSample {
  text: string;
  color: string;
  fontSize: number;
  /** Innermost first, up to the first opaque one. */
  backgrounds: string[];
  opacity: number;
}

/** Every shown piece of text inside our UI element `testid` (screen-reader-only text and disabled buttons aside). */
function readUiText(page: Page, testid: string): Promise<TextSample[]> {
  return page.evaluate((id) => {
    const root = document.querySelector('toukou-guard-ui')?.shadowRoot?.querySelector(`[data-testid="${id}"]`);
    if (root === null || root === undefined) throw new Error(`no ${id}`);
    const out: TextSample[] = [];
    for (const el of [root, ...root.querySelectorAll('*')]) {
      const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? '').join('').trim();
      if (own === '' || el.closest('.tg-sr') !== null || el.getClientRects().length === 0) continue;
      if (el.closest('button:disabled') !== null) continue; // WCAG 1.4.3 exempts inactive controls
      const backgrounds: string[] = [];
      let opacity = 1;
      for (let e: Element | null = el; e !== null; e = e.parentElement) {
        const s = getComputedStyle(e);
        opacity *= Number(s.opacity);
        if (s.backgroundColor !== 'rgba(0, 0, 0, 0)') backgrounds.push(s.backgroundColor);
        if (/^rgb\(/.test(s.backgroundColor)) break;
      }
      const s = getComputedStyle(el);
      out.push({ text: own.slice(0, 24), color: s.color, fontSize: parseFloat(s.fontSize), backgrounds, opacity });
    }
    return out;
  }, testid);
}

/** Text under 4.5:1 or under 14 px, as readable lines (empty when all is well); also returns the lowest ratio. */
function textProblems(samples: TextSample[]): { problems: string[]; lowest: number } {
  const problems: string[] = [];
  let lowest = Infinity;
  for (const s of samples) {
    const back = flatten(s.backgrounds);
    const fore = parseColor(s.color);
    if (fore === null) throw new Error(`unreadable colour ${s.color}`);
    const ratio = contrastOf(`rgba(${fore.r}, ${fore.g}, ${fore.b}, ${fore.a * s.opacity})`, back);
    lowest = Math.min(lowest, ratio);
    if (ratio < 4.5) problems.push(`「${s.text}」 ${s.color} on ${back}: ${ratio.toFixed(2)}:1`);
    if (s.fontSize < 14) problems.push(`「${s.text}」 ${s.fontSize}px`);
  }
  return { problems, lowest };
}

async function hoverFirstMark(page: Page): Promise<void> {
  // The first line box of the mark: a mark that wraps has its bounding box's centre off its words.
  const box = await page.evaluate(() => {
    const r = ([...(CSS.highlights.get('tg-block') ?? CSS.highlights.get('tg-warn') ?? [])][0]! as Range).getClientRects()[0]!;
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  await page.mouse.move(box.x, box.y);
  await page.locator('[data-testid="tg-card"]').waitFor();
}

/** Where the keyboard focus is: `gate` inside the dialog, `ui` elsewhere in our UI, `editor` in the compose box. */
function focusIn(page: Page, site: SiteFixture): Promise<string> {
  return page.evaluate((selector) => {
    const active = document.activeElement;
    if (active !== null && active.tagName === 'TOUKOU-GUARD-UI') {
      const inner = active.shadowRoot?.activeElement ?? null;
      return inner !== null && inner.closest('[data-testid="tg-gate"]') !== null ? 'gate' : 'ui';
    }
    const editor = document.querySelector(selector);
    return editor !== null && active !== null && editor.contains(active) ? 'editor' : `page:${active?.tagName ?? ''}`;
  }, site.editor);
}

/** A name for the focused control of the gate, to see Tab go round. */
function focusedControl(page: Page): Promise<string> {
  return page.evaluate(() => {
    const inner = document.querySelector('toukou-guard-ui')?.shadowRoot?.activeElement ?? null;
    if (inner === null) return '';
    const siblings = [...(inner.getRootNode() as ShadowRoot).querySelectorAll(inner.tagName)];
    return `${inner.getAttribute('data-testid') ?? inner.tagName}#${siblings.indexOf(inner)}`;
  });
}

const figures: string[] = [];
let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  if (figures.length > 0) console.log(`[theme] contrast measured:\n${figures.join('\n')}`);
  if (h !== undefined) await h.close();
});

describe.each(EMULATIONS)('$name', (e) => {
  test('the UI takes the theme; marks and text keep their contrast; text is 14 px or more', async () => {
    const page = await h.open(e.site);
    await page.setViewportSize({ width: 1280, height: 600 });
    await applyTheme(page, e);
    await waitForTheme(page, e.theme);

    await typeInto(page, e.site, `${WARN}。${VIOLATING}`);
    await waitForMarkOn(page, 'バカ');
    await page.locator('[data-testid="tg-badge"][data-partial="false"]:not([data-state="checking"])').waitFor();

    // The marks: the line 3:1 on the composer, the site's text 4.5:1 on the tint.
    const composer = await readComposer(page, e.site);
    const background = flatten(composer.backgrounds);
    const line: string[] = [];
    for (const [name, mark] of Object.entries(composer.marks)) {
      const lineRatio = contrastOf(mark.line, background);
      const under = flatten([mark.background, background]);
      const textRatio = contrastOf(composer.text, under);
      line.push(`${name} line ${lineRatio.toFixed(2)} text ${textRatio.toFixed(2)}`);
      expect(lineRatio, `${name} mark line ${mark.line} on ${background}`).toBeGreaterThanOrEqual(3);
      expect(textRatio, `text ${composer.text} on the ${name} tint ${under}`).toBeGreaterThanOrEqual(4.5);
    }

    // The card.
    await hoverFirstMark(page);
    const card = textProblems(await readUiText(page, 'tg-card'));
    expect(card.problems).toEqual([]);
    await screenshot(page, `theme-${e.name}-card-1280x600.png`);
    await page.mouse.move(5, 5);
    await page.locator('[data-testid="tg-card"]').waitFor({ state: 'detached' });

    // The badge and the list it opens.
    const badge = textProblems(await readUiText(page, 'tg-badge'));
    expect(badge.problems).toEqual([]);
    await page.locator('[data-testid="tg-badge"]').click();
    await page.locator('[data-testid="tg-list"]').waitFor();
    const list = textProblems(await readUiText(page, 'tg-list'));
    expect(list.problems).toEqual([]);
    await screenshot(page, `theme-${e.name}-list-1280x600.png`);
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="tg-list"]').waitFor({ state: 'detached' });

    // The gate.
    await page.click(e.site.postButton);
    await gate(page).waitFor();
    const dialog = textProblems(await readUiText(page, 'tg-gate'));
    expect(dialog.problems).toEqual([]);
    await screenshot(page, `theme-${e.name}-gate-1280x600.png`);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, `theme-${e.name}-gate-1920x1080.png`);
    await page.keyboard.press('Escape');
    await gate(page).waitFor({ state: 'detached' });
    await hoverFirstMark(page);
    await screenshot(page, `theme-${e.name}-card-1920x1080.png`);

    figures.push(`${e.name} (composer ${background}, text ${composer.text}): ${line.join('; ')}; lowest text ratio: card ${card.lowest.toFixed(2)}, badge ${badge.lowest.toFixed(2)}, list ${list.lowest.toFixed(2)}, gate ${dialog.lowest.toFixed(2)}`);
    await page.close();
  });
});

test('a theme switched while the page is open is followed (X: default → lights-out → dim)', async () => {
  const page = await h.open(X_SITE);
  const [light, lightsOut, dim] = [EMULATIONS[0]!, EMULATIONS[2]!, EMULATIONS[1]!];
  await applyTheme(page, light);
  await waitForTheme(page, 'light');
  await typeInto(page, X_SITE, VIOLATING);
  await waitForMarkOn(page, 'バカ');
  const before = (await readComposer(page, X_SITE)).marks.block.line;
  await applyTheme(page, lightsOut);
  await waitForTheme(page, 'dark');
  const after = (await readComposer(page, X_SITE)).marks.block.line;
  expect(after).not.toBe(before);
  expect(contrastOf(after, 'rgb(0, 0, 0)')).toBeGreaterThanOrEqual(3);
  await applyTheme(page, dim);
  await waitForTheme(page, 'dim');
  await page.close();
});

test('with no sign from the page, the system preference (prefers-color-scheme) decides', async () => {
  const page = await h.open(X_SITE);
  await page.emulateMedia({ colorScheme: 'dark' });
  await waitForTheme(page, 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await waitForTheme(page, 'light');
  await page.close();
});

describe.each([X_SITE, FACEBOOK_SITE])('keyboard only, $name', (site) => {
  test('Tab and Shift+Tab stay inside the gate; Esc and 修正する give the focus back to the compose box', async () => {
    const page = await h.open(site);
    await typeInto(page, site, WARN);
    await waitForMarkOn(page, '内部で');
    await page.locator('[data-testid="tg-badge"][data-partial="false"]:not([data-state="checking"])').waitFor();

    // Ctrl+Enter from the box opens the gate, which takes the focus.
    await page.keyboard.press('Control+Enter');
    await gate(page).waitFor();
    await expect.poll(() => focusIn(page, site)).toBe('gate');

    // Forwards: every stop is inside the dialog, and the round comes back to where it began.
    const forwards: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      expect(await focusIn(page, site)).toBe('gate');
      forwards.push(await focusedControl(page));
    }
    const stops = new Set(forwards).size;
    expect(stops).toBeGreaterThanOrEqual(3); // the finding, the reason, 修正する at least
    expect(stops).toBeLessThan(12);
    expect(forwards[stops]).toBe(forwards[0]);
    // Backwards too.
    for (let i = 0; i < stops + 2; i++) {
      await page.keyboard.press('Shift+Tab');
      expect(await focusIn(page, site)).toBe('gate');
    }
    // A click on the backdrop does not let the focus fall to the page.
    await page.mouse.click(3, 3);
    expect(await focusIn(page, site)).toBe('gate');
    // The page never saw the Tabs.
    expect(await page.evaluate(() => window.__keys.filter((k) => k.key === 'Tab').length)).toBe(0);

    // Esc closes the gate and the compose box has the keyboard again: typing goes into the post.
    await page.keyboard.press('Escape');
    await gate(page).waitFor({ state: 'detached' });
    await expect.poll(() => focusIn(page, site)).toBe('editor');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('X');
    await page.waitForFunction(([fn, t]) => (window as unknown as Record<string, () => string>)[fn!]!() === t, [site.modelText, `${WARN}X`] as const);

    // 修正する, pressed from the keyboard, does the same.
    await page.keyboard.press('Control+Enter');
    await gate(page).waitFor();
    await page.locator('[data-testid="tg-gate-fix"]').focus();
    await page.keyboard.press('Enter');
    await gate(page).waitFor({ state: 'detached' });
    await expect.poll(() => focusIn(page, site)).toBe('editor');
    expect(await page.evaluate(() => window.__posts)).toEqual([]);
    await page.close();
  });
});

test('Esc that ends an IME composition in the reason box belongs to the IME: the gate stays open', async () => {
  const page = await h.open(X_SITE);
  await typeInto(page, X_SITE, WARN);
  await waitForMarkOn(page, '内部で');
  await page.click(X_SITE.postButton);
  await gate(page).waitFor();
  const reason = page.locator('[data-testid="tg-gate-reason"]');
  await reason.focus();
  const cdp = await h.context.newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'かくにん', selectionStart: 4, selectionEnd: 4 });
  await expect.poll(() => reason.inputValue()).toBe('かくにん');
  // The IME's own Esc (keyCode 229 while composing) cancels the conversion, not the dialog.
  await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'Escape', code: 'Escape', windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Escape', code: 'Escape', windowsVirtualKeyCode: 27, nativeVirtualKeyCode: 27 });
  await cdp.send('Input.insertText', { text: '確認' });
  await expect.poll(() => reason.inputValue()).toBe('確認');
  expect(await gate(page).count()).toBe(1);
  expect(await focusIn(page, X_SITE)).toBe('gate');
  // A plain Esc afterwards closes it, back to the compose box.
  await page.keyboard.press('Escape');
  await gate(page).waitFor({ state: 'detached' });
  await expect.poll(() => focusIn(page, X_SITE)).toBe('editor');
  await page.close();
});
