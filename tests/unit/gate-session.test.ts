import { describe, expect, test } from 'vitest';
import { createGateSession, UNREADABLE_ALLOWANCE_MS, type PressInput } from '../../src/content/gate-session.ts';
import { gateKey, type GateConfirmation } from '../../src/content/gate-decision.ts';
import type { CheckResult, Finding } from '../../src/shared/types.ts';
import { finding, result } from './results.ts';

const full = (findings: Finding[], needsApproval = false): CheckResult => result(findings, needsApproval, false);

const press = (text: string, result: CheckResult | undefined, media: string[] = []): PressInput => ({ texts: [text], media, results: [result] });
const confirmation = (over: Partial<GateConfirmation> = {}): GateConfirmation => ({ reason: '', approved: true, mediaConfirmed: undefined, warn: [], ...over });
const NOW = 1_700_000_000_000;

describe('gate session: a press is decided on the full check of exactly its text', () => {
  test('without the full result the press waits (点検中), even when the quick check would have passed it', () => {
    const s = createGateSession('x');
    const outcome = s.decide(press('お知らせです', undefined), NOW);
    expect(outcome).toMatchObject({ kind: 'pending', texts: ['お知らせです'] });
  });

  test('a thread with one text still unchecked waits for it', () => {
    const s = createGateSession('x');
    expect(s.decide({ texts: ['一つ目', '二つ目'], media: [], results: [full([]), undefined] }, NOW).kind).toBe('pending');
  });

  test('a clean exempt full result passes and is recorded; an empty composer passes unrecorded', () => {
    const s = createGateSession('x');
    expect(s.decide(press('結果', full([])), NOW)).toMatchObject({ kind: 'pass', record: true, unchecked: null });
    expect(s.decide({ texts: ['  '], media: [], results: [] }, NOW)).toMatchObject({ kind: 'pass', record: false });
  });

  test('an unreadable composer is held; a reason lets one press through, soon, and is carried to the record', () => {
    const s = createGateSession('x');
    const unreadable: PressInput = { texts: null, media: [], results: [] };
    expect(s.decide(unreadable, NOW).kind).toBe('unreadable');
    s.allowUnreadable('担当者不在のため至急', NOW);
    const outcome = s.decide(unreadable, NOW + 1000);
    expect(outcome).toMatchObject({ kind: 'pass', unchecked: '担当者不在のため至急', record: true });
    if (outcome.kind !== 'pass') throw new Error('expected a pass');
    s.passed(outcome);
    expect(s.decide(unreadable, NOW + 2000).kind).toBe('unreadable');
    s.allowUnreadable('再度', NOW);
    expect(s.decide(unreadable, NOW + UNREADABLE_ALLOWANCE_MS + 1).kind).toBe('unreadable');
  });

  test('a reason to post unchecked counts for that exact text once', () => {
    const s = createGateSession('x');
    const key = gateKey('x', ['急ぎのお知らせ']);
    s.allowUnchecked(key, '災害対応で至急');
    const outcome = s.decide(press('急ぎのお知らせ', undefined), NOW);
    expect(outcome).toMatchObject({ kind: 'pass', unchecked: '災害対応で至急' });
    expect(s.decide(press('急ぎのお知らせ。', undefined), NOW).kind).toBe('pending');
    if (outcome.kind === 'pass') s.passed(outcome);
    expect(s.decide(press('急ぎのお知らせ', undefined), NOW).kind).toBe('pending');
  });

  test('an approval is for one post: after it passed, the same text asks again', () => {
    const s = createGateSession('x');
    const text = '新しい講座を始めます';
    const held = s.decide(press(text, full([], true)), NOW);
    expect(held.kind).toBe('hold');
    if (held.kind !== 'hold') throw new Error('expected a hold');
    s.confirm(held.decision.key, confirmation());
    const passed = s.decide(press(text, full([], true)), NOW);
    expect(passed).toMatchObject({ kind: 'pass', confirmation: { approved: true } });
    if (passed.kind === 'pass') s.passed(passed);
    expect(s.decide(press(text, full([], true)), NOW).kind).toBe('hold');
  });

  test("a supervisor's approval ends when its code expires", () => {
    const s = createGateSession('x');
    const text = '新しい講座を始めます';
    const held = s.decide(press(text, full([], true)), NOW);
    if (held.kind !== 'hold') throw new Error('expected a hold');
    s.confirm(held.decision.key, confirmation({ approvalVerified: true }), NOW + 60_000);
    expect(s.decide(press(text, full([], true)), NOW + 59_000).kind).toBe('pass');
    expect(s.decide(press(text, full([], true)), NOW + 60_000).kind).toBe('hold');
  });

  test('a block finding is held even after a confirmation, unless a supervisor released it', () => {
    const s = createGateSession('x');
    const held = s.decide(press('ばか', full([finding('block')])), NOW);
    if (held.kind !== 'hold') throw new Error('expected a hold');
    s.confirm(held.decision.key, confirmation({ approved: false, reason: '急ぎ' }));
    expect(s.decide(press('ばか', full([finding('block')])), NOW).kind).toBe('hold');
    s.confirm(held.decision.key, confirmation({ released: true }));
    expect(s.decide(press('ばか', full([finding('block')])), NOW).kind).toBe('pass');
  });

  test('a confirmation for the text does not cover the same text with a photo added', () => {
    const s = createGateSession('x');
    const held = s.decide(press('お知らせ', full([finding('warn')])), NOW);
    if (held.kind !== 'hold') throw new Error('expected a hold');
    s.confirm(held.decision.key, confirmation({ approved: false, reason: '確認済み', warn: held.decision.warn }));
    expect(s.decide(press('お知らせ', full([finding('warn')])), NOW).kind).toBe('pass');
    expect(s.decide(press('お知らせ', full([finding('warn')]), ['blob:photo']), NOW).kind).toBe('hold');
  });

  test('a warn finding dismissed on its card (今回は無視) is not asked about again and goes with the record; a block finding cannot be dismissed', () => {
    const s = createGateSession('x');
    const warn = finding('warn');
    const input = (f: Finding): PressInput => ({ texts: ['お知らせ'], media: [], results: [full([f])], ignored: () => true });
    expect(s.decide(input(warn), NOW)).toMatchObject({ kind: 'pass', ignored: [warn] });
    expect(s.decide(input(finding('block')), NOW).kind).toBe('hold');
    expect(s.decide({ ...input(warn), ignored: () => false }, NOW).kind).toBe('hold');
  });
});
