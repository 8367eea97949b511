/**
 * The supervisors' side of the protocol (issue #4). Three channels, three levels of trust:
 * - GuardProtocol (and InPersonProtocol): a content script asks the background for its configuration
 *   and for approvals. It can read what it needs to check and gate, ask for an approval of one exact
 *   text (or for the supervisor's confirmation window to be opened), and never change a setting,
 *   and never carries a PIN.
 * - ApprovePageProtocol: the supervisor's confirmation window (approve.html) reads the held post
 *   from the background and sends the PIN there.
 * - PageProtocol: the extension's own pages (options, log, popup) tell the background that
 *   settings changed, and ask for the full check of a text.
 * - TabProtocol: the background and the popup ask a content script about its state, or tell it
 *   the configuration changed or the in-person approval's outcome.
 */
import type { Dictionary } from '../dictionary/types.ts';
import type { Exception } from '../engine/scorer.ts';
import type { LockKey } from '../policy/types.ts';
import type { ApprovalKind } from '../security/approval.ts';
import type { Category, CategorySettings, CheckResult, Finding, Platform } from '../shared/types.ts';

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
  /** Settings were written; the background tells every open tab to reload its configuration. */
  'settings.changed'(request: Record<string, never>): { tabs: number };
  /** The full check (with the tokenizer) under the settings in force. */
  'page.check'(request: { text: string; platform: Platform }): CheckResult;
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
