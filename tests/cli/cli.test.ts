/**
 * toukou-guard check. Behaviour is tested in-process through main() (src/cli/main.ts) with
 * in-memory streams: no child process, so nothing here waits on node and the dictionary starting
 * up on a busy machine. tests/cli/bin.test.ts runs the built command itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { loadNodeTokenizer } from '../../src/tokenizer/kuromoji-node.ts';
import { encodeLegacy, tmpFile, utf16, zipLike } from './helpers.ts';

/** The dictionary loads once per process (main() shares it); on a busy machine that can take a while. */
const LOAD_TIMEOUT_MS = 60_000;

class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.text += chunk.toString();
    done();
  }
}

async function check(args: string[], stdin: string | Buffer = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new Sink();
  const stderr = new Sink();
  const code = await main(args, { stdin: Readable.from([typeof stdin === 'string' ? Buffer.from(stdin) : stdin]), stdout, stderr });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const INSULT = '窓口に来たあの客、ほんとバカだった。';

describe('toukou-guard check', () => {
  beforeAll(async () => {
    await loadNodeTokenizer();
  }, LOAD_TIMEOUT_MS);

  it('checks a text file as one post and marks the excerpt in text output', async () => {
    const file = tmpFile('post.txt', `${INSULT}\n`);
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

  it('exits 2 with a message on a usage error', async () => {
    const usage = await check(['check', 'x.txt', '--format', 'xml']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--format');
    const none = await check(['lint']);
    expect(none.code).toBe(2);
  }, LOAD_TIMEOUT_MS);
});

describe('what a person types or saves (issue 9)', () => {
  beforeAll(async () => {
    await loadNodeTokenizer();
  }, LOAD_TIMEOUT_MS);

  /** The one finding of INSULT, wherever the text came from: its excerpt is the text's own slice. */
  async function expectInsultFound(args: string[], stdin?: Buffer): Promise<string> {
    const { code, stdout, stderr } = await check([...args, '--format', 'json', '--fail-on', 'warn'], stdin);
    expect(code, stderr).toBe(1);
    const out = JSON.parse(stdout);
    expect(out.categories).toContain('insult');
    const f = out.findings.find((x: { category: string }) => x.category === 'insult');
    expect(f.excerpt).toContain('バカ');
    expect(INSULT.slice(f.start, f.end)).toBe(f.excerpt);
    return stderr;
  }

  it('decodes a Shift_JIS (CP932) file, so バカ in it is found and --fail-on warn exits 1', async () => {
    const stderr = await expectInsultFound(['check', tmpFile('sjis.txt', encodeLegacy(`${INSULT}\r\n`, 'shift_jis'))]);
    expect(stderr).toContain('Shift_JIS として読みました');
  }, LOAD_TIMEOUT_MS);

  it('decodes CP932-only characters (①, ㈱, 髙) from Windows, not as mojibake', async () => {
    const { code, stdout, stderr } = await check(['check', '-', '--format', 'text', '--fail-on', 'warn'], encodeLegacy('①㈱平川の髙橋さん、ほんとバカだった。', 'shift_jis'));
    expect(code, stderr).toBe(1);
    // The readable output quotes the sentence around the mark, as decoded.
    expect(stdout).toMatch(/①㈱平川の【?髙橋さん、ほんと【?バカ/);
    expect(stdout).toMatch(/【[^】]*バカ[^】]*】/);
    expect(stdout).not.toContain('\uFFFD');
  }, LOAD_TIMEOUT_MS);

  it('decodes UTF-16 with a BOM (little- and big-endian) and UTF-8 with a BOM', async () => {
    expect(await expectInsultFound(['check', tmpFile('u16le.txt', utf16(INSULT, 'le'))])).toContain('UTF-16LE');
    expect(await expectInsultFound(['check', tmpFile('u16be.txt', utf16(INSULT, 'be'))])).toContain('UTF-16BE');
    await expectInsultFound(['check', '-'], Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(INSULT)]));
  }, LOAD_TIMEOUT_MS);

  it('decodes EUC-JP', async () => {
    expect(await expectInsultFound(['check', '-'], encodeLegacy(INSULT, 'euc-jp'))).toContain('EUC-JP');
  }, LOAD_TIMEOUT_MS);

  it('reads a JSONL file saved with a BOM or in Shift_JIS: the first line is a post, not a JSON error', async () => {
    const jsonl = `${JSON.stringify({ id: 'a', text: INSULT })}\n${JSON.stringify({ id: 'b', text: '本日は晴天です。' })}\n`;
    for (const bytes of [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(jsonl)]), encodeLegacy(jsonl, 'shift_jis'), utf16(jsonl, 'le')]) {
      const { code, stdout, stderr } = await check(['check', tmpFile('posts.jsonl', bytes), '--fail-on', 'warn']);
      expect(code, stderr).toBe(1);
      const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
      expect(lines.map((l) => l.id)).toEqual(['a', 'b']);
      expect(lines[0].categories).toContain('insult');
    }
  }, LOAD_TIMEOUT_MS);

  it.each([
    ['a Word file (.docx, a zip)', 'report.docx', zipLike(), /Word/],
    ['an Excel file saved as .txt (the content decides, not the name)', 'post.txt', zipLike(), /Excel/],
    ['a PDF', 'notice.pdf', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >>\nバカ\n'), /PDF/],
    ['an old Word file (.doc)', 'old.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), /\.doc/],
    ['a picture', 'photo.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), /画像/],
    ['a binary file with NUL bytes', 'data.bin', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0x41, 0x42]), /バイナリ/],
    ['UTF-16 without a BOM', 'nobom.txt', utf16(INSULT, 'le', false), /BOM）のない UTF-16/],
    ['UTF-16 without a BOM, ASCII only', 'nobom-ascii.txt', utf16('Hello, Hirakawa City!', 'be', false), /BOM）のない UTF-16/],
    ['bytes in no known encoding', 'odd.txt', Buffer.from([0x82, 0xa0, 0xff, 0xfe, 0xfd, 0x80, 0x81, 0x41]), /文字コードを判別できません/],
  ])('refuses %s with exit 2 and a reason in Japanese, checking nothing', async (_what, name, bytes, reason) => {
    const { code, stdout, stderr } = await check(['check', tmpFile(name, bytes), '--format', 'json']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(reason);
    expect(stderr).toContain('読めません');
  }, LOAD_TIMEOUT_MS);

  it('refuses an empty or blank post with exit 2 (a file, standard input, a JSONL file or line)', async () => {
    for (const args of [['check', tmpFile('empty.txt', '')], ['check', tmpFile('blank.txt', ' \r\n\u3000\n')], ['check', '-'], ['check', tmpFile('blank.jsonl', '\n\n')]]) {
      const { code, stdout, stderr } = await check(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/空|投稿が1件もありません|本文がありません/);
    }
    // In a JSONL file an empty post is that line's error, and the run goes on.
    const file = tmpFile('posts.jsonl', `${JSON.stringify({ id: 'a', text: '  ' })}\n${JSON.stringify({ id: 'b', text: '本日は晴天です。' })}\n`);
    const { code, stdout } = await check(['check', file]);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ id: 'a', error: expect.stringMatching(/1行目.*空/) });
    expect(lines[1]).toMatchObject({ id: 'b', verdict: 'ok' });
  }, LOAD_TIMEOUT_MS);

  it('prints the usage and exits 2 without arguments; --help exits 0', async () => {
    const none = await check([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('使い方: toukou-guard check');
    const help = await check(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('使い方: toukou-guard check');
  }, LOAD_TIMEOUT_MS);

  it('says 見つかりません with the path for a missing file, and names a folder given as a file', async () => {
    const missing = await check(['check', 'no-such-folder/post.txt']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('「no-such-folder/post.txt」が見つかりません');
    expect(missing.stderr).toContain(path.resolve('no-such-folder/post.txt'));
    expect(missing.stderr).not.toContain('ENOENT');
    const folder = await check(['check', path.dirname(tmpFile('a.txt', 'x'))]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('フォルダです');
  }, LOAD_TIMEOUT_MS);
});
