/**
 * The in-page UI follows the site's theme (issue #9 "Language and look"): X's default, dim and
 * lights-out, Facebook's light and dark mode. Pure: which theme a page's signals mean, the colours
 * of each theme, and the WCAG contrast arithmetic the tests hold them to (text 4.5:1, a mark's
 * line 3:1 against the composer). Reading the page is `src/content/theme.ts`.
 */

export type ThemeName = 'light' | 'dim' | 'dark';
export const THEMES: readonly ThemeName[] = ['light', 'dim', 'dark'];

/** What a page says about its theme, read from the DOM (strings as getComputedStyle gives them). */
export interface ThemeSignals {
  /** The classes on <html>: Facebook toggles `__fb-dark-mode` / `__fb-light-mode` there. */
  htmlClasses: readonly string[];
  /** Computed background colours: X paints <body> (#FFFFFF, dim rgb(21, 32, 43), lights-out #000000). */
  bodyBackground: string | null;
  htmlBackground: string | null;
  /** Computed `color-scheme` of <html> (X sets `dark` in dim and lights-out). */
  colorScheme: string;
  /** `prefers-color-scheme: dark`: the fallback when the page says nothing. */
  prefersDark: boolean;
}

export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/** `#rgb`, `#rrggbb`, `#rrggbbaa`, `rgb(…)`/`rgba(…)` (comma or space syntax), `transparent`; null otherwise. */
export function parseColor(value: string): Rgba | null {
  const v = value.trim().toLowerCase();
  if (v === 'transparent') return { r: 0, g: 0, b: 0, a: 0 };
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(v);
  if (hex !== null) {
    let h = hex[1]!;
    if (h.length === 3) h = [...h].map((c) => c + c).join('');
    const n = (i: number) => parseInt(h.slice(i, i + 2), 16);
    return { r: n(0), g: n(2), b: n(4), a: h.length === 8 ? n(6) / 255 : 1 };
  }
  const fn = /^rgba?\((.*)\)$/.exec(v);
  if (fn === null) return null;
  const parts = fn[1]!.split(/[\s,/]+/).filter((p) => p !== '');
  if (parts.length !== 3 && parts.length !== 4) return null;
  const nums = parts.map((p) => (p.endsWith('%') ? Number(p.slice(0, -1)) / 100 : Number(p)));
  if (nums.some((n) => !Number.isFinite(n))) return null;
  const [r, g, b] = parts.slice(0, 3).map((p, i) => (p.endsWith('%') ? nums[i]! * 255 : nums[i]!)) as [number, number, number];
  return { r, g, b, a: nums[3] ?? 1 };
}

/** `top` painted over an opaque `bottom` (source-over). */
export function composite(top: Rgba, bottom: Rgba): Rgba {
  const a = top.a;
  return { r: top.r * a + bottom.r * (1 - a), g: top.g * a + bottom.g * (1 - a), b: top.b * a + bottom.b * (1 - a), a: 1 };
}

/** WCAG 2 relative luminance of an opaque colour. */
export function luminance({ r, g, b }: Rgba): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2 contrast ratio (1–21); a translucent `fore` is first painted over `back`. */
export function contrast(fore: Rgba, back: Rgba): number {
  const f = fore.a < 1 ? composite(fore, back) : fore;
  const [hi, lo] = [luminance(f), luminance(back)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** contrast() of two CSS colour strings; throws on one it cannot read (a test must not pass on a typo). */
export function contrastOf(fore: string, back: string): number {
  const f = parseColor(fore);
  const b = parseColor(back);
  if (f === null || b === null) throw new Error(`unreadable colour: ${f === null ? fore : back}`);
  return contrast(f, b);
}

/** Below this luminance a background is dark: white text on it contrasts more than black text. */
const DARK_LUMINANCE = 0.18;

function opaque(value: string | null): Rgba | null {
  if (value === null) return null;
  const c = parseColor(value);
  return c !== null && c.a >= 0.99 ? c : null;
}

/**
 * The theme a page is in. Facebook's class on <html> first; then the colour X paints its body
 * with (dim is X's blue-grey dark: blue well above red); then the page's `color-scheme`; last
 * the system's preference, for a page that gives no sign.
 */
export function decideTheme(s: ThemeSignals): ThemeName {
  if (s.htmlClasses.includes('__fb-dark-mode')) return 'dark';
  if (s.htmlClasses.includes('__fb-light-mode')) return 'light';
  const background = opaque(s.bodyBackground) ?? opaque(s.htmlBackground);
  if (background !== null) {
    if (luminance(background) >= DARK_LUMINANCE) return 'light';
    return background.b - background.r >= 16 ? 'dim' : 'dark';
  }
  const schemes = s.colorScheme.split(/\s+/);
  const dark = schemes.includes('dark');
  const light = schemes.includes('light');
  if (dark && !light) return 'dark';
  if (light && !dark) return 'light';
  return s.prefersDark ? 'dark' : 'light';
}

/** The colours of the shadow root's UI (badge, card, list, dialog) in one theme. */
export interface UiPalette {
  /** `color-scheme` of the layer: native checkboxes, text areas and scroll bars follow it. */
  scheme: 'light' | 'dark';
  surface: string;
  /** List items inside the dialog and the list. */
  raised: string;
  text: string;
  muted: string;
  border: string;
  inputBorder: string;
  buttonBg: string;
  buttonBorder: string;
  accent: string;
  onAccent: string;
  danger: string;
  okBg: string;
  okText: string;
  okBorder: string;
  warnBg: string;
  warnText: string;
  warnBorder: string;
  blockBg: string;
  blockText: string;
  blockBorder: string;
  infoBg: string;
  infoText: string;
  infoBorder: string;
  neutralBg: string;
  neutralText: string;
  /** The list's current finding. */
  currentBg: string;
  /** The words of a finding inside its sentence (dialog, list), over `raised`. */
  markBlock: string;
  markWarn: string;
  markInfo: string;
  backdrop: string;
  shadow: string;
}

const DARK_COMMON = {
  scheme: 'dark',
  accent: '#6cb8f6',
  onAccent: '#0f1419',
  danger: '#ff8a80',
  okText: '#7ee2a8',
  warnText: '#ffd479',
  blockText: '#ffb4ab',
  infoText: '#a8d1ff',
  markBlock: 'rgba(255, 107, 107, 0.32)',
  markWarn: 'rgba(255, 193, 7, 0.28)',
  markInfo: 'rgba(108, 184, 246, 0.28)',
  backdrop: 'rgba(0, 0, 0, 0.6)',
  shadow: 'rgba(0, 0, 0, 0.6)',
} as const;

export const UI_PALETTES: Record<ThemeName, UiPalette> = {
  light: {
    scheme: 'light',
    surface: '#ffffff',
    raised: '#f6f8fa',
    text: '#1b1b1b',
    muted: '#4a4f55',
    border: '#d0d7de',
    inputBorder: '#7d8590',
    buttonBg: '#f6f8fa',
    buttonBorder: '#afb8c1',
    accent: '#1a4fa0',
    onAccent: '#ffffff',
    danger: '#b42318',
    okBg: '#e7f6ec',
    okText: '#17632f',
    okBorder: '#a9dcb9',
    warnBg: '#fff4d6',
    warnText: '#7a4b00',
    warnBorder: '#f0c75e',
    blockBg: '#fde7e7',
    blockText: '#9b1010',
    blockBorder: '#f0a0a0',
    infoBg: '#e8f0fe',
    infoText: '#1a4fa0',
    infoBorder: '#a8c2f0',
    neutralBg: '#eef2f5',
    neutralText: '#40505c',
    currentBg: '#eef4ff',
    markBlock: 'rgba(229, 57, 53, 0.22)',
    markWarn: 'rgba(255, 193, 7, 0.4)',
    markInfo: 'rgba(31, 95, 191, 0.15)',
    backdrop: 'rgba(0, 0, 0, 0.35)',
    shadow: 'rgba(0, 0, 0, 0.18)',
  },
  // X's dim: the page is rgb(21, 32, 43); its raised surfaces are blue-grey.
  dim: {
    ...DARK_COMMON,
    surface: '#1e2732',
    raised: '#273340',
    text: '#f7f9f9',
    muted: '#b4c0ca',
    border: '#425362',
    inputBorder: '#7b8d9c',
    buttonBg: '#273340',
    buttonBorder: '#5b6e7e',
    okBg: '#17352a',
    okBorder: '#2f6b4f',
    warnBg: '#3b3016',
    warnBorder: '#8a6d1f',
    blockBg: '#4a1f26',
    blockBorder: '#a3434d',
    infoBg: '#1d3550',
    infoBorder: '#3b6a9c',
    neutralBg: '#273340',
    neutralText: '#d3dce3',
    currentBg: '#1d3550',
  },
  // X's lights-out (#000000) and Facebook's dark mode (#18191a, its dialogs #242526): neutral greys.
  dark: {
    ...DARK_COMMON,
    surface: '#242526',
    raised: '#303133',
    text: '#e4e6eb',
    muted: '#b8bbc0',
    border: '#4a4c4f',
    inputBorder: '#85888d',
    buttonBg: '#3a3b3c',
    buttonBorder: '#5f6266',
    okBg: '#173524',
    okBorder: '#2f6b47',
    warnBg: '#3a3015',
    warnBorder: '#8a6d1f',
    blockBg: '#4a1f22',
    blockBorder: '#a3434a',
    infoBg: '#1c3350',
    infoBorder: '#3b6a9c',
    neutralBg: '#3a3b3c',
    neutralText: '#dadde1',
    currentBg: '#1c3350',
  },
};

/** One ::highlight: a tint behind the words and a line under them (colours and decorations only). */
export interface MarkStyle {
  background: string | null;
  line: string;
  lineStyle: 'wavy' | 'dotted' | 'solid';
  thickness: string;
}

export type MarkName = 'block' | 'warn' | 'info' | 'current';

/**
 * The marks in the compose box. The line carries the mark (3:1 against the composer, WCAG 1.4.11);
 * the tint stays light enough that the site's own text keeps 4.5:1 on it. Dim and lights-out
 * share them: both are dark behind the text.
 */
export const MARK_PALETTES: Record<ThemeName, Record<MarkName, MarkStyle>> = {
  light: {
    block: { background: 'rgba(229, 57, 53, 0.25)', line: '#c62828', lineStyle: 'wavy', thickness: '2px' },
    warn: { background: 'rgba(255, 193, 7, 0.35)', line: '#a86400', lineStyle: 'wavy', thickness: '2px' },
    info: { background: null, line: '#1f5fbf', lineStyle: 'dotted', thickness: '2px' },
    current: { background: 'rgba(26, 79, 160, 0.28)', line: '#1a4fa0', lineStyle: 'solid', thickness: '3px' },
  },
  dim: {
    block: { background: 'rgba(255, 107, 107, 0.3)', line: '#ff6b6b', lineStyle: 'wavy', thickness: '2px' },
    warn: { background: 'rgba(255, 193, 7, 0.25)', line: '#ffc233', lineStyle: 'wavy', thickness: '2px' },
    info: { background: null, line: '#6cb8f6', lineStyle: 'dotted', thickness: '2px' },
    current: { background: 'rgba(108, 184, 246, 0.35)', line: '#8ecdf8', lineStyle: 'solid', thickness: '3px' },
  },
  dark: {
    block: { background: 'rgba(255, 107, 107, 0.3)', line: '#ff6b6b', lineStyle: 'wavy', thickness: '2px' },
    warn: { background: 'rgba(255, 193, 7, 0.25)', line: '#ffc233', lineStyle: 'wavy', thickness: '2px' },
    info: { background: null, line: '#6cb8f6', lineStyle: 'dotted', thickness: '2px' },
    current: { background: 'rgba(108, 184, 246, 0.35)', line: '#8ecdf8', lineStyle: 'solid', thickness: '3px' },
  },
};

/**
 * The composers each theme is drawn over, as the real sites paint them (background, text): what
 * the marks' contrast is measured against (tests/unit/theme.test.ts, tests/e2e/theme.test.ts).
 */
export const SITE_SURFACES: Record<ThemeName, ReadonlyArray<{ site: string; background: string; text: string }>> = {
  light: [
    { site: 'X', background: '#ffffff', text: '#0f1419' },
    { site: 'Facebook', background: '#ffffff', text: '#050505' },
  ],
  dim: [{ site: 'X dim', background: '#15202b', text: '#f7f9f9' }],
  dark: [
    { site: 'X lights-out', background: '#000000', text: '#e7e9ea' },
    { site: 'Facebook page', background: '#18191a', text: '#e4e6eb' },
    { site: 'Facebook dialog', background: '#242526', text: '#e4e6eb' },
  ],
};

/** The highlight rules for one theme (the page's own stylesheet; ::highlight takes no variables from us). */
export function highlightCss(theme: ThemeName, names: Record<MarkName, string>): string {
  return (Object.keys(names) as MarkName[])
    .map((mark) => {
      const m = MARK_PALETTES[theme][mark];
      const background = m.background === null ? '' : `background-color: ${m.background}; `;
      return `::highlight(${names[mark]}) { ${background}text-decoration: underline ${m.lineStyle} ${m.line} ${m.thickness}; text-decoration-skip-ink: none; }`;
    })
    .join('\n');
}

const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The custom properties of every theme, keyed on the layer's `data-theme` (styles.ts reads them). */
export function paletteCss(selector: string): string {
  return THEMES.map((theme) => {
    const p = UI_PALETTES[theme];
    const vars = (Object.keys(p) as Array<keyof UiPalette>)
      .filter((k) => k !== 'scheme')
      .map((k) => `--tg-${kebab(k)}: ${p[k]};`)
      .join(' ');
    return `${selector}[data-theme="${theme}"] { color-scheme: ${p.scheme}; ${vars} }`;
  }).join('\n');
}
