/**
 * How long a tab may keep an approval it was granted (issue #8 §4: "a tab's remembered approval
 * expires with its code"). Imports nothing, so the content script can use it without pulling in
 * the signing code.
 *
 * The background answers every granted approval with `validForMs`: the time left before the code
 * (or the in-person approval) expires, measured on the background's trusted clock (the latest
 * time it has seen, so a clock turned back does not lengthen it). The tab turns that into a
 * deadline on its MONOTONIC clock (`performance.now()`), which the wall clock cannot move: turning
 * the system clock back or forward while the dialog is open changes nothing.
 */

/** Never longer than a code may live (7 days), whatever a reply says. */
export const MAX_REMEMBERED_APPROVAL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * The monotonic deadline of a granted approval: `monotonicNow` is `performance.now()` when the
 * reply arrived. A missing, negative or non-finite `validForMs` gives a deadline already past
 * (fail closed: the gate asks again).
 */
export function rememberedApprovalDeadline(granted: { validForMs?: number }, monotonicNow: number): number {
  const ms = granted.validForMs;
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms <= 0) return monotonicNow;
  return monotonicNow + Math.min(ms, MAX_REMEMBERED_APPROVAL_MS);
}

/** True while the approval may still open the gate; `monotonicNow` is `performance.now()`. */
export function isRememberedApprovalLive(deadline: number, monotonicNow: number): boolean {
  return monotonicNow < deadline;
}
