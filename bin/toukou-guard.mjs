#!/usr/bin/env node
// The command-line checker. Runs plain JavaScript: bin/toukou-guard.bundle.mjs, which
// scripts/build-cli.mjs bundles from src/cli/main.ts during `npm ci` and `npm start` (issue 10:
// compiling TypeScript at every start cost ~0.5 s). In a working copy, a bundle older than its
// sources is rebuilt first, so the command never checks with yesterday's rules.
import { existsSync } from 'node:fs';

const bundle = new URL('./toukou-guard.bundle.mjs', import.meta.url);
const builder = new URL('../scripts/build-cli.mjs', import.meta.url);

if (existsSync(builder)) {
  const { buildCliIfStale } = await import(builder.href);
  try {
    if (await buildCliIfStale()) process.stderr.write('toukou-guard: ソースが更新されていたため、コマンドを作り直しました。\n');
  } catch (error) {
    if (!existsSync(bundle)) {
      process.stderr.write(`toukou-guard: コマンドを作れませんでした。npm ci を実行してから、もう一度試してください。\n${String(error)}\n`);
      process.exit(2);
    }
    process.stderr.write(`toukou-guard: ソースから作り直せなかったため、前に作ったものを使います。\n${String(error)}\n`);
  }
}
if (!existsSync(bundle)) {
  process.stderr.write('toukou-guard: コマンドが用意されていません。npm ci（または npm run build:cli）を実行してください。\n');
  process.exit(2);
}
const { main } = await import(bundle.href);
process.exitCode = await main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
