/**
 * Marks drawn with the CSS Custom Highlight API: ranges over the editor's own text nodes, painted by
 * the browser. Nothing is inserted into the editor, so Draft.js and Lexical never see our marks.
 */
import type { Severity } from '../shared/types.ts';
import { highlightCss } from '../ui/theme.ts';
import { watchTheme } from './theme.ts';

export const HIGHLIGHT_NAMES: Record<Severity, string> = { info: 'tg-info', warn: 'tg-warn', block: 'tg-block' };

const STYLE_ID = 'toukou-guard-highlights';

/** The finding the badge's list is on (次へ/前へ): drawn over its mark, so it shows while the list has the keyboard. */
const CURRENT = 'tg-current';

const MARK_NAMES = { ...HIGHLIGHT_NAMES, current: CURRENT } as const;

/**
 * The highlight rules live in the page's head: a style element, not part of any editor. Their
 * colours follow the site's theme (X's dim and lights-out, Facebook's dark mode): ::highlight
 * accepts colours and text decorations only, so the rules are rewritten when the theme changes.
 */
export function installHighlightStyle(doc: Document): () => void {
  if (doc.getElementById(STYLE_ID) !== null) return () => {};
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  const stopWatching = watchTheme(doc, (theme) => {
    style.dataset.theme = theme;
    style.textContent = highlightCss(theme, MARK_NAMES);
  });
  (doc.head ?? doc.documentElement).append(style);
  return () => {
    stopWatching();
    style.remove();
  };
}

export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export function drawHighlights(ranges: ReadonlyArray<{ severity: Severity; range: Range }>): void {
  if (!highlightsSupported()) return;
  for (const severity of ['info', 'warn', 'block'] as const) {
    const own = ranges.filter((r) => r.severity === severity).map((r) => r.range);
    if (own.length === 0) CSS.highlights.delete(HIGHLIGHT_NAMES[severity]);
    else CSS.highlights.set(HIGHLIGHT_NAMES[severity], new Highlight(...own));
  }
}

export function drawCurrent(range: Range | null): void {
  if (!highlightsSupported()) return;
  if (range === null) {
    CSS.highlights.delete(CURRENT);
    return;
  }
  const current = new Highlight(range);
  current.priority = 1;
  CSS.highlights.set(CURRENT, current);
}

export function clearHighlights(): void {
  if (!highlightsSupported()) return;
  for (const name of [...Object.values(HIGHLIGHT_NAMES), CURRENT]) CSS.highlights.delete(name);
}
