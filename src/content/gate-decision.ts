/**
 * What the gate does with the results for the text about to be published. Pure, so it is tested
 * in Node: a post stops when any finding is at warn or above or when it needs the supervisor's
 * approval ((4)③), unless the person has already overridden the gate for exactly this text.
 */
import type { ApprovalEvidence, CheckResult, Finding } from '../shared/types.ts';

export type GateDecision =
  | { stop: false }
  | { stop: true; key: string; block: Finding[]; warn: Finding[]; approval: ApprovalEvidence | null };

/** The exact text(s) a press would publish, with the platform; overrides are remembered per key. */
export function gateKey(platform: string, texts: readonly string[]): string {
  return `${platform}\u0000${texts.join('\u0001')}`;
}

export function decideGate(key: string, results: readonly CheckResult[], overridden: ReadonlySet<string>): GateDecision {
  const findings = results.flatMap((r) => r.findings);
  const block = findings.filter((f) => f.severity === 'block');
  const warn = findings.filter((f) => f.severity === 'warn');
  const needing = results.find((r) => r.needs_approval);
  const approval = needing === undefined ? null : needing.approval;
  if (block.length === 0 && warn.length === 0 && approval === null) return { stop: false };
  // Block findings cannot be overridden: the text must change.
  if (block.length === 0 && overridden.has(key)) return { stop: false };
  return { stop: true, key, block, warn, approval };
}

/** Enter that an IME uses to commit a conversion is never a submit (keyCode 229 covers older Chromium and Safari). */
export function isImeEnter(e: Pick<KeyboardEvent, 'isComposing' | 'keyCode'>): boolean {
  return e.isComposing || e.keyCode === 229;
}

export function isSubmitChord(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'isComposing' | 'keyCode'>): boolean {
  return e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !isImeEnter(e);
}
