/**
 * toukou-guard check. Behaviour is tested in-process through main() (src/cli/main.ts) with
 * in-memory streams: no child process, so nothing here waits on node, tsx and the dictionary
 * starting up on a busy machine. One test runs the real bin/ script end to end, with explicit
 * timeouts that leave a loaded machine plenty of room.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { loadNodeTokenizer } from '../../src/tokenizer/kuromoji-node.ts';

const BIN = path.resolve(__dirname, '../../bin/toukou-guard.mjs');
/** The dictionary loads once per process (main() shares it); on a busy machine that can take a while. */
const LOAD_TIMEOUT_MS = 60_000;
/** A child process: node + tsx + the dictionary, cold. */
const CHILD_TIMEOUT_MS = 120_000;

class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.text += chunk.toString();
    done();
  }
}

async function check(args: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new Sink();
  const stderr = new Sink();
  const code = await main(args, { stdin: Readable.from([Buffer.from(stdin)]), stdout, stderr });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

function tmpFile(name: string, content: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tg-cli-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

describe('toukou-guard check', () => {
  beforeAll(async () => {
    await loadNodeTokenizer();
  }, LOAD_TIMEOUT_MS);

  it('checks a text file as one post and marks the excerpt in text output', async () => {
    const file = tmpFile('post.txt', '窓口に来たあの客、ほんとバカだった。\n');
    const { code, stdout } = await check(['check', file]);
    expect(code).toBe(0);
    // The mark is the finding's span, whatever the rule that found it (the engine decides the span).
    expect(stdout).toMatch(/【[^】]*バカ[^】]*】/);
    expect(stdout).toContain('5-8-insult');
    expect(stdout).toContain('所属長の了承が必要');
  }, LOAD_TIMEOUT_MS);

  it('writes one JSON object per JSONL line, with an error object for an unreadable line, and goes on', async () => {
    const file = tmpFile(
      'posts.jsonl',
      [
        JSON.stringify({ id: 'a', text: '【結果】市民ソフトボール大会は上町クラブが優勝しました。', platform: 'x' }),
        '{not json',
        JSON.stringify({ id: 'c', text: '担当の携帯 090-2222-3333 までどうぞ。山田さんが対応します。' }),
      ].join('\n'),
    );
    const { code, stdout, stderr } = await check(['check', file]);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ id: 'a', verdict: 'ok', needs_approval: false, exemption: 'facts', categories: [] });
    expect(lines[1].id).toBe('line-2');
    expect(lines[1].error).toMatch(/2行目/);
    expect(stderr).toContain('読めない行がありました');
    expect(lines[2].categories).toContain('personal_info');
    const f = lines[2].findings.find((x: { category: string }) => x.category === 'personal_info');
    expect(f).toMatchObject({ clause: '5-5-personal-info', excerpt: expect.stringContaining('090-2222-3333') });
    expect(JSON.parse(fs.readFileSync(file, 'utf8').split('\n')[2]!).text.slice(f.start, f.end)).toBe(f.excerpt);
    // `signals` is there only for a finding made of several signals (src/cli/format.ts).
    expect(Object.keys(f).filter((k) => k !== 'signals').sort()).toEqual(['category', 'clause', 'end', 'excerpt', 'message', 'rule', 'severity', 'start', 'suggestion']);
  }, LOAD_TIMEOUT_MS);

  it('reads standard input with -, and --fail-on block exits 1 only when a block finding is there', async () => {
    const bad = await check(['check', '-', '--format', 'json', '--fail-on', 'block'], '在日は日本から出ていけ');
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ verdict: 'block', categories: ['discrimination'] });
    const ok = await check(['check', '-', '--format', 'json', '--fail-on', 'warn'], '市民プールは本日で営業を終了しました。');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ verdict: 'ok', exemption: 'facts' });
  }, LOAD_TIMEOUT_MS);

  it('exits 2 with a message on a usage error or an unreadable file', async () => {
    const usage = await check(['check', 'x.txt', '--format', 'xml']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--format');
    const missing = await check(['check', '/nonexistent/post.txt']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('読めません');
    const none = await check(['lint']);
    expect(none.code).toBe(2);
  }, LOAD_TIMEOUT_MS);
});

describe('bin/toukou-guard.mjs (the installed command, in a child process)', () => {
  function run(args: string[], stdin: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      const child = execFile(process.execPath, [BIN, ...args], { timeout: CHILD_TIMEOUT_MS }, (error, stdout, stderr) => {
        resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stdout, stderr });
      });
      child.stdin?.end(stdin);
    });
  }

  it('runs from a fresh clone through tsx: reads stdin, prints JSON, sets the exit code', async () => {
    const run1 = await run(['check', '-', '--format', 'json', '--fail-on', 'block'], '在日は日本から出ていけ');
    expect(run1.code, run1.stderr).toBe(1);
    expect(JSON.parse(run1.stdout)).toMatchObject({ verdict: 'block', categories: ['discrimination'] });
  }, CHILD_TIMEOUT_MS + 10_000);
});
