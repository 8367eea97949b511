/**
 * `npm run eval` — how well the engine does on the corpora, beside the textlint peer: the dev
 * drafts, municipal bulletin articles, the toxicity set, XSafety, Stockmark's Wikipedia sentences
 * and the blind sets (tests/blind, aggregate figures only). A report: exits 0 whatever the figures,
 * except with `--check` (exit 1 when a target is missed or cannot be measured; an absent corpus is
 * skipped). `--only SECTION`, `--file PATH` run a part quickly; `--help` lists the options.
 */
import { main } from '../src/eval/main.ts';

process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env });
