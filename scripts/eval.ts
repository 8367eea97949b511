/**
 * `npm run eval` — how well the engine does on the shared corpora, beside the textlint peer.
 * A report: exits 0 whatever the figures, except with `--check` (exit 1 when a target is missed or
 * cannot be measured; an absent corpus is skipped). `--json` prints the metrics as JSON only.
 */
import { corpusPaths, sharedDir } from '../src/eval/paths.ts';
import { loadBulletins, loadDevCorpus, loadToxicity } from '../src/eval/corpora.ts';
import { loadEngine } from '../src/eval/engine.ts';
import { loadTextlintPeer, type Peer } from '../src/eval/peer.ts';
import { evaluate, formatReport, type Available, type EngineLike } from '../src/eval/report.ts';

const args = new Set(process.argv.slice(2));
const check = args.has('--check');
const json = args.has('--json');

const shared = sharedDir();
const paths = corpusPaths(shared);

const loaded = await loadEngine();
let engine: Available<EngineLike>;
if (loaded.ok) {
  engine = { ok: true, value: loaded.value.createChecker({ tokenizer: loaded.value.tokenizer }) };
  if (loaded.value.tokenizerError !== null && !json) console.error(`tokenizer not loaded (${loaded.value.tokenizerError}); the engine runs without it`);
} else {
  engine = { ok: false, reason: loaded.reason };
}

let peer: Available<Peer>;
try {
  peer = { ok: true, value: loadTextlintPeer() };
} catch (error) {
  peer = { ok: false, reason: error instanceof Error ? error.message.split('\n')[0]! : String(error) };
}

const report = await evaluate({
  shared,
  dev: loadDevCorpus(paths.dev),
  bulletin: loadBulletins(paths.bulletinDir),
  toxicity: loadToxicity(paths.toxicity),
  engine,
  peer,
});

console.log(json ? JSON.stringify(report, null, 2) : formatReport(report));
process.exitCode = check && !report.checkPasses ? 1 : 0;
