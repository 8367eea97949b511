/**
 * The in-page UI follows the site's theme (issue #9): which theme a page's signals mean, and that
 * every theme's colours keep WCAG contrast — text 4.5:1 on its background, a mark's line 3:1
 * against each composer it is drawn over, the composer's own text 4.5:1 on a mark's tint.
 */
import { describe, expect, test } from 'vitest';
import { UI_CSS } from '../../src/ui/styles.ts';
import { composite, contrastOf, decideTheme, highlightCss, MARK_PALETTES, parseColor, SITE_SURFACES, THEMES, UI_PALETTES, type ThemeSignals } from '../../src/ui/theme.ts';

const rgb = (c: string) => {
  const p = parseColor(c);
  if (p === null) throw new Error(c);
  return p;
};
/** A translucent colour painted over an opaque one, as a CSS string. */
const over = (top: string, bottom: string) => {
  const c = composite(rgb(top), rgb(bottom));
  return `rgb(${c.r}, ${c.g}, ${c.b})`;
};

describe('colour arithmetic', () => {
  test.each([
    ['#fff', { r: 255, g: 255, b: 255, a: 1 }],
    ['#15202B', { r: 21, g: 32, b: 43, a: 1 }],
    ['#00000080', { r: 0, g: 0, b: 0, a: 128 / 255 }],
    ['rgb(21, 32, 43)', { r: 21, g: 32, b: 43, a: 1 }],
    ['rgba(255, 193, 7, 0.35)', { r: 255, g: 193, b: 7, a: 0.35 }],
    ['rgb(255 193 7 / 0.5)', { r: 255, g: 193, b: 7, a: 0.5 }],
    ['transparent', { r: 0, g: 0, b: 0, a: 0 }],
  ])('parses %s', (input, expected) => {
    expect(parseColor(input)).toEqual(expected);
  });

  test.each(['red', 'hsl(0 0% 0%)', '#12', 'rgb(1, 2)', 'rgb(a, b, c)', ''])('refuses %s rather than guess', (input) => {
    expect(parseColor(input)).toBeNull();
    expect(() => contrastOf(input, '#fff')).toThrow(/unreadable colour/);
  });

  test('contrast ratios match WCAG reference values', () => {
    expect(contrastOf('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrastOf('#fff', '#000')).toBeCloseTo(21, 5);
    expect(contrastOf('#777', '#777')).toBe(1);
    // #767676 is the lightest grey that passes 4.5:1 on white; #777 just fails.
    expect(contrastOf('#767676', '#fff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastOf('#777777', '#fff')).toBeLessThan(4.5);
  });

  test('a translucent colour is measured as painted over its background', () => {
    expect(over('rgba(0, 0, 0, 0.5)', '#ffffff')).toBe('rgb(127.5, 127.5, 127.5)');
    expect(contrastOf('rgba(0, 0, 0, 0)', '#123456')).toBe(1);
    expect(contrastOf('rgba(0, 0, 0, 0.5)', '#ffffff')).toBeCloseTo(contrastOf('rgb(127.5, 127.5, 127.5)', '#ffffff'), 5);
  });
});

describe('decideTheme', () => {
  const none: ThemeSignals = { htmlClasses: [], bodyBackground: 'rgba(0, 0, 0, 0)', htmlBackground: 'rgba(0, 0, 0, 0)', colorScheme: 'normal', prefersDark: false };
  test.each<[string, Partial<ThemeSignals>, string]>([
    ['X default (white body)', { bodyBackground: 'rgb(255, 255, 255)', colorScheme: 'light' }, 'light'],
    ['X dim (blue-grey body)', { bodyBackground: 'rgb(21, 32, 43)', colorScheme: 'dark' }, 'dim'],
    ['X lights-out (black body)', { bodyBackground: 'rgb(0, 0, 0)', colorScheme: 'dark' }, 'dark'],
    ['X light body on a dark system', { bodyBackground: 'rgb(255, 255, 255)', prefersDark: true }, 'light'],
    ['Facebook dark mode', { htmlClasses: ['__fb-dark-mode'], bodyBackground: 'rgb(24, 25, 26)' }, 'dark'],
    ['Facebook dark mode, body not painted', { htmlClasses: ['_9dls', '__fb-dark-mode'] }, 'dark'],
    ['Facebook light mode on a dark system', { htmlClasses: ['__fb-light-mode'], prefersDark: true }, 'light'],
    ["Facebook's class wins over a body colour", { htmlClasses: ['__fb-dark-mode'], bodyBackground: 'rgb(255, 255, 255)' }, 'dark'],
    ['a painted <html>, transparent body', { htmlBackground: 'rgb(18, 18, 18)' }, 'dark'],
    ['a translucent body is no sign', { bodyBackground: 'rgba(0, 0, 0, 0.5)', prefersDark: false }, 'light'],
    ['color-scheme dark only', { colorScheme: 'dark' }, 'dark'],
    ['color-scheme light only on a dark system', { colorScheme: 'light', prefersDark: true }, 'light'],
    ['color-scheme "light dark" follows the system', { colorScheme: 'light dark', prefersDark: true }, 'dark'],
    ['no sign at all, dark system', { prefersDark: true }, 'dark'],
    ['no sign at all, light system', {}, 'light'],
  ])('%s', (_name, signals, expected) => {
    expect(decideTheme({ ...none, ...signals })).toBe(expected);
  });
});

describe.each(THEMES)('the %s palette', (theme) => {
  const p = UI_PALETTES[theme];
  // Every pair of text and background the stylesheet puts together (styles.ts).
  const text: Array<[string, string, string]> = [
    ['text on the card and dialog', p.text, p.surface],
    ['text on a finding in the dialog and list', p.text, p.raised],
    ['text on a button', p.text, p.buttonBg],
    ["text on the list's current finding", p.text, p.currentBg],
    ['a block excerpt', p.text, over(p.markBlock, p.raised)],
    ['a warn excerpt', p.text, over(p.markWarn, p.raised)],
    ['an info excerpt', p.text, over(p.markInfo, p.raised)],
    ['a warn excerpt on the current finding', p.text, over(p.markWarn, p.currentBg)],
    ['a block excerpt on the current finding', p.text, over(p.markBlock, p.currentBg)],
    ['notes and clauses on the card', p.muted, p.surface],
    ['clauses on a finding', p.muted, p.raised],
    ['a suggestion on the card', p.okText, p.surface],
    ['a suggestion on a finding', p.okText, p.raised],
    ['置き換える box, approval granted, clean badge', p.okText, p.okBg],
    ['warn tag and badge', p.warnText, p.warnBg],
    ['a warning line on the dialog', p.warnText, p.surface],
    ['block tag and badge', p.blockText, p.blockBg],
    ['info tag and approval badge', p.infoText, p.infoBg],
    ['点検中 badge', p.neutralText, p.neutralBg],
    ['the primary button', p.onAccent, p.accent],
    ['the danger button and errors', p.danger, p.surface],
  ];
  test.each(text)('%s: 4.5:1', (_name, fore, back) => {
    expect(contrastOf(fore, back)).toBeGreaterThanOrEqual(4.5);
  });
  test('focus ring, current finding border and text fields: 3:1 against the surface', () => {
    expect(contrastOf(p.accent, p.surface)).toBeGreaterThanOrEqual(3);
    expect(contrastOf(p.accent, p.raised)).toBeGreaterThanOrEqual(3);
    expect(contrastOf(p.inputBorder, p.surface)).toBeGreaterThanOrEqual(3);
  });

  const marks = SITE_SURFACES[theme].flatMap((s) => (['block', 'warn', 'info', 'current'] as const).map((m) => [s.site, m, s] as const));
  test.each(marks)("%s, the %s mark: its line 3:1 on the composer, the site's text 4.5:1 on its tint", (_site, mark, surface) => {
    const m = MARK_PALETTES[theme][mark];
    expect(contrastOf(m.line, surface.background)).toBeGreaterThanOrEqual(3);
    const under = m.background === null ? surface.background : over(m.background, surface.background);
    expect(contrastOf(surface.text, under)).toBeGreaterThanOrEqual(4.5);
  });
});

describe('stylesheets', () => {
  test('every custom property the UI uses is defined in every theme', () => {
    const used = new Set([...UI_CSS.matchAll(/var\((--tg-[a-z-]+)\)/g)].map((m) => m[1]!));
    expect(used.size).toBeGreaterThan(10);
    for (const theme of THEMES) {
      const block = new RegExp(`\\[data-theme="${theme}"\\] \\{([^}]*)\\}`).exec(UI_CSS)?.[1] ?? '';
      const defined = new Set([...block.matchAll(/(--tg-[a-z-]+):/g)].map((m) => m[1]!));
      expect([...used].filter((v) => !defined.has(v))).toEqual([]);
    }
  });

  test('no text in the in-page UI is set below 14 px', () => {
    const sizes = [...UI_CSS.matchAll(/font(?:-size)?:\s*(?:[\w-]+\s+)*?(\d+(?:\.\d+)?)px/g)].map((m) => Number(m[1]));
    expect(sizes.length).toBeGreaterThan(3);
    expect(sizes.filter((s) => s < 14)).toEqual([]);
  });

  test('the highlight rules carry the theme colours', () => {
    const names = { block: 'tg-block', warn: 'tg-warn', info: 'tg-info', current: 'tg-current' };
    const light = highlightCss('light', names);
    const dark = highlightCss('dark', names);
    expect(light).toContain(`::highlight(tg-warn) { background-color: ${MARK_PALETTES.light.warn.background};`);
    expect(dark).toContain(MARK_PALETTES.dark.warn.line);
    expect(dark).not.toContain(MARK_PALETTES.light.warn.line);
    for (const name of Object.values(names)) expect(dark).toContain(`::highlight(${name})`);
  });
});
