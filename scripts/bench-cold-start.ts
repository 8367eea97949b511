/**
 * Run by scripts/bench.ts in a fresh child process, so the cold start is real: nothing loaded,
 * nothing cached. Prints one JSON line. Module import time includes tsx compiling TypeScript,
 * which the built extension does not do; it is reported apart from the dictionary load.
 */
const t0 = performance.now();
const engine = await import('../src/engine/index.ts');
const { loadNodeTokenizer } = await import('../src/tokenizer/kuromoji-node.ts');
const t1 = performance.now();
const tokenizer = await loadNodeTokenizer();
const t2 = performance.now();
const checker = engine.createChecker({ tokenizer });
const t3 = performance.now();
checker.check('【お知らせ】市民体育館は12月29日から1月3日まで休館します。詳しくは市ホームページをご覧ください。', { platform: 'x' });
const t4 = performance.now();
console.log(
  JSON.stringify({
    importMs: t1 - t0,
    dictionaryLoadMs: t2 - t1,
    createCheckerMs: t3 - t2,
    firstCheckMs: t4 - t3,
    maxRssKb: process.resourceUsage().maxRSS,
  }),
);
