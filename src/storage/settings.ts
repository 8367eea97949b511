/** Settings repository: typed reads with defaults, validated writes. A bad stored value reads as the default. */
import { CATEGORIES, type Category, type CategorySettings } from '../shared/types.ts';
import { isEncryptedPrivateKey, isPinHash, isPublicKeyJwk } from '../security/index.ts';
import { categorySettingKey, parseStoredCategorySetting, type ToukouGuardDB } from './db.ts';
import type { GeneralSettingKey, GeneralSettings, SiteEnabled, StoredCategorySetting } from './types.ts';

export const GENERAL_SETTING_KEYS = [
  'supervisorPinHash',
  'supervisorPublicKey',
  'supervisorPrivateKey',
  'auditKeepText',
  'retentionDays',
  'siteEnabled',
] as const satisfies readonly GeneralSettingKey[];

export const MIN_RETENTION_DAYS = 1;
/** Ten years: the longest a municipal record of this kind would be kept. */
export const MAX_RETENTION_DAYS = 3650;

export function defaultGeneralSettings(): GeneralSettings {
  return {
    supervisorPinHash: null,
    supervisorPublicKey: null,
    supervisorPrivateKey: null,
    auditKeepText: false,
    retentionDays: 365,
    siteEnabled: { x: true, facebook: true },
  };
}

function isSiteEnabled(v: unknown): v is SiteEnabled {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return typeof r['x'] === 'boolean' && typeof r['facebook'] === 'boolean';
}

const VALIDATORS: { [K in GeneralSettingKey]: (v: unknown) => v is GeneralSettings[K] } = {
  supervisorPinHash: (v): v is GeneralSettings['supervisorPinHash'] => v === null || isPinHash(v),
  supervisorPublicKey: (v): v is GeneralSettings['supervisorPublicKey'] => v === null || isPublicKeyJwk(v),
  supervisorPrivateKey: (v): v is GeneralSettings['supervisorPrivateKey'] => v === null || isEncryptedPrivateKey(v),
  auditKeepText: (v): v is boolean => typeof v === 'boolean',
  retentionDays: (v): v is number => Number.isInteger(v) && (v as number) >= MIN_RETENTION_DAYS && (v as number) <= MAX_RETENTION_DAYS,
  siteEnabled: isSiteEnabled,
};

export function isValidSetting<K extends GeneralSettingKey>(key: K, value: unknown): value is GeneralSettings[K] {
  return VALIDATORS[key](value);
}

export async function getSetting<K extends GeneralSettingKey>(db: ToukouGuardDB, key: K): Promise<GeneralSettings[K]> {
  const row = await db.settings.get(key);
  const value = row?.value;
  return isValidSetting(key, value) ? value : defaultGeneralSettings()[key];
}

export async function getGeneralSettings(db: ToukouGuardDB): Promise<GeneralSettings> {
  const rows = await db.settings.bulkGet([...GENERAL_SETTING_KEYS]);
  const out = defaultGeneralSettings();
  GENERAL_SETTING_KEYS.forEach((key, i) => {
    const value = rows[i]?.value;
    if (isValidSetting(key, value)) (out as Record<GeneralSettingKey, unknown>)[key] = value;
  });
  return out;
}

/** Throws (in Japanese) on a value of the wrong shape; nothing is written then. */
export async function setSetting<K extends GeneralSettingKey>(db: ToukouGuardDB, key: K, value: GeneralSettings[K]): Promise<void> {
  if (!isValidSetting(key, value)) throw new Error(`設定「${key}」の値が不正です。`);
  await db.settings.put({ key, value });
}

/** The categories a supervisor has set; the engine's defaults apply to the rest. */
export async function getCategorySettings(db: ToukouGuardDB): Promise<Partial<CategorySettings>> {
  const rows = await db.settings.bulkGet(CATEGORIES.map(categorySettingKey));
  const out: Partial<CategorySettings> = {};
  CATEGORIES.forEach((category, i) => {
    const setting = parseStoredCategorySetting(rows[i]?.value);
    if (setting !== null) out[category] = setting;
  });
  return out;
}

export async function setCategorySetting(db: ToukouGuardDB, category: Category, setting: StoredCategorySetting): Promise<void> {
  const parsed = parseStoredCategorySetting(setting);
  if (parsed === null || parsed.threshold !== setting.threshold) throw new Error(`カテゴリ「${category}」の設定が不正です（threshold は 0〜1）。`);
  await db.settings.put({ key: categorySettingKey(category), value: parsed });
}

/** Back to the engine's default for this category. */
export async function resetCategorySetting(db: ToukouGuardDB, category: Category): Promise<void> {
  await db.settings.delete(categorySettingKey(category));
}
