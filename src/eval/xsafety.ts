/**
 * XSafety (Japanese split, even rows, labelled by this project's guideline; data/SOURCES.md):
 * wording written by others, so a check that the signals are not tied to our own phrasing. Only
 * the `clear` rows are scored — per category, the share "found in its category" (the result's
 * categories include the label), and the clear negatives (categories []) flagged at warn or above.
 * The peer has no categories: its figures are shares flagged.
 */
import { CATEGORIES, type Category } from '../shared/types.ts';
import type { Loaded, XSafetyRow } from './corpora.ts';
import { flaggedShare, foundInCategory, isFlagged, type Ratio } from './metrics.ts';
import { brief, capped, countBy, findingsText, head, ratioText, skipped, targetPct, type FindingBrief, type RunEngine, type RunPeer, type SectionHead } from './section.ts';
import { fixed, formatTable, oneLine, pct } from './table.ts';
import { TARGETS, XSAFETY_TARGET_CATEGORIES } from './targets.ts';

export interface XSafetySection extends SectionHead {
  rows: number;
  clear: number;
  /** Clear rows with categories []. */
  clearNegatives: number;
  /** Judgement calls, left out of every figure. */
  unclear: number;
  /** Clear rows per label (a row with two labels counts in both). */
  clearLabels: Partial<Record<Category, number>>;
  engine: {
    found: Array<{ category: Category; found: Ratio }>;
    /** Clear positives flagged in any category (the figure the peer shares). */
    positivesFlagged: Ratio;
    negativesFlagged: Ratio;
    /** Flagged clear negatives per category (a row counts once per category). */
    negativesFlaggedByCategory: Partial<Record<Category, number>>;
    flaggedNegatives: Array<{ id: string; text: string; findings: FindingBrief[] }>;
    missed: Array<{ id: string; text: string; expected: Category[]; got: Category[] }>;
  } | null;
  peer: { positivesFlagged: Ratio; flaggedByLabel: Array<{ category: Category; flagged: Ratio }>; negativesFlagged: Ratio } | null;
}

export async function evaluateXSafety(loaded: Loaded<XSafetyRow> | undefined, runEngine: RunEngine | null, runPeer: RunPeer | null): Promise<XSafetySection> {
  const section: XSafetySection = { ...head(loaded), rows: 0, clear: 0, clearNegatives: 0, unclear: 0, clearLabels: {}, engine: null, peer: null };
  if (loaded === undefined || loaded.status !== 'ok') return section;
  const clear = loaded.items.filter((r) => r.clear);
  const negatives = clear.filter((r) => r.categories.length === 0);
  section.rows = loaded.items.length;
  section.clear = clear.length;
  section.clearNegatives = negatives.length;
  section.unclear = section.rows - section.clear;
  section.clearLabels = countBy(clear.flatMap((r) => r.categories));

  if (runEngine !== null) {
    const scored = clear.map((row) => {
      const result = runEngine(`xsafety#${row.id}`, row.text, row.platform);
      return { row, result, predicted: result?.categories ?? [], flagged: result !== null && isFlagged(result) };
    });
    const neg = scored.filter((s) => s.row.categories.length === 0);
    const pos = scored.filter((s) => s.row.categories.length > 0);
    const flaggedNeg = neg.filter((s) => s.flagged);
    section.engine = {
      found: foundInCategory(pos.map((s) => ({ expected: s.row.categories, predicted: s.predicted }))),
      positivesFlagged: flaggedShare(pos.map((s) => s.flagged)),
      negativesFlagged: flaggedShare(neg.map((s) => s.flagged)),
      negativesFlaggedByCategory: countBy(flaggedNeg.flatMap((s) => s.predicted)),
      flaggedNegatives: flaggedNeg.map((s) => ({ id: s.row.id, text: s.row.text, findings: (s.result?.findings ?? []).filter((f) => f.severity !== 'info').map((f) => brief(s.row.text, f)) })),
      missed: pos.filter((s) => s.row.categories.some((c) => !s.predicted.includes(c))).map((s) => ({ id: s.row.id, text: s.row.text, expected: s.row.categories, got: s.predicted })),
    };
  }
  if (runPeer !== null) {
    const flags: Array<{ row: XSafetyRow; flagged: boolean }> = [];
    for (const row of clear) flags.push({ row, flagged: ((await runPeer(`xsafety#${row.id}`, row.text)) ?? []).length > 0 });
    section.peer = {
      positivesFlagged: flaggedShare(flags.filter((f) => f.row.categories.length > 0).map((f) => f.flagged)),
      flaggedByLabel: CATEGORIES.flatMap((category) => {
        const labelled = flags.filter((f) => f.row.categories.includes(category));
        return labelled.length === 0 ? [] : [{ category, flagged: flaggedShare(labelled.map((f) => f.flagged)) }];
      }),
      negativesFlagged: flaggedShare(flags.filter((f) => f.row.categories.length === 0).map((f) => f.flagged)),
    };
  }
  return section;
}

export function formatXSafety(x: XSafetySection, showMisses: boolean): string[] {
  const skip = skipped('XSafety (ja, even rows, labelled)', x);
  if (skip) return skip;
  const labels = Object.entries(x.clearLabels).map(([c, n]) => `${c} ${n}`).join(', ');
  const out = [`== XSafety (ja, even rows, labelled): ${x.rows} rows — ${x.clear} clear (${labels}; negatives ${x.clearNegatives}), ${x.unclear} judgement calls left out — ${x.source}`];
  if (x.engine) {
    const e = x.engine;
    const peerBy = new Map((x.peer?.flaggedByLabel ?? []).map((p) => [p.category, p.flagged]));
    const rows = e.found.map(({ category, found }) => {
      const target = XSAFETY_TARGET_CATEGORIES.includes(category) ? `≥ ${fixed(TARGETS.xsafetyFoundMin)} ${found.rate !== null && found.rate >= TARGETS.xsafetyFoundMin ? 'ok' : 'MISS'}` : '';
      const peer = peerBy.get(category);
      return [category, String(found.total), String(found.count), fixed(found.rate), target, peer === undefined ? '—' : pct(peer.rate)];
    });
    out.push(formatTable(['label (clear rows)', 'rows', 'found in category', 'rate', 'target', 'peer flagged'], rows, ['left', 'right', 'right', 'right', 'left', 'right']));
    out.push(`clear positives flagged (any category): ${ratioText(e.positivesFlagged)}`);
    const byCat = Object.entries(e.negativesFlaggedByCategory).map(([c, n]) => `${c} ${n}`).join(', ');
    out.push(`clear negatives flagged (warn+):        ${ratioText(e.negativesFlagged)}  (target ≤ ${targetPct(TARGETS.xsafetyNegativesFlaggedMax)})${byCat ? `  by category: ${byCat}` : ''}`);
    if (e.flaggedNegatives.length > 0) {
      out.push(`  clear negatives flagged (${e.flaggedNegatives.length}):`);
      out.push(...capped(e.flaggedNegatives, showMisses, (n) => [`    ${n.id} ${oneLine(n.text, 50)}  ← ${findingsText(n.findings)}`]));
    }
    if (showMisses && e.missed.length > 0) {
      out.push(`  clear positives not found in (all) their categories (${e.missed.length}):`);
      for (const m of e.missed) out.push(`    ${m.id} [${m.expected.join(', ')}] got [${m.got.join(', ')}] ${oneLine(m.text, 60)}`);
    } else if (e.missed.length > 0) {
      out.push(`  ${e.missed.length} clear positives not found in (all) their categories (--show-misses lists them)`);
    }
  } else {
    out.push('engine: not measured (engine unavailable)');
  }
  if (x.peer) out.push(`peer: clear positives flagged ${ratioText(x.peer.positivesFlagged)}; clear negatives flagged ${ratioText(x.peer.negativesFlagged)}`);
  return out;
}
