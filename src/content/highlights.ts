/**
 * Marks drawn with the CSS Custom Highlight API: ranges over the editor's own text nodes, painted by
 * the browser. Nothing is inserted into the editor, so Draft.js and Lexical never see our marks.
 */
import type { Severity } from '../shared/types.ts';

export const HIGHLIGHT_NAMES: Record<Severity, string> = { info: 'tg-info', warn: 'tg-warn', block: 'tg-block' };

const STYLE_ID = 'toukou-guard-highlights';

// ::highlight() accepts colours and text decorations only; the colours follow the badge's.
const HIGHLIGHT_CSS = `
::highlight(tg-info) { text-decoration: underline dotted #1f5fbf 2px; }
::highlight(tg-warn) { background-color: rgba(255, 193, 7, 0.35); text-decoration: underline wavy #c77c00 1.5px; }
::highlight(tg-block) { background-color: rgba(229, 57, 53, 0.25); text-decoration: underline wavy #c62828 1.5px; }
::highlight(tg-current) { background-color: rgba(26, 79, 160, 0.28); text-decoration: underline solid #1a4fa0 3px; }
`;

/** The finding the badge's list is on (次へ/前へ): drawn over its mark, so it shows while the list has the keyboard. */
const CURRENT = 'tg-current';

/** The highlight rules live in the page's head: a style element, not part of any editor. */
export function installHighlightStyle(doc: Document): () => void {
  if (doc.getElementById(STYLE_ID) !== null) return () => {};
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = HIGHLIGHT_CSS;
  (doc.head ?? doc.documentElement).append(style);
  return () => style.remove();
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
