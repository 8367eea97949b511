/** The configuration in force: the supervisor's local settings under the organisation's policy. */
import type { Exception } from '../engine/checker.ts';
import type { Dictionary } from '../dictionary/types.ts';
import { mergePolicy, parseManagedPolicy, type EffectiveConfig, type LocalConfig } from '../policy/index.ts';
import type { CategorySettings, Platform } from '../shared/types.ts';
import {
  customDictionaries, getCategorySettings, getGeneralSettings, isAccountActive, listAccounts, listCustomTerms, listExceptions,
  type CustomTermProblem, type ToukouGuardDB,
} from '../storage/index.ts';
import { localDate } from '../audit/time.ts';
import type { GuardConfig } from '../messaging/supervisor-protocol.ts';

export type { GuardConfig };

export async function loadLocalConfig(db: ToukouGuardDB): Promise<LocalConfig> {
  return db.transaction('r', [db.settings, db.customTerms, db.exceptions], async () => {
    const [settings, general, customTerms, exceptions] = await Promise.all([getCategorySettings(db), getGeneralSettings(db), listCustomTerms(db), listExceptions(db)]);
    return {
      settings,
      customTerms,
      exceptions,
      siteEnabled: general.siteEnabled,
      supervisorPublicKey: general.supervisorPublicKey,
      auditKeepText: general.auditKeepText,
      retentionDays: general.retentionDays,
    };
  });
}

/** `managedRaw` is what chrome.storage.managed holds (see managed-source.ts). */
export async function loadEffectiveConfig(db: ToukouGuardDB, managedRaw: unknown): Promise<EffectiveConfig> {
  const { policy, problems } = parseManagedPolicy(managedRaw);
  return mergePolicy(await loadLocalConfig(db), policy, problems);
}

/** What the engine takes from an effective configuration (the tokenizer is the caller's). */
export function engineOptions(config: EffectiveConfig): { settings: Partial<CategorySettings>; dictionaries: Dictionary[]; exceptions: Exception[]; problems: CustomTermProblem[] } {
  const { dictionaries, problems } = customDictionaries(config.customTerms.map((t) => t.value));
  return {
    settings: config.settings,
    dictionaries,
    exceptions: config.exceptions.map((e) => ({ kind: e.value.kind, value: e.value.value })),
    problems,
  };
}

export async function guardConfig(db: ToukouGuardDB, managedRaw: unknown, platform: Platform, now = Date.now()): Promise<GuardConfig> {
  const config = await loadEffectiveConfig(db, managedRaw);
  const { settings, dictionaries, exceptions } = engineOptions(config);
  const [accounts, general] = await Promise.all([listAccounts(db), getGeneralSettings(db)]);
  const today = localDate(now);
  return {
    enabled: config.siteEnabled[platform],
    settings,
    dictionaries,
    exceptions,
    accounts: accounts.filter((a) => a.platform === platform && isAccountActive(a, today)).map((a) => ({ handle: a.handle, name: a.name })),
    approvalByCode: config.supervisorPublicKey !== null,
    approvalInPerson: general.supervisorPinHash !== null,
    auditKeepText: config.auditKeepText,
    locks: config.locks,
  };
}
