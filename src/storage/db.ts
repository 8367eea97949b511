/**
 * The extension's one database. Every schema version stays written out here, oldest first, so a
 * profile last opened by any earlier build upgrades step by step (Dexie runs each `upgrade` once).
 *
 * v1 (first release): settings, customTerms, exceptions.
 *   - the category settings were ONE row, `{key: 'categories', value: {insult: {...}, ...}}`;
 *   - an exception was `{id, text}`.
 * v2 (issue #4, the supervisors' side): accounts, approvals, auditEvents, and
 *   - one row per category, `{key: 'category.insult', value: {sensitivity, threshold}}`, so the
 *     options page changes one category without rewriting the others;
 *   - an exception is `{id, kind, value}`, kind guessed from the text on upgrade.
 * v3 (issue #9, 誤検知として報告): falsePositiveReports (a staff member's report: the words of one
 *   finding, never the post) and dismissedProposals (what the supervisor turned down). New tables
 *   only: nothing to migrate.
 */
import Dexie, { type DexieOptions, type EntityTable, type Transaction } from 'dexie';
import { CATEGORIES, isSensitivity, type Category } from '../shared/types.ts';
import type { AccountRecord, ApprovalRecord, AuditEvent, CustomTerm, DismissedProposal, ExceptionKind, ExceptionRecord, FalsePositiveReport, SettingRow, StoredCategorySetting } from './types.ts';

export const DB_NAME = 'toukou-guard';

export const SCHEMA_V1 = {
  settings: '&key',
  customTerms: '&id, category',
  exceptions: '++id, &text',
} as const;

export const SCHEMA_V2 = {
  settings: '&key',
  customTerms: '&id, category',
  exceptions: '++id, &value, kind',
  accounts: '++id, platform, handle, &[platform+handle]',
  approvals: '++id, textHash, account, expiresAt',
  auditEvents: '++id, time, decision, account, *categories',
} as const;

export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  falsePositiveReports: '++id, time, excerpt',
  dismissedProposals: '&words',
} as const;

/** The v1 row that held every category's setting. */
export const V1_CATEGORY_SETTINGS_KEY = 'categories';

export function categorySettingKey(category: Category): `category.${Category}` {
  return `category.${category}`;
}

export class ToukouGuardDB extends Dexie {
  settings!: EntityTable<SettingRow, 'key'>;
  customTerms!: EntityTable<CustomTerm, 'id'>;
  exceptions!: EntityTable<ExceptionRecord, 'id'>;
  accounts!: EntityTable<AccountRecord, 'id'>;
  approvals!: EntityTable<ApprovalRecord, 'id'>;
  auditEvents!: EntityTable<AuditEvent, 'id'>;
  falsePositiveReports!: EntityTable<FalsePositiveReport, 'id'>;
  dismissedProposals!: EntityTable<DismissedProposal, 'words'>;

  /** `options` lets tests give each database its own fake IndexedDB. */
  constructor(options?: DexieOptions) {
    super(DB_NAME, options);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(upgradeV1toV2);
    this.version(3).stores(SCHEMA_V3);
  }
}

async function upgradeV1toV2(tx: Transaction): Promise<void> {
  const settings = tx.table<SettingRow, string>('settings');
  const legacy = await settings.get(V1_CATEGORY_SETTINGS_KEY);
  if (legacy !== undefined) {
    await settings.bulkPut(splitV1CategorySettings(legacy.value));
    await settings.delete(V1_CATEGORY_SETTINGS_KEY);
  }
  await tx
    .table('exceptions')
    .toCollection()
    .modify((row: Record<string, unknown>) => {
      if (typeof row['text'] !== 'string') return;
      row['value'] = row['text'];
      row['kind'] = guessExceptionKind(row['text']);
      delete row['text'];
    });
}

/**
 * The v1 single row → one row per category. A category whose stored value is unusable is left out
 * (the default applies) rather than failing the whole upgrade, which would lock the user out.
 */
export function splitV1CategorySettings(value: unknown): SettingRow[] {
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  const rows: SettingRow[] = [];
  for (const category of CATEGORIES) {
    const setting = parseStoredCategorySetting(record[category]);
    if (setting !== null) rows.push({ key: categorySettingKey(category), value: setting });
  }
  return rows;
}

export const DEFAULT_THRESHOLD = 0.5;

export function parseStoredCategorySetting(value: unknown): StoredCategorySetting | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (!isSensitivity(v['sensitivity'])) return null;
  const threshold = v['threshold'];
  return {
    sensitivity: v['sensitivity'],
    threshold: typeof threshold === 'number' && threshold >= 0 && threshold <= 1 ? threshold : DEFAULT_THRESHOLD,
  };
}

/**
 * Guesses what a v1 exception was, for grouping on the options page only (the engine treats every
 * kind alike). Ambiguous text stays a `term`.
 */
export function guessExceptionKind(text: string): ExceptionKind {
  const t = text.trim();
  if (/^(?:\+81[-\s]?|0)\d{1,4}[-\s(（]?\d{1,4}[-\s)）]?\d{3,4}$/.test(t)) return 'phone';
  if (/^(?:https?:\/\/)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?:\/\S*)?$/i.test(t)) return 'domain';
  if (/^(?:青森県)?[^\s]{1,10}[市町村].*\d/.test(t) && /(?:丁目|番地|番|号|[-－])/.test(t)) return 'address';
  return 'term';
}
