import { describe, expect, it } from 'vitest';
import type { BulletinArticle, DevDraft, Loaded, ToxicityRow } from '../../src/eval/corpora.ts';
import type { Peer } from '../../src/eval/peer.ts';
import { evaluate, formatReport, type EngineLike, type EvalInputs } from '../../src/eval/report.ts';
import type { Category, CheckResult, Finding, Severity } from '../../src/shared/types.ts';

/** A stand-in engine: flags バカ as insult (warn), 噂 as rumour (info only), and approves 【結果】 posts. */
const stubEngine: EngineLike = {
  check(text) {
    const findings: Finding[] = [];
    const add = (word: string, category: Category, severity: Severity) => {
      const at = text.indexOf(word);
      if (at >= 0) findings.push({ rule: `stub-${category}`, category, clause: `5-8-${category}`, severity, confidence: 1, start: at, end: at + word.length, excerpt: word, message: '', suggestion: null });
    };
    add('バカ', 'insult', 'warn');
    add('噂', 'rumour', 'info');
    if (text.includes('throw')) throw new Error('boom');
    const categories = [...new Set(findings.filter((f) => f.severity !== 'info').map((f) => f.category))];
    const exempt = text.startsWith('【結果】');
    const result: CheckResult = {
      verdict: findings.length > 0 ? 'warn' : 'ok',
      needs_approval: !exempt,
      exemption: exempt ? 'facts' : null,
      approval: { clause: '4-3-approval', reason: '', urls: [], markers: [] },
      categories,
      findings,
      partial: false,
    };
    return result;
  },
};

const stubPeer: Peer = {
  name: 'stub peer',
  async lint(text) {
    return text.includes('バカ') || text.includes('乳房') ? [{ index: 0, message: 'bad' }] : [];
  },
};

const draft = (id: string, text: string, categories: Category[], needs_approval: boolean): DevDraft => ({ id, text, platform: 'x', expected: { categories, needs_approval }, note: null });
const ok = <T>(items: T[]): Loaded<T> => ({ status: 'ok', source: 'mem', items });
const article = (ref: string, body: string): BulletinArticle => ({ ref, municipality: 'm', published: 'p', issue: 'i', title: `title ${ref}`, category: 'c', body });
const tox = (id: string, text: string, cls: ToxicityRow['class']): ToxicityRow => ({
  id,
  text,
  votes: { 'Not Toxic': 0, 'Hard to Say': 0, Toxic: 0, 'Very Toxic': 0 },
  majority: cls === 'toxic' ? 'Toxic' : cls === 'not_toxic' ? 'Not Toxic' : 'Hard to Say',
  tied: false,
  class: cls,
});

const inputs: EvalInputs = {
  shared: '/mem',
  dev: ok([
    draft('d1', 'あいつはバカだ', ['insult'], true),
    draft('d2', '噂では閉鎖らしい', ['rumour'], true), // only an info finding: a miss for rumour
    draft('d3', '【結果】優勝は平賀', [], false),
    draft('d4', '乳房の健診のお知らせ', [], true), // clean; the peer flags it
  ]),
  bulletin: ok([article('a#1', '市の噂を集めました'), article('a#2', 'バカ正直な職人の話'), article('a#3', '平和な記事')]),
  toxicity: ok([tox('1', 'バカ', 'toxic'), tox('2', 'うざい', 'toxic'), tox('3', 'ありがとう', 'not_toxic'), tox('4', 'バカ丁寧', 'not_toxic'), tox('5', '微妙', 'unsure')]),
  engine: { ok: true, value: stubEngine },
  peer: { ok: true, value: stubPeer },
};

describe('evaluate', () => {
  it('computes dev figures from result.categories and lists the drafts got wrong', async () => {
    const r = await evaluate(inputs);
    const e = r.dev.engine!;
    expect(e.categories.find((c) => c.category === 'insult')).toMatchObject({ tp: 1, fn: 0 });
    expect(e.categories.find((c) => c.category === 'rumour')).toMatchObject({ tp: 0, fn: 1 });
    expect(e.approval).toEqual({ count: 4, total: 4, rate: 1 });
    expect(e.cleanFlagged.count).toBe(0);
    expect(e.wrong.map((w) => w.id)).toEqual(['d2']);
    expect(e.wrong[0]!.findings[0]).toMatchObject({ rule: 'stub-rumour', excerpt: '噂', context: '【噂】では閉鎖らしい' });
    expect(r.dev.peer).toMatchObject({ violatingRecall: { count: 1, total: 2 }, cleanFlagged: { count: 1, total: 2 } });
  });

  it('counts bulletin articles flagged at warn+ only and lists them with their findings', async () => {
    const r = await evaluate(inputs);
    expect(r.bulletin.engine!.flagged).toEqual({ count: 1, total: 3, rate: 1 / 3 });
    expect(r.bulletin.engine!.flaggedArticles).toEqual([{ ref: 'a#2', title: 'title a#2', findings: [expect.objectContaining({ category: 'insult', excerpt: 'バカ' })] }]);
    expect(r.bulletin.engine!.byCategory).toEqual({ insult: 1 });
  });

  it('scores the toxicity set by majority class', async () => {
    const r = await evaluate(inputs);
    expect(r.toxicity.engine!.toxicRecall).toEqual({ count: 1, total: 2, rate: 0.5 });
    expect(r.toxicity.engine!.notToxicFlagged).toEqual({ count: 1, total: 2, rate: 0.5 });
    expect(r.toxicity.engine!.missedToxic.map((m) => m.id)).toEqual(['2']);
    expect(r.toxicity.counts).toEqual({ toxic: 2, not_toxic: 2, unsure: 1, tied: 0 });
    expect(r.checkPasses).toBe(false);
  });

  it('records an engine that throws on a text, counts the text as wrong, and fails the check', async () => {
    const r = await evaluate({ ...inputs, dev: ok([draft('t1', 'throw please', [], false)]) });
    expect(r.engine.errors).toEqual([{ ref: 't1', message: 'boom' }]);
    expect(r.dev.engine!.approval.count).toBe(0);
    expect(r.targets.find((t) => t.name === 'engine never throws')?.status).toBe('missed');
  });

  it('without an engine, reports the peer, marks the targets as errors and fails the check', async () => {
    const r = await evaluate({ ...inputs, engine: { ok: false, reason: 'not written yet' } });
    expect(r.dev.engine).toBeNull();
    expect(r.dev.peer).not.toBeNull();
    expect(r.targets.every((t) => t.status === 'error')).toBe(true);
    expect(r.checkPasses).toBe(false);
    expect(formatReport(r)).toMatch(/engine: NOT AVAILABLE — not written yet/);
  });

  it('skips an absent corpus in one line, and its targets do not fail the check', async () => {
    const r = await evaluate({
      ...inputs,
      dev: { status: 'missing', source: '/nowhere/dev.jsonl' },
      bulletin: { status: 'missing', source: '/nowhere/bulletin' },
      toxicity: { status: 'missing', source: '/nowhere/subset.csv' },
    });
    const text = formatReport(r);
    expect(text).toMatch(/== Dev drafts: skipped — corpus not found at \/nowhere\/dev\.jsonl/);
    expect(text.split('\n').filter((l) => l.includes('corpus not found'))).toHaveLength(3);
    expect(r.targets.every((t) => t.status === 'skipped')).toBe(true);
    expect(r.checkPasses).toBe(true);
  });

  it('the JSON report survives a round trip', async () => {
    const r = await evaluate(inputs);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});
