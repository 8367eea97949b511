/** The categories the checker reports: the seven kinds of (5)⑧ and personal information of (5)⑤. */
export const CATEGORIES = [
  'insult',
  'discrimination',
  'illegal',
  'rumour',
  'confidential',
  'decision_process',
  'public_order',
  'personal_info',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const SEVERITIES = ['info', 'warn', 'block'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * What a supervisor sets per category (issue #9): `auto` — each finding keeps the level its rule
 * gives (the default) —, or the level of every finding of the category at warn or above (`block`
 * stops them all, `warn` lets each through with a reason, `info` only marks), or `off`. A finding
 * the rule itself rates `info` (a note, not a violation) stays `info` unless the category is off.
 */
export const SENSITIVITIES = ['auto', 'block', 'warn', 'info', 'off'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];

export type Verdict = 'ok' | Severity;
export type Exemption = 'published' | 'facts';
export type Platform = 'x' | 'facebook';

/** `auto` ranks with `block`: it lets a category's findings reach block, as its rules rate them. */
const SEVERITY_RANK: Record<Verdict | Sensitivity, number> = { off: -1, ok: 0, info: 1, warn: 2, block: 3, auto: 3 };

export function severityRank(s: Verdict | Sensitivity): number {
  return SEVERITY_RANK[s];
}

export function minSeverity(a: Severity, b: Severity): Severity {
  return SEVERITY_RANK[a] <= SEVERITY_RANK[b] ? a : b;
}

export function isCategory(value: unknown): value is Category {
  return typeof value === 'string' && (CATEGORIES as readonly string[]).includes(value);
}

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

export function isSensitivity(value: unknown): value is Sensitivity {
  return typeof value === 'string' && (SENSITIVITIES as readonly string[]).includes(value);
}

/** One thing the checker found, with offsets in the ORIGINAL text (UTF-16 code units, never inside a surrogate pair). */
export interface Finding {
  rule: string;
  category: Category;
  clause: string;
  severity: Severity;
  /** How sure the rule is, 0..1; compared with the category's threshold. */
  confidence: number;
  start: number;
  end: number;
  excerpt: string;
  /** Japanese: why this is a problem. */
  message: string;
  /** Japanese: what to write instead, where there is something to say. */
  suggestion: string | null;
  /** The signals that made the finding, in a word each (薬物, 容認), where a combination of signals did. */
  signals?: string[];
  /**
   * What to write instead of the excerpt, word for word, where the rule knows one (a slur → a
   * neutral word, an address down to the lot → its district): offered as a one-click 置き換える.
   * Never an instruction; absent when only `suggestion` can say what to do.
   */
  replacement?: string;
}

export interface ApprovalEvidence {
  /** The clause that decided: `4-3-approval`, `4-3-exempt-published` or `4-3-exempt-facts`. */
  clause: string;
  /** Japanese, one sentence a member of staff can read. */
  reason: string;
  /** City URLs that made a re-post exempt, or URLs that prevented it. */
  urls: string[];
  /** Words in the text that supported or prevented the exemption. */
  markers: string[];
}

export interface CheckResult {
  verdict: Verdict;
  needs_approval: boolean;
  exemption: Exemption | null;
  approval: ApprovalEvidence;
  /** Categories with a finding at warn or above. */
  categories: Category[];
  findings: Finding[];
  /** True when the tokenizer was not available and the context rules that need it were skipped. */
  partial: boolean;
}

export interface CategorySetting {
  sensitivity: Sensitivity;
  /** Findings whose confidence is below this are not reported. */
  threshold: number;
}

export type CategorySettings = Record<Category, CategorySetting>;
