/**
 * Moving through a post's findings (the badge's list, 次へ/前へ, Alt+Shift+J/K) and applying a
 * finding's replacement: pure, so the content runtime and the unit tests share it.
 */
import type { Finding } from '../shared/types.ts';

export interface Span {
  start: number;
  end: number;
}

/**
 * The finding to go to next (`direction` 1) or before (-1), in text order, wrapping round.
 * From the current finding when there is one; else from the caret: 次へ takes the mark the caret
 * is in or the first after it, 前へ the mark the caret is in or the last before it; with neither,
 * the first (or the last). Null when there is nothing to go to.
 */
export function stepFinding(spans: readonly Span[], current: number | null, direction: 1 | -1, caret: number | null): number | null {
  const n = spans.length;
  if (n === 0) return null;
  if (current !== null && current >= 0 && current < n) return (current + direction + n) % n;
  if (caret === null) return direction === 1 ? 0 : n - 1;
  if (direction === 1) {
    const i = spans.findIndex((s) => s.end > caret);
    return i === -1 ? 0 : i;
  }
  for (let i = n - 1; i >= 0; i--) if (spans[i]!.start < caret) return i;
  return n - 1;
}

/** What identifies a finding across re-checks (a re-check makes new objects for the same mark). */
export function findingKey(f: Pick<Finding, 'rule' | 'start' | 'end'>): string {
  return `${f.rule}\u0000${f.start}\u0000${f.end}`;
}

/**
 * The text once the finding's words are replaced, or null when the text no longer holds those
 * words where the finding says (it changed since the check): nothing may be replaced then.
 */
export function replacedText(text: string, finding: Pick<Finding, 'start' | 'end' | 'excerpt' | 'replacement'>): string | null {
  if (finding.replacement === undefined || text.slice(finding.start, finding.end) !== finding.excerpt) return null;
  return text.slice(0, finding.start) + finding.replacement + text.slice(finding.end);
}

/** Alt+Shift+J (次へ) / Alt+Shift+K (前へ), never while an IME is composing; by the key's place, so a Mac's Option+Shift+J (Ô) counts too. */
export function navigationKey(e: { code: string; altKey: boolean; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; isComposing: boolean; keyCode: number }): 1 | -1 | null {
  if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey || e.isComposing || e.keyCode === 229) return null;
  return e.code === 'KeyJ' ? 1 : e.code === 'KeyK' ? -1 : null;
}
