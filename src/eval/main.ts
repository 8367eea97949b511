/**
 * `npm run eval` (scripts/eval.ts is its two-line wrapper): arguments, loading, evaluating,
 * printing. A function of its arguments, streams and environment, so the tests run it in-process
 * with a stub engine and synthetic corpora.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadBlindFile, loadBlindSets, loadBulletins, loadDevCorpus, loadNer, loadToxicity, loadXSafety } from './corpora.ts';
import { loadEngine } from './engine.ts';
import { blindDir, corpusPaths, sharedDir } from './paths.ts';
import { loadTextlintPeer, type Peer } from './peer.ts';
import { evaluate, formatReport, type EvalInputs } from './report.ts';
import { errorMessage, type Available, type EngineLike } from './section.ts';

export const SECTIONS = ['dev', 'bulletin', 'toxicity', 'xsafety', 'stockmark', 'blind'] as const;
export type SectionName = (typeof SECTIONS)[number];

export interface EvalArgs {
  check: boolean;
  json: boolean;
  showMisses: boolean;
  /** Sections to run; null = all. */
  only: SectionName[] | null;
  /** One JSONL file in the dev line shape, evaluated as a blind set and nothing else. */
  file: string | null;
  help: boolean;
}

export const USAGE = `usage: npm run eval -- [options]

  --check              exit 1 when a target is missed or cannot be measured (an absent corpus is skipped)
  --json               print the figures as JSON only
  --only SECTION[,…]   run only these sections: ${SECTIONS.join(', ')}
  --file PATH          evaluate one JSONL file ({id,text,platform,expected,note} per line) as a blind
                       set, and nothing else: aggregate figures only, the blind targets apply to it
  --show-misses        list the ids of blind misses, and every xsafety / stockmark miss
  -h, --help           this text
`;

export class EvalUsageError extends Error {}

export function parseEvalArgs(argv: readonly string[]): EvalArgs {
  const args: EvalArgs = { check: false, json: false, showMisses: false, only: null, file: null, help: false };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!;
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const flag = eq > 0 ? raw.slice(0, eq) : raw;
    const value = (): string => {
      if (eq > 0) return raw.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new EvalUsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--check') args.check = true;
    else if (flag === '--json') args.json = true;
    else if (flag === '--show-misses') args.showMisses = true;
    else if (flag === '-h' || flag === '--help') args.help = true;
    else if (flag === '--only') {
      const names = value().split(',').map((n) => n.trim()).filter((n) => n !== '');
      const unknown = names.filter((n) => !(SECTIONS as readonly string[]).includes(n));
      if (unknown.length > 0 || names.length === 0) throw new EvalUsageError(`--only takes ${SECTIONS.join(', ')} (not ${JSON.stringify(unknown.join(',') || '')})`);
      args.only = [...new Set([...(args.only ?? []), ...(names as SectionName[])])];
    } else if (flag === '--file') {
      if (args.file !== null) throw new EvalUsageError('--file can be given once');
      args.file = value();
    } else throw new EvalUsageError(`unknown argument ${JSON.stringify(raw)}`);
  }
  if (args.file !== null && args.only !== null) throw new EvalUsageError('--file evaluates that file alone: leave out --only');
  return args;
}

export interface EvalIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: NodeJS.ProcessEnv;
}

/** What main() loads; the tests give a stub engine and peer. */
export interface EvalDeps {
  engine(): Promise<{ engine: Available<EngineLike>; warning: string | null }>;
  peer(): Available<Peer>;
}

export const realDeps: EvalDeps = {
  async engine() {
    const loaded = await loadEngine();
    if (!loaded.ok) return { engine: { ok: false, reason: loaded.reason }, warning: null };
    const { createChecker, tokenizer, tokenizerError } = loaded.value;
    return {
      engine: { ok: true, value: createChecker({ tokenizer }) },
      warning: tokenizerError === null ? null : `tokenizer not loaded (${tokenizerError}); the engine runs without it`,
    };
  },
  peer() {
    try {
      return { ok: true, value: loadTextlintPeer() };
    } catch (error) {
      return { ok: false, reason: errorMessage(error).split('\n')[0]! };
    }
  },
};

/** Exit code: 0 (a report, whatever the figures), 1 with `--check` when a target fails, 2 on a usage error. */
export async function main(argv: readonly string[], io: EvalIo, deps: EvalDeps = realDeps): Promise<number> {
  let args: EvalArgs;
  try {
    args = parseEvalArgs(argv);
  } catch (error) {
    if (!(error instanceof EvalUsageError)) throw error;
    io.stderr.write(`eval: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (args.file !== null && !(existsSync(args.file) && statSync(args.file).isFile())) {
    io.stderr.write(`eval: --file ${args.file}: no such file\n`);
    return 2;
  }

  const { engine, warning } = await deps.engine();
  if (warning !== null && !args.json) io.stderr.write(`${warning}\n`);
  const peer = deps.peer();

  const shared = sharedDir(io.env);
  const paths = corpusPaths(shared);
  const run = (name: SectionName): boolean => args.file === null && (args.only === null || args.only.includes(name));
  const inputs: EvalInputs = {
    shared,
    engine,
    peer,
    showMisses: args.showMisses,
    scope: args.file !== null ? `--file ${args.file}` : args.only !== null ? args.only.join(', ') : null,
  };
  if (!args.json) inputs.progress = (section) => io.stderr.write(`eval: ${section}…\n`);
  if (run('dev')) inputs.dev = loadDevCorpus(paths.dev);
  if (run('bulletin')) inputs.bulletin = loadBulletins(paths.bulletinDir);
  if (run('toxicity')) inputs.toxicity = loadToxicity(paths.toxicity);
  if (run('xsafety')) inputs.xsafety = loadXSafety(paths.xsafety);
  if (run('stockmark')) inputs.stockmark = loadNer(paths.ner);
  if (run('blind')) inputs.blind = loadBlindSets(blindDir(io.env));
  if (args.file !== null) {
    const file = path.resolve(args.file);
    inputs.blind = { status: 'ok', source: file, sets: [loadBlindFile(file)], title: 'File (evaluated as a blind set)' };
  }

  const report = await evaluate(inputs);
  io.stdout.write(`${args.json ? JSON.stringify(report, null, 2) : formatReport(report, { showMisses: args.showMisses })}\n`);
  return args.check && !report.checkPasses ? 1 : 0;
}
