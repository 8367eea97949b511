/**
 * The whole supervisor configuration as one JSON file — how a supervisor hands the same settings
 * (and their public key, for approval codes) to every member of staff.
 *
 * Never exported: the PIN hash and the encrypted private key. They belong to one profile; a copy
 * of them elsewhere would only widen what an attacker can try offline.
 *
 * Import replaces what the file holds (category settings, custom terms, exceptions, accounts) and
 * sets the general settings it names; it is validated whole first and written in one transaction.
 * `exportSettingsJson` → `importSettingsJson` → `exportSettingsJson` gives the same text.
 */
import { CATEGORIES, isCategory, type CategorySettings } from '../shared/types.ts';
import { isPublicKeyJwk } from '../security/index.ts';
import {
  GENERAL_SETTING_KEYS, categorySettingKey, exceptionProblem, getCategorySettings, getGeneralSettings, isValidSetting,
  listAccounts, listCustomTerms, listExceptions, validateAccount, validateCustomTerms,
  type AccountRecord, type CustomTerm, type ExceptionRecord, type GeneralSettings, type StoredCategorySetting, type ToukouGuardDB, type Unsaved,
} from '../storage/index.ts';
import { parseStoredCategorySetting } from '../storage/db.ts';
import { refused, withoutFieldPrefix, type ImportOutcome, type ImportProblem } from './problems.ts';

export const SETTINGS_FORMAT = 'toukou-guard-settings';
export const SETTINGS_FORMAT_VERSION = 1;

/** The general settings that travel between profiles. */
export const PORTABLE_SETTING_KEYS = ['auditKeepText', 'retentionDays', 'siteEnabled', 'supervisorPublicKey'] as const satisfies readonly (typeof GENERAL_SETTING_KEYS)[number][];
type PortableKey = (typeof PORTABLE_SETTING_KEYS)[number];

export interface SettingsFile {
  format: typeof SETTINGS_FORMAT;
  version: typeof SETTINGS_FORMAT_VERSION;
  /** ISO 8601; informational only, ignored on import. */
  exportedAt: string;
  /** Only the categories a supervisor has set; the others keep the engine's defaults. */
  categories: Partial<Record<keyof CategorySettings, StoredCategorySetting>>;
  /** Export writes every portable key; on import, a key left out keeps this profile's value. */
  general: Partial<Pick<GeneralSettings, PortableKey>>;
  customTerms: CustomTerm[];
  exceptions: Array<Omit<ExceptionRecord, 'id'>>;
  accounts: Array<Omit<AccountRecord, 'id'>>;
}

function withoutId<T extends { id: number }>(row: T): Omit<T, 'id'> {
  const { id: _id, ...rest } = row;
  return rest;
}

export async function buildSettingsFile(db: ToukouGuardDB, options: { now?: number } = {}): Promise<SettingsFile> {
  return db.transaction('r', [db.settings, db.customTerms, db.exceptions, db.accounts], async () => {
    const categories = await getCategorySettings(db);
    const general = await getGeneralSettings(db);
    const ordered: SettingsFile['categories'] = {};
    for (const c of CATEGORIES) if (categories[c] !== undefined) ordered[c] = categories[c];
    return {
      format: SETTINGS_FORMAT,
      version: SETTINGS_FORMAT_VERSION,
      exportedAt: new Date(options.now ?? Date.now()).toISOString(),
      categories: ordered,
      general: {
        auditKeepText: general.auditKeepText,
        retentionDays: general.retentionDays,
        siteEnabled: general.siteEnabled,
        supervisorPublicKey: general.supervisorPublicKey,
      },
      customTerms: await listCustomTerms(db),
      exceptions: (await listExceptions(db)).map(withoutId),
      accounts: (await listAccounts(db)).map(withoutId),
    };
  });
}

export async function exportSettingsJson(db: ToukouGuardDB, options: { now?: number } = {}): Promise<string> {
  return JSON.stringify(await buildSettingsFile(db, options), null, 2) + '\n';
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** V8 says "… at position 123" (Node 20) or "(line 4 column 7)" (newer); turn either into a line. */
function jsonErrorLine(text: string, message: string): number | undefined {
  const lineMatch = /line (\d+)/.exec(message);
  if (lineMatch !== null) return Number(lineMatch[1]);
  const pos = /position (\d+)/.exec(message);
  if (pos === null) return undefined;
  return text.slice(0, Number(pos[1])).split('\n').length;
}

/** Reads and validates a settings file without touching the database. */
export function parseSettingsJson(text: string): ImportOutcome<SettingsFile> {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const message = (error as Error).message;
    const problem: ImportProblem = { field: '', message: `JSON として読めません（${message}）。` };
    const line = jsonErrorLine(text, message);
    if (line !== undefined) problem.line = line;
    return refused([problem]);
  }
  const problems: ImportProblem[] = [];
  const p = (field: string, message: string): void => void problems.push({ field, message });
  if (!isRecord(value)) return refused([{ field: '', message: '設定ファイルはオブジェクトです。' }]);
  if (value['format'] !== SETTINGS_FORMAT) return refused([{ field: 'format', message: `投稿ガードの設定ファイルではありません（format が "${SETTINGS_FORMAT}" ではありません）。` }]);
  if (value['version'] !== SETTINGS_FORMAT_VERSION) return refused([{ field: 'version', message: `この版では読めない形式です（version ${String(value['version'])}）。` }]);

  const categories: SettingsFile['categories'] = {};
  const rawCategories = value['categories'] ?? {};
  if (!isRecord(rawCategories)) p('categories', 'オブジェクトで指定してください。');
  else {
    for (const [key, raw] of Object.entries(rawCategories)) {
      if (!isCategory(key)) { p(`categories.${key}`, `不明なカテゴリ「${key}」です。`); continue; }
      const setting = parseStoredCategorySetting(raw);
      if (setting === null || !isRecord(raw) || raw['threshold'] !== setting.threshold) p(`categories.${key}`, 'sensitivity は auto / block / warn / info / off、threshold は 0〜1 の数です。');
      else categories[key] = setting;
    }
  }

  const general: Partial<SettingsFile['general']> = {};
  const rawGeneral = value['general'] ?? {};
  if (!isRecord(rawGeneral)) p('general', 'オブジェクトで指定してください。');
  else {
    for (const [key, raw] of Object.entries(rawGeneral)) {
      if (!(PORTABLE_SETTING_KEYS as readonly string[]).includes(key)) {
        p(`general.${key}`, key === 'supervisorPinHash' || key === 'supervisorPrivateKey' ? 'PIN や秘密鍵は設定ファイルで移せません。' : `不明な設定「${key}」です。`);
        continue;
      }
      const k = key as PortableKey;
      if (k === 'supervisorPublicKey' && raw !== null && !isPublicKeyJwk(raw)) p(`general.${k}`, '公開鍵の形式が不正です（EC P-256 の公開鍵 JWK。秘密鍵は入れないでください）。');
      else if (!isValidSetting(k, raw)) p(`general.${k}`, '値が不正です。');
      else (general as Record<PortableKey, unknown>)[k] = raw;
    }
  }

  const list = (key: string): unknown[] => {
    const v = value[key] ?? [];
    if (!Array.isArray(v)) { p(key, '配列で指定してください。'); return []; }
    return v;
  };
  const customTerms = list('customTerms');
  for (const problem of validateCustomTerms(customTerms)) p(`customTerms[${problem.index}]${problem.field === '' ? '' : '.' + problem.field}`, withoutFieldPrefix(problem.message));

  const exceptions = list('exceptions');
  const seen = new Set<string>();
  exceptions.forEach((raw, i) => {
    if (!isRecord(raw)) { p(`exceptions[${i}]`, 'オブジェクトで指定してください。'); return; }
    const problem = exceptionProblem({ kind: raw['kind'], value: raw['value'], note: raw['note'] });
    if (problem !== null) p(`exceptions[${i}]`, problem);
    else if (seen.has(raw['value'] as string)) p(`exceptions[${i}].value`, `「${String(raw['value'])}」が重複しています。`);
    seen.add(raw['value'] as string);
    for (const k of Object.keys(raw)) if (!['kind', 'value', 'note'].includes(k)) p(`exceptions[${i}].${k}`, `不明な項目「${k}」です。`);
  });

  const accounts = list('accounts');
  accounts.forEach((raw, i) => {
    if (!isRecord(raw)) { p(`accounts[${i}]`, 'オブジェクトで指定してください。'); return; }
    for (const problem of validateAccount(raw as unknown as Unsaved<AccountRecord>)) p(`accounts[${i}].${problem.field}`, problem.message);
    if ('id' in raw) p(`accounts[${i}].id`, 'id は書かないでください（読み込み先で振り直します）。');
  });

  if (problems.length > 0) return refused(problems);
  return {
    ok: true,
    value: {
      format: SETTINGS_FORMAT,
      version: SETTINGS_FORMAT_VERSION,
      exportedAt: typeof value['exportedAt'] === 'string' ? value['exportedAt'] : '',
      categories,
      general,
      customTerms: customTerms as CustomTerm[],
      exceptions: exceptions as SettingsFile['exceptions'],
      accounts: accounts as SettingsFile['accounts'],
    },
  };
}

/**
 * Validates the file, then in ONE transaction: replaces the category settings, custom terms,
 * exceptions and accounts, and sets the general settings the file names. Any problem → nothing
 * written. The PIN hash and private key of this profile are left as they are.
 *
 * Only the background calls this (src/supervisor/admin.ts), in a PIN session and after the PIN is
 * typed again, once the supervisor has seen what the file changes (src/supervisor/import-preview.ts):
 * the file can replace the public key that approval codes are checked against.
 */
export async function importSettingsJson(db: ToukouGuardDB, text: string): Promise<ImportOutcome<SettingsFile>> {
  const parsed = parseSettingsJson(text);
  if (!parsed.ok) return parsed;
  const file = parsed.value;
  const named = PORTABLE_SETTING_KEYS.filter((k) => k in file.general);
  await db.transaction('rw', [db.settings, db.customTerms, db.exceptions, db.accounts], async () => {
    await db.settings.bulkDelete(CATEGORIES.map(categorySettingKey));
    await db.settings.bulkPut(Object.entries(file.categories).map(([c, v]) => ({ key: `category.${c}`, value: v })));
    await db.settings.bulkPut(named.map((k) => ({ key: k, value: file.general[k] })));
    await db.customTerms.clear();
    await db.customTerms.bulkAdd(file.customTerms);
    await db.exceptions.clear();
    await db.exceptions.bulkAdd(file.exceptions);
    await db.accounts.clear();
    await db.accounts.bulkAdd(file.accounts);
  });
  return parsed;
}
