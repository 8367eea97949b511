/**
 * 誤検知として報告 (issue #9): staff reports kept on this machine, and the proposals the supervisor
 * turned down. A report arrives validated (src/audit/report.ts); accepting or turning down a
 * proposal goes through the PIN session (src/supervisor/admin.ts).
 */
import type { ToukouGuardDB } from './db.ts';
import type { DismissedProposal, FalsePositiveReport, Unsaved } from './types.ts';

/** Reports waiting for the supervisor; beyond this a new one is refused (nothing kept is dropped to make room). */
export const MAX_STORED_REPORTS = 500;

export const REPORTS_FULL = `誤検知の報告が${MAX_STORED_REPORTS}件たまっているため、これ以上は受け付けられません。所属長に記録画面の「除外の提案」を確認してもらってください。`;

/** Stores one report; refused with `REPORTS_FULL` when the supervisor has not looked at the last ones. */
export async function addFalsePositiveReport(db: ToukouGuardDB, report: Unsaved<FalsePositiveReport>): Promise<number> {
  return db.transaction('rw', db.falsePositiveReports, async () => {
    if ((await db.falsePositiveReports.count()) >= MAX_STORED_REPORTS) throw new Error(REPORTS_FULL);
    return db.falsePositiveReports.add({ ...report });
  });
}

/** Oldest first. */
export async function listFalsePositiveReports(db: ToukouGuardDB): Promise<FalsePositiveReport[]> {
  return db.falsePositiveReports.orderBy('time').toArray();
}

/** Removes the reports of these exact words (the proposal was accepted or turned down); returns how many. */
export async function deleteReportsOf(db: ToukouGuardDB, words: string): Promise<number> {
  return db.falsePositiveReports.where('excerpt').equals(words).delete();
}

export async function listDismissedProposals(db: ToukouGuardDB): Promise<DismissedProposal[]> {
  return db.dismissedProposals.toArray();
}

/** 却下: the words' reports go, and overrides up to `time` no longer propose them. */
export async function dismissProposal(db: ToukouGuardDB, words: string, time: number): Promise<void> {
  await db.transaction('rw', [db.falsePositiveReports, db.dismissedProposals], async () => {
    await deleteReportsOf(db, words);
    await db.dismissedProposals.put({ words, time });
  });
}
