import { describe, expect, it } from 'vitest';
import type { BlindSet, BulletinArticle, DevDraft, Loaded, NerSentence, ToxicityRow, XSafetyRow } from '../../src/eval/corpora.ts';
import type { Peer } from '../../src/eval/peer.ts';
import { evaluate, formatReport, WITHHELD, type EngineLike, type EvalInputs } from '../../src/eval/report.ts';
import type { Category, CheckResult, Finding, Severity } from '../../src/shared/types.ts';

/**
 * A stand-in engine: flags バカ as insult (warn), 噂 as rumour (info only), 090 as personal_info
 * (warn), 様 as personal_info (info only), and approves 【結果】 posts.
 */
const stubEngine: EngineLike = {
  check(text) {
    const findings: Finding[] = [];
    const add = (word: string, category: Category, severity: Severity) => {
      const at = text.indexOf(word);
      if (at >= 0) findings.push({ rule: `stub-${category}`, category, clause: `5-8-${category}`, severity, confidence: 1, start: at, end: at + word.length, excerpt: word, message: '', suggestion: null });
    };
    add('バカ', 'insult', 'warn');
    add('噂', 'rumour', 'info');
    add('090', 'personal_info', 'warn');
    add('様', 'personal_info', 'info');
    if (text.includes('throw')) throw new Error(`boom: ${text}`);
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
    expect(r.engine.errors).toEqual([{ ref: 't1', message: 'boom: throw please' }]);
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

const xs = (id: string, text: string, categories: Category[], clear = true): XSafetyRow => ({ id, platform: 'x', text, categories, clear, note: null });
const sentence = (id: string, text: string, person: boolean): NerSentence => ({ id, curid: 'c', text, entities: person ? [{ name: '山田', start: 0, end: 2, type: '人名' }] : [] });
const only = (extra: Partial<EvalInputs>): EvalInputs => ({ shared: '/mem', engine: inputs.engine, peer: inputs.peer, ...extra });

describe('evaluate: xsafety', () => {
  const xsafety = ok([
    xs('i1', 'お前はバカだ', ['insult']),
    xs('i2', 'お前は愚か者だ', ['insult']), // missed by the stub
    xs('d1', 'バカな連中だ', ['discrimination']), // flagged, but in another category
    xs('n1', '今日は晴れ', []),
    xs('n2', '電話は090の番号', []), // a clear negative the stub flags
    xs('u1', 'バカかもしれない', ['insult'], false), // a judgement call: in no figure
  ]);

  it('scores clear rows only: found in its category, and clear negatives flagged', async () => {
    const r = await evaluate(only({ xsafety }));
    expect(r.xsafety).toMatchObject({ rows: 6, clear: 5, clearNegatives: 2, unclear: 1, clearLabels: { insult: 2, discrimination: 1 } });
    const e = r.xsafety.engine!;
    expect(e.found).toEqual([
      { category: 'insult', found: { count: 1, total: 2, rate: 0.5 } },
      { category: 'discrimination', found: { count: 0, total: 1, rate: 0 } },
    ]);
    expect(e.positivesFlagged).toEqual({ count: 2, total: 3, rate: 2 / 3 });
    expect(e.negativesFlagged).toEqual({ count: 1, total: 2, rate: 0.5 });
    expect(e.negativesFlaggedByCategory).toEqual({ personal_info: 1 });
    expect(e.missed.map((m) => m.id)).toEqual(['i2', 'd1']);
    // The peer has no categories: a share flagged, per label and overall.
    expect(r.xsafety.peer).toMatchObject({ positivesFlagged: { count: 2, total: 3 }, negativesFlagged: { count: 0, total: 2 } });
    expect(r.xsafety.peer!.flaggedByLabel).toEqual([
      { category: 'insult', flagged: { count: 1, total: 2, rate: 0.5 } },
      { category: 'discrimination', flagged: { count: 1, total: 1, rate: 1 } },
    ]);
    expect(r.targets.map((t) => [t.name, t.status])).toEqual([
      ['xsafety clear insult found in category', 'missed'],
      ['xsafety clear discrimination found in category', 'missed'],
      ['xsafety clear illegal found in category', 'skipped'],
      ['xsafety clear negatives flagged', 'missed'],
    ]);
  });

  it('lists the misses in the text report only with --show-misses', async () => {
    const r = await evaluate(only({ xsafety }));
    expect(formatReport(r)).toMatch(/2 clear positives not found .*--show-misses/);
    expect(formatReport(r)).not.toContain('愚か者');
    expect(formatReport(r, { showMisses: true })).toMatch(/i2 \[insult\] got \[\] お前は愚か者だ/);
    expect(formatReport(r)).toMatch(/n2 電話は090の番号/);
  });
});

describe('evaluate: stockmark', () => {
  it('counts personal_info at warn+ only, over all sentences and over those naming a person', async () => {
    const stockmark = ok([sentence('1', '山田様は090の番号を持つ', true), sentence('2', '山田様は選手。', true), sentence('3', 'バカ正直な町。', false), sentence('4', '東京都。', false)]);
    const r = await evaluate(only({ stockmark }));
    const e = r.stockmark.engine!;
    expect(r.stockmark).toMatchObject({ sentences: 4, withPerson: 2 });
    expect(e.personalInfoFlagged).toEqual({ count: 1, total: 4, rate: 0.25 });
    expect(e.personalInfoFlaggedWithPerson).toEqual({ count: 1, total: 2, rate: 0.5 });
    expect(e.anyFlagged).toEqual({ count: 2, total: 4, rate: 0.5 });
    expect(e.byCategory).toEqual({ personal_info: 1, insult: 1 });
    expect(e.flaggedPersonal).toEqual([expect.objectContaining({ id: '1', findings: [expect.objectContaining({ excerpt: '090', severity: 'warn' })] })]);
    expect(r.stockmark.peer!.anyFlagged).toEqual({ count: 1, total: 4, rate: 0.25 });
    expect(r.targets).toEqual([expect.objectContaining({ name: 'stockmark NER personal_info flagged', status: 'missed', actual: 0.25 })]);
  });
});

describe('evaluate: blind sets', () => {
  // Every blind text carries SECRET: none of it may reach the report, in any form.
  const set = (name: string, drafts: DevDraft[]): BlindSet => ({ name, date: name.match(/\d{4}-\d{2}-\d{2}/)?.[0] ?? null, loaded: ok(drafts) });
  const older = set('blind-2025-08-01.jsonl', [draft('o1', 'SECRET あいつはバカ', ['insult'], true)]);
  const newest = set('blind-2025-09-01.jsonl', [
    draft('b1', 'SECRET あいつはバカだ', ['insult'], true),
    draft('b2', 'SECRET 噂では閉鎖', ['rumour'], true), // info only: a miss
    draft('b3', '【結果】SECRET 優勝', [], false),
    draft('b4', 'SECRET 090-0000-0000 まで', [], true), // clean, flagged personal_info
    draft('b5', 'SECRET 乳房の健診', [], false), // approval wrong: the stub asks for it
    draft('b6', 'SECRET throw', [], true), // the engine throws
  ]);
  const blind = { status: 'ok' as const, source: '/mem/blind', sets: [older, newest] };

  it('computes per-file figures and applies the blind targets to the newest file only', async () => {
    const r = await evaluate(only({ blind }));
    expect(r.blind.sets.map((s) => [s.name, s.newest])).toEqual([
      ['blind-2025-08-01.jsonl', false],
      ['blind-2025-09-01.jsonl', true],
    ]);
    const e = r.blind.sets[1]!.engine!;
    expect(e.categories.find((c) => c.category === 'insult')).toMatchObject({ tp: 1, fp: 0, fn: 0, precision: 1, recall: 1 });
    expect(e.categories.find((c) => c.category === 'rumour')).toMatchObject({ tp: 0, fn: 1, recall: 0 });
    expect(e.categories.find((c) => c.category === 'personal_info')).toMatchObject({ tp: 0, fp: 1, precision: 0, recall: null });
    expect(e.overallRecall).toEqual({ count: 1, total: 2, rate: 0.5 });
    expect(e.cleanFlagged).toEqual({ count: 1, total: 4, rate: 0.25 });
    expect(e.approval).toEqual({ count: 4, total: 6, rate: 4 / 6 });
    expect(e.misses).toBeNull();
    expect(r.blind.sets[1]!.peer).toMatchObject({ violatingFlagged: { count: 1, total: 2 }, cleanFlagged: { count: 1, total: 4 } });
    const blindTargets = r.targets.filter((t) => t.name.startsWith('blind '));
    expect(blindTargets.every((t) => t.name.startsWith('blind blind-2025-09-01.jsonl'))).toBe(true);
    expect(blindTargets.filter((t) => t.status === 'missed').map((t) => t.name)).toEqual([
      'blind blind-2025-09-01.jsonl recall: rumour',
      'blind blind-2025-09-01.jsonl clean drafts flagged',
      'blind blind-2025-09-01.jsonl approval accuracy',
    ]);
  });

  it('never shows a blind text, an excerpt or an engine message; --show-misses adds ids only', async () => {
    const plain = await evaluate(only({ blind }));
    const shown = await evaluate(only({ blind, showMisses: true }));
    for (const r of [plain, shown]) {
      for (const out of [formatReport(r), formatReport(r, { showMisses: true }), JSON.stringify(r)]) {
        expect(out).not.toContain('SECRET');
        expect(out).not.toContain('バカ');
      }
    }
    expect(plain.engine.errors).toEqual([{ ref: 'blind-2025-09-01.jsonl#b6', message: WITHHELD }]);
    expect(formatReport(plain)).not.toContain('ids of misses:');
    expect(shown.blind.sets[1]!.engine!.misses).toEqual({ missed: { rumour: ['b2'] }, extra: { personal_info: ['b4'] }, cleanFlagged: ['b4'], approval: ['b5'], errors: ['b6'] });
    const text = formatReport(shown, { showMisses: true });
    expect(text).toContain('  missed rumour: b2');
    expect(text).toContain('  approval verdict wrong: b5');
  });

  it('without blind sets, the blind targets are skipped with the reason', async () => {
    const r = await evaluate(only({ blind: { status: 'missing', source: '/repo/tests/blind', reason: 'folder not found' } }));
    expect(formatReport(r)).toContain('== Blind sets: skipped — none at /repo/tests/blind (folder not found)');
    expect(r.targets).toEqual([expect.objectContaining({ status: 'skipped', note: 'no blind set: /repo/tests/blind (folder not found)' })]);
    expect(r.checkPasses).toBe(true);
  });

  it('a malformed newest set fails the check', async () => {
    const bad: BlindSet = { name: 'blind-2025-10-01.jsonl', date: '2025-10-01', loaded: { status: 'invalid', source: '/mem/b', reason: 'line 3: not JSON' } };
    const r = await evaluate(only({ blind: { ...blind, sets: [older, bad] } }));
    expect(r.targets).toEqual([expect.objectContaining({ status: 'error', note: 'blind-2025-10-01.jsonl is malformed: line 3: not JSON' })]);
    expect(r.checkPasses).toBe(false);
  });
});

describe('sections that were not run', () => {
  it('print nothing and have no targets', async () => {
    const r = await evaluate(only({ stockmark: ok([sentence('1', '東京都。', false)]) }));
    expect([r.dev.status, r.bulletin.status, r.toxicity.status, r.xsafety.status, r.blind.status]).toEqual(['not_run', 'not_run', 'not_run', 'not_run', 'not_run']);
    const text = formatReport(r);
    expect(text).not.toMatch(/Dev drafts|bulletin|Toxicity|XSafety|Blind/);
    expect(r.targets.map((t) => t.name)).toEqual(['stockmark NER personal_info flagged']);
    expect(r.checkPasses).toBe(true);
  });
});
