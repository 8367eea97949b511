/** Findings and results for the gate's unit tests (gate-decision, gate-session). */
import type { CheckResult, Finding, Severity } from '../../src/shared/types.ts';

export function finding(severity: Severity): Finding {
  return { rule: 'r', category: 'insult', clause: '5-8-insult', severity, confidence: 1, start: 0, end: 2, excerpt: 'xx', message: 'm', suggestion: null };
}

/** A check result; `partial` false is a full check (with the tokenizer), the only kind that decides at Post. */
export function result(findings: Finding[], needsApproval: boolean, partial = true): CheckResult {
  return {
    verdict: findings.length === 0 ? 'ok' : findings[0]!.severity,
    needs_approval: needsApproval,
    exemption: needsApproval ? null : 'facts',
    approval: { clause: needsApproval ? '4-3-approval' : '4-3-exempt-facts', reason: '', urls: [], markers: [] },
    categories: [],
    findings,
    partial,
  };
}
