/**
 * Proposed exceptions for the supervisor (issue #9): words staff reported as 誤検知, and words
 * dismissed on the cards (今回は無視) in at least `OVERRIDE_PROPOSAL_MIN` posts that went out over
 * them within `OVERRIDE_WINDOW_MS`. Pure: the log page's data comes from the background
 * (src/supervisor/admin.ts, `log.proposals`). Words already a term exception are not proposed, and
 * what the supervisor turned down (却下) counts again only for reports and overrides after that.
 */
import type { Category, Platform } from '../shared/types.ts';
import type { AuditEvent, DismissedProposal, FalsePositiveReport } from '../storage/types.ts';
import { ignoredOnCard } from './override-reason.ts';

/** Overrides of the same words that make a proposal… */
export const OVERRIDE_PROPOSAL_MIN = 3;
/** …within this long before now. */
export const OVERRIDE_WINDOW_MS = 30 * 86_400_000;

export interface ExceptionProposal {
  /** The words, exactly as they stood in the posts: what would become a term exception. */
  words: string;
  /** The kinds of finding they were reported or overridden as. */
  categories: Category[];
  sites: Platform[];
  /** How many staff reports. */
  reports: number;
  /** How many posts went out over them (今回は無視) in the window. */
  overrides: number;
  /** Epoch ms of the latest report or override. */
  last: number;
}

export interface ProposalSources {
  reports: readonly FalsePositiveReport[];
  /** The audit log (at least the window); only `posted_override` events are read. */
  events: readonly AuditEvent[];
  /** The term exceptions in force: words already there are not proposed. */
  termExceptions: readonly string[];
  dismissed: readonly DismissedProposal[];
  now: number;
}

export function computeProposals({ reports, events, termExceptions, dismissed, now }: ProposalSources): ExceptionProposal[] {
  const excepted = new Set(termExceptions);
  const dismissedAt = new Map(dismissed.map((d) => [d.words, d.time]));
  const counts = (words: string, time: number) => !excepted.has(words) && time > (dismissedAt.get(words) ?? -Infinity);
  const byWords = new Map<string, ExceptionProposal>();
  const entry = (words: string): ExceptionProposal => {
    let p = byWords.get(words);
    if (p === undefined) {
      p = { words, categories: [], sites: [], reports: 0, overrides: 0, last: 0 };
      byWords.set(words, p);
    }
    return p;
  };
  const add = (p: ExceptionProposal, categories: readonly Category[], site: Platform, time: number) => {
    for (const c of categories) if (!p.categories.includes(c)) p.categories.push(c);
    if (!p.sites.includes(site)) p.sites.push(site);
    p.last = Math.max(p.last, time);
  };
  for (const r of reports) {
    if (!counts(r.excerpt, r.time)) continue;
    const p = entry(r.excerpt);
    p.reports += 1;
    add(p, [r.category], r.site, r.time);
  }
  const from = now - OVERRIDE_WINDOW_MS;
  for (const e of events) {
    if (e.decision !== 'posted_override' || e.time < from || e.time > now) continue;
    for (const words of ignoredOnCard(e.reason)) {
      if (!counts(words, e.time)) continue;
      const p = entry(words);
      p.overrides += 1;
      add(p, e.categories, e.site, e.time);
    }
  }
  return [...byWords.values()]
    .filter((p) => p.reports > 0 || p.overrides >= OVERRIDE_PROPOSAL_MIN)
    .sort((a, b) => b.reports + b.overrides - (a.reports + a.overrides) || b.last - a.last);
}
