/**
 * The supervisors' side of the protocol (issue #4). Three channels, three levels of trust:
 * - GuardProtocol (and InPersonProtocol): a content script asks the background for its configuration
 *   and for approvals. It can read what it needs to check and gate, ask for an approval of one exact
 *   text (or for the supervisor's confirmation window to be opened), and never change a setting,
 *   and never carries a PIN.
 * - ApprovePageProtocol: the supervisor's confirmation window (approve.html) reads the held post
 *   from the background and sends the PIN there.
 * - PageProtocol: the extension's own pages (options, log, popup) ask for the full check of a
 *   text, and for the engine options in force (what the gate reads anyway).
 * - AdminProtocol: the extension's own pages read and change the supervisor's data — settings,
 *   keys, term lists, exceptions, accounts, the log — only here, and only in a PIN session that the
 *   background opened after the right PIN (src/supervisor/admin.ts). A content script is refused.
 * - TabProtocol: the background and the popup ask a content script about its state, or tell it
 *   the configuration changed or the in-person approval's outcome.
 */
import type { AuditFilter } from '../audit/filter.ts';
import type { ExceptionProposal } from '../audit/proposals.ts';
import type { FalsePositiveReportInput } from '../audit/report.ts';
import type { Dictionary } from '../dictionary/types.ts';
import type { Exception } from '../engine/scorer.ts';
import type { EffectiveConfig, LockKey } from '../policy/types.ts';
import type { ApprovalKind, ApprovalRequest } from '../security/approval.ts';
import type { Category, CategorySettings, CheckResult, Finding, Platform } from '../shared/types.ts';
import type {
  AccountRecord, ApprovalRecord, AuditEvent, CustomTerm, ExceptionKind, GeneralSettings, SiteEnabled, StoredCategorySetting, Unsaved,
} from '../storage/types.ts';
import type { EngineConfig } from './protocol.ts';

/** What a content script is told: enough to check and gate, nothing it could use to change anything. */
export interface GuardConfig {
  enabled: boolean;
  settings: Partial<CategorySettings>;
  dictionaries: Dictionary[];
  exceptions: Exception[];
  /** The platform's official accounts in their 運用期間 (4-1-policy): the account a post goes to is one of these. */
  accounts: Array<{ handle: string; name: string }>;
  /** A public key is set: approval codes can be verified. */
  approvalByCode: boolean;
  /** A supervisor PIN is set: the supervisor can approve in person on this machine. */
  approvalInPerson: boolean;
  /**
   * The standing notice staff see while no supervisor PIN is configured (here or by the
   * organisation's policy), in Japanese, starting 「所属長のPINが未設定です」; null once one is.
   */
  pinNotice: string | null;
  /** The supervisor keeps post texts in the audit log: the gate sends the text with its event. */
  auditKeepText: boolean;
  locks: LockKey[];
}

/** One exact text the gate holds, as an approval is asked for it. */
export interface ApprovalSubjectMessage {
  text: string;
  account: string;
  site: Platform;
  /**
   * Fingerprints of the photos and videos attached to the held post (the gate's media list): an
   * approval is bound to them, so it does not open the gate for other pictures. Absent: none.
   */
  media?: string[];
  findings: Finding[];
}

/**
 * A granted approval carries `validForMs`: how long the tab may keep it, measured on the
 * background's trusted clock. The tab keeps it until `rememberedApprovalDeadline(reply,
 * performance.now())` (src/security/approval-lifetime.ts), never longer; `expiresAt` is for display.
 */
export type ApprovalReply = { ok: true; kind: ApprovalKind; reason?: string; expiresAt: number; validForMs: number } | { ok: false; reason: string };

export interface GuardProtocol {
  'config.get'(request: { platform: Platform }): GuardConfig;
  /** The request the author copies to the supervisor (TGREQ1.…). */
  'approval.request'(request: { text: string; account: string; site: Platform; media?: string[] }): { request: string };
  /** The author pasted an approval code. */
  'approval.code'(request: ApprovalSubjectMessage & { code: string }): ApprovalReply;
  /**
   * 誤検知として報告 (issue #9): the words of one finding (never the post), validated by
   * src/audit/report.ts and kept for the supervisor. Add only: the answer says nothing about what
   * is kept, and nothing here reads or changes the reports.
   */
  'report.falsePositive'(report: FalsePositiveReportInput): { received: true };
}

/**
 * In person ((4)③ on the author's machine): the content script never sees the PIN. It asks the
 * background to open the extension's own confirmation window (approve.html) for one held post;
 * the supervisor types the PIN there, and the background answers the tab with `approval.answer`.
 */
export interface InPersonRequest extends ApprovalSubjectMessage {
  /** The gate key of the held press: the answer opens the gate for this exact key only. */
  key: string;
  kind: ApprovalKind;
}

export interface InPersonProtocol {
  /** Opens the confirmation window; answers the id the later `approval.answer` carries. */
  'approval.inPerson'(request: InPersonRequest): { id: string };
  /** The author cancelled at the gate: the window is closed. */
  'approval.inPersonCancel'(request: { id: string }): { cancelled: boolean };
}

/** What the confirmation window shows: the held post as the background keeps it (never in the URL). */
export interface InPersonView {
  kind: ApprovalKind;
  site: Platform;
  account: string;
  text: string;
  textHash: string;
  findings: Finding[];
  categories: Category[];
  clauses: string[];
  /** How many photos and videos are attached (the approval covers exactly these). */
  mediaCount: number;
}

/** The confirmation window (approve.html) → the background. */
export interface ApprovePageProtocol {
  'approve.subject'(request: { id: string }): InPersonView | null;
  /** The supervisor's PIN (and, for a release, the reason), checked by the background. */
  'approve.submit'(request: { id: string; pin: string; reason?: string }): ApprovalReply;
  'approve.cancel'(request: { id: string }): { closed: boolean };
}

export interface PageProtocol {
  /** The full check (with the tokenizer) under the settings in force. */
  'page.check'(request: { text: string; platform: Platform }): CheckResult;
  /** The engine options in force (what a content script reads with `config.get`): for a check without the tokenizer. */
  'page.engine'(request: Record<string, never>): EngineConfig;
}

/**
 * What the background answers the supervisor's pages: the value, or why not in Japanese.
 * `needsPin`: there is no PIN session (never opened, locked, or idle too long): the page asks for
 * the PIN again and keeps what the person was editing. `problems`: an import's line and field.
 */
export type AdminResult<T = void> =
  | { ok: true; value: T }
  | { ok: false; message: string; needsPin?: boolean; problems?: Array<{ line?: number; field: string; message: string }> };

/** A message that needs the PIN session: the token the background gave at unlock. */
export type Gated<T = unknown> = T & { token: string };

/** What anyone may ask (the popup's switches, the pages' first screen): nothing secret. */
export interface SupervisorStatus {
  /** A supervisor PIN is configured here or by the organisation's policy. */
  pinSet: boolean;
  /** The PIN is the organisation's (cannot be changed here). */
  pinManaged: boolean;
  /** The policy's PIN cannot be read: nothing opens until the IT department fixes it. */
  pinProblem: string | null;
  /** The token sent along names a live session (asking does not count as use). */
  session: boolean;
  /** How long a session lasts without use. */
  idleMs: number;
  siteEnabled: SiteEnabled;
  locks: LockKey[];
}

export interface SupervisorSnapshot {
  config: EffectiveConfig;
  /** The categories the supervisor set locally (the rest are the engine's defaults). */
  localCategories: Partial<CategorySettings>;
  pinManaged: boolean;
  /** This profile holds the (encrypted) signing key: it is a supervisor's. */
  hasSigningKey: boolean;
  /** The public key in force (key-fingerprint.ts), or null. */
  keyFingerprint: string | null;
  accounts: AccountRecord[];
}

/** The general settings a page may write (never the PIN hash or the private key). */
export type PageGeneralKey = 'siteEnabled' | 'auditKeepText' | 'retentionDays' | 'supervisorPublicKey';

/** What a settings file would change, before anything is written (`null` for a category: the default). */
export interface ImportPreview {
  key: { before: string | null; after: string | null; locked: boolean };
  categories: Array<{ category: Category; before: StoredCategorySetting | null; after: StoredCategorySetting | null; locked: boolean }>;
  sites: Array<{ site: Platform; before: boolean; after: boolean; locked: boolean }>;
  counts: Record<'customTerms' | 'exceptions' | 'accounts', { before: number; after: number }>;
  auditKeepText: { before: boolean; after: boolean; locked: boolean };
  retentionDays: { before: number; after: number; locked: boolean };
}

export interface ExportedFile {
  filename: string;
  text: string;
}

export interface AdminProtocol {
  'admin.status'(request: { token?: string }): SupervisorStatus;
  /** The PIN, under the one attempt limiter: a session for this page. */
  'admin.unlock'(request: { pin: string }): AdminResult<{ token: string; idleMs: number }>;
  /** The first PIN of this profile: only while none is configured, and only as a deliberate step. */
  'admin.firstPin'(request: { pin: string; acknowledged: boolean }): AdminResult<{ token: string; idleMs: number }>;
  'admin.lock'(request: { token: string }): { locked: boolean };
  /** The person is working in the page: the idle time starts again. */
  'admin.touch'(request: Gated): AdminResult;
  'admin.changePin'(request: Gated<{ current: string; next: string }>): AdminResult;
  'admin.snapshot'(request: Gated): AdminResult<SupervisorSnapshot>;
  'admin.setCategory'(request: Gated<{ category: Category; setting: StoredCategorySetting | null }>): AdminResult;
  'admin.putTerm'(request: Gated<{ term: CustomTerm; originalId: string | null }>): AdminResult;
  'admin.deleteTerm'(request: Gated<{ id: string }>): AdminResult;
  'admin.addException'(request: Gated<{ exception: { kind: ExceptionKind; value: string; note?: string } }>): AdminResult;
  'admin.deleteException'(request: Gated<{ id: number }>): AdminResult;
  'admin.putAccount'(request: Gated<{ account: Unsaved<AccountRecord> }>): AdminResult<number>;
  'admin.deleteAccount'(request: Gated<{ id: number }>): AdminResult;
  'admin.setGeneral'(request: Gated<{ key: PageGeneralKey; value: GeneralSettings[PageGeneralKey] }>): AdminResult;
  'admin.exportSettings'(request: Gated): AdminResult<ExportedFile>;
  /** Reads a settings file and says what it would change; writes nothing. */
  'admin.previewImport'(request: Gated<{ text: string }>): AdminResult<ImportPreview>;
  /** Applies a settings file: the PIN again (it can replace the public key and every sensitivity). */
  'admin.applyImport'(request: Gated<{ text: string; pin: string }>): AdminResult<{ message: string }>;
  'admin.exportTermsCsv'(request: Gated): AdminResult<ExportedFile>;
  'admin.importTermsCsv'(request: Gated<{ text: string; mode: 'replace' | 'merge' }>): AdminResult<{ message: string }>;
  'admin.createSigningKey'(request: Gated<{ pin: string }>): AdminResult<JsonWebKey>;
  'admin.sign'(request: Gated<{ request: ApprovalRequest; pin: string; kind: ApprovalKind; expiresInMinutes: number; reason: string }>): AdminResult<string>;
  'admin.refuse'(request: Gated<{ request: ApprovalRequest; findings: Finding[]; reason: string }>): AdminResult;
  /** This profile's PIN as a fragment of the organisation's policy (for the IT department). */
  'admin.pinForPolicy'(request: Gated): AdminResult<string>;
  'log.settings'(request: Gated): AdminResult<{ retentionDays: number; auditKeepText: boolean; locks: LockKey[] }>;
  'log.query'(request: Gated<{ filter: AuditFilter }>): AdminResult<AuditEvent[]>;
  'log.approvals'(request: Gated): AdminResult<ApprovalRecord[]>;
  'log.exportCsv'(request: Gated<{ filter: AuditFilter; includeText: boolean }>): AdminResult<ExportedFile>;
  /** 除外の提案 (issue #9): words staff reported as 誤検知 or dismissed again and again (src/audit/proposals.ts). */
  'log.proposals'(request: Gated): AdminResult<ExceptionProposal[]>;
  /** 除外に追加: the proposal's words become a term exception; its reports go. */
  'admin.acceptProposal'(request: Gated<{ words: string }>): AdminResult;
  /** 却下: the proposal's reports go, and what came before no longer proposes these words. */
  'admin.dismissProposal'(request: Gated<{ words: string }>): AdminResult;
  /** Answers how many old records went. */
  'log.setRetention'(request: Gated<{ days: number }>): AdminResult<number>;
}

/** What the content script on a tab says about itself (for the popup). */
export interface TabGuardState {
  platform: Platform;
  enabled: boolean;
  /** The full check (tokenizer) is not available: only the dictionary-and-pattern tier runs. */
  partial: boolean;
  /** Categories the settings turned off. */
  off: Category[];
  account: string | null;
}

export interface TabProtocol {
  'tab.state'(request: Record<string, never>): TabGuardState;
  'config.changed'(request: Record<string, never>): { reloaded: boolean };
  /** The in-person window's outcome for the request `id`: granted (opens the gate for `key` once), or closed. */
  'approval.answer'(request: { id: string; key: string; reply: ApprovalReply }): { accepted: boolean };
}
