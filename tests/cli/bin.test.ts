/**
 * The installed command, bin/toukou-guard.mjs, in child processes: it runs the plain-JavaScript
 * bundle that scripts/build-cli.mjs makes (issue 10), built here first when a source is newer.
 * Every wait has its own timeout sized for a busy 2-core machine (node start plus the IPADIC
 * dictionary, cold), never the default 5 s.
 */
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeLegacy, tmpFile, zipLike } from './helpers.ts';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin', 'toukou-guard.mjs');
const BUNDLE = path.join(ROOT, 'bin', 'toukou-guard.bundle.mjs');
/** esbuild over the engine and the term lists; seconds, but a loaded machine can be slow. */
const BUILD_TIMEOUT_MS = 120_000;
/** A child that loads the dictionary: node + the bundle + IPADIC (~100 MiB gunzipped), cold. */
const FULL_RUN_TIMEOUT_MS = 120_000;
/** A child that stops before the dictionary (usage and input errors). */
const QUICK_RUN_TIMEOUT_MS = 60_000;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(bin: string, args: string[], stdin: string | Buffer, timeout: number): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [bin, ...args], { timeout, encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stdout, stderr });
    });
    child.stdin?.end(stdin);
  });
}

beforeAll(() => {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-cli.mjs'), '--if-stale'], { cwd: ROOT, stdio: 'pipe', timeout: BUILD_TIMEOUT_MS });
}, BUILD_TIMEOUT_MS + 10_000);

describe('bin/toukou-guard.mjs, the built command', () => {
  it('runs plain JavaScript: tsx is no runtime dependency and the command does not load it', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(Object.keys(pkg.dependencies)).not.toContain('tsx');
    expect(pkg.bin['toukou-guard']).toBe('bin/toukou-guard.mjs');
    for (const file of [BIN, BUNDLE]) expect(fs.readFileSync(file, 'utf8')).not.toMatch(/from ['"]tsx|import\(['"]tsx|\.ts['"]\)/);
  });

  it('reads stdin, prints JSON and sets the exit code', async () => {
    const r = await run(BIN, ['check', '-', '--format', 'json', '--fail-on', 'block'], '在日は日本から出ていけ', FULL_RUN_TIMEOUT_MS);
    expect(r.code, r.stderr).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ verdict: 'block', categories: ['discrimination'] });
  }, FULL_RUN_TIMEOUT_MS + 10_000);

  it('works copied away from the sources (no src/, tsx or esbuild): finds the dictionary and a Shift_JIS バカ, exit 1', async () => {
    // What an installed copy has: bin/ and node_modules/@patdx/kuromoji (the dictionary).
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tg-bin-'));
    fs.mkdirSync(path.join(dir, 'bin'));
    for (const f of [BIN, BUNDLE]) fs.copyFileSync(f, path.join(dir, 'bin', path.basename(f)));
    fs.mkdirSync(path.join(dir, 'node_modules', '@patdx'), { recursive: true });
    fs.symlinkSync(path.join(ROOT, 'node_modules', '@patdx', 'kuromoji'), path.join(dir, 'node_modules', '@patdx', 'kuromoji'), 'dir');
    const post = tmpFile('sjis.txt', encodeLegacy('窓口に来たあの客、ほんとバカだった。\r\n', 'shift_jis'));
    const r = await run(path.join(dir, 'bin', 'toukou-guard.mjs'), ['check', post, '--format', 'json', '--fail-on', 'warn'], '', FULL_RUN_TIMEOUT_MS);
    expect(r.code, r.stderr).toBe(1);
    const out = JSON.parse(r.stdout);
    // partial: false — the tokenizer ran, so the IPADIC files were found from the bundle's place.
    expect(out).toMatchObject({ partial: false, categories: expect.arrayContaining(['insult']) });
    expect(out.findings.map((f: { excerpt: string }) => f.excerpt).join()).toContain('バカ');
    expect(r.stderr).toContain('Shift_JIS');
  }, FULL_RUN_TIMEOUT_MS + 10_000);

  it('exits 2 with the usage when given nothing, and with a plain message for a missing or Word file', async () => {
    const none = await run(BIN, [], '', QUICK_RUN_TIMEOUT_MS);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('使い方: toukou-guard check');
    const missing = await run(BIN, ['check', '/nonexistent/下書き.txt'], '', QUICK_RUN_TIMEOUT_MS);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('「/nonexistent/下書き.txt」が見つかりません');
    // No stack trace or bare error code for a person to decipher.
    expect(missing.stderr).not.toMatch(/ENOENT|\n\s+at /);
    const docx = await run(BIN, ['check', tmpFile('お知らせ.docx', zipLike()), '--fail-on', 'warn'], '', QUICK_RUN_TIMEOUT_MS);
    expect(docx.code).toBe(2);
    expect(docx.stdout).toBe('');
    expect(docx.stderr).toContain('Word');
  }, 3 * QUICK_RUN_TIMEOUT_MS + 10_000);
});
