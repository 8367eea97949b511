/** Filters for the audit view and export. Every field narrows; an absent field does not. */
import type { Category, Platform } from '../shared/types.ts';
import { listAuditEvents, type AuditDecision, type AuditEvent, type ToukouGuardDB } from '../storage/index.ts';

export interface AuditFilter {
  /** Epoch ms, inclusive. */
  from?: number;
  /** Epoch ms, exclusive (see `localDayRange` for whole days). */
  to?: number;
  /** Events with a finding in ANY of these categories. */
  categories?: readonly Category[];
  decisions?: readonly AuditDecision[];
  site?: Platform;
  account?: string;
}

export function matchesAuditFilter(event: AuditEvent, filter: AuditFilter): boolean {
  if (filter.from !== undefined && event.time < filter.from) return false;
  if (filter.to !== undefined && event.time >= filter.to) return false;
  if (filter.categories !== undefined && !filter.categories.some((c) => event.categories.includes(c))) return false;
  if (filter.decisions !== undefined && !filter.decisions.includes(event.decision)) return false;
  if (filter.site !== undefined && event.site !== filter.site) return false;
  if (filter.account !== undefined && event.account !== filter.account) return false;
  return true;
}

export function filterAuditEvents(events: readonly AuditEvent[], filter: AuditFilter): AuditEvent[] {
  return events.filter((e) => matchesAuditFilter(e, filter));
}

/** Reads through the time index, then applies the rest; oldest first. */
export async function queryAuditEvents(db: ToukouGuardDB, filter: AuditFilter = {}): Promise<AuditEvent[]> {
  const range: { from?: number; to?: number } = {};
  if (filter.from !== undefined) range.from = filter.from;
  if (filter.to !== undefined) range.to = filter.to;
  return filterAuditEvents(await listAuditEvents(db, range), filter);
}
