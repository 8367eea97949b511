/**
 * Data for the weekly chart: per ISO week (in JST), how many posts had a finding in each category.
 * An event counts once per category it has (the log keeps a per-category summary, not every
 * finding). Weeks with no events between the first and last are included with zeros, so the
 * chart's x axis is continuous.
 */
import { CATEGORIES, type Category } from '../shared/types.ts';
import type { AuditEvent } from '../storage/index.ts';
import { JST_OFFSET_MINUTES, addDays, isoWeekOf, localDate } from './time.ts';

export interface WeeklyFindings {
  /** `2025-W14` */
  week: string;
  /** Monday of the week, `YYYY-MM-DD`. */
  monday: string;
  counts: Record<Category, number>;
  /** Posts (events) in the week with any finding. */
  postsWithFindings: number;
  /** All events in the week. */
  events: number;
}

function zeroCounts(): Record<Category, number> {
  return Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
}

export function weeklyFindings(events: readonly AuditEvent[], options: { offsetMinutes?: number } = {}): WeeklyFindings[] {
  if (events.length === 0) return [];
  const offset = options.offsetMinutes ?? JST_OFFSET_MINUTES;
  const byMonday = new Map<string, WeeklyFindings>();
  let first: string | null = null;
  let last: string | null = null;
  for (const e of events) {
    const week = isoWeekOf(localDate(e.time, offset));
    let bucket = byMonday.get(week.monday);
    if (bucket === undefined) {
      bucket = { week: week.id, monday: week.monday, counts: zeroCounts(), postsWithFindings: 0, events: 0 };
      byMonday.set(week.monday, bucket);
    }
    bucket.events += 1;
    for (const c of new Set(e.categories)) bucket.counts[c] += 1;
    if (e.categories.length > 0) bucket.postsWithFindings += 1;
    if (first === null || week.monday < first) first = week.monday;
    if (last === null || week.monday > last) last = week.monday;
  }
  const out: WeeklyFindings[] = [];
  for (let monday = first!; monday <= last!; monday = addDays(monday, 7)) {
    out.push(byMonday.get(monday) ?? { week: isoWeekOf(monday).id, monday, counts: zeroCounts(), postsWithFindings: 0, events: 0 });
  }
  return out;
}
