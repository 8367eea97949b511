/**
 * toukou-guard check FILE|- [--format jsonl|json|text] [--fail-on warn|block] [--platform x|facebook]
 *
 * A text file is one post; a .jsonl file holds one {"id","text","platform"} object per line.
 * Either may be UTF-8, UTF-16 with a BOM, Shift_JIS (CP932) or EUC-JP (src/cli/input.ts).
 * Exit codes: 0 ok, 1 when --fail-on is reached, 2 on a usage or input error (no arguments, a
 * missing file, a document or binary file, an unknown encoding, an empty post).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { createChecker } from '../engine/index.ts';
import { loadNodeTokenizer } from '../tokenizer/kuromoji-node.ts';
import { severityRank, type CheckResult, type Platform } from '../shared/types.ts';
import { formatText, toOutput, type PostOutput } from './format.ts';
import { decodeInput } from './input.ts';

export interface Io {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

const USAGE = `使い方: toukou-guard check <ファイル|-> [オプション]

  ファイル            テキストファイル（全体で1投稿）、または .jsonl（1行に {"id","text","platform"}）
  -                   標準入力から読む（--jsonl を付けると JSONL として読む）

オプション:
  --format <形式>     jsonl | json | text（既定: .jsonl 入力は jsonl、それ以外は text）
  --fail-on <重さ>    warn | block — その重さ以上の指摘があれば終了コード 1
  --platform <名前>   x | facebook（テキスト入力の投稿先）
  --jsonl             標準入力を JSONL として読む
  --no-tokenizer      形態素解析を使わない（辞書とパターンだけの簡易チェック）
  -h, --help          この説明

ファイルの文字コード: UTF-8、Shift_JIS、UTF-16（BOM 付き）などを自動で判別します。
Word・Excel・PDF などのファイルは読めません。本文をテキストファイルに保存してください。

終了コード: 0 問題なし / 1 --fail-on に該当 / 2 使い方・入力の誤り
`;

interface Args {
  file: string;
  format: 'jsonl' | 'json' | 'text' | null;
  failOn: 'warn' | 'block' | null;
  platform: Platform | undefined;
  jsonl: boolean;
  tokenizer: boolean;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Args | 'help' {
  if (argv.includes('-h') || argv.includes('--help')) return 'help';
  if (argv.length === 0) throw new UsageError('チェックするファイルを指定してください。');
  const [command, ...rest] = argv;
  if (command !== 'check') throw new UsageError(`不明なコマンド「${command}」です。toukou-guard check <ファイル> を使ってください。`);
  const args: Args = { file: '', format: null, failOn: null, platform: undefined, jsonl: false, tokenizer: true };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] as string;
    const value = (): string => {
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`${a} には値が必要です。`);
      return v;
    };
    if (a === '--format') {
      const v = value();
      if (v !== 'jsonl' && v !== 'json' && v !== 'text') throw new UsageError(`--format は jsonl / json / text のいずれかです（「${v}」）。`);
      args.format = v;
    } else if (a === '--fail-on') {
      const v = value();
      if (v !== 'warn' && v !== 'block') throw new UsageError(`--fail-on は warn / block のいずれかです（「${v}」）。`);
      args.failOn = v;
    } else if (a === '--platform') {
      const v = value();
      if (v !== 'x' && v !== 'facebook') throw new UsageError(`--platform は x / facebook のいずれかです（「${v}」）。`);
      args.platform = v;
    } else if (a === '--jsonl') args.jsonl = true;
    else if (a === '--no-tokenizer') args.tokenizer = false;
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`不明なオプション「${a}」です。`);
    else if (args.file !== '') throw new UsageError('ファイルは1つだけ指定してください。');
    else args.file = a;
  }
  if (args.file === '') throw new UsageError('チェックするファイル（または - で標準入力）を指定してください。');
  return args;
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

/** Why a file cannot be opened, for a person who typed its name (no stack, no bare ENOENT). */
function openError(file: string, e: NodeJS.ErrnoException): string {
  const where = path.isAbsolute(file) ? '' : `（${path.resolve(file)}）`;
  switch (e.code) {
    case 'ENOENT':
      return `ファイル「${file}」が見つかりません${where}。名前と場所を確かめてください。`;
    case 'EISDIR':
      return `「${file}」はフォルダです。チェックするファイルを指定してください。`;
    case 'EACCES':
    case 'EPERM':
      return `ファイル「${file}」を読む権限がありません${where}。`;
    default:
      return `ファイル「${file}」を読めません${where}（${e.code ?? e.message}）。`;
  }
}

interface Post {
  id: string;
  text: string;
  platform?: Platform;
}
type Line = { ok: true; post: Post } | { ok: false; id: string; error: string };

export function parseJsonl(content: string): Line[] {
  const out: Line[] = [];
  content.split(/\r?\n/).forEach((raw, index) => {
    const lineNo = index + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      out.push({ ok: false, id: `line-${lineNo}`, error: `${lineNo}行目: JSON として読めません (${(e as Error).message})` });
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      out.push({ ok: false, id: `line-${lineNo}`, error: `${lineNo}行目: オブジェクト {"id","text"} ではありません。` });
      return;
    }
    const v = value as Record<string, unknown>;
    const id = typeof v['id'] === 'string' || typeof v['id'] === 'number' ? String(v['id']) : `line-${lineNo}`;
    if (typeof v['text'] !== 'string') {
      out.push({ ok: false, id, error: `${lineNo}行目: "text" が文字列ではありません。` });
      return;
    }
    if (v['text'].trim() === '') {
      out.push({ ok: false, id, error: `${lineNo}行目: "text" が空です（投稿の本文がありません）。` });
      return;
    }
    const platform = v['platform'];
    if (platform !== undefined && platform !== 'x' && platform !== 'facebook') {
      out.push({ ok: false, id, error: `${lineNo}行目: "platform" は x か facebook です（「${String(platform)}」）。` });
      return;
    }
    out.push({ ok: true, post: platform === undefined ? { id, text: v['text'] } : { id, text: v['text'], platform } });
  });
  return out;
}

export async function main(argv: string[], io: Io): Promise<number> {
  let args: Args | 'help';
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`toukou-guard: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
  if (args === 'help') {
    io.stdout.write(USAGE);
    return 0;
  }
  const fromStdin = args.file === '-';
  const inputName = fromStdin ? '標準入力' : `「${args.file}」`;
  let bytes: Buffer;
  try {
    bytes = fromStdin ? await readAll(io.stdin) : await fs.readFile(args.file);
  } catch (e) {
    io.stderr.write(`toukou-guard: ${openError(args.file, e as NodeJS.ErrnoException)}\n`);
    return 2;
  }
  // Every input error is found before the dictionary loads, so it is reported at once.
  if (bytes.length === 0) {
    io.stderr.write(`toukou-guard: ${inputName}は空です。チェックする投稿の本文がありません。\n`);
    return 2;
  }
  const decoded = decodeInput(bytes);
  if (!decoded.ok) {
    io.stderr.write(`toukou-guard: ${inputName}を読めません。${decoded.reason}\n`);
    return 2;
  }
  if (decoded.encoding !== 'UTF-8' && decoded.encoding !== 'UTF-8 (BOM)') {
    io.stderr.write(`toukou-guard: ${inputName}を ${decoded.encoding} として読みました。\n`);
  }
  const content = decoded.text;
  const isJsonl = args.jsonl || path.extname(args.file).toLowerCase() === '.jsonl';
  const format = args.format ?? (isJsonl ? 'jsonl' : 'text');
  if (!isJsonl && content.trim() === '') {
    io.stderr.write(`toukou-guard: ${inputName}には空白しかありません。チェックする投稿の本文がありません。\n`);
    return 2;
  }
  const lines: Line[] = isJsonl
    ? parseJsonl(content)
    : [{ ok: true, post: { id: fromStdin ? 'stdin' : path.basename(args.file), text: content.replace(/\r?\n$/, ''), ...(args.platform ? { platform: args.platform } : {}) } }];
  if (lines.length === 0) {
    io.stderr.write(`toukou-guard: ${inputName}に投稿が1件もありません（空行だけです）。\n`);
    return 2;
  }

  let tokenizer = null;
  if (args.tokenizer) {
    try {
      tokenizer = await loadNodeTokenizer();
    } catch (e) {
      io.stderr.write(`toukou-guard: ${(e as Error).message}\n  辞書とパターンだけで簡易チェックします（結果の "partial" が true になります）。\n`);
    }
  }
  const checker = createChecker({ tokenizer });
  const outputs: PostOutput[] = [];
  let worst = 0;
  for (const line of lines) {
    if (!line.ok) {
      outputs.push({ id: line.id, error: line.error });
      continue;
    }
    const result: CheckResult = checker.check(line.post.text, line.post.platform ? { platform: line.post.platform } : {});
    worst = Math.max(worst, severityRank(result.verdict));
    outputs.push(toOutput(line.post.id, line.post.text, result));
  }
  // The draft itself is not echoed in machine output: it is the caller's already.
  const machine = outputs.map((o) => ('text' in o ? (({ text: _text, ...rest }) => rest)(o) : o));
  if (format === 'jsonl') for (const o of machine) io.stdout.write(`${JSON.stringify(o)}\n`);
  else if (format === 'json') io.stdout.write(`${JSON.stringify(machine.length === 1 && !isJsonl ? machine[0] : machine, null, 2)}\n`);
  else io.stdout.write(formatText(outputs));
  if (outputs.some((o) => 'error' in o)) io.stderr.write(`toukou-guard: 読めない行がありました（出力の "error" を参照）。\n`);
  if (args.failOn !== null && worst >= severityRank(args.failOn)) return 1;
  return 0;
}
