/**
 * The scorer: the only place that reads settings. Rules report what they see with their own
 * severity and confidence; here a category's sensitivity caps the severity (`off` drops it), its
 * threshold drops unsure findings, a supervisor's exceptions drop what they cover, and overlapping
 * findings of one category collapse into the strongest.
 */
import { severityRank, type CategorySettings, type Finding, type Severity } from '../shared/types.ts';
import { isCovered, type RuleContext } from './context.ts';
import { exceptionDomain } from './urls.ts';

export interface Exception {
  kind: 'term' | 'domain' | 'phone' | 'address';
  value: string;
}

const fold = (t: string): string => t.normalize('NFKC').replace(/[\s\u3000]/g, '');
const digits = (t: string): string => t.normalize('NFKC').replace(/\D/g, '');
const hostOrMailDomain = (t: string): string => {
  const mail = /@([A-Za-z0-9.-]+)/.exec(t);
  if (mail !== null) return (mail[1] as string).toLowerCase();
  try {
    return new URL(/^https?:\/\//i.test(t) ? t : `https://${t}`).hostname.toLowerCase();
  } catch {
    return '';
  }
};

/** Does a supervisor's exception cover this finding? */
function excepted(e: Exception, start: number, end: number, excerpt: string, covered: Array<[number, number]>): boolean {
  switch (e.kind) {
    case 'term':
      return isCovered(covered, start, end);
    case 'phone': {
      const d = digits(e.value);
      return d.length >= 3 && digits(excerpt) === d;
    }
    case 'domain': {
      const domain = exceptionDomain(e.value);
      const host = hostOrMailDomain(excerpt);
      return domain !== '' && (host === domain || host.endsWith(`.${domain}`));
    }
    case 'address': {
      const a = fold(e.value);
      const x = fold(excerpt);
      return a.length > 0 && x.length > 0 && (x.includes(a) || a.includes(x));
    }
  }
}

/** Where the supervisor's term exceptions stand in the original text (computed once per check, kept on the context). */
export function exceptedRanges(original: string, exceptions: readonly Exception[]): Array<[number, number]> {
  const covered: Array<[number, number]> = [];
  for (const e of exceptions) {
    if (e.kind !== 'term') continue;
    let at = original.indexOf(e.value);
    while (at >= 0) {
      covered.push([at, at + e.value.length]);
      at = original.indexOf(e.value, at + 1);
    }
  }
  return covered;
}

export function score(ctx: RuleContext, settings: CategorySettings, exceptions: readonly Exception[]): Finding[] {
  const original = ctx.norm.original;
  const covered = ctx.excepted;
  const out: Finding[] = [];
  for (const raw of ctx.findings) {
    const setting = settings[raw.category];
    if (setting.sensitivity === 'off') continue;
    if (raw.confidence < setting.threshold) continue;
    const { start, end } = ctx.toOriginal(raw.from, raw.to);
    const excerpt = original.slice(start, end);
    if (exceptions.some((e) => excepted(e, start, end, excerpt, covered))) continue;
    // The supervisor's level is the level of every finding at warn or above; `auto` keeps the rule's.
    const severity: Severity = setting.sensitivity === 'auto' || raw.severity === 'info' ? raw.severity : setting.sensitivity;
    out.push({
      rule: raw.rule,
      category: raw.category,
      clause: raw.clause,
      severity,
      confidence: raw.confidence,
      start,
      end,
      excerpt,
      message: raw.message,
      suggestion: raw.suggestion,
      ...(raw.signals !== undefined ? { signals: raw.signals } : {}),
      ...(raw.replacement !== undefined ? { replacement: raw.replacement } : {}),
    });
  }
  return collapse(out).sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Of overlapping findings of one category keep the strongest (then the most confident, then the
 * one that names its signals, then the longest): one mark, one card. Greedy, strongest first: a
 * finding is kept unless it overlaps one already kept, so a wide finding that is dropped never
 * takes a disjoint one down with it (a person's reference and their phone number two words later
 * stay two marks).
 */
function collapse(findings: Finding[]): Finding[] {
  const better = (a: Finding, b: Finding): number =>
    severityRank(b.severity) - severityRank(a.severity) ||
    b.confidence - a.confidence ||
    // A finding that can say which signals made it (薬物 × 容認) explains itself better.
    Number(b.signals !== undefined) - Number(a.signals !== undefined) ||
    b.end - b.start - (a.end - a.start) ||
    a.start - b.start;
  const byCategory = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byCategory.get(f.category);
    if (list === undefined) byCategory.set(f.category, [f]);
    else list.push(f);
  }
  const kept: Finding[] = [];
  for (const list of byCategory.values()) {
    const mine: Finding[] = [];
    for (const f of [...list].sort(better)) {
      if (!mine.some((k) => f.start < k.end && k.start < f.end)) mine.push(f);
    }
    kept.push(...mine);
  }
  return kept;
}
