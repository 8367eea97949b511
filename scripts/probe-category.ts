/**
 * `npx tsx scripts/probe-category.ts <category> [--all-rules]` — a rule writer's check for one
 * category, on text nobody tunes on by reading it line by line: the 509 municipal articles and the
 * XSafety clear negatives (what the category wrongly flags, with excerpts), and the XSafety clear
 * positives of that category (the share found). Blind sets are never read here.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createChecker } from '../src/engine/index.ts';
import { loadNodeTokenizer } from '../src/tokenizer/kuromoji-node.ts';
import { loadBulletins } from '../src/eval/corpora.ts';
import { corpusPaths, sharedDir } from '../src/eval/paths.ts';
import { isCategory } from '../src/shared/types.ts';

const category = process.argv[2];
const allRules = process.argv.includes('--all-rules');
if (!isCategory(category)) {
  console.error('usage: npx tsx scripts/probe-category.ts <category> [--all-rules]');
  process.exit(2);
}
const checker = createChecker({ tokenizer: await loadNodeTokenizer() });
const shared = sharedDir();
const paths = corpusPaths(shared);
const mine = (rule: string): boolean => allRules || rule.startsWith('signals:');

const bulletins = loadBulletins(paths.bulletinDir);
if (bulletins.status === 'ok') {
  let flagged = 0;
  for (const a of bulletins.items) {
    const r = checker.check(a.body);
    const fs = r.findings.filter((f) => f.category === category && f.severity !== 'info' && mine(f.rule));
    if (fs.length === 0) continue;
    flagged++;
    for (const f of fs) console.log(`bulletin FP ${a.ref}: ${f.rule} 「${f.excerpt}」 …${a.body.slice(Math.max(0, f.start - 25), f.end + 25).replace(/\s+/g, ' ')}…`);
  }
  console.log(`bulletin articles flagged in ${category}: ${flagged}/${bulletins.items.length}`);
} else console.log(`bulletins: ${bulletins.status}`);

const xs = path.join(shared, 'data/xsafety-ja/labelled-even.jsonl');
if (existsSync(xs)) {
  const rows = readFileSync(xs, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as { id: string; text: string; categories: string[]; clear: boolean });
  let pos = 0;
  let found = 0;
  let neg = 0;
  let negFlagged = 0;
  for (const row of rows.filter((r) => r.clear)) {
    const r = checker.check(row.text);
    const fs = r.findings.filter((f) => f.category === category && f.severity !== 'info');
    if (row.categories.includes(category)) {
      pos++;
      if (fs.length > 0) found++;
    } else if (row.categories.length === 0) {
      neg++;
      const m = fs.filter((f) => mine(f.rule));
      if (m.length > 0) {
        negFlagged++;
        for (const f of m) console.log(`xsafety clear-negative FP ${row.id}: ${f.rule} 「${f.excerpt}」`);
      }
    }
  }
  console.log(`xsafety clear ${category}: found ${found}/${pos}; clear negatives flagged by this category: ${negFlagged}/${neg}`);
} else console.log('xsafety: absent');
