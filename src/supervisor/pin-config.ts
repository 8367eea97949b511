/**
 * Where the supervisor PIN comes from: the organisation's policy (`supervisorPinHash` in
 * chrome.storage.managed, public/managed_schema.json) or, when the policy sets none, this profile's
 * own (set once, deliberately, in the options page). A PIN from the policy wins and cannot be
 * changed here.
 *
 * A policy that names a PIN the extension cannot read fails closed: no PIN opens anything and no
 * first PIN can be set here, until the IT department fixes it (otherwise a typo in the policy would
 * hand the options page to whoever opens it first).
 *
 * src/policy/parse.ts knows the key (so it is not reported as unknown) but leaves it to this module.
 */
import { isPinHash, PBKDF2_LEGACY_ITERATIONS, type PinHash } from '../security/pin.ts';
import { getSetting, type ToukouGuardDB } from '../storage/index.ts';

export const MANAGED_PIN_KEY = 'supervisorPinHash';

export const MANAGED_PIN_UNREADABLE = '組織のポリシーにある所属長 PIN（supervisorPinHash）を読めません。情報システム担当に連絡してください。直るまで設定は変えられません。';

export interface PinState {
  /** The hash a PIN is checked against; null when none is configured (or the policy's is unreadable). */
  hash: PinHash | null;
  /** The PIN comes from the organisation's policy. */
  managed: boolean;
  /** Why the policy's PIN cannot be used (fail closed), else null. */
  problem: string | null;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The policy's PIN: absent, a usable hash, or unreadable. */
export function managedPin(raw: unknown): { present: false } | { present: true; hash: PinHash | null } {
  if (!isRecord(raw) || raw[MANAGED_PIN_KEY] === undefined) return { present: false };
  const value = raw[MANAGED_PIN_KEY];
  return { present: true, hash: isPinHash(value) && value.iterations >= PBKDF2_LEGACY_ITERATIONS ? value : null };
}

export async function resolvePin(db: ToukouGuardDB, managedRaw: unknown): Promise<PinState> {
  const managed = managedPin(managedRaw);
  if (managed.present) return managed.hash === null ? { hash: null, managed: true, problem: MANAGED_PIN_UNREADABLE } : { hash: managed.hash, managed: true, problem: null };
  return { hash: await getSetting(db, 'supervisorPinHash'), managed: false, problem: null };
}

/** A PIN is configured (or the policy claims one): nobody may set a first PIN here. */
export function pinConfigured(state: PinState): boolean {
  return state.hash !== null || state.problem !== null;
}
