/**
 * `npm run eval` behaviour, in-process: main() with a stub engine and peer, synthetic corpora in
 * temporary folders (TOUKOU_SHARED, TOUKOU_BLIND), so it never reads the real blind sets and does
 * not depend on how busy the machine is. tests/eval/eval-script.test.ts runs the real script once.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EvalUsageError, main, parseEvalArgs, type EvalDeps } from '../../src/eval/main.ts';
import type { EvalReport } from '../../src/eval/report.ts';
import type { Category, CheckResult, Finding } from '../../src/shared/types.ts';

/** Flags バカ as insult (warn); every post needs approval. */
const stubDeps: EvalDeps = {
  async engine() {
    return {
      warning: null,
      engine: {
        ok: true,
        value: {
          check(text): CheckResult {
            const at = text.indexOf('バカ');
            const findings: Finding[] = at < 0 ? [] : [{ rule: 'stub', category: 'insult', clause: '5-8-insult', severity: 'warn', confidence: 1, start: at, end: at + 2, excerpt: 'バカ', message: '', suggestion: null }];
            return { verdict: at < 0 ? 'ok' : 'warn', needs_approval: true, exemption: null, approval: { clause: '4-3-approval', reason: '', urls: [], markers: [] }, categories: at < 0 ? [] : ['insult'], findings, partial: false };
          },
        },
      },
    };
  },
  peer: () => ({ ok: false, reason: 'not in this test' }),
};

async function runMain(argv: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, env: { TOUKOU_SHARED: emptyDir(), TOUKOU_BLIND: emptyDir(), ...env } };
  const code = await main(argv, io, stubDeps);
  return { code, stdout, stderr };
}

function emptyDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'toukou-eval-main-'));
}

const draft = (id: string, text: string, categories: Category[], needs_approval = true) => JSON.stringify({ id, text, platform: 'x', expected: { categories, needs_approval }, note: null });

/** Two blind sets; the newer one has a rumour draft the stub misses. Every text carries SECRET. */
function blindSets(): string {
  const dir = emptyDir();
  writeFileSync(path.join(dir, 'blind-2025-08-01.jsonl'), [draft('o1', 'SECRET お前はバカ', ['insult']), draft('o2', 'SECRET 晴れ', [])].join('\n'));
  writeFileSync(path.join(dir, 'blind-2025-09-01.jsonl'), [draft('n1', 'SECRET あいつはバカ', ['insult']), draft('n2', 'SECRET 閉鎖の噂', ['rumour']), draft('n3', 'SECRET 晴れ', [])].join('\n'));
  return dir;
}

describe('parseEvalArgs', () => {
  it('reads the flags, --only as a list (repeatable, or with =), and --file', () => {
    expect(parseEvalArgs([])).toEqual({ check: false, json: false, showMisses: false, only: null, file: null, help: false });
    expect(parseEvalArgs(['--check', '--json', '--show-misses', '--only', 'blind,xsafety', '--only=dev'])).toMatchObject({ check: true, json: true, showMisses: true, only: ['blind', 'xsafety', 'dev'] });
    expect(parseEvalArgs(['--file', 'a.jsonl']).file).toBe('a.jsonl');
  });

  it('refuses unknown arguments and sections, a missing value, and --file with --only', () => {
    expect(() => parseEvalArgs(['--chek'])).toThrow(EvalUsageError);
    expect(() => parseEvalArgs(['--only', 'blnd'])).toThrow(/--only takes dev, bulletin, toxicity, xsafety, stockmark, blind/);
    expect(() => parseEvalArgs(['--only'])).toThrow(/needs a value/);
    expect(() => parseEvalArgs(['--file', 'a.jsonl', '--only', 'dev'])).toThrow(/leave out --only/);
  });
});

describe('main (npm run eval)', () => {
  it('exits 2 with the usage on a bad argument or a --file that is not there', async () => {
    const bad = await runMain(['--only', 'everything']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('usage: npm run eval');
    const missing = await runMain(['--file', '/nonexistent/set.jsonl']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
  });

  it('with no corpora: one line per skipped section, exit 0 even with --check', async () => {
    const run = await runMain(['--check']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').filter((l) => l.includes('skipped — corpus not found'))).toHaveLength(5);
    expect(run.stdout).toContain('== Blind sets: skipped — none at');
  });

  it('--only blind runs the blind sets alone: aggregate figures, no text, --check fails on the newest set', async () => {
    const run = await runMain(['--only', 'blind', '--check'], { TOUKOU_BLIND: blindSets() });
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain('SECRET');
    expect(run.stdout).not.toMatch(/Dev drafts|bulletin|Toxicity|XSafety|Stockmark/);
    expect(run.stdout).toContain('-- blind-2025-09-01.jsonl [2025-09-01] (newest: the blind targets apply): 3 drafts (1 clean, 2 violating)');
    expect(run.stdout).toMatch(/overall recall \(all labels\): +1\/2 = 50\.0%/);
    expect(run.stdout).toMatch(/blind blind-2025-09-01\.jsonl recall: rumour +≥ 0\.9 +0\.000 +MISSED/);
    expect(run.stdout).not.toMatch(/blind blind-2025-08-01\.jsonl recall/);
  });

  it('--show-misses adds ids, never texts; --json holds no blind text either', async () => {
    const env = { TOUKOU_BLIND: blindSets() };
    const shown = await runMain(['--only', 'blind', '--show-misses'], env);
    expect(shown.stdout).toContain('  missed rumour: n2');
    expect(shown.stdout).not.toContain('SECRET');
    const json = await runMain(['--only=blind', '--json', '--show-misses'], env);
    expect(json.stdout).not.toContain('SECRET');
    const report = JSON.parse(json.stdout) as EvalReport;
    expect(report.blind.sets.map((s) => s.name)).toEqual(['blind-2025-08-01.jsonl', 'blind-2025-09-01.jsonl']);
    expect(report.dev.status).toBe('not_run');
  });

  it('--file evaluates one JSONL file as a blind set, and nothing else', async () => {
    const dir = emptyDir();
    const file = path.join(dir, 'drafts.jsonl');
    writeFileSync(file, [draft('a', 'SECRET バカだ', ['insult']), draft('b', 'SECRET 晴れ', [])].join('\n'));
    // A dev corpus is there, and must not be read.
    mkdirSync(path.join(dir, 'corpus'));
    writeFileSync(path.join(dir, 'corpus', 'dev.jsonl'), draft('d', 'dev', []));
    const run = await runMain(['--file', file, '--check'], { TOUKOU_SHARED: dir, TOUKOU_BLIND: blindSets() });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`only: --file ${file}`);
    expect(run.stdout).toContain('-- drafts.jsonl (newest: the blind targets apply): 2 drafts (1 clean, 1 violating)');
    expect(run.stdout).not.toMatch(/SECRET|Dev drafts|blind-2025/);
    expect(run.stdout).toContain('all measured targets met');
  });

  it('a malformed corpus makes --check exit 1, and --json prints only JSON', async () => {
    const shared = emptyDir();
    mkdirSync(path.join(shared, 'corpus'));
    writeFileSync(path.join(shared, 'corpus', 'dev.jsonl'), '{"id": "x", "text": "t", "platform": "x", "expected": {"categories": ["nope"], "needs_approval": true}}\n');
    const run = await runMain(['--json', '--check', '--only', 'dev'], { TOUKOU_SHARED: shared });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as EvalReport;
    expect(report.dev.status).toBe('invalid');
    expect(report.dev.reason).toMatch(/unknown categories/);
    expect(report.checkPasses).toBe(false);
  });
});
