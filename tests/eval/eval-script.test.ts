import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/eval/paths.ts';

/** Runs `scripts/eval.ts` as `npm run eval` would, against corpora in `shared`. */
function runEval(shared: string, ...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'scripts', 'eval.ts'), ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, TOUKOU_SHARED: shared },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('scripts/eval.ts', () => {
  it('with no corpora: one line per skipped section, exit 0 even with --check', () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'toukou-shared-'));
    const run = runEval(empty, '--check');
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n').filter((l) => l.includes('skipped — corpus not found'))).toHaveLength(3);
  }, 60_000);

  it('--json prints only JSON; a malformed corpus makes --check exit 1', () => {
    const shared = mkdtempSync(path.join(tmpdir(), 'toukou-shared-'));
    mkdirSync(path.join(shared, 'corpus'));
    writeFileSync(path.join(shared, 'corpus', 'dev.jsonl'), '{"id": "x", "text": "t", "platform": "x", "expected": {"categories": ["nope"], "needs_approval": true}}\n');
    const run = runEval(shared, '--json', '--check');
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { dev: { status: string; reason: string }; checkPasses: boolean };
    expect(report.dev.status).toBe('invalid');
    expect(report.dev.reason).toMatch(/unknown categories/);
    expect(report.checkPasses).toBe(false);
  }, 60_000);
});
