/**
 * The scorer: the only place that reads settings. Rules report what they see with their own
 * severity and confidence; here a category's sensitivity caps the severity (`off` drops it), its
 * threshold drops unsure findings, a supervisor's exceptions drop what they cover, and overlapping
 * findings of one category collapse into the strongest.
 */
import { minSeverity, severityRank, type CategorySettings, type Finding, type Severity } from '../shared/types.ts';
import type { RuleContext } from './context.ts';

export interface Exception {
  text: string;
}

export function score(ctx: RuleContext, settings: CategorySettings, exceptions: readonly Exception[]): Finding[] {
  const original = ctx.norm.original;
  const covered: Array<[number, number]> = [];
  for (const e of exceptions) {
    let at = original.indexOf(e.text);
    while (at >= 0) {
      covered.push([at, at + e.text.length]);
      at = original.indexOf(e.text, at + 1);
    }
  }
  const out: Finding[] = [];
  for (const raw of ctx.findings) {
    const setting = settings[raw.category];
    if (setting.sensitivity === 'off') continue;
    if (raw.confidence < setting.threshold) continue;
    const { start, end } = ctx.toOriginal(raw.from, raw.to);
    if (covered.some(([a, b]) => a <= start && end <= b)) continue;
    const severity: Severity = minSeverity(raw.severity, setting.sensitivity);
    out.push({
      rule: raw.rule,
      category: raw.category,
      clause: raw.clause,
      severity,
      confidence: raw.confidence,
      start,
      end,
      excerpt: original.slice(start, end),
      message: raw.message,
      suggestion: raw.suggestion,
    });
  }
  return collapse(out).sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Of overlapping findings of one category keep the strongest (then the most confident, then the
 * longest): one mark, one card. Findings are grouped into clusters of overlapping spans by a sweep.
 */
function collapse(findings: Finding[]): Finding[] {
  const byCategory = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byCategory.get(f.category);
    if (list === undefined) byCategory.set(f.category, [f]);
    else list.push(f);
  }
  const better = (a: Finding, b: Finding): boolean =>
    severityRank(a.severity) - severityRank(b.severity) > 0 ||
    (a.severity === b.severity && (a.confidence > b.confidence || (a.confidence === b.confidence && a.end - a.start > b.end - b.start)));
  const kept: Finding[] = [];
  for (const list of byCategory.values()) {
    list.sort((a, b) => a.start - b.start || b.end - a.end);
    let best: Finding | null = null;
    let reach = -1;
    for (const f of list) {
      if (best !== null && f.start < reach) {
        if (better(f, best)) best = f;
        reach = Math.max(reach, f.end);
        continue;
      }
      if (best !== null) kept.push(best);
      best = f;
      reach = f.end;
    }
    if (best !== null) kept.push(best);
  }
  return kept;
}
