/**
 * What the background accepts from a content script as an audit event (issue #8 §6): every field
 * checked, `released` and `approval_refused` never from a tab, a clean post cannot hide findings.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeAll, describe, expect, test } from 'vitest';
import { ANOMALY_CLEAN_WITH_FINDINGS, ANOMALY_OVERRIDE_OVER_BLOCK, AuditRejected, CONTENT_AUDIT_DECISIONS, MAX_AUDIT_REASON_LENGTH, checkGateEventText, isAuditRejection, validateGateEvent } from '../../src/audit/validate.ts';
import { sha256Hex } from '../../src/security/hash.ts';

const NOW = Date.UTC(2026, 3, 1, 1, 0, 0);
const HASH = 'a'.repeat(64);
const valid = {
  site: 'x', decision: 'posted_override', account: 'hirakawa_city', categories: ['insult', 'rumour'], clauses: ['5-8-insult', '5-8-rumour'],
  severities: ['warn', 'info'], textHash: HASH, reason: '引用のため', mediaConfirmed: true,
};

let background: typeof import('../../src/messaging/background-handlers.ts');
beforeAll(async () => {
  // wxt/browser picks the global extension API when it is first imported.
  (globalThis as unknown as { chrome: typeof fakeBrowser }).chrome = fakeBrowser;
  background = await import('../../src/messaging/background-handlers.ts');
});

describe('validateGateEvent', () => {
  test('a well-formed event passes, copied field by field, stamped with the background time', () => {
    const { event, time } = validateGateEvent(valid, NOW);
    expect(event).toEqual(valid);
    expect(event).not.toBe(valid);
    expect(time).toBe(NOW);
    expect(validateGateEvent(valid, NOW).anomaly).toBeNull();
  });

  test('only the decisions the gate takes in the tab', () => {
    expect(CONTENT_AUDIT_DECISIONS).toEqual(['posted_clean', 'posted_with_approval', 'posted_override', 'blocked', 'abandoned']);
    for (const decision of ['released', 'approval_refused', 'deleted', '', 1]) {
      expect(() => validateGateEvent({ ...valid, decision }, NOW)).toThrow(AuditRejected);
    }
  });

  test.each([
    ['not an object', null],
    ['an array', []],
    ['an unknown field', { ...valid, time: 0 }],
    ['an unknown site', { ...valid, site: 'mastodon' }],
    ['a hash that is not SHA-256 hex', { ...valid, textHash: 'A'.repeat(64) }],
    ['a short hash', { ...valid, textHash: 'ab' }],
    ['an unknown category', { ...valid, categories: ['insult', 'spam'] }],
    ['a repeated category', { ...valid, categories: ['insult', 'insult'], severities: ['warn', 'warn'] }],
    ['an unknown clause', { ...valid, clauses: ['5-8-insult', '=HYPERLINK("x")'] }],
    ['severities not parallel to categories', { ...valid, severities: ['warn'] }],
    ['an unknown severity', { ...valid, severities: ['warn', 'fatal'] }],
    ['clauses without categories', { ...valid, categories: [], severities: [] }],
    ['an account too long', { ...valid, account: 'a'.repeat(101) }],
    ['an account with a line break', { ...valid, account: 'city\nadmin' }],
    ['a number as account', { ...valid, account: 42 }],
    ['a control character in the reason', { ...valid, reason: 'ok\u0007' }],
    ['a text too long to be a post', { ...valid, text: 'あ'.repeat(70_001) }],
    ['mediaConfirmed not a boolean', { ...valid, mediaConfirmed: 'yes' }],
    ['a press time in the future', { ...valid, pressedAt: NOW + 10 * 60_000 }],
    ['a press time more than a day old', { ...valid, pressedAt: NOW - 2 * 86_400_000 }],
    ['a press time that is not a time', { ...valid, pressedAt: 'yesterday' }],
    ['an event id with odd characters', { ...valid, eventId: '../../x' }],
  ])('refuses %s', (_why, value) => {
    expect(() => validateGateEvent(value, NOW)).toThrow(AuditRejected);
  });

  test('a post that went out cannot hide findings: clean with warn, or a confirmed post over a block finding, is flagged', () => {
    expect(validateGateEvent({ ...valid, decision: 'posted_clean' }, NOW).anomaly).toBe(ANOMALY_CLEAN_WITH_FINDINGS);
    expect(validateGateEvent({ ...valid, severities: ['block', 'info'] }, NOW).anomaly).toBe(ANOMALY_OVERRIDE_OVER_BLOCK);
    expect(validateGateEvent({ ...valid, decision: 'posted_clean', severities: ['info', 'info'] }, NOW).anomaly).toBeNull();
    expect(validateGateEvent({ ...valid, decision: 'blocked', severities: ['block', 'info'] }, NOW).anomaly).toBeNull();
  });

  test('a queued press keeps its own time (not in the future, under a day old)', () => {
    expect(validateGateEvent({ ...valid, pressedAt: NOW - 3 * 60_000, eventId: 'k8Jd-1' }, NOW)).toMatchObject({ time: NOW - 3 * 60_000, event: { eventId: 'k8Jd-1' } });
    expect(validateGateEvent({ ...valid, pressedAt: NOW + 30_000 }, NOW).time).toBe(NOW);
  });

  test('a very long reason is cut, not a reason to lose the record', () => {
    expect(validateGateEvent({ ...valid, reason: 'あ'.repeat(5000) }, NOW).event.reason).toHaveLength(MAX_AUDIT_REASON_LENGTH + 1);
  });

  test('a text sent along must be the text of the hash', async () => {
    const text = '市民ゲートボール大会を開催します。';
    await expect(checkGateEventText({ text, textHash: await sha256Hex(text) })).resolves.toBeUndefined();
    await expect(checkGateEventText({ text: text + '！', textHash: await sha256Hex(text) })).rejects.toThrow(AuditRejected);
  });
});

describe('the background handler', () => {
  const sender = { id: 'ext', tab: { id: 1 } as never, url: 'https://x.com/home' };

  test('refuses a forged released and a malformed event before anything is stored', async () => {
    const memory = background.createAuditMemory();
    const table = background.backgroundHandlers(async () => Promise.reject(new Error('unused')), memory, undefined, () => NOW);
    await expect(table['audit.append']({ ...valid, decision: 'released' } as never, sender)).rejects.toThrow(/AuditRejected|受け付けません/);
    const refusal = await Promise.resolve(table['audit.append']({ ...valid, clauses: ['5-8-nothing'] } as never, sender)).catch((e: unknown) => e);
    // What the tab receives is String(error) (src/messaging/handlers.ts): recognisable as final.
    expect(isAuditRejection(String(refusal))).toBe(true);
    expect(isAuditRejection('Error: no handler answered audit.append')).toBe(false);
    expect(memory.events()).toHaveLength(0);
    expect(await table['audit.append'](valid as never, sender)).toEqual({ kept: 1 });
    expect(memory.events()).toEqual([{ ...valid, time: NOW }]);
  });

  test('an event sent again with the same id (an answer lost on the way) is stored once', async () => {
    const memory = background.createAuditMemory();
    const table = background.backgroundHandlers(async () => Promise.reject(new Error('unused')), memory, undefined, () => NOW);
    const event = { ...valid, eventId: 'press-1' };
    expect(await table['audit.append'](event as never, sender)).toEqual({ kept: 1 });
    expect(await table['audit.append'](event as never, sender)).toEqual({ kept: 1 });
    expect(memory.events()).toHaveLength(1);
  });
});
