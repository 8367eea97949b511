/**
 * The command as a person runs it, whole process (issue 10): `toukou-guard check` on one post
 * (cold start: node, the bundle, the dictionary, one check) and on 1,000 posts of 140 characters
 * (peak RSS), beside the textlint peer's own command on the same texts (one file per post).
 * Used by scripts/bench.ts; `npx tsx scripts/bench-cli.ts [--json]` runs it alone.
 *
 * Each child runs with a preloaded probe that prints its CPU time and peak RSS when it exits;
 * wall time is measured here. Runs of ours and of the peer are interleaved, medians reported.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { msSince, summarize, windows } from '../src/eval/bench-texts.ts';
import { loadBulletins } from '../src/eval/corpora.ts';
import { corpusPaths, REPO_ROOT, sharedDir } from '../src/eval/paths.ts';

export const CLI_TARGETS = { rss1000MiB: 200, onePostCpuVsPeer: 0.5 } as const;
const POSTS = 1000;
const WINDOW = 140;
const ONE_POST = '【お知らせ】市民体育館は12月29日から1月3日まで休館します。詳しくは市ホームページをご覧ください。';
const PROBE_MARK = 'TG_BENCH_PROBE ';
const PROBE = `data:text/javascript,${encodeURIComponent(
  `process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('\\n${PROBE_MARK}'+JSON.stringify({cpuMs:(u.userCPUTime+u.systemCPUTime)/1000,maxRssKb:u.maxRSS})+'\\n')});`,
)}`;

export interface ProcessRun {
  wallMs: number;
  cpuMs: number;
  maxRssMiB: number;
  exitCode: number | null;
}

export interface ProcessFigures {
  runs: ProcessRun[];
  wallMs: number;
  cpuMs: number;
  maxRssMiB: number;
}

export interface CliFigures {
  posts: number;
  source: string;
  ours: { onePost: ProcessFigures; posts1000: ProcessFigures; posts1000NoTokenizer: ProcessFigures };
  peer: { onePost: ProcessFigures; posts1000: ProcessFigures } | { error: string };
  dictionary: string;
  targets: typeof CLI_TARGETS;
}

function runProcess(args: string[], cwd: string): ProcessRun {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['--import', PROBE, ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
  const wallMs = msSince(started);
  const line = child.stderr.split('\n').find((l) => l.startsWith(PROBE_MARK));
  if (line === undefined) throw new Error(`${path.basename(args[0] ?? '')} exited ${child.status} without a probe line: ${child.stderr.trim().split('\n').slice(-3).join(' ')}`);
  const probe = JSON.parse(line.slice(PROBE_MARK.length)) as { cpuMs: number; maxRssKb: number };
  return { wallMs, cpuMs: probe.cpuMs, maxRssMiB: probe.maxRssKb / 1024, exitCode: child.status };
}

function figures(runs: ProcessRun[]): ProcessFigures {
  return {
    runs,
    wallMs: summarize(runs.map((r) => r.wallMs)).p50,
    cpuMs: summarize(runs.map((r) => r.cpuMs)).p50,
    maxRssMiB: summarize(runs.map((r) => r.maxRssMiB)).p50,
  };
}

/** 1,000 posts of 140 characters: the municipal articles cut into windows, else the development drafts of tests/drafts. */
function posts(): { texts: string[]; source: string } {
  const bulletins = loadBulletins(corpusPaths(sharedDir()).bulletinDir);
  const flat = (t: string): string => t.replace(/\s*\r?\n\s*/g, '');
  if (bulletins.status === 'ok') {
    const texts = windows(bulletins.items.map((a) => flat(a.body)).join(''), WINDOW, POSTS);
    if (texts.length === POSTS) return { texts, source: `${POSTS} × ${WINDOW}-char windows of the municipal articles` };
  }
  const drafts = windows(
    ['a', 'b', 'c', 'd']
      .map((s) => path.join(REPO_ROOT, 'tests', 'drafts', `2026-11-30-${s}.jsonl`))
      .filter((f) => existsSync(f))
      .map((f) => readFileSync(f, 'utf8'))
      .join('')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => flat((JSON.parse(l) as { text: string }).text))
      .join(''),
    WINDOW,
    POSTS,
  );
  return { texts: drafts, source: `${drafts.length} × ${WINDOW}-char windows of tests/drafts (municipal articles not found)` };
}

function textlintBin(): string | null {
  try {
    const pkg = createRequire(import.meta.url).resolve('textlint/package.json');
    const bin = path.join(path.dirname(pkg), 'bin', 'textlint.js');
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

export function measureCli(options: { rounds?: number; log?: (line: string) => void } = {}): CliFigures {
  const rounds = options.rounds ?? 3;
  const log = options.log ?? (() => undefined);
  // What `npm start` and the installed command would have: the trimmed dictionary and a fresh bundle.
  spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build-dict.mjs'), '--if-stale'], { cwd: REPO_ROOT, stdio: 'ignore' });
  spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build-cli.mjs'), '--if-stale'], { cwd: REPO_ROOT, stdio: 'ignore' });
  const { texts, source } = posts();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tg-bench-cli-'));
  try {
    const one = path.join(dir, 'one.txt');
    writeFileSync(one, `${ONE_POST}\n`);
    const jsonl = path.join(dir, 'posts.jsonl');
    writeFileSync(jsonl, texts.map((text, i) => JSON.stringify({ id: `p${i}`, text, platform: 'x' })).join('\n') + '\n');
    const peerDir = path.join(dir, 'posts');
    mkdirSync(peerDir);
    texts.forEach((t, i) => writeFileSync(path.join(peerDir, `${String(i).padStart(4, '0')}.txt`), `${t}\n`));

    const bin = path.join(REPO_ROOT, 'bin', 'toukou-guard.mjs');
    const textlint = textlintBin();
    const peerArgs = (files: string[]): string[] => [textlint ?? '', '--no-color', '--rule', 'ja-no-inappropriate-words', ...files];
    const ours = { onePost: [] as ProcessRun[], posts1000: [] as ProcessRun[], posts1000NoTokenizer: [] as ProcessRun[] };
    const peer = { onePost: [] as ProcessRun[], posts1000: [] as ProcessRun[] };
    let peerError: string | null = textlint === null ? 'textlint is not installed' : null;
    for (let r = 0; r < rounds; r++) {
      log(`cli: round ${r + 1} of ${rounds}`);
      ours.onePost.push(runProcess([bin, 'check', one], REPO_ROOT));
      if (peerError === null) {
        try {
          peer.onePost.push(runProcess(peerArgs([one]), REPO_ROOT));
        } catch (error) {
          peerError = error instanceof Error ? error.message : String(error);
        }
      }
      ours.posts1000.push(runProcess([bin, 'check', jsonl, '--format', 'jsonl'], REPO_ROOT));
      if (peerError === null) {
        try {
          peer.posts1000.push(runProcess(peerArgs([peerDir]), REPO_ROOT));
        } catch (error) {
          peerError = error instanceof Error ? error.message : String(error);
        }
      }
    }
    ours.posts1000NoTokenizer.push(runProcess([bin, 'check', jsonl, '--format', 'jsonl', '--no-tokenizer'], REPO_ROOT));
    const dictionary = spawnSync(process.execPath, ['--import', 'tsx', '-e', "import('./src/tokenizer/kuromoji-node.ts').then((m) => console.log(m.defaultDictionaryPath()))"], { cwd: REPO_ROOT, encoding: 'utf8' }).stdout.trim();
    return {
      posts: texts.length,
      source,
      ours: { onePost: figures(ours.onePost), posts1000: figures(ours.posts1000), posts1000NoTokenizer: figures(ours.posts1000NoTokenizer) },
      peer: peerError === null ? { onePost: figures(peer.onePost), posts1000: figures(peer.posts1000) } : { error: peerError },
      dictionary: path.relative(REPO_ROOT, dictionary) || dictionary,
      targets: CLI_TARGETS,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Table rows: measure, ours, target, mark, peer. */
export function cliRows(f: CliFigures): string[][] {
  const peer = 'error' in f.peer ? null : f.peer;
  const ms = (v: number): string => `${v.toFixed(0)} ms`;
  const mib = (v: number): string => `${v.toFixed(0)} MiB`;
  const proc = (p: ProcessFigures): string => `${ms(p.cpuMs)} CPU, ${ms(p.wallMs)} wall, ${mib(p.maxRssMiB)}`;
  const cpuRatio = peer === null ? null : f.ours.onePost.cpuMs / peer.onePost.cpuMs;
  const perPost = (p: { onePost: ProcessFigures; posts1000: ProcessFigures }): number => (p.posts1000.cpuMs - p.onePost.cpuMs) / (f.posts - 1);
  return [
    ['CLI, one post, whole process (median)', proc(f.ours.onePost), `CPU ≤ ${CLI_TARGETS.onePostCpuVsPeer}× peer`, cpuRatio === null ? '' : cpuRatio <= CLI_TARGETS.onePostCpuVsPeer ? 'ok' : 'MISS', peer === null ? '—' : proc(peer.onePost)],
    [`CLI, ${f.posts} posts: peak RSS`, mib(f.ours.posts1000.maxRssMiB), `≤ ${CLI_TARGETS.rss1000MiB} MiB`, f.ours.posts1000.maxRssMiB <= CLI_TARGETS.rss1000MiB ? 'ok' : 'MISS', peer === null ? '—' : mib(peer.posts1000.maxRssMiB)],
    [`CLI, ${f.posts} posts: whole process`, `${ms(f.ours.posts1000.cpuMs)} CPU, ${ms(f.ours.posts1000.wallMs)} wall`, '', '', peer === null ? '—' : `${ms(peer.posts1000.cpuMs)} CPU, ${ms(peer.posts1000.wallMs)} wall`],
    ['CLI, CPU per post (T(1000) − T(1))', `${perPost(f.ours).toFixed(2)} ms`, '', '', peer === null ? '—' : `${perPost(peer).toFixed(2)} ms`],
    [`CLI, ${f.posts} posts, --no-tokenizer: peak RSS`, mib(f.ours.posts1000NoTokenizer.maxRssMiB), '', '', ''],
  ];
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const json = process.argv.includes('--json');
  const { formatTable } = await import('../src/eval/table.ts');
  const f = measureCli({ log: (l) => void (json ? undefined : console.error(l)) });
  if (json) console.log(JSON.stringify(f, null, 2));
  else {
    console.log(`posts: ${f.source}; dictionary: ${f.dictionary}${'error' in f.peer ? `; peer: ${f.peer.error}` : ''}`);
    console.log(formatTable(['measure', 'ours', 'target', '', 'peer'], cliRows(f)));
  }
}
