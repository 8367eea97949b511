import { describe, expect, test } from 'vitest';
import { decideGate, gateKey, isImeEnter, isSubmitChord, passedDecision } from '../../src/content/gate-decision.ts';
import { finding, result } from './results.ts';


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

  test('block findings pass only for a key the supervisor released, and with the confirmation', () => {
    const block = [result([finding('block')], false)];
    expect(decideGate(key, block, new Set([key]), [], new Set([key])).stop).toBe(false);
    expect(decideGate(key, block, new Set(), [], new Set([key])).stop).toBe(true);
    expect(decideGate(gateKey('x', ['text!']), block, new Set([key]), [], new Set([key])).stop).toBe(true);
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

describe('photos and video (4-2-media)', () => {
  const photo = ['img:blob:https://x.com/1'];
  test('a clean exempt post with a photo stops for the media checklist', () => {
    const d = decideGate(gateKey('x', ['text'], photo), [result([], false)], new Set(), photo);
    expect(d).toMatchObject({ stop: true, media: true, block: [], warn: [], approval: null });
  });
  test('a confirmation is for that text and those pictures only', () => {
    const key = gateKey('x', ['text'], photo);
    expect(decideGate(key, [result([], false)], new Set([key]), photo).stop).toBe(false);
    const other = ['img:blob:https://x.com/2'];
    expect(decideGate(gateKey('x', ['text'], other), [result([], false)], new Set([key]), other).stop).toBe(true);
  });
  test('a picture-only post (no text to check) still stops', () => {
    expect(decideGate(gateKey('x', [''], photo), [], new Set(), photo).stop).toBe(true);
  });
  test('without media the key is unchanged by the media list', () => {
    expect(decideGate(gateKey('x', ['text']), [result([], false)], new Set()).stop).toBe(false);
  });
});

describe('audit', () => {
  test.each([
    ['nothing confirmed: a clean post', undefined, 'posted_clean'],
    ['warn findings posted over', { reason: 'r', approved: true, mediaConfirmed: undefined, warn: [finding('warn')] }, 'posted_override'],
    ['approval confirmed', { reason: '', approved: true, mediaConfirmed: undefined, warn: [] }, 'posted_with_approval'],
    ['only the media checklist confirmed', { reason: '', approved: false, mediaConfirmed: true, warn: [] }, 'posted_clean'],
    ['warn findings under a verified approval (code or PIN)', { reason: 'r', approved: true, approvalVerified: true, mediaConfirmed: undefined, warn: [finding('warn')] }, 'posted_with_approval'],
    ['a block released by the supervisor (the background logs it as released)', { reason: '', approved: true, released: true, mediaConfirmed: undefined, warn: [] }, 'posted_with_approval'],
  ] as const)('%s', (_why, confirmation, decision) => {
    expect(passedDecision(confirmation === undefined ? undefined : { ...confirmation, warn: [...confirmation.warn] })).toBe(decision);
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
