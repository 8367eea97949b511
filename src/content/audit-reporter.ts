/**
 * The tab's side of the audit log (issue #8 §6): every gate decision is queued and sent to the
 * background until the background acknowledges it, in order, retrying with a growing pause (the
 * service worker may be stopping, storage may be full). While a record is not acknowledged the badge
 * says so. Pure apart from the two functions it is given, so it is unit-tested in Node.
 */
import type { AuditAppend } from '../messaging/protocol.ts';

/** Pauses between attempts (ms); the last one repeats for as long as the tab lives. */
export const AUDIT_RETRY_MS = [250, 1000, 3000, 10_000, 30_000] as const;

export interface AuditReporterDeps {
  /** Resolves when the background stored the record; rejects otherwise. */
  send(event: AuditAppend): Promise<unknown>;
  setTimeout(handler: () => void, ms: number): unknown;
  /** Called when the state changes: how many records wait, and whether the last attempt failed. */
  onStatus?(status: AuditStatus): void;
}

export interface AuditStatus {
  waiting: number;
  failing: boolean;
  lastError: string | null;
  /** Records the background refused as malformed: dropped (resending cannot help), and shown. */
  rejected: number;
}

/** The background's answer to a malformed record (src/audit/validate.ts): final, never retried. */
export function isRejection(message: string): boolean {
  return message.startsWith('AuditRejected:');
}

export interface AuditReporter {
  report(event: AuditAppend): void;
  status(): AuditStatus;
}

export function createAuditReporter(deps: AuditReporterDeps): AuditReporter {
  const queue: AuditAppend[] = [];
  let sending = false;
  let attempt = 0;
  let lastError: string | null = null;
  let rejected = 0;

  const status = (): AuditStatus => ({ waiting: queue.length, failing: lastError !== null, lastError, rejected });
  const tell = () => deps.onStatus?.(status());

  function flush(): void {
    if (sending || queue.length === 0) return;
    sending = true;
    const event = queue[0]!;
    deps.send(event).then(
      () => {
        sending = false;
        queue.shift();
        attempt = 0;
        lastError = null;
        tell();
        flush();
      },
      (error: unknown) => {
        sending = false;
        const message = error instanceof Error ? error.message : String(error);
        if (isRejection(message)) {
          // Resending the same record cannot help, and it would hold up every record behind it.
          queue.shift();
          rejected++;
          console.error('投稿ガード: 記録が受け付けられませんでした', message);
          tell();
          flush();
          return;
        }
        lastError = message;
        const pause = AUDIT_RETRY_MS[Math.min(attempt, AUDIT_RETRY_MS.length - 1)]!;
        attempt++;
        tell();
        deps.setTimeout(flush, pause);
      },
    );
  }

  return {
    report(event) {
      queue.push(event);
      tell();
      flush();
    },
    status,
  };
}
