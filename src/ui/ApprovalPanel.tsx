/**
 * The author's side of (4)③ in the gate dialog: the supervisor approves in person (in the
 * extension's own confirmation window, which the button opens: no PIN is ever typed into the
 * site's page), or at a distance (the author copies a request, the supervisor sends back a code).
 * For a post held by block findings the same two ways give a release, which needs a reason (given
 * in the window, or in the code). Props in, callbacks out: the messages to the background are the caller's.
 */
import { useState } from 'preact/hooks';
import type { ApprovalReply } from '../messaging/supervisor-protocol.ts';
import type { Translate } from './strings.ts';

export interface ApprovalPanelProps {
  t: Translate;
  /** `approve` for (4)③; `release` when block findings hold the post. */
  mode: 'approve' | 'release';
  accounts: Array<{ handle: string; name: string }>;
  account: string;
  onAccount: (handle: string) => void;
  inPerson: boolean;
  byCode: boolean;
  /** The granted approval, once there is one. */
  granted: Extract<ApprovalReply, { ok: true }> | null;
  onRequest: () => Promise<string>;
  onCode: (code: string) => Promise<ApprovalReply>;
  /** The supervisor's confirmation window is open, waiting for the PIN. */
  waiting: boolean;
  /** Why the last in-person request ended without an approval. */
  notice: string | null;
  /** Opens the supervisor's confirmation window (the background does; no PIN passes through this page). */
  onInPerson: () => Promise<void>;
  onInPersonCancel: () => void;
}

function expiry(ms: number): string {
  return new Date(ms).toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function ApprovalPanel({ t, mode, accounts, account, onAccount, inPerson, byCode, granted, onRequest, onCode, waiting, notice, onInPerson, onInPersonCancel }: ApprovalPanelProps) {
  const [request, setRequest] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const release = mode === 'release';

  const run = async (work: () => Promise<ApprovalReply>) => {
    setBusy(true);
    const reply = await work().catch((e: unknown): ApprovalReply => ({ ok: false, reason: String(e) }));
    setBusy(false);
    setError(reply.ok ? null : reply.reason);
    if (reply.ok) setCode('');
  };

  if (granted !== null) {
    return (
      <div class="tg-granted" data-testid="tg-approval-granted" data-kind={granted.kind}>
        {t(granted.kind === 'release' ? 'approvalReleased' : 'approvalGranted', [expiry(granted.expiresAt)])}
        {granted.reason !== undefined ? <div class="tg-note">{granted.reason}</div> : null}
      </div>
    );
  }

  return (
    <div class="tg-approval" data-testid="tg-approval" data-mode={mode}>
      {accounts.length > 1 ? (
        <label class="tg-field">
          {t('approvalAccount')}
          <select value={account} onChange={(e) => onAccount(e.currentTarget.value)} data-testid="tg-approval-account">
            {accounts.map((a) => (
              <option key={a.handle} value={a.handle}>
                {a.name} (@{a.handle})
              </option>
            ))}
          </select>
        </label>
      ) : accounts.length === 1 ? (
        <p class="tg-note">
          {t('approvalAccount')}: {accounts[0]!.name} (@{accounts[0]!.handle})
        </p>
      ) : (
        <p class="tg-note tg-warnline">{t('approvalNoAccount')}</p>
      )}

      <fieldset class="tg-box">
        <legend>{t(release ? 'releaseInPersonTitle' : 'approvalInPersonTitle')}</legend>
        {inPerson ? (
          waiting ? (
            <div class="tg-row" data-testid="tg-approval-in-person-waiting">
              <span class="tg-note">{t('approvalInPersonWaiting')}</span>
              <button type="button" onClick={onInPersonCancel} data-testid="tg-approval-in-person-cancel">
                {t('approvalInPersonCancel')}
              </button>
            </div>
          ) : (
            <>
              <p class="tg-note">{t(release ? 'releaseInPersonNote' : 'approvalInPersonNote')}</p>
              <button
                type="button"
                disabled={busy}
                onClick={async () => {
                  setBusy(true);
                  setError(null);
                  await onInPerson().catch((e: unknown) => setError(String(e)));
                  setBusy(false);
                }}
                data-testid="tg-approval-in-person"
              >
                {t('approvalInPersonOpen')}
              </button>
            </>
          )
        ) : (
          <p class="tg-note">{t('approvalNoPin')}</p>
        )}
      </fieldset>

      <fieldset class="tg-box">
        <legend>{t('approvalRemoteTitle')}</legend>
        {byCode ? (
          <>
            <p class="tg-note">{t('approvalRemoteNote')}</p>
            <button
              type="button"
              data-testid="tg-approval-request"
              onClick={async () => {
                const r = await onRequest();
                setRequest(r);
                await navigator.clipboard.writeText(r).catch(() => undefined);
              }}
            >
              {t('approvalCopyRequest')}
            </button>
            {request !== null ? <textarea readOnly class="tg-code" value={request} data-testid="tg-approval-request-text" onFocus={(e) => e.currentTarget.select()} /> : null}
            <label class="tg-field">
              {t('approvalCodeLabel')}
              <textarea class="tg-code" value={code} onInput={(e) => { setCode(e.currentTarget.value); setError(null); }} placeholder="TGOK1.…" data-testid="tg-approval-code" />
            </label>
            <button type="button" disabled={busy || code.trim() === ''} onClick={() => run(() => onCode(code))} data-testid="tg-approval-code-submit">
              {t('approvalCodeButton')}
            </button>
          </>
        ) : (
          <p class="tg-note">{t('approvalNoKey')}</p>
        )}
      </fieldset>
      {(error ?? notice) !== null ? (
        <p class="tg-error" role="alert" data-testid="tg-approval-error">
          {error ?? notice}
        </p>
      ) : null}
    </div>
  );
}
