/**
 * What an IT department can push through managed storage, and what the rest of the extension sees
 * after it is merged over the supervisor's own settings.
 *
 * Every value the policy sets is LOCKED: the options page and the popup show it with a lock and do
 * not let anyone change it (issue #4 §5). Term lists and exceptions from the policy are added to the
 * supervisor's own; each managed entry is locked, the supervisor's own stay editable.
 */
import type { Category, CategorySettings, Platform } from '../shared/types.ts';
import type { CustomTerm, ExceptionKind, SiteEnabled, StoredCategorySetting } from '../storage/types.ts';

export interface ManagedPolicy {
  categories?: Partial<Record<Category, StoredCategorySetting>>;
  customTerms?: CustomTerm[];
  exceptions?: Array<{ kind: ExceptionKind; value: string; note?: string }>;
  supervisorPublicKey?: JsonWebKey;
  siteEnabled?: Partial<SiteEnabled>;
  auditKeepText?: boolean;
  retentionDays?: number;
}

/**
 * The keys a policy can lock, named like the persisted settings (`category.insult`, never renamed
 * silently): `category.<c>`, `siteEnabled.<platform>`, `supervisorPublicKey`, `auditKeepText`,
 * `retentionDays`, and `customTerms` / `exceptions` when the policy adds entries to those lists.
 */
export type LockKey =
  | `category.${Category}`
  | `siteEnabled.${Platform}`
  | 'supervisorPublicKey'
  | 'auditKeepText'
  | 'retentionDays'
  | 'customTerms'
  | 'exceptions';

export interface PolicyProblem {
  /** Where in the policy: `categories.insult`, `customTerms[2].forms` … */
  path: string;
  /** Japanese, for the supervisor and the IT department. */
  message: string;
}

/** The local values the policy is merged over (what the Dexie repositories return). */
export interface LocalConfig {
  settings: Partial<CategorySettings>;
  customTerms: CustomTerm[];
  exceptions: Array<{ id?: number; kind: ExceptionKind; value: string; note?: string }>;
  siteEnabled: SiteEnabled;
  supervisorPublicKey: JsonWebKey | null;
  auditKeepText: boolean;
  retentionDays: number;
}

export interface Managed<T> {
  value: T;
  /** True when it came from the organisation's policy (and therefore cannot be changed here). */
  managed: boolean;
}

export interface EffectiveConfig {
  settings: Partial<CategorySettings>;
  customTerms: Array<Managed<CustomTerm>>;
  exceptions: Array<Managed<LocalConfig['exceptions'][number]>>;
  siteEnabled: SiteEnabled;
  supervisorPublicKey: JsonWebKey | null;
  auditKeepText: boolean;
  retentionDays: number;
  locks: LockKey[];
  /** Parts of the policy that were ignored, and why. */
  problems: PolicyProblem[];
}
