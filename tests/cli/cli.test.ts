import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = path.resolve(__dirname, '../../bin/toukou-guard.mjs');

function run(args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [BIN, ...args], { timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as NodeJS.ErrnoException & { code?: number }).code as unknown as number) ?? 1 : 0, stdout, stderr });
    });
    if (stdin !== undefined) child.stdin?.end(stdin);
  });
}

function tmpFile(name: string, content: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tg-cli-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

describe('toukou-guard check', () => {
  it('checks a text file as one post and marks the excerpt in text output', async () => {
    const file = tmpFile('post.txt', '窓口に来たあの客、ほんとバカだった。\n');
    const { code, stdout } = await run(['check', file]);
    expect(code).toBe(0);
    expect(stdout).toContain('【バカ】');
    expect(stdout).toContain('5-8-insult');
    expect(stdout).toContain('所属長の了承が必要');
  });

  it('writes one JSON object per JSONL line, with an error object for an unreadable line, and goes on', async () => {
    const file = tmpFile(
      'posts.jsonl',
      [
        JSON.stringify({ id: 'a', text: '【結果】市民ソフトボール大会は上町クラブが優勝しました。', platform: 'x' }),
        '{not json',
        JSON.stringify({ id: 'c', text: '担当の携帯 090-2222-3333 までどうぞ。山田さんが対応します。' }),
      ].join('\n'),
    );
    const { code, stdout } = await run(['check', file]);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ id: 'a', verdict: 'ok', needs_approval: false, exemption: 'facts', categories: [] });
    expect(lines[1].id).toBe('line-2');
    expect(lines[1].error).toMatch(/2行目/);
    expect(lines[2].categories).toContain('personal_info');
    const f = lines[2].findings.find((x: { category: string }) => x.category === 'personal_info');
    expect(f).toMatchObject({ clause: '5-5-personal-info', excerpt: '090-2222-3333' });
    expect(Object.keys(f).sort()).toEqual(['category', 'clause', 'end', 'excerpt', 'message', 'rule', 'severity', 'start', 'suggestion']);
  });

  it('reads standard input with -, and --fail-on block exits 1 only when a block finding is there', async () => {
    const bad = await run(['check', '-', '--format', 'json', '--fail-on', 'block'], '在日は日本から出ていけ');
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ verdict: 'block', categories: ['discrimination'] });
    const ok = await run(['check', '-', '--format', 'json', '--fail-on', 'warn'], '市民プールは本日で営業を終了しました。');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ verdict: 'ok', exemption: 'facts' });
  });

  it('exits 2 with a message on a usage error or an unreadable file', async () => {
    const usage = await run(['check', 'x.txt', '--format', 'xml']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--format');
    const missing = await run(['check', '/nonexistent/post.txt']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('読めません');
    const none = await run(['lint']);
    expect(none.code).toBe(2);
  });
});
