/**
 * The gate session (issue #8): what this tab holds, what the person confirmed, what a supervisor
 * approved or released, and until when. Pure (no DOM, no browser API), so every rule of the gate
 * is a unit test in Node; `gate.ts` feeds it what one press would publish and acts on the answer.
 *
 * The gate fails closed: a press passes only when the full check (with the tokenizer) of exactly
 * this text has answered and nothing needs attention, or when the person confirmed exactly this
 * text. When the check cannot run (no full result in time, the composer cannot be read), the post
 * goes out only after the person gave a reason, and that press is recorded with it.
 */
import type { CheckResult, Finding } from '../shared/types.ts';
import { decideGate, gateKey, type GateConfirmation, type GateDecision } from './gate-decision.ts';

/** What one press would publish, as far as the gate could read it. */
export interface PressInput {
  /** One text per compose box; null when the composer could not be read (an adapter error). */
  texts: string[] | null;
  media: string[];
  /**
   * The full result for each non-empty text, in order, or undefined where it has not arrived. Never
   * the quick local (partial) result: that one only draws marks.
   */
  results: Array<CheckResult | undefined>;
  /**
   * Warn and info findings the person dismissed on their card (今回は無視): the gate does not ask
   * about them again, and the press is recorded with them. Block findings cannot be dismissed.
   */
  ignored?: (finding: Finding) => boolean;
}

export type PressOutcome =
  /** The press goes through. `record` is false for an empty composer (nothing is published). */
  | { kind: 'pass'; key: string | null; results: CheckResult[]; confirmation: GateConfirmation | undefined; unchecked: string | null; record: boolean; ignored?: Finding[] }
  /** Something needs attention: the dialog shows it. */
  | { kind: 'hold'; decision: Extract<GateDecision, { stop: true }>; results: CheckResult[] }
  /** The full check of this exact text has not answered yet: wait for it (点検中). */
  | { kind: 'pending'; key: string; texts: string[] }
  /** The composer could not be read: the post cannot be checked. */
  | { kind: 'unreadable' };

/** How long a reason given for an unreadable composer lets one press through. */
export const UNREADABLE_ALLOWANCE_MS = 60_000;

export interface GateSession {
  decide(input: PressInput, now: number): PressOutcome;
  /** The dialog's confirmation for exactly this key; `expires` (ms) ends a supervisor's approval with its code. */
  confirm(key: string, confirmation: GateConfirmation, expires?: number): void;
  /** The person chose to post a text that could not be fully checked, giving `reason`. */
  allowUnchecked(key: string, reason: string): void;
  /** The person chose to post from a composer that could not be read, giving `reason`: one press, soon. */
  allowUnreadable(reason: string, now: number): void;
  /** A press went through: one-post confirmations (approval, release, unchecked) are used up. */
  passed(outcome: Extract<PressOutcome, { kind: 'pass' }>): void;
}

export function createGateSession(platform: string): GateSession {
  const confirmed = new Map<string, { confirmation: GateConfirmation; expires: number | undefined }>();
  const released = new Set<string>();
  const unchecked = new Map<string, string>();
  let unreadable: { reason: string; until: number } | null = null;

  function valid(now: number) {
    return {
      has(key: string): boolean {
        const c = confirmed.get(key);
        if (c === undefined) return false;
        if (c.expires !== undefined && now >= c.expires) {
          confirmed.delete(key);
          released.delete(key);
          return false;
        }
        return true;
      },
    };
  }

  return {
    decide({ texts, media, results, ignored }, now) {
      if (texts === null) {
        if (unreadable !== null && now < unreadable.until) {
          return { kind: 'pass', key: null, results: [], confirmation: undefined, unchecked: unreadable.reason, record: true };
        }
        return { kind: 'unreadable' };
      }
      if (texts.every((t) => t.trim().length === 0) && media.length === 0) {
        return { kind: 'pass', key: null, results: [], confirmation: undefined, unchecked: null, record: false };
      }
      const key = gateKey(platform, texts, media);
      const arrived = results.filter((r): r is CheckResult => r !== undefined);
      if (arrived.length < results.length) {
        const reason = unchecked.get(key);
        if (reason !== undefined) return { kind: 'pass', key, results: arrived, confirmation: undefined, unchecked: reason, record: true };
        return { kind: 'pending', key, texts };
      }
      const dismissed = (f: Finding) => f.severity !== 'block' && ignored !== undefined && ignored(f);
      const asked = arrived.map((r) => ({ ...r, findings: r.findings.filter((f) => !dismissed(f)) }));
      const decision = decideGate(key, asked, valid(now), media, released);
      if (decision.stop) return { kind: 'hold', decision, results: arrived };
      const skipped = arrived.flatMap((r) => r.findings.filter(dismissed));
      return { kind: 'pass', key, results: arrived, confirmation: confirmed.get(key)?.confirmation, unchecked: null, record: true, ...(skipped.length > 0 ? { ignored: skipped } : {}) };
    },
    confirm(key, confirmation, expires) {
      confirmed.set(key, { confirmation, expires });
      if (confirmation.released === true) released.add(key);
    },
    allowUnchecked(key, reason) {
      unchecked.set(key, reason);
    },
    allowUnreadable(reason, now) {
      unreadable = { reason, until: now + UNREADABLE_ALLOWANCE_MS };
    },
    passed(outcome) {
      if (outcome.key === null) {
        if (outcome.unchecked !== null) unreadable = null;
        return;
      }
      unchecked.delete(outcome.key);
      // An approval or a release is for one post (issue #4 §3): the next press of the same text asks again.
      const c = outcome.confirmation;
      if (c !== undefined && (c.approved || c.released === true)) {
        confirmed.delete(outcome.key);
        released.delete(outcome.key);
      }
    },
  };
}

/** The findings a held press showed, for the audit log of an abandoned or refused post. */
export function heldFindings(decision: Extract<GateDecision, { stop: true }>): Finding[] {
  return [...decision.block, ...decision.warn];
}
