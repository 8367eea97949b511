/**
 * What the supervisor's pages (options, log) can do, as an interface: the components get it as a
 * prop and stay free of Dexie and browser APIs; src/supervisor/page-api.ts implements it.
 */
import type { EffectiveConfig, LockKey } from '../../policy/types.ts';
import type { ApprovalKind, ApprovalRequest } from '../../security/approval.ts';
import type { Category, CategorySettings, CheckResult } from '../../shared/types.ts';
import type { AccountProblem } from '../../storage/accounts.ts';
import type { CustomTermProblem } from '../../storage/custom-terms.ts';
import type { AccountRecord, ApprovalRecord, AuditEvent, CustomTerm, ExceptionKind, GeneralSettings, StoredCategorySetting, Unsaved } from '../../storage/types.ts';
import type { AuditFilter } from '../../audit/filter.ts';
import type { WeeklyFindings } from '../../audit/weekly.ts';

export interface OptionsSnapshot {
  config: EffectiveConfig;
  /** The categories the supervisor set locally (the rest are the engine's defaults). */
  localCategories: Partial<CategorySettings>;
  defaults: CategorySettings;
  pinSet: boolean;
  /** This profile holds the (encrypted) signing key: it is a supervisor's. */
  hasSigningKey: boolean;
  accounts: AccountRecord[];
}

export type Result<T = void> = { ok: true; value: T } | { ok: false; message: string };

export interface ImportResult {
  ok: boolean;
  /** Japanese: what was read, or every problem with its line and field. */
  message: string;
  problems: Array<{ line?: number; field: string; message: string }>;
}

export interface OptionsApi {
  load(): Promise<OptionsSnapshot>;
  verifyPin(pin: string): Promise<boolean>;
  /** Sets or changes the PIN; `current` is required when one is set. */
  setPin(pin: string, current: string | null): Promise<Result>;
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
  exportSettings(): Promise<void>;
  importSettings(text: string): Promise<ImportResult>;
  exportTermsCsv(): Promise<Result>;
  importTermsCsv(text: string, mode: 'replace' | 'merge'): Promise<ImportResult>;
  createSigningKey(pin: string): Promise<Result<JsonWebKey>>;
  openRequest(text: string): Promise<Result<{ request: ApprovalRequest; result: CheckResult }>>;
  approve(request: ApprovalRequest, options: { pin: string; kind: ApprovalKind; expiresInMinutes: number; reason: string }): Promise<Result<string>>;
  refuse(request: ApprovalRequest, result: CheckResult, reason: string): Promise<Result>;
  copy(text: string): Promise<void>;
  openLog(): void;
  print(): void;
}

export interface LogApi {
  query(filter: AuditFilter): Promise<AuditEvent[]>;
  weekly(events: AuditEvent[]): WeeklyFindings[];
  approvals(): Promise<ApprovalRecord[]>;
  exportCsv(filter: AuditFilter, includeText: boolean): Promise<void>;
  settings(): Promise<{ retentionDays: number; auditKeepText: boolean; locks: LockKey[]; pinSet: boolean }>;
  setRetention(days: number, pin: string): Promise<Result<number>>;
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
  siteEnabled(): Promise<{ x: boolean; facebook: boolean; locks: LockKey[] }>;
  setSiteEnabled(site: 'x' | 'facebook', on: boolean, pin: string): Promise<Result>;
  pinSet(): Promise<boolean>;
  check(text: string): Promise<CheckResult>;
  openOptions(): void;
  openLog(): void;
}
