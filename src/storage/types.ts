/**
 * What the database holds, as the rest of the extension sees it. Setting keys and audit decision
 * names are persisted: never rename one without a migration in `db.ts` and a test.
 */
import type { Category, Platform, Sensitivity, Severity } from '../shared/types.ts';
import type { EncryptedPrivateKey, PinHash } from '../security/index.ts';

export interface SettingRow {
  key: string;
  value: unknown;
}

export interface SiteEnabled {
  x: boolean;
  facebook: boolean;
}

/** The settings other than the per-category ones; each is one row `{key, value}`. */
export interface GeneralSettings {
  /** PBKDF2 hash of the supervisor PIN; null until a supervisor sets one. */
  supervisorPinHash: PinHash | null;
  /** The supervisor's public key (EC P-256 JWK); approval codes are verified with it. */
  supervisorPublicKey: JsonWebKey | null;
  /** Only in the supervisor's own profile: the private key, encrypted under the PIN. */
  supervisorPrivateKey: EncryptedPrivateKey | null;
  /** Keep the post text in the audit log (default: only its SHA-256). */
  auditKeepText: boolean;
  /** Audit events older than this many days are purged. */
  retentionDays: number;
  siteEnabled: SiteEnabled;
}
export type GeneralSettingKey = keyof GeneralSettings;

export interface StoredCategorySetting {
  sensitivity: Sensitivity;
  threshold: number;
}

/** The row key of a category's setting: `category.insult` … */
export type CategorySettingKey = `category.${Category}`;

/**
 * A supervisor's own term, in the entry format of dictionaries/ (the columns of the CSV format),
 * grouped by category into one `custom` list per category and validated with `parseDictionary`.
 */
export interface CustomTerm {
  /** `<category>.<name>`, unique across all lists. */
  id: string;
  category: Category;
  forms: string[];
  reading?: string;
  severity: Severity;
  examples: { hit: string[]; clean?: string[] };
  /** The supervisor's own note (why it was added, by whom); not shown to staff. */
  note?: string;
}

/** What an exception is: the engine compares a `phone` digit by digit, a `domain` with its subdomains, an `address` after width folding, a `term` as written. */
export const EXCEPTION_KINDS = ['term', 'domain', 'phone', 'address'] as const;
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];

/** A phrase never to flag, e.g. the city's own phone number or a place name that looks like a term. */
export interface ExceptionRecord {
  /** Assigned by the database. */
  id: number;
  kind: ExceptionKind;
  value: string;
  note?: string;
}

/** One official account's usage policy, 様式１ of guideline (4)① `4-1-policy`. */
export interface AccountRecord {
  /** Assigned by the database. */
  id: number;
  /** 発信情報の名称 */
  name: string;
  /** ソーシャルメディア */
  platform: Platform;
  /** アカウント（登録名称）, without a leading @ */
  handle: string;
  /** 登録ＵＲＬ */
  url: string;
  /** 開設の目的 */
  purpose: string;
  /** 発信情報の内容 */
  content: string;
  /** 運用期間: start date, end date if any (YYYY-MM-DD) */
  period: { start: string; end?: string };
  /** 利用者の書き込みに対する返信 */
  replyPolicy: string;
  /** 運用者 */
  operator: string;
  /** 連絡先 */
  contact: string;
}

/** An approval code received by a member of staff (or issued, in the supervisor's profile). */
export interface ApprovalRecord {
  /** Assigned by the database. */
  id: number;
  textHash: string;
  account: string;
  site: string;
  kind: 'approve' | 'release';
  reason?: string;
  code: string;
  /** Epoch ms. */
  issuedAt: number;
  /** Epoch ms. */
  expiresAt: number;
  /** Epoch ms when the post went out with this approval; a code is used for one post. */
  usedAt?: number;
  /**
   * The fingerprint of the supervisor's public key (src/supervisor/key-fingerprint.ts): the key that
   * verified a received code or signed an issued one, or the key in force for an in-person approval;
   * '' when none was set. Absent in rows written before issue #8. Not indexed: no schema change.
   */
  keyFingerprint?: string;
}

export const AUDIT_DECISIONS = [
  'posted_clean',
  'posted_with_approval',
  'posted_override',
  'blocked',
  'abandoned',
  'approval_refused',
  'released',
] as const;
export type AuditDecision = (typeof AUDIT_DECISIONS)[number];

/** One thing that happened to one post. */
export interface AuditEvent {
  /** Assigned by the database. */
  id: number;
  /** Epoch ms. */
  time: number;
  site: Platform;
  account: string;
  decision: AuditDecision;
  /** Why, for an override, a release or a refusal. */
  reason?: string;
  /** The categories with a finding, each once. */
  categories: Category[];
  /** The clause ids cited, each once. */
  clauses: string[];
  /** Parallel to `categories`: the highest severity reached in that category. */
  severities: Severity[];
  /** sha256Hex of the exact text. */
  textHash: string;
  /** The text itself, only when `auditKeepText` was on. */
  text?: string;
  /**
   * The fingerprint of the supervisor's public key in force when the row was written
   * (src/supervisor/key-fingerprint.ts), '' when none was set; absent in rows written before issue #8.
   */
  keyFingerprint?: string;
  /**
   * For a post that went out approved (`posted_with_approval`, `released`): how the approval is
   * known — a code or the PIN in person that the background holds (`code`, `in_person`), or only the
   * author's word while no supervisor PIN or public key was configured (`self_declared`).
   */
  approval?: AuditApprovalBasis;
}

/**
 * 誤検知として報告 (issue #9): a member of staff says a finding is wrong. Only the finding's words
 * and what kind of finding it was are kept, never the post; the supervisor sees them in the log as
 * proposed exceptions (src/audit/proposals.ts).
 */
export interface FalsePositiveReport {
  /** Assigned by the database. */
  id: number;
  /** Epoch ms, the background's clock. */
  time: number;
  site: Platform;
  category: Category;
  /** The rule that made the finding (`Finding.rule`). */
  rule: string;
  clause: string;
  /** The finding's words (`Finding.excerpt`), at most MAX_REPORT_EXCERPT_LENGTH characters (src/audit/report.ts). */
  excerpt: string;
}

/** A proposal the supervisor turned down (却下): reports and overrides of these words up to `time` no longer count. */
export interface DismissedProposal {
  words: string;
  /** Epoch ms. */
  time: number;
}

export const AUDIT_APPROVAL_BASES = ['code', 'in_person', 'self_declared'] as const;
export type AuditApprovalBasis = (typeof AUDIT_APPROVAL_BASES)[number];

/** A record about to be written: the database assigns `id` when it is absent. */
export type Unsaved<T extends { id: number }> = Omit<T, 'id'> & { id?: number };
