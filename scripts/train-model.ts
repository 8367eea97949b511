/**
 * `npm run train [-- --half even|odd] [--threshold N]` — trains the engine's learned component
 * (src/engine/model.ts, trainer src/model/train.ts) from the development drafts in tests/drafts/
 * and writes dictionaries/model/model.json. Deterministic: the same drafts give the same file.
 * `--half even` trains on the even lines only, so that `npx tsx scripts/probe-drafts.ts --check`
 * (the odd lines) measures the model on drafts it was not trained on; the shipped model is
 * trained on every line.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalize } from '../src/engine/normalize.ts';
import { splitSentences } from '../src/engine/context.ts';
import { sentenceKeysOf } from '../src/engine/model.ts';
import { pack, train, type TrainingText } from '../src/model/train.ts';
import { loadBulletins } from '../src/eval/corpora.ts';
import { CATEGORIES, isCategory, type Category } from '../src/shared/types.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const half = arg('half') ?? 'all';
if (!['all', 'even', 'odd'].includes(half)) throw new Error(`--half must be all, even or odd (got ${half})`);
/**
 * Per category, the logit at or above which the model reports; null: never. Chosen on the odd
 * drafts with a model trained on the even ones (`--half even`, then `npx tsx
 * scripts/probe-drafts.ts --check`): the lowest logit at which the model found about ten
 * violations the rules missed for each clean draft it flagged, and no newsletter article; then
 * set for the model trained on every line so that the whole engine stays within the targets on the
 * toxicity set's Not Toxic rows (≤ 2 %) and XSafety's clear negatives (≤ 3 %): these two
 * thresholds were chosen with those sets in view, so their held-back halves are the honest check.
 * Rumour, decision process and public order never reached that on held-out
 * drafts, and personal information flagged ordinary features (a farmer named with their age, the
 * city hall's address), so the model leaves those to the rules.
 */
const DEFAULT_THRESHOLDS: Partial<Record<Category, number | null>> = {
  insult: 7,
  discrimination: 4,
  illegal: 6,
  rumour: null,
  confidential: 5,
  decision_process: null,
  public_order: null,
  personal_info: null,
};
const fallback = arg('threshold') === undefined ? null : Number(arg('threshold'));
const thresholds: Partial<Record<Category, number | null>> = arg('threshold') === undefined ? DEFAULT_THRESHOLDS : {};
const dir = path.join(root, 'tests/drafts');
const only = arg('files')?.split(',');
const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl') && (only === undefined || only.includes(f))).sort();
const rows = files.flatMap((f) =>
  readFileSync(path.join(dir, f), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { text: string; categories: string[] }),
);
const keysOf = (text: string): string[] => {
  const norm = normalize(text);
  return sentenceKeysOf(norm, splitSentences(norm.plain))
    .map((s) => s.key)
    .filter((k) => k.length > 0);
};
const texts: TrainingText[] = rows
  .filter((_, i) => half === 'all' || (i % 2 === 0) === (half === 'even'))
  .map((r) => ({ sentences: keysOf(r.text), categories: r.categories.filter(isCategory) as Category[] }));
// Real municipal articles (CC BY 4.0, ../shared/data/municipal-bulletin) teach what ordinary
// city text looks like: each of their sentences is a negative. Only the even articles, so the
// odd ones still measure the model on articles it never saw.
const bulletinArg = arg('bulletins') ?? 'even';
const bulletins = loadBulletins(path.join(root, '../shared/data/municipal-bulletin'));
let bulletinTexts = 0;
let bulletinSentences = 0;
if (bulletinArg !== 'none') {
  if (bulletins.status !== 'ok') throw new Error(`the municipal articles are needed to train the model: ${bulletins.status === 'invalid' ? bulletins.reason : `${bulletins.source} is missing`}`);
  bulletins.items.forEach((a, i) => {
    if (bulletinArg === 'even' && i % 2 === 1) return;
    bulletinTexts++;
    for (const s of keysOf(a.body)) {
      if (s.length < 4) continue;
      texts.push({ sentences: [s], categories: [] });
      bulletinSentences++;
    }
  });
}
const categories = [...CATEGORIES];
const started = Date.now();
const sizes = (arg('sizes') ?? '1,2,3,4').split(',').map(Number);
const model = train(texts, { categories, sizes, rate: Number(arg('rate') ?? 0.3), minCount: Number(arg('min') ?? 3), epochs: Number(arg('epochs') ?? 12), l2: Number(arg('l2') ?? 1e-4), positiveWeight: Number(arg('pw') ?? 2) });
const data = pack(
  model,
  categories,
  sizes,
  categories.map((c) => thresholds[c] ?? (c in thresholds ? null : fallback)),
  `Trained by scripts/train-model.ts on the drafts of tests/drafts/ (${files.join(', ')}; ${half === 'all' ? 'every line' : `${half} lines only`}), written for this project (MIT), with the sentences of ${bulletinTexts} municipal newsletter articles as negatives (Municipal-Bulletin by Mitsuo Koikawa, CC BY 4.0; 広報あつぎ, 広報くらしき).`,
);
const out = path.join(root, 'dictionaries/model/model.json');
writeFileSync(out, `${JSON.stringify(data)}\n`);
console.log(`${texts.length - bulletinSentences} drafts and ${bulletinSentences} article sentences, ${data.grams.split('\u0001').length} n-grams kept of ${model.grams.length}, ${(Buffer.byteLength(JSON.stringify(data)) / 1024).toFixed(0)} KiB, ${Date.now() - started} ms → ${path.relative(root, out)}`);
