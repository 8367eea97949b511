import { describe, expect, test } from 'vitest';
import { AUDIT_RETRY_MS, createAuditReporter, type AuditStatus } from '../../src/content/audit-reporter.ts';
import type { AuditAppend } from '../../src/messaging/protocol.ts';

const event = (textHash: string): AuditAppend => ({ site: 'x', decision: 'posted_clean', categories: [], clauses: [], severities: [], textHash });
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('audit reporter: no decision is lost while the background is away', () => {
  test('a record the background refused is sent again until acknowledged, in order, and the status says so meanwhile', async () => {
    const stored: string[] = [];
    const timers: Array<{ run: () => void; ms: number }> = [];
    let down = 2;
    const statuses: AuditStatus[] = [];
    const reporter = createAuditReporter({
      send: async (e) => {
        if (down > 0) {
          down--;
          throw new Error('Could not establish connection');
        }
        stored.push(e.textHash);
      },
      setTimeout: (run, ms) => timers.push({ run, ms }),
      onStatus: (s) => statuses.push(s),
    });
    reporter.report(event('a'));
    reporter.report(event('b'));
    await flush();
    expect(stored).toEqual([]);
    expect(reporter.status()).toMatchObject({ waiting: 2, failing: true });
    timers.shift()!.run();
    await flush();
    expect(stored).toEqual([]);
    expect(timers[0]!.ms).toBe(AUDIT_RETRY_MS[1]);
    timers.shift()!.run();
    await flush();
    await flush();
    expect(stored).toEqual(['a', 'b']);
    expect(reporter.status()).toEqual({ waiting: 0, failing: false, lastError: null, rejected: 0 });
    expect(statuses.some((s) => s.failing)).toBe(true);
  });

  test('retries never stop while the background stays away (the pause stops growing at its last step)', async () => {
    const timers: number[] = [];
    let pendingRun: (() => void) | null = null;
    const reporter = createAuditReporter({
      send: async () => {
        throw new Error('storage full');
      },
      setTimeout: (run, ms) => {
        timers.push(ms);
        pendingRun = run;
      },
    });
    reporter.report(event('a'));
    for (let i = 0; i < AUDIT_RETRY_MS.length + 3; i++) {
      await flush();
      const run = pendingRun as (() => void) | null;
      pendingRun = null;
      run?.();
    }
    await flush();
    expect(timers.slice(-2)).toEqual([AUDIT_RETRY_MS.at(-1), AUDIT_RETRY_MS.at(-1)]);
    expect(reporter.status()).toMatchObject({ waiting: 1, failing: true, lastError: 'storage full' });
  });

  test('a record the background refuses as malformed is dropped (resending cannot help) and counted, and does not hold up the next', async () => {
    const stored: string[] = [];
    const reporter = createAuditReporter({
      send: async (e) => {
        if (e.textHash === 'bad') throw new Error('AuditRejected: 記録を受け付けませんでした（field: textHash）');
        stored.push(e.textHash);
      },
      setTimeout: () => {
        throw new Error('no retry expected');
      },
    });
    reporter.report(event('bad'));
    reporter.report(event('good'));
    await flush();
    await flush();
    expect(stored).toEqual(['good']);
    expect(reporter.status()).toMatchObject({ waiting: 0, rejected: 1 });
  });
});
