/** The audit log table. Building an event and the retention policy live in src/audit/. */
import type { ToukouGuardDB } from './db.ts';
import { defaultGeneralSettings, isValidSetting } from './settings.ts';
import type { AuditEvent, Unsaved } from './types.ts';

export async function addAuditEvent(db: ToukouGuardDB, event: Unsaved<AuditEvent>): Promise<number> {
  return db.auditEvents.add({ ...event });
}

/** Events with `from <= time < to` (epoch ms; either bound may be omitted), oldest first. */
export async function listAuditEvents(db: ToukouGuardDB, range: { from?: number; to?: number } = {}): Promise<AuditEvent[]> {
  const from = range.from ?? -Infinity;
  const to = range.to ?? Infinity;
  return db.auditEvents.where('time').between(from, to, true, false).toArray();
}

/** Deletes every event with `time < cutoff`; returns how many. */
export async function deleteAuditEventsBefore(db: ToukouGuardDB, cutoff: number): Promise<number> {
  return db.auditEvents.where('time').below(cutoff).delete();
}

const DAY_MS = 86_400_000;

/** Events at or after this instant are kept: `now − retentionDays × 24 h`. */
export function retentionCutoff(now: number, retentionDays: number): number {
  return now - retentionDays * DAY_MS;
}

/** Applies the `retentionDays` setting: deletes older events, keeps newer; returns how many went. */
export async function purgeExpiredAuditEvents(db: ToukouGuardDB, now: number): Promise<number> {
  const row = await db.settings.get('retentionDays');
  const days = isValidSetting('retentionDays', row?.value) ? row.value : defaultGeneralSettings().retentionDays;
  return deleteAuditEventsBefore(db, retentionCutoff(now, days));
}
