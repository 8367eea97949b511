/**
 * `npm run bench` (node --expose-gc --import tsx scripts/bench.ts) — speed and memory of the
 * engine beside the textlint peer, on the same texts in the same run, with the targets.
 * `--json` prints the figures as JSON.
 *
 * Fairness: both sides cache (the engine per sentence in a Checker, the peer's kuromojin per
 * paragraph, process-wide). So each phase uses texts no earlier phase has seen: the 140-character
 * windows are cut from the corpora with line breaks removed (a window is then one paragraph for
 * the peer and equals no corpus line), the engine gets a new Checker per phase, and the peer's
 * throughput is measured on its first pass over the dev drafts.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { insertAtRandom, LINEARITY_UNITS, msSince, repeatTo, seededRandom, shuffled, summarize, windows, type Summary } from '../src/eval/bench-texts.ts';
import { loadBulletins, loadDevCorpus, type DevDraft } from '../src/eval/corpora.ts';
import { loadEngine } from '../src/eval/engine.ts';
import { REPO_ROOT, corpusPaths, sharedDir } from '../src/eval/paths.ts';
import { loadTextlintPeer, PEER_NAME } from '../src/eval/peer.ts';
import { fixed, formatTable } from '../src/eval/table.ts';
import type { Platform } from '../src/shared/types.ts';
import { cliRows, measureCli, type CliFigures } from './bench-cli.ts';

const json = process.argv.includes('--json');
const log = (line: string): void => {
  if (!json) console.error(line);
};
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

const TARGETS = { warmP50: 1, warmP99: 5, first5000P50: 40, recheckP50: 5, speedup: 3, coldStartMs: 1000 } as const;
/** Linearity: 4× the text may take at most this many times as long (4× is linear). A report, not a test: time is noise on a busy machine, so the unit tests count work instead (tests/engine/properties.test.ts). */
const LINEARITY = { shortChars: 10_000, longChars: 40_000, maxRatio: 8 } as const;
const WINDOW = 140;
const LONG = 5000;
const EDITS = 300;
const THROUGHPUT_ROUNDS = 5;
const EDIT_CHARS = ['の', 'あ', '市', 'ー', 'を', 'て'] as const;

// --- inputs -------------------------------------------------------------------------------------
const paths = corpusPaths(sharedDir());
const devLoaded = loadDevCorpus(paths.dev);
const bulletinLoaded = loadBulletins(paths.bulletinDir);
if (devLoaded.status !== 'ok') console.error(`dev corpus ${devLoaded.status} (${devLoaded.source}); throughput and dev windows skipped`);
if (bulletinLoaded.status !== 'ok') console.error(`bulletin corpus ${bulletinLoaded.status} (${bulletinLoaded.source}); 5,000-character posts skipped`);
const drafts: DevDraft[] = devLoaded.status === 'ok' ? devLoaded.items : [];
const bulletinBodies = bulletinLoaded.status === 'ok' ? bulletinLoaded.items.map((a) => a.body) : [];

const random = seededRandom(20250801);
const flat = (t: string): string => t.replace(/\s*\r?\n\s*/g, '');
const allWindows = shuffled(windows(drafts.map((d) => flat(d.text)).join('') + bulletinBodies.map(flat).join(''), WINDOW), random);
const warmupWindows = allWindows.slice(0, Math.min(60, Math.floor(allWindows.length / 5)));
const measuredWindows = allWindows.slice(warmupWindows.length);
// Long posts keep their line breaks (real long posts have paragraphs); each is a distinct stretch.
const longTexts = windows(bulletinBodies.join('\n'), LONG, 12);
const warmupLong = longTexts.slice(0, 2);
const measuredLong = longTexts.slice(2);
log(`inputs: ${measuredWindows.length} windows of ${WINDOW} chars (+${warmupWindows.length} warm-up), ${measuredLong.length} posts of ${LONG} chars (+${warmupLong.length} warm-up), ${drafts.length} dev drafts`);

// --- cold start in fresh child processes ----------------------------------------------------------
interface ColdStart {
  importMs: number;
  dictionaryLoadMs: number;
  createCheckerMs: number;
  firstCheckMs: number;
  maxRssKb: number;
  wallMs: number;
}
const coldRuns: ColdStart[] = [];
let coldError: string | null = null;
for (let i = 0; i < 3 && coldError === null; i++) {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'scripts', 'bench-cold-start.ts')], { cwd: REPO_ROOT, encoding: 'utf8' });
  const wallMs = msSince(started);
  const line = child.stdout.trim().split('\n').pop() ?? '';
  try {
    coldRuns.push({ ...(JSON.parse(line) as Omit<ColdStart, 'wallMs'>), wallMs });
  } catch {
    coldError = `cold-start child failed (exit ${child.status}): ${(child.stderr || child.stdout).trim().split('\n').slice(0, 2).join(' ')}`;
  }
}
if (coldError !== null) console.error(coldError);
const coldMedian = (pick: (c: ColdStart) => number): number => summarize(coldRuns.map(pick)).p50;

// --- the command, whole process (scripts/bench-cli.ts) --------------------------------------------
log('cli: one post and 1,000 posts, ours and the peer’s command, interleaved');
let cli: CliFigures | null = null;
let cliError: string | null = null;
try {
  cli = measureCli({ log });
} catch (error) {
  cliError = error instanceof Error ? error.message : String(error);
  console.error(`cli not measured: ${cliError}`);
}

// --- the engine ---------------------------------------------------------------------------------
const loaded = await loadEngine();
if (!loaded.ok) {
  console.error(`engine not available: ${loaded.reason}`);
  process.exit(1);
}
const engine = loaded.value;
if (engine.tokenizerError !== null) console.error(`tokenizer not loaded (${engine.tokenizerError}); timing the pattern tier only`);
const newChecker = () => engine.createChecker({ tokenizer: engine.tokenizer });

function timeSync(run: () => unknown): number {
  const start = process.hrtime.bigint();
  run();
  return msSince(start);
}

log('engine: warming up');
{
  const warm = newChecker();
  for (let round = 0; round < 3; round++) for (const w of warmupWindows) warm.check(w, { platform: 'x' });
  for (const t of warmupLong) warm.check(t, { platform: 'facebook' });
}
gc();

// Throughput: a new Checker per round (no sentence cache carried over), median round.
function oursThroughput(): { postsPerSecond: number; msPerPost: number } | null {
  if (drafts.length === 0) return null;
  const rounds: number[] = [];
  for (let r = 0; r < THROUGHPUT_ROUNDS; r++) {
    const checker = newChecker();
    rounds.push(timeSync(() => drafts.forEach((d) => checker.check(d.text, { platform: d.platform }))));
  }
  const ms = summarize(rounds).p50;
  return { postsPerSecond: (drafts.length / ms) * 1000, msPerPost: ms / drafts.length };
}
log('engine: throughput');
const ours = { throughput: oursThroughput(), warm: null as Summary | null, first5000: null as Summary | null, recheck: null as Summary | null };
gc();

log('engine: warm 140-character checks');
{
  const checker = newChecker();
  ours.warm = summarize(measuredWindows.map((w) => timeSync(() => checker.check(w, { platform: 'x' }))));
}
gc();

log('engine: first check of 5,000-character posts');
if (measuredLong.length > 0) {
  ours.first5000 = summarize(
    measuredLong.map((t) => {
      const checker = newChecker();
      return timeSync(() => checker.check(t, { platform: 'facebook' }));
    }),
  );
}
gc();

/** Re-check after inserting one character at a random place, repeatedly, edits accumulating. */
function editSequence(seed: number): string[] {
  const r = seededRandom(seed);
  let text = measuredLong[0] ?? '';
  const out: string[] = [];
  for (let i = 0; i < EDITS; i++) {
    text = insertAtRandom(text, EDIT_CHARS[Math.floor(r() * EDIT_CHARS.length)]!, r);
    out.push(text);
  }
  return out;
}
const edits = measuredLong.length > 0 ? editSequence(7) : [];
log('engine: re-check after one-character edits');
if (edits.length > 0) {
  const checker = newChecker();
  checker.check(measuredLong[0]!, { platform: 'facebook' });
  ours.recheck = summarize(edits.map((t) => timeSync(() => checker.check(t, { platform: 'facebook' }))));
}
const oursMaxRssKb = process.resourceUsage().maxRSS;
gc();

/** A unit as a quoted string with invisible characters (zero-width space …) escaped. */
function visible(unit: string): string {
  return JSON.stringify(unit).replace(/[\u200b-\u200f\u2060\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Median of three first checks of `text`, ms: a new Checker each time (built outside the timing),
 * since a Checker re-checking the same text redoes only what changed, which is nothing.
 */
function medianCheckMs(text: string): number {
  return summarize(
    [0, 1, 2].map(() => {
      const checker = newChecker();
      return timeSync(() => checker.check(text, { platform: 'facebook' }));
    }),
  ).p50;
}
log(`engine: linearity (${LINEARITY_UNITS.length} repeated units, ${LINEARITY.longChars.toLocaleString('en')} vs ${LINEARITY.shortChars.toLocaleString('en')} chars)`);
const linearity = LINEARITY_UNITS.map((unit) => {
  const short = repeatTo(unit, LINEARITY.shortChars);
  const long = repeatTo(unit, LINEARITY.longChars);
  newChecker().check(short, { platform: 'facebook' }); // warm up
  const shortMs = medianCheckMs(short);
  const longMs = medianCheckMs(long);
  return { unit, shortMs, longMs, ratio: shortMs > 0 ? longMs / shortMs : null };
});
gc();

// --- the peer -----------------------------------------------------------------------------------
interface PeerFigures {
  dictionaryLoadMs: number;
  throughput: { postsPerSecond: number; msPerPost: number } | null;
  warm: Summary | null;
  first5000: Summary | null;
  recheck: Summary | null;
}
let peer: PeerFigures | null = null;
let peerError: string | null = null;
try {
  const p = loadTextlintPeer();
  const timeAsync = async (run: () => Promise<unknown>): Promise<number> => {
    const start = process.hrtime.bigint();
    await run();
    return msSince(start);
  };
  log('peer: loading its dictionary and warming up');
  const dictionaryLoadMs = await timeAsync(() => p.lint('辞書の読み込み。'));
  for (let round = 0; round < 3; round++) for (const w of warmupWindows) await p.lint(w);
  for (const t of warmupLong) await p.lint(t);
  gc();
  log('peer: throughput (first pass over the dev drafts: its tokenize cache is process-wide)');
  let throughput: PeerFigures['throughput'] = null;
  if (drafts.length > 0) {
    const ms = await timeAsync(async () => {
      for (const d of drafts) await p.lint(d.text);
    });
    throughput = { postsPerSecond: (drafts.length / ms) * 1000, msPerPost: ms / drafts.length };
  }
  gc();
  log('peer: warm 140-character checks');
  const warmSamples: number[] = [];
  for (const w of measuredWindows) warmSamples.push(await timeAsync(() => p.lint(w)));
  gc();
  log('peer: first check of 5,000-character posts');
  const firstSamples: number[] = [];
  for (const t of measuredLong) firstSamples.push(await timeAsync(() => p.lint(t)));
  gc();
  log('peer: re-check after one-character edits');
  const recheckSamples: number[] = [];
  for (const t of edits) recheckSamples.push(await timeAsync(() => p.lint(t)));
  peer = {
    dictionaryLoadMs,
    throughput,
    warm: warmSamples.length > 0 ? summarize(warmSamples) : null,
    first5000: firstSamples.length > 0 ? summarize(firstSamples) : null,
    recheck: recheckSamples.length > 0 ? summarize(recheckSamples) : null,
  };
} catch (error) {
  peerError = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  console.error(`peer not available: ${peerError}`);
}
const endMaxRssKb = process.resourceUsage().maxRSS;

// --- report -------------------------------------------------------------------------------------
const coldStartMs = coldRuns.length > 0 ? coldMedian((c) => c.dictionaryLoadMs + c.createCheckerMs + c.firstCheckMs) : null;
const figures = {
  inputs: { windows: measuredWindows.length, windowChars: WINDOW, longPosts: measuredLong.length, longChars: LONG, edits: edits.length, devDrafts: drafts.length },
  coldStart: coldRuns.length > 0 ? { runs: coldRuns, medianMs: coldStartMs, medianDictionaryLoadMs: coldMedian((c) => c.dictionaryLoadMs) } : { error: coldError },
  inProcessDictionaryLoadMs: engine.dictionaryLoadMs,
  ours: { ...ours, maxRssKb: oursMaxRssKb },
  linearity: { ...LINEARITY, units: linearity },
  peer: peer ?? { error: peerError },
  cli: cli ?? { error: cliError },
  endMaxRssKb,
  targets: TARGETS,
};

if (json) {
  console.log(JSON.stringify(figures, null, 2));
} else {
  const ms = (v: number | null | undefined): string => (v === null || v === undefined || Number.isNaN(v) ? '—' : `${fixed(v, v < 10 ? 3 : 1)} ms`);
  const mark = (ok: boolean | null): string => (ok === null ? '' : ok ? 'ok' : 'MISS');
  const le = (v: number | null | undefined, max: number): boolean | null => (v === null || v === undefined || Number.isNaN(v) ? null : v <= max);
  const ratio = (peerMs: number | null | undefined, oursMs: number | null | undefined): number | null =>
    peerMs === null || peerMs === undefined || oursMs === null || oursMs === undefined || oursMs === 0 ? null : peerMs / oursMs;
  const ratioCell = (r: number | null): string => (r === null ? '—' : `${r.toFixed(1)}×`);
  const speedMark = (r: number | null): string => (r === null ? '' : r >= TARGETS.speedup ? 'ok' : 'MISS');

  const rows: string[][] = [];
  const row = (name: string, oursMs: number | null | undefined, target: string, ok: boolean | null, peerMs?: number | null, speedTarget = false): void => {
    const r = ratio(peerMs, oursMs);
    rows.push([name, ms(oursMs), target, mark(ok), ms(peerMs), ratioCell(r), speedTarget ? `≥ ${TARGETS.speedup}× ${speedMark(r)}` : '']);
  };
  const cold = coldRuns.length > 0;
  row('cold start: dictionary + checker + 1st check (median of 3 procs)', coldStartMs, `≤ ${TARGETS.coldStartMs} ms`, le(coldStartMs, TARGETS.coldStartMs));
  row('  of which dictionary load', cold ? coldMedian((c) => c.dictionaryLoadMs) : null, '', null, peer?.dictionaryLoadMs);
  row('  module import (incl. tsx compile)', cold ? coldMedian((c) => c.importMs) : null, '', null);
  row(`warm check, ${WINDOW} chars, p50`, ours.warm?.p50, `≤ ${TARGETS.warmP50} ms`, le(ours.warm?.p50, TARGETS.warmP50), peer?.warm?.p50, true);
  row(`warm check, ${WINDOW} chars, p99`, ours.warm?.p99, `≤ ${TARGETS.warmP99} ms`, le(ours.warm?.p99, TARGETS.warmP99), peer?.warm?.p99);
  row(`first check, ${LONG} chars, p50 (new Checker each)`, ours.first5000?.p50, `≤ ${TARGETS.first5000P50} ms`, le(ours.first5000?.p50, TARGETS.first5000P50), peer?.first5000?.p50);
  row('re-check after a 1-char edit, p50', ours.recheck?.p50, `≤ ${TARGETS.recheckP50} ms`, le(ours.recheck?.p50, TARGETS.recheckP50), peer?.recheck?.p50);
  row('re-check after a 1-char edit, p99', ours.recheck?.p99, '', null, peer?.recheck?.p99);
  row('dev corpus, ms per post (throughput)', ours.throughput?.msPerPost, '', null, peer?.throughput?.msPerPost, true);

  const lines = [
    `投稿ガード bench — ${measuredWindows.length}×${WINDOW}-char windows, ${measuredLong.length}×${LONG}-char posts, ${edits.length} edits, ${drafts.length} dev drafts; peer: ${PEER_NAME}`,
    formatTable(['measure', 'ours', 'target', '', 'peer', 'peer/ours', 'speed target'], rows, ['left', 'right', 'left', 'left', 'right', 'right', 'left']),
    '',
    cli === null
      ? `the command: not measured (${cliError ?? 'unknown'})`
      : [
          `the command, whole process (bin/toukou-guard.mjs vs the peer's textlint command; medians of ${cli.ours.onePost.runs.length} interleaved runs; ${cli.source}; dictionary ${cli.dictionary})`,
          formatTable(['measure', 'ours', 'target', '', 'peer'], cliRows(cli)),
        ].join('\n'),
    '',
    `throughput (dev corpus): ours ${ours.throughput ? ours.throughput.postsPerSecond.toFixed(0) : '—'} posts/s (median of ${THROUGHPUT_ROUNDS} rounds, new Checker each); peer ${peer?.throughput ? peer.throughput.postsPerSecond.toFixed(0) : '—'} posts/s (one uncached pass)`,
    `peak RSS: ours ${(oursMaxRssKb / 1024).toFixed(0)} MB (this process before the peer loaded; includes the eval tooling)` +
      (cold ? `, ${(coldMedian((c) => c.maxRssKb) / 1024).toFixed(0)} MB in a fresh process after one check` : '') +
      `; whole process at the end (both engines) ${(endMaxRssKb / 1024).toFixed(0)} MB`,
    cold ? `cold-start runs (dictionary ms): ${coldRuns.map((c) => c.dictionaryLoadMs.toFixed(0)).join(', ')}; child wall time incl. node+tsx boot: ${coldRuns.map((c) => c.wallMs.toFixed(0)).join(', ')} ms` : `cold start: ${coldError ?? 'not measured'}`,
  ];
  const slow = linearity.filter((l) => l.ratio !== null && l.ratio > LINEARITY.maxRatio);
  lines.push(
    '',
    `linearity: time of a first check of ${LINEARITY.longChars.toLocaleString('en')} vs ${LINEARITY.shortChars.toLocaleString('en')} chars of one repeated unit (median of 3, a new Checker each; 4× = linear; over ${LINEARITY.maxRatio}× is marked)`,
    formatTable(
      ['unit', `${LINEARITY.shortChars / 1000}k`, `${LINEARITY.longChars / 1000}k`, 'ratio', ''],
      linearity.map((l) => [visible(l.unit), ms(l.shortMs), ms(l.longMs), l.ratio === null ? '—' : `${l.ratio.toFixed(1)}×`, l.ratio !== null && l.ratio > LINEARITY.maxRatio ? 'SLOW' : '']),
      ['left', 'right', 'right', 'right', 'left'],
    ),
    slow.length === 0 ? `linearity: every unit within ${LINEARITY.maxRatio}×` : `linearity: ${slow.length} unit(s) over ${LINEARITY.maxRatio}× — look for a pattern that backtracks: ${slow.map((l) => visible(l.unit)).join(' ')}`,
  );
  if (engine.tokenizerError !== null) lines.push(`NOTE: tokenizer not loaded (${engine.tokenizerError}); the figures are for the pattern tier only`);
  console.log(lines.join('\n'));
}
