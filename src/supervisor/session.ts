/**
 * The supervisor's PIN session (issue #8 §5): what lets an extension page (options, log, popup) write
 * settings, keys, term lists, exceptions and the log through the background (admin.ts).
 *
 * A session is opened only by the right PIN, checked under the one persisted attempt limiter
 * (pin-guard.ts). The page gets a random token (256 bits) and keeps it in its own memory; the
 * background keeps only the token's SHA-256 and when it was last used, in chrome.storage.session,
 * so a service worker Chrome stopped while the supervisor reads comes back knowing the session —
 * and a restart never turns "nothing remembered" into "allowed". A session ends after
 * `SESSION_IDLE_MS` without use, when the page locks it, when the browser closes, and when the
 * clock is turned back past the last use (a clock turned back cannot stretch a session).
 *
 * Not defended: script running in the extension's own origin (DevTools on an extension page) can
 * write chrome.storage.session and IndexedDB itself; see SECURITY.md.
 */
import { sha256Hex } from '../security/hash.ts';

/** A few minutes without use, and the PIN is asked again. */
export const SESSION_IDLE_MS = 5 * 60_000;
/** Sessions kept at once (one per open page is the usual case); the least recently used goes first. */
export const MAX_SESSIONS = 8;
/** How far back the clock may step (NTP corrections) before the sessions end. */
const CLOCK_BACK_TOLERANCE_MS = 60_000;

/** The minimum of chrome.storage.session the stores need (tests pass a map: `memorySessionArea`). */
export interface SessionArea {
  get(keys: string | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string): Promise<void>;
}

export function memorySessionArea(): SessionArea & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async (keys) => (keys === null ? Object.fromEntries(data) : data.has(keys) ? { [keys]: structuredClone(data.get(keys)) } : {}),
    set: async (items) => {
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    },
    remove: async (key) => void data.delete(key),
  };
}

const SESSIONS_KEY = 'supervisor:sessions';

interface SessionEntry {
  openedAt: number;
  lastUsed: number;
}

function readEntries(value: unknown): Record<string, SessionEntry> {
  if (typeof value !== 'object' || value === null) return {};
  const out: Record<string, SessionEntry> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (!/^[0-9a-f]{64}$/.test(k) || typeof v !== 'object' || v === null) continue;
    const { openedAt, lastUsed } = v as Record<string, unknown>;
    if (typeof openedAt === 'number' && typeof lastUsed === 'number' && Number.isFinite(openedAt) && Number.isFinite(lastUsed)) out[k] = { openedAt, lastUsed };
  }
  return out;
}

function randomToken(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export type SessionCheck = { ok: true } | { ok: false; reason: string };

export const SESSION_MISSING = '所属長の PIN による確認がされていません。PIN を入力してから操作してください。';
export const SESSION_EXPIRED = `操作のない時間が${SESSION_IDLE_MS / 60_000}分を超えたため、ロックしました。所属長の PIN をもう一度入力してください。`;

export interface SupervisorSessions {
  /** Opens a session (the caller has just checked the PIN); answers the token for the page. */
  open(now: number): Promise<string>;
  /** True when the token names a live session; `touch` counts this as use (the idle time starts again). */
  check(token: unknown, now: number, touch?: boolean): Promise<SessionCheck>;
  close(token: unknown): Promise<boolean>;
  /** Ends every session but `keep` (after the PIN changed). */
  closeOthers(keep: unknown): Promise<void>;
}

export function supervisorSessions(area: SessionArea, idleMs = SESSION_IDLE_MS): SupervisorSessions {
  // chrome.storage.session has no transactions: one change at a time within this worker.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(run: () => Promise<T>): Promise<T> => {
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  };
  const load = async () => readEntries((await area.get(SESSIONS_KEY))[SESSIONS_KEY]);
  const save = (entries: Record<string, SessionEntry>) => area.set({ [SESSIONS_KEY]: entries });
  const live = (e: SessionEntry, now: number) => now - e.lastUsed <= idleMs && now >= e.lastUsed - CLOCK_BACK_TOLERANCE_MS;
  const keyOf = async (token: unknown) => (typeof token === 'string' && token.length >= 40 && token.length <= 64 ? sha256Hex(token) : null);

  return {
    open: (now) =>
      serial(async () => {
        const token = randomToken();
        const entries = await load();
        for (const [k, e] of Object.entries(entries)) if (!live(e, now)) delete entries[k];
        const kept = Object.entries(entries).sort(([, a], [, b]) => b.lastUsed - a.lastUsed).slice(0, MAX_SESSIONS - 1);
        await save({ ...Object.fromEntries(kept), [await sha256Hex(token)]: { openedAt: now, lastUsed: now } });
        return token;
      }),
    check: (token, now, touch = true) =>
      serial(async (): Promise<SessionCheck> => {
        const key = await keyOf(token);
        if (key === null) return { ok: false, reason: SESSION_MISSING };
        const entries = await load();
        const entry = entries[key];
        if (entry === undefined) return { ok: false, reason: SESSION_EXPIRED };
        if (!live(entry, now)) {
          delete entries[key];
          await save(entries);
          return { ok: false, reason: SESSION_EXPIRED };
        }
        if (touch) {
          entries[key] = { openedAt: entry.openedAt, lastUsed: Math.max(now, entry.lastUsed) };
          await save(entries);
        }
        return { ok: true };
      }),
    close: (token) =>
      serial(async () => {
        const key = await keyOf(token);
        const entries = await load();
        if (key === null || entries[key] === undefined) return false;
        delete entries[key];
        await save(entries);
        return true;
      }),
    closeOthers: (keep) =>
      serial(async () => {
        const key = await keyOf(keep);
        const entries = await load();
        await save(key !== null && entries[key] !== undefined ? { [key]: entries[key] } : {});
      }),
  };
}
