/**
 * Every message the extension passes, with its response type (cf. @webext-core protocol maps).
 * Two maps, because the two channels trust different senders.
 */
import type { CheckResult, Platform } from '../shared/types.ts';

/** Content script → background. Content scripts may only ask for checks. */
export interface ContentProtocol {
  /** The full check (with the tokenizer) of exactly this text. */
  check(request: { text: string; platform: Platform }): CheckResult;
}

/** Background → offscreen document (the tokenizer host). */
export interface OffscreenProtocol {
  'offscreen:check'(request: { text: string; platform: Platform }): CheckResult;
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
