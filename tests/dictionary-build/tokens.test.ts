/**
 * The dictionary this engine ships (scripts/build-dict.mjs: padding and unread features trimmed)
 * and its loader (src/tokenizer/kuromoji-dictionary.ts: a compact word map) give the tokens
 * kuromoji gives with its own files and loader, in every field the engine reads — on the 509
 * municipal articles (../shared/data/municipal-bulletin, skipped when absent) and the development
 * drafts of tests/drafts/ (issue 10).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as kuromoji from '@patdx/kuromoji';
import NodeDictionaryLoader from '@patdx/kuromoji/node';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Token, TokenizerPort } from '../../src/engine/tokenizer.ts';
import { loadBulletins } from '../../src/eval/corpora.ts';
import { corpusPaths, REPO_ROOT, sharedDir } from '../../src/eval/paths.ts';
import { adaptKuromoji } from '../../src/tokenizer/kuromoji-adapter.ts';
import { buildKuromojiTokenizer } from '../../src/tokenizer/kuromoji-dictionary.ts';
import { buildNodeKuromoji, gunzipDictionaryFile, packagedDictionaryPath, trimmedDictionaryPath, uncompressedTwin } from '../../src/tokenizer/kuromoji-node.ts';
import { buildDictionaryIfStale, readManifest } from '../../scripts/build-dict.mjs';

/** Building from scratch gunzips and re-gzips ~100 MiB; loading two tokenizers on a busy machine takes seconds more. */
const SETUP_TIMEOUT_MS = 180_000;
const CORPUS_TIMEOUT_MS = 600_000;

const bulletinDir = corpusPaths(sharedDir()).bulletinDir;
const bulletins = loadBulletins(bulletinDir);
const draftsDir = path.join(REPO_ROOT, 'tests', 'drafts');
const drafts = readdirSync(draftsDir)
  .filter((f) => f.endsWith('.jsonl'))
  .sort()
  .flatMap((f) =>
    readFileSync(path.join(draftsDir, f), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => (JSON.parse(line) as { text: string }).text),
  );

let stock: TokenizerPort;
/** What Node loads: the uncompressed copy. */
let trimmed: TokenizerPort;
/** What the extension packages: the gzipped files (read here through the same builder the browser loader uses). */
let gzipped: TokenizerPort;

beforeAll(async () => {
  buildDictionaryIfStale();
  // The reference: kuromoji's own dictionary through its own Node loader, nothing of ours but the adapter.
  stock = adaptKuromoji(await new kuromoji.TokenizerBuilder({ loader: new NodeDictionaryLoader({ dic_path: packagedDictionaryPath() }) }).build());
  trimmed = adaptKuromoji(await buildNodeKuromoji(trimmedDictionaryPath()));
  gzipped = adaptKuromoji(await buildKuromojiTokenizer(async (file) => gunzipDictionaryFile(path.join(trimmedDictionaryPath(), file))));
}, SETUP_TIMEOUT_MS);

const FIELDS = ['surface', 'pos', 'pos1', 'pos2', 'conjugatedForm', 'basic', 'start'] as const satisfies ReadonlyArray<keyof Token>;

/** Tokenizes every line of every text with both; returns the number of tokens compared and the first few differences. */
function compare(texts: readonly string[]): { lines: number; tokens: number; differences: string[] } {
  let lines = 0;
  let tokens = 0;
  const differences: string[] = [];
  for (const text of texts) {
    for (const line of text.split(/\r?\n/)) {
      if (line.trim() === '') continue;
      lines++;
      const a = stock.tokenize(line);
      const b = trimmed.tokenize(line);
      tokens += a.length;
      if (a.length !== b.length) {
        differences.push(`${JSON.stringify(line.slice(0, 40))}: ${a.length} tokens with kuromoji's dictionary, ${b.length} with the trimmed one`);
      } else {
        for (let i = 0; i < a.length; i++) {
          const x = a[i] as Token;
          const y = b[i] as Token;
          const field = FIELDS.find((f) => x[f] !== y[f]);
          if (field !== undefined) {
            differences.push(`${JSON.stringify(line.slice(0, 40))} token ${i} ${field}: ${JSON.stringify(x[field])} ≠ ${JSON.stringify(y[field])}`);
            break;
          }
        }
      }
      if (differences.length >= 10) return { lines, tokens, differences };
    }
  }
  return { lines, tokens, differences };
}

describe('the trimmed IPADIC dictionary', () => {
  it('is a fraction of kuromoji’s: no padding, no readings, no repeated features', () => {
    const manifest = readManifest();
    expect(manifest).not.toBeNull();
    const files = Object.values(manifest!.files);
    const decompressed = files.reduce((s, f) => s + f.bytes, 0);
    const gzipped = files.reduce((s, f) => s + f.gzipBytes, 0);
    const stockGzipped = files.reduce((s, f) => s + f.sourceGzipBytes, 0);
    // kuromoji's files: 95 MiB decompressed, 17 MiB gzipped; these: 27.5 MiB and 10.7 MiB.
    expect(decompressed).toBeLessThan(30 * 2 ** 20);
    expect(gzipped).toBeLessThan(stockGzipped * 0.7);
    expect(manifest!.characterClasses).toBe(11);
  });

  it('tokenizes a tricky sentence as kuromoji does: unknown words, numbers, a name, conjugations, らしい', () => {
    const text = '平川市の田中さんは１２月２９日に、ﾌﾞﾗｯｸ企業ｗｗｗと言っていたらしい。𠮷野家で食べましょう';
    expect(trimmed.tokenize(text)).toEqual(stock.tokenize(text));
    expect(trimmed.tokenize(text).length).toBeGreaterThan(15);
  });

  it('is the same dictionary gzipped (for the extension) and uncompressed (for Node)', () => {
    expect(uncompressedTwin(trimmedDictionaryPath())).not.toBeNull();
    for (const text of drafts.slice(0, 300)) expect(gzipped.tokenize(text)).toEqual(trimmed.tokenize(text));
  });

  it(`gives kuromoji's tokens on the ${drafts.length} development drafts (tests/drafts)`, () => {
    const { lines, tokens, differences } = compare(drafts);
    expect(differences).toEqual([]);
    expect(lines).toBeGreaterThanOrEqual(drafts.length);
    expect(tokens).toBeGreaterThan(20_000);
  }, CORPUS_TIMEOUT_MS);

  it.skipIf(bulletins.status !== 'ok')(
    `gives kuromoji's tokens on the municipal articles${bulletins.status === 'ok' ? ` (${bulletins.items.length})` : ` — skipped: not found at ${bulletinDir}`}`,
    () => {
      if (bulletins.status !== 'ok') return;
      const { lines, tokens, differences } = compare(bulletins.items.map((a) => `${a.title}\n${a.body}`));
      expect(differences).toEqual([]);
      expect(lines).toBeGreaterThan(bulletins.items.length);
      expect(tokens).toBeGreaterThan(100_000);
    },
    CORPUS_TIMEOUT_MS,
  );
});
