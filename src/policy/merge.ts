/**
 * The managed policy over the supervisor's local settings. Policy values win and are locked;
 * managed terms and exceptions are added to the local ones (a local term with a managed term's id
 * gives way, so ids stay unique for the engine and the audit log).
 */
import { CATEGORIES } from '../shared/types.ts';
import type { EffectiveConfig, LocalConfig, LockKey, ManagedPolicy, PolicyProblem } from './types.ts';

export function mergePolicy(local: LocalConfig, policy: ManagedPolicy, problems: PolicyProblem[] = []): EffectiveConfig {
  const locks: LockKey[] = [];
  const settings = { ...local.settings };
  for (const c of CATEGORIES) {
    const managed = policy.categories?.[c];
    if (managed === undefined) continue;
    settings[c] = managed;
    locks.push(`category.${c}`);
  }

  const siteEnabled = { ...local.siteEnabled };
  for (const site of ['x', 'facebook'] as const) {
    const managed = policy.siteEnabled?.[site];
    if (managed === undefined) continue;
    siteEnabled[site] = managed;
    locks.push(`siteEnabled.${site}`);
  }

  const managedTerms = policy.customTerms ?? [];
  const managedIds = new Set(managedTerms.map((t) => t.id));
  const customTerms = [
    ...managedTerms.map((value) => ({ value, managed: true })),
    ...local.customTerms.filter((t) => !managedIds.has(t.id)).map((value) => ({ value, managed: false })),
  ];
  if (managedTerms.length > 0) locks.push('customTerms');

  const managedExceptions = policy.exceptions ?? [];
  const managedValues = new Set(managedExceptions.map((e) => e.value));
  const exceptions = [
    ...managedExceptions.map((value) => ({ value, managed: true })),
    ...local.exceptions.filter((e) => !managedValues.has(e.value)).map((value) => ({ value, managed: false })),
  ];
  if (managedExceptions.length > 0) locks.push('exceptions');

  let supervisorPublicKey = local.supervisorPublicKey;
  if (policy.supervisorPublicKey !== undefined) {
    supervisorPublicKey = policy.supervisorPublicKey;
    locks.push('supervisorPublicKey');
  }
  let auditKeepText = local.auditKeepText;
  if (policy.auditKeepText !== undefined) {
    auditKeepText = policy.auditKeepText;
    locks.push('auditKeepText');
  }
  let retentionDays = local.retentionDays;
  if (policy.retentionDays !== undefined) {
    retentionDays = policy.retentionDays;
    locks.push('retentionDays');
  }
  return { settings, customTerms, exceptions, siteEnabled, supervisorPublicKey, auditKeepText, retentionDays, locks, problems };
}

export function isLocked(config: Pick<EffectiveConfig, 'locks'>, key: LockKey): boolean {
  return config.locks.includes(key);
}
