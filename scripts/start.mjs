// `npm start`: builds the extension and shows the checker at work on two sample posts.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });
console.log(`
投稿ガード built: ${path.join(root, '.output/chrome-mv3')}
  Chrome/Chromium: chrome://extensions → デベロッパー モード → 「パッケージ化されていない拡張機能を読み込む」 → that folder.
  Then open x.com or www.facebook.com and start a post.

The same engine from the command line (toukou-guard check FILE|-):
`);
const samples = [
  { id: 'sample-1', text: '【結果】市民ゲートボール大会は新屋クラブが優勝しました。' },
  { id: 'sample-2', text: 'また窓口に怒鳴り込んでくるバカがいた。担当の携帯 090-1111-2222 に文句を言ってくるらしい。' },
];
const input = samples.map((s) => JSON.stringify(s)).join('\n');
execFileSync(process.execPath, [path.join(root, 'bin/toukou-guard.mjs'), 'check', '-', '--jsonl', '--format', 'text'], { cwd: root, input, stdio: ['pipe', 'inherit', 'inherit'] });
