/**
 * 誤検知として報告 → 除外の提案 → 除外に追加 (issue #9), through the background's tables: a content
 * script may add a report (validated; a broken or oversized one is refused and nothing kept is
 * lost) but never read or change them; the log page sees the proposals and accepts or turns them
 * down only in a PIN session; an accepted proposal is a term exception, and the engine options the
 * tabs get no longer flag those words.
 */
import { describe, expect, test } from 'vitest';
import { ignoredOnCardReason } from '../../src/audit/override-reason.ts';
import { createChecker } from '../../src/engine/index.ts';
import type { GuardProtocol } from '../../src/messaging/supervisor-protocol.ts';
import { NOT_FROM_PAGE, NO_SUCH_PROPOSAL } from '../../src/supervisor/admin.ts';
import { guardHandlers } from '../../src/supervisor/gate-handlers.ts';
import { engineOptions, loadEffectiveConfig } from '../../src/supervisor/config.ts';
import { MAX_STORED_REPORTS, REPORTS_FULL, addAuditEvent, listExceptions } from '../../src/storage/index.ts';
import { auditEvent } from '../storage/helpers.ts';
import { CONTENT, NOW, PAGE, PIN, adminSetup, dump, sendVia, withPin, type AdminSetup } from './helpers.ts';

const TEXT = 'お笑い芸人のボケが最高でした。';
const REPORT = { site: 'x', category: 'insult', rule: 'insult:terms', clause: '5-8-insult', excerpt: 'ボケ' } as const;

async function setup(): Promise<{ s: AdminSetup; tab: ReturnType<typeof sendVia<GuardProtocol>>; token: string }> {
  const s = adminSetup();
  await withPin(s.db);
  const tab = sendVia(guardHandlers({ db: s.db, readManaged: async () => ({}), now: () => s.clock.now }), CONTENT);
  const r = await s.send()('admin.unlock', { pin: PIN });
  if (!r.ok) throw new Error(r.message);
  return { s, tab, token: r.value.token };
}

async function flagged(s: AdminSetup, text: string): Promise<string[]> {
  const { settings, dictionaries, exceptions } = engineOptions(await loadEffectiveConfig(s.db, {}));
  return createChecker({ tokenizer: null, settings, dictionaries, exceptions }).check(text).findings.map((f) => f.excerpt);
}

describe('a staff report reaches the supervisor as a proposal', { timeout: 60_000 }, () => {
  test('the engine flags the words, a tab reports them, the log page sees the proposal, accepts it, and the words are no longer flagged', async () => {
    const { s, tab, token } = await setup();
    expect(await flagged(s, TEXT)).toContain('ボケ');
    expect(await tab('report.falsePositive', REPORT)).toEqual({ received: true });
    const send = s.send();
    const proposals = await send('log.proposals', { token });
    expect(proposals).toEqual({ ok: true, value: [{ words: 'ボケ', categories: ['insult'], sites: ['x'], reports: 1, overrides: 0, last: NOW }] });
    const changed = s.changed.count;
    expect(await send('admin.acceptProposal', { token, words: 'ボケ' })).toEqual({ ok: true, value: undefined });
    // The tabs are told, and read exceptions that now hold the words.
    expect(s.changed.count).toBe(changed + 1);
    expect((await listExceptions(s.db)).map(({ kind, value }) => ({ kind, value }))).toEqual([{ kind: 'term', value: 'ボケ' }]);
    expect(await flagged(s, TEXT)).not.toContain('ボケ');
    expect(await send('log.proposals', { token })).toEqual({ ok: true, value: [] });
    expect(await s.db.falsePositiveReports.count()).toBe(0);
    // Accepting again: the proposal is gone, said in words.
    expect(await send('admin.acceptProposal', { token, words: 'ボケ' })).toEqual({ ok: false, message: NO_SUCH_PROPOSAL });
  });

  test('却下 removes the proposal without adding an exception; the words are still flagged', async () => {
    const { s, tab, token } = await setup();
    await tab('report.falsePositive', REPORT);
    const send = s.send();
    expect(await send('admin.dismissProposal', { token, words: 'ボケ' })).toEqual({ ok: true, value: undefined });
    expect(await send('log.proposals', { token })).toEqual({ ok: true, value: [] });
    expect(await listExceptions(s.db)).toEqual([]);
    expect(await flagged(s, TEXT)).toContain('ボケ');
  });

  test('words dismissed on the card in three posts become a proposal from the log alone', async () => {
    const { s, token } = await setup();
    for (const days of [1, 2, 3]) {
      await addAuditEvent(s.db, auditEvent(NOW - days * 86_400_000, { decision: 'posted_override', reason: ignoredOnCardReason(['ボケ']), categories: ['insult'], clauses: ['5-8-insult'], severities: ['warn'] }));
    }
    expect(await s.send()('log.proposals', { token })).toMatchObject({ ok: true, value: [{ words: 'ボケ', reports: 0, overrides: 3 }] });
  });
});

describe('the boundary', { timeout: 60_000 }, () => {
  test('a content script cannot read, accept or turn down proposals, even holding a live token; a page needs the PIN session', async () => {
    const { s, tab, token } = await setup();
    await tab('report.falsePositive', REPORT);
    const before = await dump(s.db);
    const content = s.send(CONTENT);
    expect(await content('log.proposals', { token })).toEqual({ ok: false, message: NOT_FROM_PAGE });
    expect(await content('admin.acceptProposal', { token, words: 'ボケ' })).toEqual({ ok: false, message: NOT_FROM_PAGE });
    expect(await content('admin.dismissProposal', { token, words: 'ボケ' })).toEqual({ ok: false, message: NOT_FROM_PAGE });
    for (const t of ['', 'A'.repeat(43)]) {
      expect(await s.send(PAGE)('admin.acceptProposal', { token: t, words: 'ボケ' })).toMatchObject({ ok: false, needsPin: true });
      expect(await s.send(PAGE)('log.proposals', { token: t })).toMatchObject({ ok: false, needsPin: true });
    }
    expect(await dump(s.db)).toEqual(before);
  });

  test('a broken or oversized report is refused with a reason, and the reports kept stay', async () => {
    const { s, tab } = await setup();
    await tab('report.falsePositive', REPORT);
    const before = await dump(s.db);
    await expect(tab('report.falsePositive', { ...REPORT, excerpt: '窓口で騒いでた人、ほんとボケすぎ。'.repeat(5) })).rejects.toThrow(/指摘された語句だけ/);
    await expect(tab('report.falsePositive', { ...REPORT, text: TEXT } as never)).rejects.toThrow(/不明な項目/);
    expect(await dump(s.db)).toEqual(before);
  });

  test('when the reports pile up, a new one is refused and none kept is dropped', async () => {
    const { s, tab } = await setup();
    await s.db.falsePositiveReports.bulkAdd(Array.from({ length: MAX_STORED_REPORTS }, (_, i) => ({ ...REPORT, excerpt: `語${i}`, time: NOW - i })));
    await expect(tab('report.falsePositive', REPORT)).rejects.toThrow(REPORTS_FULL);
    expect(await s.db.falsePositiveReports.count()).toBe(MAX_STORED_REPORTS);
  });
});
