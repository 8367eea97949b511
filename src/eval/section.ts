/**
 * What every section of the eval report shares: how the engine and the peer are called (errors
 * recorded, never thrown), the section head (ok, absent, malformed, not run) and small formatting
 * helpers. The sections themselves are in report.ts (dev, bulletin, toxicity), xsafety.ts,
 * stockmark.ts and blind.ts.
 */
import type { Category, CheckResult, Finding, Platform } from '../shared/types.ts';
import type { Loaded } from './corpora.ts';
import type { Ratio } from './metrics.ts';
import { oneLine, pct } from './table.ts';

export interface EngineLike {
  check(text: string, options?: { platform?: Platform }): CheckResult;
}

export type Available<T> = { ok: true; value: T } | { ok: false; reason: string };

/** `not_run`: the section was not asked for (`--only`, `--file`); it has no figures and no targets. */
export type SectionStatus = 'ok' | 'missing' | 'invalid' | 'not_run';

export interface SectionHead {
  status: SectionStatus;
  source: string;
  reason: string | null;
}

/** Runs the engine on one text; null when there is no engine or it threw (recorded under `ref`). */
export type RunEngine = (ref: string, text: string, platform: Platform) => CheckResult | null;
/** Runs the peer on one text: its messages, or null when there is no peer or it failed. */
export type RunPeer = (ref: string, text: string) => Promise<string[] | null>;

export const NOT_RUN: SectionHead = { status: 'not_run', source: '', reason: 'not selected (--only / --file)' };

export function head<T>(loaded: Loaded<T> | undefined): SectionHead {
  if (loaded === undefined) return { ...NOT_RUN };
  return { status: loaded.status, source: loaded.source, reason: loaded.status === 'invalid' ? loaded.reason : null };
}

/** The one line a section prints instead of itself, or null when it has figures to show. */
export function skipped(title: string, s: SectionHead): string[] | null {
  if (s.status === 'not_run') return [];
  if (s.status === 'missing') return [`== ${title}: skipped — corpus not found at ${s.source}${s.reason ? ` (${s.reason})` : ''}`];
  if (s.status === 'invalid') return [`== ${title}: skipped — corpus at ${s.source} is malformed: ${s.reason ?? ''}`];
  return null;
}

/** A target rate as a whole percentage: 0.03 → `3%`. */
export function targetPct(rate: number): string {
  return `${Math.round(rate * 1000) / 10}%`;
}

export function ratioText(x: Ratio): string {
  return `${x.count}/${x.total} = ${pct(x.rate)}`;
}

/** Listings longer than this are cut in the text report unless `--show-misses` is given. */
export const LIST_LIMIT = 30;

export function capped<T>(items: readonly T[], showAll: boolean, line: (item: T) => string[]): string[] {
  const shown = showAll ? items : items.slice(0, LIST_LIMIT);
  const out = shown.flatMap(line);
  if (shown.length < items.length) out.push(`    … and ${items.length - shown.length} more (--show-misses lists all)`);
  return out;
}

export interface FindingBrief {
  rule: string;
  category: Category;
  severity: Finding['severity'];
  clause: string;
  excerpt: string;
  /** The excerpt with a few characters either side, so a person can judge it. */
  context: string;
}

export function brief(text: string, f: Finding): FindingBrief {
  const from = Math.max(0, f.start - 12);
  const to = Math.min(text.length, f.end + 12);
  const context = `${from > 0 ? '…' : ''}${text.slice(from, f.start)}【${text.slice(f.start, f.end)}】${text.slice(f.end, to)}${to < text.length ? '…' : ''}`;
  return { rule: f.rule, category: f.category, severity: f.severity, clause: f.clause, excerpt: f.excerpt, context: context.replace(/\s+/g, ' ') };
}

export function findingsText(findings: readonly FindingBrief[]): string {
  return findings.map((f) => `${f.category}:${f.rule}「${oneLine(f.excerpt, 30)}」`).join(' ');
}

export function countBy<K extends string>(keys: readonly K[]): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  for (const k of keys) out[k] = (out[k] ?? 0) + 1;
  return out;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
