/**
 * The one gate every supervisor-PIN check goes through (issue #8 §5), all of them in the background:
 * opening a PIN session for the options page, the log and the popup (session.ts), changing the
 * PIN, applying a settings import, creating the signing key, signing a code, and the in-person
 * approval window. The wrong-PIN count lives
 * in the database (a row of the settings table), not in one context's memory, so it is the same
 * count in every page and it survives the service worker being stopped.
 *
 * An attempt is counted BEFORE the PIN is tried and forgiven when it was right, so guesses sent
 * at once from several pages cannot slip past the count. After `freeFailures` wrong PINs in a row
 * the PIN is not even tried for `baseLockMs`, doubling with each further wrong PIN up to `maxLockMs`.
 *
 * A PIN hash (and the encrypted signing key) made before issue #8 with 210,000 PBKDF2 rounds is
 * replaced by a 600,000-round one at the next right PIN.
 */
import {
  pinNeedsRehash, privateKeyNeedsUpgrade, rehashVerifiedPin, upgradePrivateKey, verifyPin, type PinHash,
} from '../security/index.ts';
import { getSetting, setSetting, type ToukouGuardDB } from '../storage/index.ts';
import { resolvePin } from './pin-config.ts';

export interface PinLimits {
  /** Wrong PINs in a row before the first wait. */
  freeFailures: number;
  /** The first wait; each further wrong PIN doubles it. */
  baseLockMs: number;
  maxLockMs: number;
}

export const DEFAULT_PIN_LIMITS: PinLimits = { freeFailures: 5, baseLockMs: 30_000, maxLockMs: 60 * 60_000 };

/** The settings-table row that holds the count. */
export const PIN_ATTEMPTS_KEY = 'security.pinAttempts';

export interface PinAttemptState {
  /** Wrong PINs in a row (an attempt in progress counts as wrong until it proves right). */
  failures: number;
  /** Epoch ms before which no PIN is tried. */
  lockedUntil: number;
  /** Epoch ms of the last counted attempt (to notice a clock turned back). */
  lastAt: number;
}

const FRESH: PinAttemptState = { failures: 0, lockedUntil: 0, lastAt: 0 };

function readState(value: unknown): PinAttemptState {
  if (typeof value !== 'object' || value === null) return FRESH;
  const v = value as Record<string, unknown>;
  const n = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) && x >= 0 ? x : 0);
  return { failures: Math.floor(n(v['failures'])), lockedUntil: n(v['lockedUntil']), lastAt: n(v['lastAt']) };
}

/**
 * The state as seen at `now`: when the clock was turned back since the last attempt, the wait is
 * moved back with it, so it is neither lengthened (by a year, for a clock set a year back) nor lost.
 */
export function rebase(state: PinAttemptState, now: number): PinAttemptState {
  if (now >= state.lastAt) return state;
  const shift = state.lastAt - now;
  return { failures: state.failures, lockedUntil: Math.max(0, state.lockedUntil - shift), lastAt: now };
}

/** Milliseconds before another PIN may be tried (0: now). */
export function pinWait(state: PinAttemptState, now: number): number {
  return Math.max(0, rebase(state, now).lockedUntil - now);
}

/** The state after one more attempt is counted at `now`. */
export function countAttempt(state: PinAttemptState, now: number, limits: PinLimits): PinAttemptState {
  const failures = state.failures + 1;
  const over = failures - limits.freeFailures;
  const lockedUntil = over >= 0 ? now + Math.min(limits.maxLockMs, limits.baseLockMs * 2 ** over) : 0;
  return { failures, lockedUntil, lastAt: now };
}

export function waitMessage(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  const when = seconds >= 120 ? `約${Math.ceil(seconds / 60)}分` : `${seconds}秒`;
  return `PIN の誤りが続いたため、${when}後まで受け付けません。`;
}

export type PinVerdict =
  | { ok: true }
  /** `locked`: the PIN was not tried at all. */
  | { ok: false; locked: boolean; reason: string };

export const WRONG_PIN = 'PIN が違います。';
export const NO_PIN = '所属長の PIN が未設定です（所属長が設定画面で設定してください）。';

export interface PinCheckOptions {
  now?: number;
  limits?: PinLimits;
  /** The organisation's policy as chrome.storage.managed holds it: a PIN it sets wins (pin-config.ts). */
  managed?: unknown;
}

/**
 * Checks `pin` against the PIN in force (the policy's, else this profile's) under the shared
 * limiter. No PIN configured, or the policy's unreadable: refused with the reason, nothing counted.
 */
export async function checkSupervisorPin(db: ToukouGuardDB, pin: string, options: PinCheckOptions = {}): Promise<PinVerdict> {
  const now = options.now ?? Date.now();
  const limits = options.limits ?? DEFAULT_PIN_LIMITS;
  const state = await resolvePin(db, options.managed);
  if (state.problem !== null) return { ok: false, locked: false, reason: state.problem };
  const stored = state.hash;
  if (stored === null) return { ok: false, locked: false, reason: NO_PIN };
  const wait = await db.transaction('rw', db.settings, async () => {
    const attempts = rebase(readState((await db.settings.get(PIN_ATTEMPTS_KEY))?.value), now);
    const left = pinWait(attempts, now);
    if (left > 0) {
      await db.settings.put({ key: PIN_ATTEMPTS_KEY, value: attempts });
      return left;
    }
    await db.settings.put({ key: PIN_ATTEMPTS_KEY, value: countAttempt(attempts, now, limits) });
    return 0;
  });
  if (wait > 0) return { ok: false, locked: true, reason: waitMessage(wait) };
  if (!(await verifyPin(pin, stored))) return { ok: false, locked: false, reason: WRONG_PIN };
  await db.settings.put({ key: PIN_ATTEMPTS_KEY, value: FRESH });
  // A policy's hash is the IT department's to renew; only this profile's own is rehashed here.
  await upgradeAfterUnlock(db, pin, stored, !state.managed);
  return { ok: true };
}

/** The old 210,000-round PIN hash and signing key become 600,000-round ones (the PIN has just proved right). */
async function upgradeAfterUnlock(db: ToukouGuardDB, pin: string, stored: PinHash, rehash: boolean): Promise<void> {
  try {
    const key = await getSetting(db, 'supervisorPrivateKey');
    const newKey = key !== null && privateKeyNeedsUpgrade(key) ? await upgradePrivateKey(key, pin) : null;
    const newHash = rehash && pinNeedsRehash(stored) ? await rehashVerifiedPin(pin) : null;
    if (newKey === null && newHash === null) return;
    await db.transaction('rw', db.settings, async () => {
      if (newHash !== null) await setSetting(db, 'supervisorPinHash', newHash);
      if (newKey !== null) await setSetting(db, 'supervisorPrivateKey', newKey);
    });
  } catch (error) {
    // The old records keep working; the upgrade is tried again at the next unlock.
    console.warn('投稿ガード: PIN の保存形式を更新できませんでした', error);
  }
}
