/** The background's supervisor tables as the tests drive them: a fresh database, a session area, and senders. */
import type { Send } from '../../src/messaging/client.ts';
import type { HandlerTable, Sender } from '../../src/messaging/handlers.ts';
import type { AdminProtocol } from '../../src/messaging/supervisor-protocol.ts';
import { hashPin, type PinHash } from '../../src/security/index.ts';
import { adminHandlers } from '../../src/supervisor/admin.ts';
import type { PinLimits } from '../../src/supervisor/pin-guard.ts';
import { memorySessionArea, supervisorSessions, type SessionArea } from '../../src/supervisor/session.ts';
import { setSetting, type ToukouGuardDB } from '../../src/storage/index.ts';
import { freshDb } from '../storage/helpers.ts';

export const PIN = '246810';
export const WRONG = '135792';
export const NOW = Date.UTC(2026, 3, 1, 1, 0, 0);
export const LIMITS: PinLimits = { freeFailures: 3, baseLockMs: 60_000, maxLockMs: 10 * 60_000 };

const EXTENSION = 'chrome-extension://tg/';
/** The options page (an extension page in a tab). */
export const PAGE: Sender = { id: 'tg', url: `${EXTENSION}options.html`, tab: { id: 7 } as never };
/** Our content script on x.com (same extension id, the site's URL). */
export const CONTENT: Sender = { id: 'tg', url: 'https://x.com/compose/post', tab: { id: 3 } as never, frameId: 0 };
const isOwnPage = (s: Sender) => s.id === 'tg' && s.url !== undefined && s.url.startsWith(EXTENSION);

/** One PBKDF2 hash per test file: 600,000 rounds take a while on a shared machine. */
let pinHash: Promise<PinHash> | null = null;
export function hashOfPin(): Promise<PinHash> {
  pinHash ??= hashPin(PIN);
  return pinHash;
}

export async function withPin(db: ToukouGuardDB): Promise<ToukouGuardDB> {
  await setSetting(db, 'supervisorPinHash', await hashOfPin());
  return db;
}

export interface AdminSetup {
  db: ToukouGuardDB;
  area: SessionArea;
  table: HandlerTable<AdminProtocol>;
  /** How many times the tabs were told the settings changed. */
  changed: { count: number };
  clock: { now: number };
  /** The table as a page (or another sender) reaches it. */
  send(sender?: Sender): Send<AdminProtocol>;
  /** Another worker on the same database and session storage (Chrome stopped and restarted it). */
  restart(): AdminSetup;
}

export function adminSetup(options: { db?: ToukouGuardDB; area?: SessionArea; managed?: unknown; clock?: { now: number } } = {}): AdminSetup {
  const db = options.db ?? freshDb();
  const area = options.area ?? memorySessionArea();
  const clock = options.clock ?? { now: NOW };
  const changed = { count: 0 };
  const table = adminHandlers({
    db,
    readManaged: async () => options.managed ?? {},
    sessions: supervisorSessions(area),
    changed: () => void (changed.count += 1),
    now: () => clock.now,
    pinLimits: LIMITS,
    isOwnPage,
  });
  const setup: AdminSetup = {
    db,
    area,
    table,
    changed,
    clock,
    send: (sender = PAGE) => sendVia(table, sender),
    restart: () => adminSetup({ ...options, db, area, clock }),
  };
  return setup;
}

export function sendVia<M>(table: HandlerTable<M>, sender: Sender): Send<M> {
  return async (type, data) => {
    // Through structured clone, as a message would travel.
    const handler = table[type] as unknown as (d: unknown, s: Sender) => unknown;
    return structuredClone(await handler(structuredClone(data), sender)) as never;
  };
}

/** Everything the supervisor's tables hold, to show that a refused call changed nothing. */
export async function dump(db: ToukouGuardDB): Promise<unknown> {
  const settings = (await db.settings.toArray()).filter((r) => !r.key.startsWith('security.'));
  return {
    settings,
    customTerms: await db.customTerms.toArray(),
    exceptions: await db.exceptions.toArray(),
    accounts: await db.accounts.toArray(),
    approvals: await db.approvals.toArray(),
    auditEvents: await db.auditEvents.toArray(),
    falsePositiveReports: await db.falsePositiveReports.toArray(),
    dismissedProposals: await db.dismissedProposals.toArray(),
  };
}
