/**
 * 除外の提案 (issue #9): every staff report proposes its words; words dismissed on the card
 * (今回は無視) propose themselves after OVERRIDE_PROPOSAL_MIN posts within OVERRIDE_WINDOW_MS;
 * an exception already there or a proposal turned down (for what came before) does not.
 */
import { describe, expect, test } from 'vitest';
import { ignoredOnCard, ignoredOnCardReason } from '../../src/audit/override-reason.ts';
import { OVERRIDE_PROPOSAL_MIN, OVERRIDE_WINDOW_MS, computeProposals, type ProposalSources } from '../../src/audit/proposals.ts';
import { ANOMALY_OVERRIDE_OVER_BLOCK } from '../../src/audit/validate.ts';
import type { AuditEvent, FalsePositiveReport } from '../../src/storage/types.ts';

const NOW = Date.UTC(2026, 3, 1, 1, 0, 0);
const DAY = 86_400_000;

function report(excerpt: string, time: number, extra: Partial<FalsePositiveReport> = {}): FalsePositiveReport {
  return { id: 0, time, site: 'x', category: 'insult', rule: 'insult:terms', clause: '5-8-insult', excerpt, ...extra };
}

function override(words: string[], time: number, extra: Partial<AuditEvent> = {}): AuditEvent {
  return {
    id: 0, time, site: 'facebook', account: 'hirakawa_city', decision: 'posted_override', reason: ignoredOnCardReason(words),
    categories: ['rumour'], clauses: ['5-8-rumour'], severities: ['warn'], textHash: 'a'.repeat(64), ...extra,
  };
}

const none: ProposalSources = { reports: [], events: [], termExceptions: [], dismissed: [], now: NOW };

describe('the reason the gate writes for 今回は無視', () => {
  test('reads back the words it wrote, each once, also after a note put in front of it', () => {
    expect(ignoredOnCard(ignoredOnCardReason(['ボケ', '通行止めになるらしい', 'ボケ']))).toEqual(['ボケ', '通行止めになるらしい']);
    expect(ignoredOnCard(`${ANOMALY_OVERRIDE_OVER_BLOCK} ${ignoredOnCardReason(['ボケ'])}`)).toEqual(['ボケ']);
    expect(ignoredOnCard('引用のため「ボケ」を残しました')).toEqual([]);
    expect(ignoredOnCard(undefined)).toEqual([]);
  });
});

describe('computeProposals', () => {
  test('one report is a proposal, with its kind, site, count and time; reports of the same words add up', () => {
    const out = computeProposals({ ...none, reports: [report('ボケ', NOW - 2 * DAY), report('ボケ', NOW - DAY, { site: 'facebook', category: 'discrimination' }), report('木瓜', NOW - 3 * DAY)] });
    expect(out).toEqual([
      { words: 'ボケ', categories: ['insult', 'discrimination'], sites: ['x', 'facebook'], reports: 2, overrides: 0, last: NOW - DAY },
      { words: '木瓜', categories: ['insult'], sites: ['x'], reports: 1, overrides: 0, last: NOW - 3 * DAY },
    ]);
  });

  test(`the same words dismissed on the card in ${OVERRIDE_PROPOSAL_MIN} posts within the window are proposed; fewer, older or other decisions are not`, () => {
    const three = [override(['らしい'], NOW - DAY), override(['らしい', 'ボケ'], NOW - 2 * DAY), override(['らしい'], NOW - 3 * DAY)];
    expect(computeProposals({ ...none, events: three })).toEqual([{ words: 'らしい', categories: ['rumour'], sites: ['facebook'], reports: 0, overrides: 3, last: NOW - DAY }]);
    expect(computeProposals({ ...none, events: three.slice(0, 2) })).toEqual([]);
    const oneTooOld = [...three.slice(0, 2), override(['らしい'], NOW - OVERRIDE_WINDOW_MS - DAY)];
    expect(computeProposals({ ...none, events: oneTooOld })).toEqual([]);
    const oneBlocked = [...three.slice(0, 2), override(['らしい'], NOW - 3 * DAY, { decision: 'blocked' })];
    expect(computeProposals({ ...none, events: oneBlocked })).toEqual([]);
    // Overrides below the count still add to a report of the same words.
    expect(computeProposals({ ...none, events: three.slice(0, 1), reports: [report('らしい', NOW - 5 * DAY)] })).toMatchObject([{ words: 'らしい', reports: 1, overrides: 1 }]);
  });

  test('words already a term exception are not proposed', () => {
    expect(computeProposals({ ...none, reports: [report('ボケ', NOW - DAY)], termExceptions: ['ボケ'] })).toEqual([]);
  });

  test('a proposal turned down stays down for what came before it, and comes back with a newer report', () => {
    const dismissed = [{ words: 'ボケ', time: NOW - DAY }];
    expect(computeProposals({ ...none, reports: [report('ボケ', NOW - 2 * DAY)], dismissed })).toEqual([]);
    expect(computeProposals({ ...none, reports: [report('ボケ', NOW - 2 * DAY), report('ボケ', NOW - 1000)], dismissed })).toMatchObject([{ words: 'ボケ', reports: 1 }]);
  });
});
