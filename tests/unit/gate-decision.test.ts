import { describe, expect, test } from 'vitest';
import { decideGate, gateKey, isImeEnter, isSubmitChord } from '../../src/content/gate-decision.ts';
import type { CheckResult, Finding, Severity } from '../../src/shared/types.ts';

function finding(severity: Severity): Finding {
  return { rule: 'r', category: 'insult', clause: '5-8-insult', severity, confidence: 1, start: 0, end: 2, excerpt: 'xx', message: 'm', suggestion: null };
}
function result(findings: Finding[], needsApproval: boolean): CheckResult {
  return {
    verdict: findings.length === 0 ? 'ok' : findings[0]!.severity,
    needs_approval: needsApproval,
    exemption: needsApproval ? null : 'facts',
    approval: { clause: needsApproval ? '4-3-approval' : '4-3-exempt-facts', reason: '', urls: [], markers: [] },
    categories: [],
    findings,
    partial: true,
  };
}

describe('decideGate', () => {
  const key = gateKey('x', ['text']);
  const none = new Set<string>();

  test.each([
    // [why, findings, needs approval, overridden, stops]
    ['an exempt clean post passes untouched', [], false, false, false],
    ['info findings alone never stop a post', [finding('info')], false, false, false],
    ['a post needing approval stops', [], true, false, true],
    ['a warn finding stops', [finding('warn')], false, false, true],
    ['a block finding stops', [finding('block')], false, false, true],
    ['an override opens the gate for its exact text', [finding('warn')], true, true, false],
    ['a block finding cannot be overridden', [finding('block')], false, true, true],
  ] as const)('%s', (_why, findings, needsApproval, overridden, stops) => {
    const decision = decideGate(key, [result([...findings], needsApproval)], overridden ? new Set([key]) : none);
    expect(decision.stop).toBe(stops);
  });

  test('an override is for that text only', () => {
    const other = gateKey('x', ['text!']);
    expect(decideGate(other, [result([finding('warn')], false)], new Set([key])).stop).toBe(true);
  });

  test('a thread stops when any of its posts needs attention', () => {
    const d = decideGate(gateKey('x', ['a', 'b']), [result([], false), result([finding('warn')], false)], none);
    expect(d.stop && d.warn.length).toBe(1);
  });
});

describe('IME and submit keys', () => {
  const key = (over: Partial<KeyboardEvent>) => ({ key: 'Enter', ctrlKey: false, metaKey: false, isComposing: false, keyCode: 13, ...over });
  test.each([
    ['Ctrl+Enter submits', key({ ctrlKey: true }), true],
    ['⌘+Enter submits', key({ metaKey: true }), true],
    ['plain Enter is a new line', key({}), false],
    ['Ctrl+Enter while composing commits the IME', key({ ctrlKey: true, isComposing: true }), false],
    ['keyCode 229 is the IME, whatever the flags say', key({ ctrlKey: true, keyCode: 229 }), false],
  ] as const)('%s', (_why, e, submits) => {
    expect(isSubmitChord(e)).toBe(submits);
  });
  test('isImeEnter', () => {
    expect(isImeEnter({ isComposing: false, keyCode: 229 })).toBe(true);
    expect(isImeEnter({ isComposing: false, keyCode: 13 })).toBe(false);
  });
});
