/**
 * Every message the extension passes, with its response type (cf. @webext-core protocol maps).
 * Two maps, because the two channels trust different senders.
 */
import type { Dictionary } from '../dictionary/types.ts';
import type { Exception } from '../engine/scorer.ts';
import type { Category, CategorySettings, CheckResult, Platform, Severity } from '../shared/types.ts';

/** What happened at the gate for one press, without the text (its hash only). */
export interface AuditAppend {
  site: Platform;
  /** One of the audit log's decisions that the gate itself takes (`abandoned`: held, then the page or box was left). */
  decision: 'posted_clean' | 'posted_with_approval' | 'posted_override' | 'blocked' | 'abandoned';
  /** The official account the post goes to (its 利用方針 handle, 4-1-policy); '' when none is registered. */
  account?: string;
  /** The text itself, sent only when the supervisor keeps texts in the log (GuardConfig.auditKeepText). */
  text?: string;
  categories: Category[];
  clauses: string[];
  /** Parallel to `categories`: the highest severity reached in each. */
  severities: Severity[];
  /** sha256Hex of the exact text published (a thread's posts joined by '\n'). */
  textHash: string;
  /** Why the person posted over warn findings. */
  reason?: string;
  /** Set when the post carried photos or video: the 4-2-media checklist was confirmed. */
  mediaConfirmed?: boolean;
  /** A random id per record: the tab resends until acknowledged, and the background stores each id once. */
  eventId?: string;
  /** When the press happened (epoch ms); the background keeps it if it is not in the future and under a day old. */
  pressedAt?: number;
}

/**
 * Content script → background. Content scripts may only ask for checks and append to the audit
 * log (append only: they can neither read it nor change settings).
 */
export interface ContentProtocol {
  /** The full check (with the tokenizer) of exactly this text. */
  check(request: { text: string; platform: Platform }): CheckResult;
  /** Records a gate decision; answers how many events are kept. */
  'audit.append'(event: AuditAppend): { kept: number };
}

/**
 * The engine options in force (the supervisor's settings under the organisation's policy), sent
 * with each full check; `key` changes whenever they do, so the host builds a checker once per key.
 */
export interface EngineConfig {
  key: string;
  settings: Partial<CategorySettings>;
  dictionaries: Dictionary[];
  exceptions: Exception[];
}

/**
 * The tokenizer host: Chrome's offscreen document (reached by message), or, on Firefox, the
 * background page itself (called in-process with the same table).
 */
export interface OffscreenProtocol {
  'offscreen:check'(request: { text: string; platform: Platform; engine?: EngineConfig }): CheckResult;
}

export type ProtocolRequest<M, K extends keyof M> = M[K] extends (request: infer R) => unknown ? R : never;
export type ProtocolResponse<M, K extends keyof M> = M[K] extends (request: never) => infer R ? R : never;

/** The wire format: a type and its request. */
export interface Envelope<M, K extends keyof M = keyof M> {
  type: K;
  data: ProtocolRequest<M, K>;
}

/** Replies carry either the response or an error message, so a failure crosses the channel as data. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };
