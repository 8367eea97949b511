/**
 * `npx tsx scripts/probe-drafts.ts [category] [--misses] [--fp] [--check] [--no-model]` — the drafts in tests/drafts/
 * ({"text","categories"}, written for this project by helpers who had not read the rules) as a
 * development set for the signal books: recall per category, clean drafts flagged, and with
 * --misses / --fp the texts missed or wrongly flagged. They are not the blind sets: tuning on them
 * is allowed on the even lines (the default half, `dev`); the odd lines (`--check`) print figures
 * only, so a rule writer can see whether a change generalises to drafts they have not read.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createChecker } from '../src/engine/index.ts';
import { loadNodeTokenizer } from '../src/tokenizer/kuromoji-node.ts';
import { tuning } from '../src/engine/rules/model.ts';
import { CATEGORIES, isCategory } from '../src/shared/types.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, 'tests/drafts');
const only = process.argv.slice(2).find((a) => isCategory(a));
const half = process.argv.includes('--check') ? 'check' : 'dev';
// The odd lines are kept for checking: their texts are never printed, only their figures.
const showMisses = half === 'dev' && process.argv.includes('--misses');
const showFp = half === 'dev' && process.argv.includes('--fp');
// The learned component is trained on every draft, so it has seen the odd lines too: --no-model
// leaves it out, and the figures are then the rules' own on drafts they were not written from.
if (process.argv.includes('--no-model')) tuning.margin = Number.POSITIVE_INFINITY;
const checker = createChecker({ tokenizer: await loadNodeTokenizer() });
const rows = readdirSync(dir)
  .filter((f) => f.endsWith('.jsonl'))
  .sort()
  .flatMap((f) => readFileSync(path.join(dir, f), 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as { text: string; categories: string[] }))
  .filter((_, i) => (i % 2 === 0) === (half === 'dev'));
console.log(`half: ${half} (${half === 'dev' ? 'even lines, texts may be shown' : 'odd lines, figures only'})`);
const pos = new Map<string, number>();
const tp = new Map<string, number>();
let clean = 0;
let cleanFlagged = 0;
for (const r of rows) {
  const result = checker.check(r.text);
  const got = new Set<string>(result.categories);
  for (const c of r.categories) {
    pos.set(c, (pos.get(c) ?? 0) + 1);
    if (got.has(c)) tp.set(c, (tp.get(c) ?? 0) + 1);
    else if (showMisses && (only === undefined || only === c)) console.log(`MISS ${c}: ${r.text.replace(/\n/g, ' ')}`);
  }
  if (r.categories.length === 0) {
    clean++;
    const wrong = result.findings.filter((f) => f.severity !== 'info' && (only === undefined || f.category === only));
    if (got.size > 0) cleanFlagged++;
    if (showFp && wrong.length > 0) console.log(`FP ${wrong.map((f) => `${f.rule}「${f.excerpt}」`).join(' ')}: ${r.text.replace(/\n/g, ' ')}`);
  }
}
for (const c of CATEGORIES) console.log(`${c.padEnd(17)} recall ${tp.get(c) ?? 0}/${pos.get(c) ?? 0}`);
console.log(`clean drafts flagged ${cleanFlagged}/${clean}`);
