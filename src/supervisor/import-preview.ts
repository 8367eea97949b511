/**
 * What a settings file would change, shown before anything is written (issue #8 §5: an import can
 * replace the public key that approval codes are checked against, and switch categories off). The
 * file was parsed and validated whole (src/settings-io/settings-json.ts); this compares it with
 * this profile's settings. Values the organisation's policy sets are marked locked: the import
 * writes this profile's own values, but the policy's stay in force.
 */
import type { ImportPreview } from '../messaging/supervisor-protocol.ts';
import type { SettingsFile } from '../settings-io/settings-json.ts';
import { CATEGORIES } from '../shared/types.ts';
import { getCategorySettings, getGeneralSettings, listAccounts, listCustomTerms, listExceptions, type ToukouGuardDB } from '../storage/index.ts';
import { loadEffectiveConfig } from './config.ts';
import { keyFingerprint } from './key-fingerprint.ts';

export async function previewSettingsImport(db: ToukouGuardDB, managedRaw: unknown, file: SettingsFile): Promise<ImportPreview> {
  const [local, general, terms, exceptions, accounts, config] = await Promise.all([
    getCategorySettings(db), getGeneralSettings(db), listCustomTerms(db), listExceptions(db), listAccounts(db), loadEffectiveConfig(db, managedRaw),
  ]);
  const locks = config.locks;
  const keyAfter = 'supervisorPublicKey' in file.general ? (file.general.supervisorPublicKey ?? null) : general.supervisorPublicKey;
  const sitesAfter = file.general.siteEnabled ?? general.siteEnabled;
  return {
    key: { before: await keyFingerprint(general.supervisorPublicKey), after: await keyFingerprint(keyAfter), locked: locks.includes('supervisorPublicKey') },
    // The import replaces every category row: a category the file leaves out goes back to the default.
    categories: CATEGORIES.map((category) => ({ category, before: local[category] ?? null, after: file.categories[category] ?? null, locked: locks.includes(`category.${category}`) })),
    sites: (['x', 'facebook'] as const).map((site) => ({ site, before: general.siteEnabled[site], after: sitesAfter[site], locked: locks.includes(`siteEnabled.${site}`) })),
    counts: {
      customTerms: { before: terms.length, after: file.customTerms.length },
      exceptions: { before: exceptions.length, after: file.exceptions.length },
      accounts: { before: accounts.length, after: file.accounts.length },
    },
    auditKeepText: { before: general.auditKeepText, after: file.general.auditKeepText ?? general.auditKeepText, locked: locks.includes('auditKeepText') },
    retentionDays: { before: general.retentionDays, after: file.general.retentionDays ?? general.retentionDays, locked: locks.includes('retentionDays') },
  };
}
