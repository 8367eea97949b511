/**
 * Runs the engine and the peer over the corpora and turns the results into an `EvalReport` (plain
 * JSON, printed by `--json`) and a readable text report. The engine comes in as anything with the
 * `Checker.check` signature, so the report is tested with a stub. A corpus left out of the inputs
 * is a section that was not run (`--only`, `--file`): it prints nothing and has no targets.
 */
import { CATEGORIES, severityRank, type Category, type Exemption, type Platform } from '../shared/types.ts';
import type { BlindSets, BulletinArticle, DevDraft, Loaded, NerSentence, ToxicityLevel, ToxicityRow, XSafetyRow } from './corpora.ts';
import { evaluateBlind, formatBlind, type BlindSection } from './blind.ts';
import {
  approvalAccuracy,
  categoryScores,
  cleanFlagRate,
  cleanFlaggedByFlag,
  flaggedShare,
  isFlagged,
  microAverage,
  toxicityScores,
  violatingRecall,
  type CategoryScore,
  type Ratio,
} from './metrics.ts';
import type { Peer } from './peer.ts';
import {
  brief,
  errorMessage,
  head,
  ratioText,
  skipped,
  targetPct,
  type Available,
  type EngineLike,
  type FindingBrief,
  type RunEngine,
  type RunPeer,
  type SectionHead,
} from './section.ts';
import { evaluateStockmark, formatStockmark, type StockmarkSection } from './stockmark.ts';
import { checkPasses, evaluateTargets, TARGETS, type Measured, type TargetInputs, type TargetResult } from './targets.ts';
import { fixed, formatTable, oneLine, pct } from './table.ts';
import { evaluateXSafety, formatXSafety, type XSafetySection } from './xsafety.ts';

export type { Available, EngineLike, FindingBrief } from './section.ts';

export interface EvalInputs {
  shared: string;
  /** Each corpus: left out (undefined) when its section is not run. */
  dev?: Loaded<DevDraft>;
  bulletin?: Loaded<BulletinArticle>;
  toxicity?: Loaded<ToxicityRow>;
  xsafety?: Loaded<XSafetyRow>;
  stockmark?: Loaded<NerSentence>;
  /** Blind sets, oldest first; the last is the newest and carries the blind targets. */
  blind?: BlindSets & { title?: string };
  engine: Available<EngineLike>;
  peer: Available<Peer>;
  /** List the ids of blind misses (and every xsafety/stockmark miss in the text report). */
  showMisses?: boolean;
  /** Which sections were asked for, for the report's header (`--only`, `--file`); null = all. */
  scope?: string | null;
  /** Told the name of each section as it starts (the whole run takes a while). */
  progress?: (section: string) => void;
}

/** Bulletin articles are long; Facebook has no length limit that could add findings of its own. */
export const BULLETIN_PLATFORM: Platform = 'facebook';
export const TOXICITY_PLATFORM: Platform = 'x';

export interface WrongDraft {
  id: string;
  text: string;
  expected: { categories: Category[]; needs_approval: boolean };
  got: { categories: Category[]; needs_approval: boolean; exemption: Exemption | null };
  findings: FindingBrief[];
}

export interface DevSection extends SectionHead {
  drafts: number;
  clean: number;
  violating: number;
  engine: {
    categories: CategoryScore[];
    micro: Omit<CategoryScore, 'category'>;
    approval: Ratio;
    cleanFlagged: Ratio;
    violatingRecall: Ratio;
    partial: number;
    wrong: WrongDraft[];
  } | null;
  peer: { violatingRecall: Ratio; cleanFlagged: Ratio; flaggedClean: Array<{ id: string; messages: string[] }> } | null;
}

export interface BulletinSection extends SectionHead {
  articles: number;
  engine: {
    flagged: Ratio;
    /** Flagged articles per category (an article counts once per category). */
    byCategory: Partial<Record<Category, number>>;
    flaggedArticles: Array<{ ref: string; title: string; findings: FindingBrief[] }>;
  } | null;
  peer: { flagged: Ratio; flaggedArticles: Array<{ ref: string; title: string; messages: string[] }> } | null;
}

export interface ToxicitySection extends SectionHead {
  rows: number;
  counts: { toxic: number; not_toxic: number; unsure: number; tied: number };
  tieRule: string;
  engine: {
    toxicRecall: Ratio;
    notToxicFlagged: Ratio;
    missedToxic: Array<{ id: string; text: string; majority: ToxicityLevel }>;
    flaggedNotToxic: Array<{ id: string; text: string; votes: Record<ToxicityLevel, number>; findings: FindingBrief[] }>;
  } | null;
  peer: { toxicRecall: Ratio; notToxicFlagged: Ratio } | null;
}

export interface EvalReport {
  shared: string;
  scope: string | null;
  engine: { status: 'ok' | 'unavailable'; reason: string | null; partialResults: number; errors: Array<{ ref: string; message: string }> };
  peer: { status: 'ok' | 'unavailable'; name: string | null; reason: string | null; errors: Array<{ ref: string; message: string }> };
  dev: DevSection;
  bulletin: BulletinSection;
  toxicity: ToxicitySection;
  xsafety: XSafetySection;
  stockmark: StockmarkSection;
  blind: BlindSection;
  targets: TargetResult[];
  checkPasses: boolean;
}

export const TIE_RULE =
  'majority = level with most votes; on a tie the least severe tied level wins (toxic only when toxic votes outnumber every milder level; matches SOURCES.md counts)';

/** An engine error on a blind text is recorded without its message, which could quote the text. */
export const WITHHELD = '(message withheld: blind set)';

export async function evaluate(inputs: EvalInputs): Promise<EvalReport> {
  const engineErrors: EvalReport['engine']['errors'] = [];
  const peerErrors: EvalReport['peer']['errors'] = [];
  let partialResults = 0;

  const engineRunner = (withhold: boolean): RunEngine => (ref, text, platform) => {
    if (!inputs.engine.ok) return null;
    try {
      const result = inputs.engine.value.check(text, { platform });
      if (result.partial) partialResults += 1;
      return result;
    } catch (error) {
      engineErrors.push({ ref, message: withhold ? WITHHELD : errorMessage(error) });
      return null;
    }
  };
  const peerRunner = (withhold: boolean): RunPeer => async (ref, text) => {
    if (!inputs.peer.ok) return null;
    try {
      return (await inputs.peer.value.lint(text)).map((m) => m.message);
    } catch (error) {
      peerErrors.push({ ref, message: withhold ? WITHHELD : errorMessage(error) });
      return null;
    }
  };
  const runEngine = engineRunner(false);
  const runPeer = peerRunner(false);
  const engineOrNull = inputs.engine.ok ? runEngine : null;
  const peerOrNull = inputs.peer.ok ? runPeer : null;

  const step = (name: string, present: unknown) => {
    if (present !== undefined) inputs.progress?.(name);
  };
  step('dev', inputs.dev);
  const dev = await evaluateDev(inputs, runEngine, runPeer);
  step('bulletin', inputs.bulletin);
  const bulletin = await evaluateBulletin(inputs, runEngine, runPeer);
  step('toxicity', inputs.toxicity);
  const toxicity = await evaluateToxicity(inputs, runEngine, runPeer);
  step('xsafety', inputs.xsafety);
  const xsafety = await evaluateXSafety(inputs.xsafety, engineOrNull, peerOrNull);
  step('stockmark', inputs.stockmark);
  const stockmark = await evaluateStockmark(inputs.stockmark, engineOrNull, peerOrNull);
  step('blind', inputs.blind);
  const blind = await evaluateBlind(inputs.blind, inputs.engine.ok ? engineRunner(true) : null, inputs.peer.ok ? peerRunner(true) : null, inputs.showMisses ?? false);

  const noEngine = inputs.engine.ok ? null : 'engine unavailable (see the top of the report)';
  const measure = <T>(section: SectionHead, value: T | undefined): Measured<T> | undefined => {
    if (section.status === 'not_run') return undefined;
    if (section.status === 'missing') return { missing: `corpus absent: ${section.source}` };
    if (section.status === 'invalid') return { error: `corpus invalid: ${section.reason ?? ''}` };
    if (value === undefined) return { error: noEngine ?? 'not measured' };
    return { value };
  };
  const targets = evaluateTargets(
    dropUndefined<TargetInputs>({
      devCategories: measure(dev, dev.engine?.categories),
      cleanFlagged: measure(dev, dev.engine?.cleanFlagged),
      approval: measure(dev, dev.engine?.approval),
      bulletinFlagged: measure(bulletin, bulletin.engine?.flagged),
      toxicRecall: measure(toxicity, toxicity.engine?.toxicRecall),
      notToxicFlagged: measure(toxicity, toxicity.engine?.notToxicFlagged),
      xsafetyFound: measure(xsafety, xsafety.engine?.found),
      xsafetyNegativesFlagged: measure(xsafety, xsafety.engine?.negativesFlagged),
      nerPersonalInfoFlagged: measure(stockmark, stockmark.engine?.personalInfoFlagged),
      blind: measureBlind(blind, noEngine),
    }),
  );
  if (engineErrors.length > 0) {
    targets.push({ name: 'engine never throws', op: '≤', threshold: 0, actual: engineErrors.length, status: 'missed', note: `${engineErrors.length} text(s) threw` });
  }

  return {
    shared: inputs.shared,
    scope: inputs.scope ?? null,
    engine: {
      status: inputs.engine.ok ? 'ok' : 'unavailable',
      reason: inputs.engine.ok ? null : inputs.engine.reason,
      partialResults,
      errors: engineErrors,
    },
    peer: {
      status: inputs.peer.ok ? 'ok' : 'unavailable',
      name: inputs.peer.ok ? inputs.peer.value.name : null,
      reason: inputs.peer.ok ? null : inputs.peer.reason,
      errors: peerErrors,
    },
    dev,
    bulletin,
    toxicity,
    xsafety,
    stockmark,
    blind,
    targets,
    checkPasses: checkPasses(targets),
  };
}

/** The blind targets apply to the newest set only; without any set they are skipped. */
function measureBlind(blind: BlindSection, noEngine: string | null): TargetInputs['blind'] {
  if (blind.status === 'not_run') return undefined;
  const newest = blind.sets.at(-1);
  if (blind.status !== 'ok' || newest === undefined) return { missing: `no blind set: ${blind.source}${blind.reason ? ` (${blind.reason})` : ''}` };
  if (newest.status === 'missing') return { missing: `${newest.name} not found` };
  if (newest.status === 'invalid') return { error: `${newest.name} is malformed: ${newest.reason ?? ''}` };
  if (newest.engine === null) return { error: noEngine ?? 'not measured' };
  return { value: { name: newest.name, categories: newest.engine.categories, cleanFlagged: newest.engine.cleanFlagged, approval: newest.engine.approval } };
}

function dropUndefined<T extends object>(o: { [K in keyof T]: T[K] | undefined }): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

async function evaluateDev(inputs: EvalInputs, runEngine: RunEngine, runPeer: RunPeer): Promise<DevSection> {
  const section: DevSection = { ...head(inputs.dev), drafts: 0, clean: 0, violating: 0, engine: null, peer: null };
  if (inputs.dev === undefined || inputs.dev.status !== 'ok') return section;
  const drafts = inputs.dev.items;
  section.drafts = drafts.length;
  section.clean = drafts.filter((d) => d.expected.categories.length === 0).length;
  section.violating = drafts.length - section.clean;

  if (inputs.engine.ok) {
    const rows = drafts.map((draft) => ({ draft, result: runEngine(draft.id, draft.text, draft.platform) }));
    const pairs = rows.map(({ draft, result }) => ({ expected: draft.expected.categories, predicted: result?.categories ?? [] }));
    const categories = categoryScores(pairs);
    section.engine = {
      categories,
      micro: microAverage(categories),
      // A draft the engine threw on counts as wrong: the opposite of what was expected.
      approval: approvalAccuracy(rows.map(({ draft, result }) => ({ expected: draft.expected.needs_approval, predicted: result?.needs_approval ?? !draft.expected.needs_approval }))),
      cleanFlagged: cleanFlagRate(pairs),
      violatingRecall: violatingRecall(pairs.map((p) => ({ expected: p.expected, flagged: p.predicted.length > 0 }))),
      partial: rows.filter((r) => r.result?.partial === true).length,
      wrong: rows
        .filter(({ draft, result }) => result === null || !sameSet(draft.expected.categories, result.categories) || draft.expected.needs_approval !== result.needs_approval)
        .map(({ draft, result }) => ({
          id: draft.id,
          text: draft.text,
          expected: draft.expected,
          got: { categories: result?.categories ?? [], needs_approval: result?.needs_approval ?? false, exemption: result?.exemption ?? null },
          findings: (result?.findings ?? []).map((f) => brief(draft.text, f)),
        })),
    };
  }
  if (inputs.peer.ok) {
    const flagged: Array<{ expected: Category[]; flagged: boolean }> = [];
    const flaggedClean: Array<{ id: string; messages: string[] }> = [];
    for (const draft of drafts) {
      const messages = (await runPeer(draft.id, draft.text)) ?? [];
      flagged.push({ expected: draft.expected.categories, flagged: messages.length > 0 });
      if (messages.length > 0 && draft.expected.categories.length === 0) flaggedClean.push({ id: draft.id, messages });
    }
    section.peer = { violatingRecall: violatingRecall(flagged), cleanFlagged: cleanFlaggedByFlag(flagged), flaggedClean };
  }
  return section;
}

async function evaluateBulletin(inputs: EvalInputs, runEngine: RunEngine, runPeer: RunPeer): Promise<BulletinSection> {
  const section: BulletinSection = { ...head(inputs.bulletin), articles: 0, engine: null, peer: null };
  if (inputs.bulletin === undefined || inputs.bulletin.status !== 'ok') return section;
  const articles = inputs.bulletin.items;
  section.articles = articles.length;

  if (inputs.engine.ok) {
    const flags: boolean[] = [];
    const byCategory: Partial<Record<Category, number>> = {};
    const flaggedArticles: NonNullable<BulletinSection['engine']>['flaggedArticles'] = [];
    for (const article of articles) {
      const result = runEngine(article.ref, article.body, BULLETIN_PLATFORM);
      const flagged = result !== null && isFlagged(result);
      flags.push(flagged);
      if (result === null || !flagged) continue;
      const atWarn = result.findings.filter((f) => severityRank(f.severity) >= severityRank('warn'));
      for (const c of new Set(atWarn.map((f) => f.category))) byCategory[c] = (byCategory[c] ?? 0) + 1;
      flaggedArticles.push({ ref: article.ref, title: article.title, findings: atWarn.map((f) => brief(article.body, f)) });
    }
    section.engine = { flagged: flaggedShare(flags), byCategory, flaggedArticles };
  }
  if (inputs.peer.ok) {
    const flags: boolean[] = [];
    const flaggedArticles: NonNullable<BulletinSection['peer']>['flaggedArticles'] = [];
    for (const article of articles) {
      const messages = (await runPeer(article.ref, article.body)) ?? [];
      flags.push(messages.length > 0);
      if (messages.length > 0) flaggedArticles.push({ ref: article.ref, title: article.title, messages });
    }
    section.peer = { flagged: flaggedShare(flags), flaggedArticles };
  }
  return section;
}

async function evaluateToxicity(inputs: EvalInputs, runEngine: RunEngine, runPeer: RunPeer): Promise<ToxicitySection> {
  const section: ToxicitySection = {
    ...head(inputs.toxicity),
    rows: 0,
    counts: { toxic: 0, not_toxic: 0, unsure: 0, tied: 0 },
    tieRule: TIE_RULE,
    engine: null,
    peer: null,
  };
  if (inputs.toxicity === undefined || inputs.toxicity.status !== 'ok') return section;
  const rows = inputs.toxicity.items;
  section.rows = rows.length;
  section.counts = {
    toxic: rows.filter((r) => r.class === 'toxic').length,
    not_toxic: rows.filter((r) => r.class === 'not_toxic').length,
    unsure: rows.filter((r) => r.class === 'unsure').length,
    tied: rows.filter((r) => r.tied).length,
  };

  if (inputs.engine.ok) {
    const scored = rows.map((row) => {
      const result = runEngine(`toxicity#${row.id}`, row.text, TOXICITY_PLATFORM);
      return { row, result, flagged: result !== null && isFlagged(result) };
    });
    const scores = toxicityScores(scored.map((s) => ({ class: s.row.class, flagged: s.flagged })));
    section.engine = {
      toxicRecall: scores.toxicRecall,
      notToxicFlagged: scores.notToxicFlagged,
      missedToxic: scored.filter((s) => s.row.class === 'toxic' && !s.flagged).map((s) => ({ id: s.row.id, text: s.row.text, majority: s.row.majority })),
      flaggedNotToxic: scored
        .filter((s) => s.row.class === 'not_toxic' && s.flagged)
        .map((s) => ({
          id: s.row.id,
          text: s.row.text,
          votes: s.row.votes,
          findings: (s.result?.findings ?? []).filter((f) => severityRank(f.severity) >= severityRank('warn')).map((f) => brief(s.row.text, f)),
        })),
    };
  }
  if (inputs.peer.ok) {
    const flagged: Array<{ class: ToxicityRow['class']; flagged: boolean }> = [];
    for (const row of rows) {
      const messages = await runPeer(`toxicity#${row.id}`, row.text);
      flagged.push({ class: row.class, flagged: (messages?.length ?? 0) > 0 });
    }
    const scores = toxicityScores(flagged);
    section.peer = { toxicRecall: scores.toxicRecall, notToxicFlagged: scores.notToxicFlagged };
  }
  return section;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
}

// ---------------------------------------------------------------------------------------------
// Text report

export function formatReport(r: EvalReport, options: { showMisses?: boolean } = {}): string {
  const showMisses = options.showMisses ?? false;
  const out: string[] = [];
  out.push(`投稿ガード eval — corpora from ${r.shared}${r.scope ? ` — only: ${r.scope}` : ''}`);
  out.push(
    r.engine.status === 'ok'
      ? `engine: ok${r.engine.partialResults > 0 ? ` (${r.engine.partialResults} results partial: tokenizer missing?)` : ''}`
      : `engine: NOT AVAILABLE — ${r.engine.reason ?? ''}`,
  );
  out.push(r.peer.status === 'ok' ? `peer:   ${r.peer.name ?? ''}` : `peer:   not available — ${r.peer.reason ?? ''}`);
  for (const e of r.engine.errors.slice(0, 10)) out.push(`  engine threw on ${e.ref}: ${e.message}`);
  for (const e of r.peer.errors.slice(0, 10)) out.push(`  peer failed on ${e.ref}: ${e.message}`);

  const sections = [
    formatDev(r.dev),
    formatBulletin(r.bulletin),
    formatToxicity(r.toxicity),
    formatXSafety(r.xsafety, showMisses),
    formatStockmark(r.stockmark, showMisses),
    formatBlind(r.blind),
    formatComparison(r),
    formatTargets(r),
  ];
  for (const lines of sections) if (lines.length > 0) out.push('', ...lines);
  return out.join('\n');
}

function formatDev(d: DevSection): string[] {
  const skip = skipped('Dev drafts', d);
  if (skip) return skip;
  const out = [`== Dev drafts: ${d.drafts} (${d.clean} clean, ${d.violating} violating) — ${d.source}`];
  if (d.engine) {
    const e = d.engine;
    const rows = e.categories.map((s) => [s.category, String(s.support), String(s.tp), String(s.fp), String(s.fn), fixed(s.precision), fixed(s.recall), s.recall === null ? '—' : s.recall >= TARGETS.devRecallPerCategory ? 'ok' : 'MISS']);
    rows.push(['(micro)', String(e.micro.support), String(e.micro.tp), String(e.micro.fp), String(e.micro.fn), fixed(e.micro.precision), fixed(e.micro.recall), '']);
    out.push(formatTable(['category', 'support', 'TP', 'FP', 'FN', 'precision', 'recall', `recall≥${TARGETS.devRecallPerCategory.toFixed(2)}`], rows, ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'left']));
    out.push(`approval accuracy:            ${ratioText(e.approval)}  (target ≥ ${targetPct(TARGETS.approvalMin)})`);
    out.push(`clean drafts flagged:         ${ratioText(e.cleanFlagged)}  (target ≤ ${targetPct(TARGETS.cleanFlaggedMax)})`);
    out.push(`violating drafts flagged:     ${ratioText(e.violatingRecall)}  (any category)`);
    if (e.partial > 0) out.push(`partial results (no tokenizer): ${e.partial}`);
    out.push('', `Drafts the engine got wrong: ${e.wrong.length}`);
    for (const w of e.wrong) {
      out.push(`  ${w.id}  expected [${w.expected.categories.join(', ')}] approval=${yesNo(w.expected.needs_approval)}  |  got [${w.got.categories.join(', ')}] approval=${yesNo(w.got.needs_approval)}${w.got.exemption ? ` (exempt: ${w.got.exemption})` : ''}`);
      out.push(`      ${oneLine(w.text, 90)}`);
      for (const f of w.findings) out.push(`      - ${f.severity} ${f.category} ${f.rule}: ${f.context}`);
    }
  } else {
    out.push('engine: not measured (engine unavailable)');
  }
  if (d.peer) {
    out.push('', `peer: violating drafts flagged ${ratioText(d.peer.violatingRecall)}; clean drafts flagged ${ratioText(d.peer.cleanFlagged)}`);
    for (const c of d.peer.flaggedClean) out.push(`  peer flagged clean ${c.id}: ${[...new Set(c.messages)].join(' ')}`);
  }
  return out;
}

function formatBulletin(b: BulletinSection): string[] {
  const skip = skipped('Municipal bulletin articles', b);
  if (skip) return skip;
  const out = [`== Municipal bulletin articles (clean municipal text): ${b.articles} — ${b.source}`];
  if (b.engine) {
    out.push(`flagged at warn+: ${ratioText(b.engine.flagged)}  (target ≤ ${targetPct(TARGETS.bulletinFlaggedMax)})`);
    const cats = Object.entries(b.engine.byCategory).map(([c, n]) => `${c} ${n}`);
    if (cats.length > 0) out.push(`by category (articles): ${cats.join(', ')}`);
    for (const a of b.engine.flaggedArticles) {
      out.push(`  ${a.ref}  ${a.title}`);
      for (const f of a.findings) out.push(`      - ${f.severity} ${f.category} ${f.rule} 「${oneLine(f.excerpt, 30)}」  ${f.context}`);
    }
  } else {
    out.push('engine: not measured (engine unavailable)');
  }
  if (b.peer) {
    out.push(`peer flagged: ${ratioText(b.peer.flagged)}`);
    for (const a of b.peer.flaggedArticles) out.push(`  peer: ${a.ref}  ${a.title}: ${[...new Set(a.messages)].join(' ')}`);
  }
  return out;
}

function formatToxicity(t: ToxicitySection): string[] {
  const skip = skipped('Toxicity set (inspection-ai subset)', t);
  if (skip) return skip;
  const out = [
    `== Toxicity set (inspection-ai subset): ${t.rows} sentences — toxic ${t.counts.toxic}, not toxic ${t.counts.not_toxic}, hard to say ${t.counts.unsure} (left out); ${t.counts.tied} had tied votes`,
    `   ${t.tieRule}`,
  ];
  if (t.engine) {
    out.push(`recall on Toxic/Very Toxic:   ${ratioText(t.engine.toxicRecall)}  (target ≥ ${targetPct(TARGETS.toxicRecallMin)})`);
    out.push(`Not-Toxic flagged:            ${ratioText(t.engine.notToxicFlagged)}  (target ≤ ${targetPct(TARGETS.notToxicFlaggedMax)})`);
    if (t.engine.missedToxic.length > 0) {
      out.push(`  missed toxic (${t.engine.missedToxic.length}):`);
      for (const m of t.engine.missedToxic) out.push(`    #${m.id} [${m.majority}] ${oneLine(m.text, 70)}`);
    }
    if (t.engine.flaggedNotToxic.length > 0) {
      out.push(`  flagged although majority Not Toxic (${t.engine.flaggedNotToxic.length}):`);
      for (const m of t.engine.flaggedNotToxic) {
        const v = m.votes;
        out.push(`    #${m.id} [votes NT/HS/T/VT ${v['Not Toxic']}/${v['Hard to Say']}/${v['Toxic']}/${v['Very Toxic']}] ${oneLine(m.text, 60)}  ← ${m.findings.map((f) => `${f.category}:${f.rule}「${oneLine(f.excerpt, 30)}」`).join(' ')}`);
      }
    }
  } else {
    out.push('engine: not measured (engine unavailable)');
  }
  if (t.peer) out.push(`peer: recall on Toxic/Very Toxic ${ratioText(t.peer.toxicRecall)}; Not-Toxic flagged ${ratioText(t.peer.notToxicFlagged)}`);
  return out;
}

function formatComparison(r: EvalReport): string[] {
  const cell = (x: Ratio | undefined): string => (x === undefined ? '—' : `${pct(x.rate)} (${x.count}/${x.total})`);
  const rows: string[][] = [];
  const row = (section: SectionHead, figure: string, engine: Ratio | undefined, peer: Ratio | undefined, better: 'higher' | 'lower') => {
    if (section.status === 'ok') rows.push([figure, cell(engine), cell(peer), better]);
  };
  row(r.dev, 'dev: violating drafts flagged', r.dev.engine?.violatingRecall, r.dev.peer?.violatingRecall, 'higher');
  row(r.dev, 'dev: clean drafts flagged', r.dev.engine?.cleanFlagged, r.dev.peer?.cleanFlagged, 'lower');
  row(r.bulletin, 'bulletin articles flagged', r.bulletin.engine?.flagged, r.bulletin.peer?.flagged, 'lower');
  row(r.toxicity, 'toxicity: Toxic/Very Toxic flagged', r.toxicity.engine?.toxicRecall, r.toxicity.peer?.toxicRecall, 'higher');
  row(r.toxicity, 'toxicity: Not Toxic flagged', r.toxicity.engine?.notToxicFlagged, r.toxicity.peer?.notToxicFlagged, 'lower');
  row(r.xsafety, 'xsafety: clear positives flagged', r.xsafety.engine?.positivesFlagged, r.xsafety.peer?.positivesFlagged, 'higher');
  const labels = new Set([...(r.xsafety.engine?.found ?? []).map((f) => f.category), ...(r.xsafety.peer?.flaggedByLabel ?? []).map((p) => p.category)]);
  for (const category of CATEGORIES.filter((c) => labels.has(c))) {
    const found = r.xsafety.engine?.found.find((f) => f.category === category)?.found;
    const peer = r.xsafety.peer?.flaggedByLabel.find((p) => p.category === category)?.flagged;
    row(r.xsafety, `xsafety: clear ${category} (engine: in its category)`, found, peer, 'higher');
  }
  row(r.xsafety, 'xsafety: clear negatives flagged', r.xsafety.engine?.negativesFlagged, r.xsafety.peer?.negativesFlagged, 'lower');
  row(r.stockmark, 'stockmark: flagged (engine: personal_info)', r.stockmark.engine?.personalInfoFlagged, r.stockmark.peer?.anyFlagged, 'lower');
  row(r.stockmark, 'stockmark: flagged (any category)', r.stockmark.engine?.anyFlagged, r.stockmark.peer?.anyFlagged, 'lower');
  for (const set of r.blind.sets) {
    if (set.status !== 'ok') continue;
    row(r.blind, `blind ${set.name}: violating drafts flagged`, set.engine?.violatingFlagged, set.peer?.violatingFlagged, 'higher');
    row(r.blind, `blind ${set.name}: clean drafts flagged`, set.engine?.cleanFlagged, set.peer?.cleanFlagged, 'lower');
  }
  if (rows.length === 0) return [];
  return ['== Engine vs peer (flagged = engine finding at warn+ / peer ≥1 message)', formatTable(['figure', 'engine', 'peer', 'better'], rows)];
}

function formatTargets(r: EvalReport): string[] {
  const rows = r.targets.map((t) => [
    t.name,
    `${t.op} ${t.threshold}`,
    t.actual === null ? '—' : fixed(t.actual, 3),
    t.status === 'met' ? 'ok' : t.status.toUpperCase(),
    t.note ?? '',
  ]);
  return [
    '== Targets',
    formatTable(['target', 'want', 'actual', 'status', 'note'], rows, ['left', 'left', 'right', 'left', 'left']),
    summaryLine(r.targets, r.checkPasses),
  ];
}

function summaryLine(targets: readonly TargetResult[], passes: boolean): string {
  const n = (status: TargetResult['status']) => targets.filter((t) => t.status === status).length;
  const counts = `${n('met')} met, ${n('missed')} missed, ${n('error')} not measurable, ${n('skipped')} skipped`;
  if (!passes) return `${counts} — targets NOT met (npm run eval -- --check exits 1)`;
  return n('met') === 0 ? `${counts} — nothing was measured (corpora absent?)` : `${counts} — all measured targets met`;
}

function yesNo(b: boolean): string {
  return b ? 'yes' : 'no';
}

