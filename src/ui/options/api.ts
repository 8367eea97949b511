/**
 * What the supervisor's pages (options, log, popup) can do, as an interface: the components get it
 * as a prop and stay free of Dexie and browser APIs; src/supervisor/page-api.ts and popup-api.ts
 * implement it over the background's AdminProtocol (src/supervisor/admin.ts), where the PIN
 * session is checked. No method rejects: a failure is a `Result` with the reason in Japanese.
 */
import type { AuditFilter } from '../../audit/filter.ts';
import type { WeeklyFindings } from '../../audit/weekly.ts';
import type { ImportPreview, SupervisorSnapshot, SupervisorStatus } from '../../messaging/supervisor-protocol.ts';
import type { LockKey } from '../../policy/types.ts';
import type { ApprovalKind, ApprovalRequest } from '../../security/approval.ts';
import type { Category, CategorySettings, CheckResult } from '../../shared/types.ts';
import type { AccountProblem } from '../../storage/accounts.ts';
import type { CustomTermProblem } from '../../storage/custom-terms.ts';
import type { AccountRecord, ApprovalRecord, AuditEvent, CustomTerm, ExceptionKind, GeneralSettings, StoredCategorySetting, Unsaved } from '../../storage/types.ts';

export type { ImportPreview, SupervisorStatus };

export interface OptionsSnapshot extends SupervisorSnapshot {
  defaults: CategorySettings;
  /** Always true here: a snapshot is read in a PIN session. */
  pinSet: boolean;
}

/** `needsPin`: the PIN session is gone (locked, or idle too long); the page asks for the PIN again. */
export type Result<T = void> = { ok: true; value: T } | { ok: false; message: string; needsPin?: boolean };

export interface ImportResult {
  ok: boolean;
  /** Japanese: what was read, or every problem with its line and field. */
  message: string;
  problems: Array<{ line?: number; field: string; message: string }>;
  needsPin?: boolean;
}

export type ImportPreviewResult = { ok: true; preview: ImportPreview } | (ImportResult & { ok: false });

/** What every supervisor page has: the PIN session. */
export interface SessionApi {
  status(): Promise<Result<SupervisorStatus>>;
  /** The PIN (checked in the background, under the one attempt limiter) opens a session for this page. */
  unlock(pin: string): Promise<Result>;
  lock(): Promise<void>;
  /** The person is working here (typing, clicking): the idle time starts again (throttled). */
  keepAlive(): void;
  /** Called when the background says the session ended; answers an unsubscribe. */
  onSessionEnd(listener: (message: string) => void): () => void;
}

export interface OptionsApi extends SessionApi {
  /** The first PIN of this profile, a deliberate step (`acknowledged`: the person said they are the supervisor). */
  setFirstPin(pin: string, acknowledged: boolean): Promise<Result>;
  load(): Promise<Result<OptionsSnapshot>>;
  changePin(current: string, next: string): Promise<Result>;
  /** Checks `text` as the content script would under `settings` (the dictionary-and-pattern tier). */
  preview(text: string, settings: Partial<CategorySettings>): CheckResult;
  setCategory(category: Category, setting: StoredCategorySetting | null): Promise<Result>;
  validateTerm(term: CustomTerm, originalId: string | null): CustomTermProblem[];
  putTerm(term: CustomTerm, originalId: string | null): Promise<Result>;
  deleteTerm(id: string): Promise<Result>;
  addException(e: { kind: ExceptionKind; value: string; note?: string }): Promise<Result>;
  deleteException(id: number): Promise<Result>;
  validateAccount(a: Unsaved<AccountRecord>): AccountProblem[];
  putAccount(a: Unsaved<AccountRecord>): Promise<Result<number>>;
  deleteAccount(id: number): Promise<Result>;
  setGeneral<K extends 'siteEnabled' | 'auditKeepText' | 'retentionDays' | 'supervisorPublicKey'>(key: K, value: GeneralSettings[K]): Promise<Result>;
  exportSettings(): Promise<Result>;
  /** What the file would change; nothing is written. */
  previewImport(text: string): Promise<ImportPreviewResult>;
  /** Writes the file; the PIN is asked again. */
  applyImport(text: string, pin: string): Promise<ImportResult>;
  exportTermsCsv(): Promise<Result>;
  importTermsCsv(text: string, mode: 'replace' | 'merge'): Promise<ImportResult>;
  createSigningKey(pin: string): Promise<Result<JsonWebKey>>;
  openRequest(text: string): Promise<Result<{ request: ApprovalRequest; result: CheckResult }>>;
  approve(request: ApprovalRequest, options: { pin: string; kind: ApprovalKind; expiresInMinutes: number; reason: string }): Promise<Result<string>>;
  refuse(request: ApprovalRequest, result: CheckResult, reason: string): Promise<Result>;
  /** This profile's PIN as a fragment of the organisation's policy, for the IT department. */
  pinForPolicy(): Promise<Result<string>>;
  copy(text: string): Promise<Result>;
  openLog(): void;
  print(): void;
}

export interface LogSettings {
  retentionDays: number;
  auditKeepText: boolean;
  locks: LockKey[];
}

export interface LogApi extends SessionApi {
  query(filter: AuditFilter): Promise<Result<AuditEvent[]>>;
  weekly(events: AuditEvent[]): WeeklyFindings[];
  approvals(): Promise<Result<ApprovalRecord[]>>;
  exportCsv(filter: AuditFilter, includeText: boolean): Promise<Result>;
  settings(): Promise<Result<LogSettings>>;
  setRetention(days: number): Promise<Result<number>>;
  openOptions(): void;
}

/** The popup's view of the current tab. */
export interface TabState {
  site: 'x' | 'facebook' | null;
  /** on: full check; partial: the dictionary-and-pattern tier only (or some categories off); off. */
  state: 'on' | 'partial' | 'off';
  detail: string;
}

export interface PopupApi {
  tab(): Promise<TabState>;
  /** Sites on/off, locks, and whether a supervisor PIN is configured (the standing notice when not). */
  status(): Promise<Result<SupervisorStatus>>;
  /** The PIN opens a session for this one change, closed right after. */
  setSiteEnabled(site: 'x' | 'facebook', on: boolean, pin: string): Promise<Result>;
  check(text: string): Promise<Result<CheckResult>>;
  openOptions(): void;
  openLog(): void;
}
