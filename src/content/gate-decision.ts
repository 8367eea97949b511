/**
 * What the gate does with the results for the text about to be published. Pure, so it is tested
 * in Node: a post stops when any finding is at warn or above, when it needs the supervisor's
 * approval ((4)③), or when it carries photos or video (4-2-media), unless the person has already
 * confirmed the gate for exactly this text and these pictures.
 */
import { CATEGORIES, severityRank, type ApprovalEvidence, type Category, type CheckResult, type Finding, type Severity } from '../shared/types.ts';

export type GateDecision =
  | { stop: false }
  | {
      stop: true;
      key: string;
      block: Finding[];
      warn: Finding[];
      approval: ApprovalEvidence | null;
      /** Photos or video are attached: consent, portrait rights, copyright and personal information in the picture must be confirmed. */
      media: boolean;
    };

/** What the person confirmed in the dialog, kept with the key it opened the gate for. */
export interface GateConfirmation {
  reason: string;
  approved: boolean;
  /** Set when the post carried media: the 4-2-media checklist was ticked. */
  mediaConfirmed: boolean | undefined;
  /** The findings the person posted over (warn only: block findings cannot be confirmed). */
  warn: Finding[];
  /** The approval was verified by the background (a code or the supervisor's PIN), not only attested by the author. */
  approvalVerified?: boolean;
  /** The supervisor released a post held by block findings (a release code or their PIN, with a reason). */
  released?: boolean;
}

/** The exact text(s) and attached media a press would publish, with the platform; confirmations are remembered per key. */
export function gateKey(platform: string, texts: readonly string[], media: readonly string[] = []): string {
  return `${platform}\u0000${texts.join('\u0001')}\u0000${media.join('\u0001')}`;
}

/**
 * `released` holds the keys a supervisor released (issue #4 §3): only for those can block findings
 * be passed, and only together with the dialog's own confirmation.
 */
export function decideGate(
  key: string,
  results: readonly CheckResult[],
  confirmed: { has(key: string): boolean },
  media: readonly string[] = [],
  released: { has(key: string): boolean } = new Set<string>(),
): GateDecision {
  const findings = results.flatMap((r) => r.findings);
  const block = findings.filter((f) => f.severity === 'block');
  const warn = findings.filter((f) => f.severity === 'warn');
  const needing = results.find((r) => r.needs_approval);
  const approval = needing === undefined ? null : needing.approval;
  if (block.length === 0 && warn.length === 0 && approval === null && media.length === 0) return { stop: false };
  // Block findings cannot be overridden by the author: the text must change, or a supervisor release it.
  if ((block.length === 0 || released.has(key)) && confirmed.has(key)) return { stop: false };
  return { stop: true, key, block, warn, approval, media: media.length > 0 };
}

/** The audit decisions the gate itself can take (a subset of the audit log's, see src/storage/types.ts). */
export type GateAuditDecision = 'posted_clean' | 'posted_with_approval' | 'posted_override' | 'blocked';

/**
 * A press that went through: with the supervisor's approval or release (the background logs a
 * release as `released`), over warn findings with a reason, or clean.
 */
export function passedDecision(confirmation: GateConfirmation | undefined): GateAuditDecision {
  if (confirmation === undefined) return 'posted_clean';
  // A verified approval covers the warn findings too (the supervisor saw the very text); an attested one does not.
  if (confirmation.released === true || confirmation.approvalVerified === true) return 'posted_with_approval';
  if (confirmation.warn.length > 0) return 'posted_override';
  return confirmation.approved ? 'posted_with_approval' : 'posted_clean';
}


/** Enter that an IME uses to commit a conversion is never a submit (keyCode 229 covers older Chromium and Safari). */
export function isImeEnter(e: Pick<KeyboardEvent, 'isComposing' | 'keyCode'>): boolean {
  return e.isComposing || e.keyCode === 229;
}

export function isSubmitChord(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'isComposing' | 'keyCode'>): boolean {
  return e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !isImeEnter(e);
}

/** Enter alone (no modifier, not an IME commit): publishes in a comment or reply box. */
export function isPlainEnter(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey' | 'isComposing' | 'keyCode'>): boolean {
  return e.key === 'Enter' && !e.ctrlKey && !e.metaKey && !e.shiftKey && !e.altKey && !isImeEnter(e);
}
