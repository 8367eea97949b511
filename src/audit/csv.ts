/**
 * The audit log as CSV (RFC 4180, CRLF, through the one writer in src/settings-io/csv.ts).
 * Columns are fixed and always in this order, so spreadsheets built on an export keep working;
 * the `text` column exists only when asked for (by default: when the profile keeps texts).
 *
 * Every cell — the free text (account, reason, text) and the ones that "cannot" hold a formula
 * (clauses, the hash) alike — goes through the writer's one formula neutraliser
 * (`neutralizeFormula` in src/settings-io/csv.ts): CSV injection, issue #8 §6; a post's text is
 * written by whoever drafted it, and a stored record is only as trustworthy as what wrote it.
 */
import { CATEGORY_LABEL_JA } from '../shared/clauses.ts';
import { getSetting, type AuditApprovalBasis, type AuditEvent, type ToukouGuardDB } from '../storage/index.ts';
import { writeCsv } from '../settings-io/csv.ts';
import { queryAuditEvents, type AuditFilter } from './filter.ts';
import { DECISION_LABEL_JA, SEVERITY_LABEL_JA } from './labels.ts';
import { JST_OFFSET_MINUTES, formatLocalTime } from './time.ts';

export const AUDIT_CSV_COLUMNS = ['time', 'site', 'account', 'decision', 'reason', 'categories', 'clauses', 'severities', 'approval', 'key_fingerprint', 'text_hash', 'text'] as const;
export type AuditCsvColumn = (typeof AUDIT_CSV_COLUMNS)[number];

export const AUDIT_CSV_HEADER_JA: Record<AuditCsvColumn, string> = {
  time: '日時',
  site: 'サイト',
  account: 'アカウント',
  decision: '判断',
  reason: '理由',
  categories: 'カテゴリ',
  clauses: '条項',
  severities: '重大度',
  approval: '了承の方法',
  key_fingerprint: '公開鍵の指紋',
  text_hash: '本文ハッシュ(SHA-256)',
  text: '本文',
};

export interface AuditCsvOptions {
  /** `ja`: Japanese header and Japanese labels for decisions, categories and severities. Default `en` (ids). */
  language?: 'en' | 'ja';
  includeText?: boolean;
  /** UTF-8 BOM for Excel; default true. */
  bom?: boolean;
  offsetMinutes?: number;
}

/** Several values in one cell: categories, clauses, severities. */
export const MULTI_VALUE_SEPARATOR = '|';

/** How an approved post's approval is known, in the words the log page uses. */
const APPROVAL_LABEL_JA: Record<AuditApprovalBasis, string> = { code: '了承コード', in_person: '対面（所属長 PIN）', self_declared: '自己申告（所属長 PIN 未設定）' };

export function formatAuditCsv(events: readonly AuditEvent[], options: AuditCsvOptions = {}): string {
  const ja = options.language === 'ja';
  const columns = AUDIT_CSV_COLUMNS.filter((c) => c !== 'text' || options.includeText === true);
  const offset = options.offsetMinutes ?? JST_OFFSET_MINUTES;
  const cell = (e: AuditEvent, column: AuditCsvColumn): string => {
    switch (column) {
      case 'time': return formatLocalTime(e.time, offset);
      case 'site': return e.site;
      case 'account': return e.account;
      case 'decision': return ja ? DECISION_LABEL_JA[e.decision] : e.decision;
      case 'reason': return e.reason ?? '';
      case 'categories': return e.categories.map((c) => (ja ? CATEGORY_LABEL_JA[c] : c)).join(MULTI_VALUE_SEPARATOR);
      case 'clauses': return e.clauses.join(MULTI_VALUE_SEPARATOR);
      case 'severities': return e.severities.map((s) => (ja ? SEVERITY_LABEL_JA[s] : s)).join(MULTI_VALUE_SEPARATOR);
      case 'approval': return e.approval === undefined ? '' : ja ? APPROVAL_LABEL_JA[e.approval] : e.approval;
      case 'key_fingerprint': return e.keyFingerprint ?? '';
      case 'text_hash': return e.textHash;
      case 'text': return e.text ?? '';
    }
  };
  const rows = [columns.map((c) => (ja ? AUDIT_CSV_HEADER_JA[c] : c)), ...events.map((e) => columns.map((c) => cell(e, c)))];
  return writeCsv(rows, { bom: options.bom ?? true });
}

/** Filtered events as CSV; the text column follows the `auditKeepText` setting unless `includeText` says otherwise. */
export async function exportAuditCsv(db: ToukouGuardDB, filter: AuditFilter = {}, options: AuditCsvOptions = {}): Promise<string> {
  const includeText = options.includeText ?? (await getSetting(db, 'auditKeepText'));
  return formatAuditCsv(await queryAuditEvents(db, filter), { ...options, includeText });
}
