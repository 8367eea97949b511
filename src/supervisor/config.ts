/** The configuration in force: the supervisor's local settings under the organisation's policy. */
import { mergePolicy, parseManagedPolicy, type EffectiveConfig, type LocalConfig } from '../policy/index.ts';
import type { Platform } from '../shared/types.ts';
import {
  getCategorySettings, getGeneralSettings, isAccountActive, listAccounts, listCustomTerms, listExceptions,
  type ToukouGuardDB,
} from '../storage/index.ts';
import { localDate } from '../audit/time.ts';
import type { GuardConfig } from '../messaging/supervisor-protocol.ts';
import { engineOptions } from './engine-options.ts';
import { resolvePin } from './pin-config.ts';

export type { GuardConfig };
export { engineOptions };

/** The standing notice staff see (popup, gate) until a supervisor PIN is configured (issue #8 §5). */
export const PIN_NOT_SET_NOTICE = '所属長のPINが未設定です。所属長の了承を確かめられないため、「了承を得た」という申告はそのまま記録に残ります。所属長に設定を依頼してください。';

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

/** `managedRaw` is what chrome.storage.managed holds (see managed-source.ts); its PIN is read by pin-config.ts. */
export async function loadEffectiveConfig(db: ToukouGuardDB, managedRaw: unknown): Promise<EffectiveConfig> {
  const { policy, problems } = parseManagedPolicy(managedRaw);
  return mergePolicy(await loadLocalConfig(db), policy, problems);
}

export async function guardConfig(db: ToukouGuardDB, managedRaw: unknown, platform: Platform, now = Date.now()): Promise<GuardConfig> {
  const config = await loadEffectiveConfig(db, managedRaw);
  const { settings, dictionaries, exceptions } = engineOptions(config);
  const [accounts, pin] = await Promise.all([listAccounts(db), resolvePin(db, managedRaw)]);
  const today = localDate(now);
  return {
    enabled: config.siteEnabled[platform],
    settings,
    dictionaries,
    exceptions,
    accounts: accounts.filter((a) => a.platform === platform && isAccountActive(a, today)).map((a) => ({ handle: a.handle, name: a.name })),
    approvalByCode: config.supervisorPublicKey !== null,
    approvalInPerson: pin.hash !== null,
    // An unreadable policy PIN opens nothing either: for staff it is not set.
    pinNotice: pin.hash === null ? PIN_NOT_SET_NOTICE : null,
    auditKeepText: config.auditKeepText,
    locks: config.locks,
  };
}
