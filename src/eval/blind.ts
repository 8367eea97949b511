/**
 * Blind sets (`tests/blind/*.jsonl`, or one file given with `--file`): drafts in the dev line shape
 * written by someone who has not read the rules — "the only accuracy figure that counts" (STYLE.md).
 * So that they stay blind, this section keeps and prints AGGREGATE FIGURES ONLY: no text, no
 * excerpt, no finding. With `--show-misses` it lists the ids of the drafts it got wrong, grouped by
 * what went wrong, and nothing else about them.
 */
import { CATEGORIES, type Category } from '../shared/types.ts';
import type { BlindSets, DevDraft } from './corpora.ts';
import {
  approvalAccuracy,
  categoryScores,
  cleanFlaggedByFlag,
  isFlagged,
  microAverage,
  ratio,
  violatingRecall,
  type CategoryScore,
  type Ratio,
} from './metrics.ts';
import { NOT_RUN, ratioText, targetPct, type RunEngine, type RunPeer, type SectionHead } from './section.ts';
import { fixed, formatTable } from './table.ts';
import { TARGETS } from './targets.ts';

/** Ids only, by what went wrong: a label the engine missed, one it added, a clean draft flagged, the approval verdict. */
export interface BlindMisses {
  missed: Partial<Record<Category, string[]>>;
  extra: Partial<Record<Category, string[]>>;
  cleanFlagged: string[];
  approval: string[];
  /** The engine threw on these. */
  errors: string[];
}

export interface BlindSetSection extends SectionHead {
  name: string;
  date: string | null;
  /** The newest set: the blind targets apply to it. */
  newest: boolean;
  drafts: number;
  clean: number;
  violating: number;
  engine: {
    categories: CategoryScore[];
    micro: Omit<CategoryScore, 'category'>;
    /** Every expected label, micro-averaged: found / expected. */
    overallRecall: Ratio;
    approval: Ratio;
    /** Clean drafts (categories []) with any finding at warn or above. */
    cleanFlagged: Ratio;
    violatingFlagged: Ratio;
    partial: number;
    /** Only with `--show-misses`. */
    misses: BlindMisses | null;
  } | null;
  peer: { violatingFlagged: Ratio; cleanFlagged: Ratio } | null;
}

export interface BlindSection extends SectionHead {
  title: string;
  sets: BlindSetSection[];
}

export const BLIND_TITLE = 'Blind sets';

export async function evaluateBlind(
  input: (BlindSets & { title?: string }) | undefined,
  runEngine: RunEngine | null,
  runPeer: RunPeer | null,
  showMisses: boolean,
): Promise<BlindSection> {
  if (input === undefined) return { ...NOT_RUN, title: BLIND_TITLE, sets: [] };
  const title = input.title ?? BLIND_TITLE;
  if (input.status === 'missing') return { status: 'missing', source: input.source, reason: input.reason, title, sets: [] };
  const sets: BlindSetSection[] = [];
  for (const [index, set] of input.sets.entries()) {
    const loaded = set.loaded;
    const section: BlindSetSection = {
      status: loaded.status,
      source: loaded.source,
      reason: loaded.status === 'invalid' ? loaded.reason : null,
      name: set.name,
      date: set.date,
      newest: index === input.sets.length - 1,
      drafts: 0,
      clean: 0,
      violating: 0,
      engine: null,
      peer: null,
    };
    sets.push(section);
    if (loaded.status !== 'ok') continue;
    const drafts = loaded.items;
    section.drafts = drafts.length;
    section.clean = drafts.filter((d) => d.expected.categories.length === 0).length;
    section.violating = drafts.length - section.clean;
    if (runEngine !== null) section.engine = scoreEngine(set.name, drafts, runEngine, showMisses);
    if (runPeer !== null) {
      const flags: Array<{ expected: Category[]; flagged: boolean }> = [];
      for (const d of drafts) flags.push({ expected: d.expected.categories, flagged: ((await runPeer(`${set.name}#${d.id}`, d.text)) ?? []).length > 0 });
      section.peer = { violatingFlagged: violatingRecall(flags), cleanFlagged: cleanFlaggedByFlag(flags) };
    }
  }
  return { status: 'ok', source: input.source, reason: null, title, sets };
}

function scoreEngine(name: string, drafts: readonly DevDraft[], runEngine: RunEngine, showMisses: boolean): NonNullable<BlindSetSection['engine']> {
  const rows = drafts.map((draft) => {
    const result = runEngine(`${name}#${draft.id}`, draft.text, draft.platform);
    return { draft, result, predicted: result?.categories ?? [], flagged: result !== null && isFlagged(result) };
  });
  const categories = categoryScores(rows.map((r) => ({ expected: r.draft.expected.categories, predicted: r.predicted })));
  const micro = microAverage(categories);
  const flags = rows.map((r) => ({ expected: r.draft.expected.categories, flagged: r.flagged }));
  return {
    categories,
    micro,
    overallRecall: ratio(micro.tp, micro.support),
    // A draft the engine threw on counts as wrong: the opposite of what was expected.
    approval: approvalAccuracy(rows.map((r) => ({ expected: r.draft.expected.needs_approval, predicted: r.result?.needs_approval ?? !r.draft.expected.needs_approval }))),
    cleanFlagged: cleanFlaggedByFlag(flags),
    violatingFlagged: violatingRecall(flags),
    partial: rows.filter((r) => r.result?.partial === true).length,
    misses: showMisses ? missesOf(rows) : null,
  };
}

function missesOf(rows: ReadonlyArray<{ draft: DevDraft; result: { needs_approval: boolean } | null; predicted: readonly Category[]; flagged: boolean }>): BlindMisses {
  const misses: BlindMisses = { missed: {}, extra: {}, cleanFlagged: [], approval: [], errors: [] };
  const push = (into: Partial<Record<Category, string[]>>, c: Category, id: string) => (into[c] ??= []).push(id);
  for (const { draft, result, predicted, flagged } of rows) {
    const expected = draft.expected.categories;
    if (result === null) misses.errors.push(draft.id);
    for (const c of CATEGORIES) {
      if (expected.includes(c) && !predicted.includes(c)) push(misses.missed, c, draft.id);
      if (!expected.includes(c) && predicted.includes(c)) push(misses.extra, c, draft.id);
    }
    if (expected.length === 0 && flagged) misses.cleanFlagged.push(draft.id);
    if (result !== null && result.needs_approval !== draft.expected.needs_approval) misses.approval.push(draft.id);
  }
  return misses;
}

export function formatBlind(b: BlindSection): string[] {
  if (b.status === 'not_run') return [];
  if (b.status !== 'ok') return [`== ${b.title}: skipped — none at ${b.source}${b.reason ? ` (${b.reason})` : ''}`];
  const out = [`== ${b.title}: ${b.sets.length} file(s) in ${b.source} — aggregate figures only (--show-misses adds the ids of misses)`];
  for (const s of b.sets) {
    const tag = `${s.name}${s.date ? ` [${s.date}]` : ''}${s.newest ? ' (newest: the blind targets apply)' : ''}`;
    if (s.status === 'missing') {
      out.push(`-- ${tag}: skipped — not found`);
      continue;
    }
    if (s.status === 'invalid') {
      out.push(`-- ${tag}: skipped — malformed: ${s.reason ?? ''}`);
      continue;
    }
    out.push(`-- ${tag}: ${s.drafts} drafts (${s.clean} clean, ${s.violating} violating)`);
    if (s.engine) {
      const e = s.engine;
      const rows = e.categories
        .filter((c) => c.support > 0 || c.fp > 0)
        .map((c) => [c.category, String(c.support), String(c.tp), String(c.fp), String(c.fn), fixed(c.precision), fixed(c.recall), c.recall === null ? '—' : c.recall >= TARGETS.blindRecallPerCategory ? 'ok' : 'MISS']);
      rows.push(['(all labels)', String(e.micro.support), String(e.micro.tp), String(e.micro.fp), String(e.micro.fn), fixed(e.micro.precision), fixed(e.micro.recall), '']);
      out.push(formatTable(['category', 'support', 'TP', 'FP', 'FN', 'precision', 'recall', `recall≥${TARGETS.blindRecallPerCategory.toFixed(2)}`], rows, ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'left']));
      out.push(`overall recall (all labels):  ${ratioText(e.overallRecall)}`);
      out.push(`approval accuracy:            ${ratioText(e.approval)}  (target ≥ ${targetPct(TARGETS.blindApprovalMin)}, newest set)`);
      out.push(`clean drafts flagged (warn+): ${ratioText(e.cleanFlagged)}  (target ≤ ${targetPct(TARGETS.blindCleanFlaggedMax)}, newest set)`);
      out.push(`violating drafts flagged:     ${ratioText(e.violatingFlagged)}  (any category)`);
      if (e.partial > 0) out.push(`partial results (no tokenizer): ${e.partial}`);
      if (e.misses) out.push(...formatMisses(e.misses));
    } else {
      out.push('engine: not measured (engine unavailable)');
    }
    if (s.peer) out.push(`peer: violating drafts flagged ${ratioText(s.peer.violatingFlagged)}; clean drafts flagged ${ratioText(s.peer.cleanFlagged)}`);
  }
  return out;
}

function formatMisses(m: BlindMisses): string[] {
  const out = ['ids of misses:'];
  const ids = (list: readonly string[]) => list.join(' ');
  for (const c of CATEGORIES) if (m.missed[c]) out.push(`  missed ${c}: ${ids(m.missed[c]!)}`);
  for (const c of CATEGORIES) if (m.extra[c]) out.push(`  extra ${c}: ${ids(m.extra[c]!)}`);
  if (m.cleanFlagged.length > 0) out.push(`  clean but flagged: ${ids(m.cleanFlagged)}`);
  if (m.approval.length > 0) out.push(`  approval verdict wrong: ${ids(m.approval)}`);
  if (m.errors.length > 0) out.push(`  engine threw: ${ids(m.errors)}`);
  if (out.length === 1) out.push('  none');
  return out;
}
