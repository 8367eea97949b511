/**
 * The real `npm run eval` wiring, once, in a child process: scripts/eval.ts → src/eval/main.ts with
 * the real engine and peer. Behaviour is tested in-process (tests/eval/main.test.ts); this only
 * checks that the script starts, reads the environment and exits as documented. The child loads
 * tsx and the tokenizer dictionary, which on a busy machine takes far longer than vitest's default
 * 5 s, hence the explicit timeouts.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/eval/paths.ts';

const CHILD_TIMEOUT_MS = 150_000;

function runEval(env: Record<string, string>, ...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', path.join(REPO_ROOT, 'scripts', 'eval.ts'), ...args],
      { cwd: REPO_ROOT, env: { ...process.env, ...env }, encoding: 'utf8', timeout: CHILD_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stdout, stderr }),
    );
  });
}

describe('scripts/eval.ts', () => {
  it('with no corpora and no blind sets: every section skipped in one line, exit 0 even with --check', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'toukou-shared-'));
    const run = await runEval({ TOUKOU_SHARED: empty, TOUKOU_BLIND: empty }, '--check');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split('\n').filter((l) => l.includes('skipped — corpus not found'))).toHaveLength(5);
    expect(run.stdout).toContain('== Blind sets: skipped — none at');
  }, CHILD_TIMEOUT_MS + 10_000);

  it('exits 2 on an unknown argument', async () => {
    const run = await runEval({}, '--no-such-flag');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('usage: npm run eval');
  }, CHILD_TIMEOUT_MS + 10_000);
});
