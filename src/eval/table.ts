/** Plain-text tables for terminal reports; Japanese (full-width) characters count as two columns. */

const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{1F300}-\u{1FAFF}\u{20000}-\u{3FFFD}]/u;

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

export type Align = 'left' | 'right';

export function formatTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>, align: readonly Align[] = []): string {
  const widths = headers.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const pad = (cell: string, i: number): string => {
    const fill = ' '.repeat(widths[i]! - displayWidth(cell));
    return (align[i] ?? 'left') === 'right' ? fill + cell : cell + fill;
  };
  const line = (cells: readonly string[]): string => headers.map((_, i) => pad(cells[i] ?? '', i)).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** `0.917` → `91.7%`; null → `—`. */
export function pct(rate: number | null, digits = 1): string {
  return rate === null || Number.isNaN(rate) ? '—' : `${(rate * 100).toFixed(digits)}%`;
}

/** `0.917` → `0.92`; null → `—`. */
export function fixed(value: number | null, digits = 2): string {
  return value === null || Number.isNaN(value) ? '—' : value.toFixed(digits);
}

/** Cut to `max` characters (code points) for one-line listings, with newlines shown as ⏎. */
export function oneLine(text: string, max: number): string {
  const flat = text.replace(/\r?\n/g, '⏎');
  const chars = Array.from(flat);
  return chars.length <= max ? flat : chars.slice(0, max - 1).join('') + '…';
}
