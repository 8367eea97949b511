/**
 * The toolbar popup (issue #4 §6): the check on this tab, sites on/off (the supervisor PIN), a box to
 * check any text, and links; and, until a supervisor PIN is configured, the standing notice
 * 「所属長のPINが未設定です」 (issue #8 §5).
 */
import { useEffect, useState } from 'preact/hooks';
import type { CheckResult } from '../../shared/types.ts';
import type { PopupApi, SupervisorStatus, TabState } from '../options/api.ts';
import { ApprovalVerdict, FindingsList, Lock } from '../options/common.tsx';

const STATE_JA: Record<TabState['state'], string> = { on: '点検中', partial: '一部のみ点検中', off: '点検していません' };
const SITE_JA = { x: 'X', facebook: 'Facebook' } as const;

export function PopupApp({ api }: { api: PopupApi }) {
  const [tab, setTab] = useState<TabState | null>(null);
  const [status, setStatus] = useState<SupervisorStatus | null>(null);
  const [pending, setPending] = useState<{ site: 'x' | 'facebook'; on: boolean } | null>(null);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [text, setText] = useState('');
  const [result, setResult] = useState<CheckResult | null>(null);
  const [checkError, setCheckError] = useState<string | null>(null);
  const refresh = () => {
    setError(null);
    void api.tab().then(setTab, (e: unknown) => setError(`状態を読み込めませんでした（${e instanceof Error ? e.message : String(e)}）`));
    void api.status().then((r) => (r.ok ? setStatus(r.value) : setError(`状態を読み込めませんでした。${r.message}`)));
  };
  useEffect(refresh, [api]);

  async function toggle(site: 'x' | 'facebook', on: boolean, pinValue: string) {
    setBusy(true);
    const r = await api.setSiteEnabled(site, on, pinValue);
    setBusy(false);
    setPin('');
    if (!r.ok) {
      setError(r.message);
      return;
    }
    setPending(null);
    setError(null);
    refresh();
  }

  async function check() {
    setCheckError(null);
    const r = await api.check(text);
    if (r.ok) setResult(r.value);
    else setCheckError(r.message);
  }

  const noPin = status !== null && !status.pinSet;
  return (
    <div style={{ width: '380px', padding: '12px 14px' }} data-testid="popup">
      <div class="row" style={{ justifyContent: 'space-between' }}>
        <h1 style={{ fontSize: '16px' }}>投稿ガード</h1>
        {tab !== null ? (
          <span class="sev" data-severity={tab.state === 'on' ? 'info' : tab.state === 'partial' ? 'warn' : 'off'} data-testid="tab-state" data-state={tab.state}>
            {STATE_JA[tab.state]}
          </span>
        ) : null}
      </div>
      {tab !== null ? <p class="note" data-testid="tab-detail">{tab.detail}</p> : null}
      {noPin ? (
        // The standing notice (issue #8 §5): until a supervisor PIN is configured, approvals are the author's word.
        <div class="box warn" role="status" data-testid="pin-notice">
          <b>所属長のPINが未設定です</b>
          <div class="note">
            {status.pinProblem ?? '所属長の了承を確かめられないため、「了承を得た」という申告はそのまま記録に残ります。設定も変えられません。所属長に設定を依頼してください。'}
          </div>
        </div>
      ) : null}

      <h3>点検するサイト</h3>
      {status !== null
        ? (['x', 'facebook'] as const).map((site) => {
            const locked = status.locks.includes(`siteEnabled.${site}`);
            return (
              <label class="row" key={site} style={{ margin: '2px 0' }}>
                <input
                  type="checkbox"
                  checked={pending?.site === site ? pending.on : status.siteEnabled[site]}
                  disabled={locked || noPin}
                  data-testid={`popup-site-${site}`}
                  onChange={(e) => {
                    setError(null);
                    setPending({ site, on: e.currentTarget.checked });
                  }}
                />
                {SITE_JA[site]} {locked ? <Lock /> : null}
              </label>
            );
          })
        : null}
      {noPin ? <p class="note">点検するサイトの切り替えは、所属長の PIN が設定されてからできます。</p> : null}
      {pending !== null ? (
        <form
          class="row"
          onSubmit={(e) => {
            e.preventDefault();
            void toggle(pending.site, pending.on, pin);
          }}
        >
          <input type="password" inputMode="numeric" autoComplete="off" placeholder="所属長 PIN" value={pin} onInput={(e) => setPin(e.currentTarget.value)} aria-label="所属長 PIN" style={{ width: '120px' }} data-testid="popup-pin" />
          <button type="submit" class="primary" disabled={busy || pin === ''} data-testid="popup-site-confirm">
            {SITE_JA[pending.site]}を{pending.on ? 'オン' : 'オフ'}にする
          </button>
          <button type="button" class="link" onClick={() => { setPending(null); setError(null); }}>
            やめる
          </button>
        </form>
      ) : null}
      {error !== null ? (
        <p class="error" role="alert" data-testid="popup-error">
          {error}{' '}
          <button type="button" class="link" onClick={refresh}>
            もう一度読み込む
          </button>
        </p>
      ) : null}

      <h3>文章を点検</h3>
      <textarea value={text} onInput={(e) => setText(e.currentTarget.value)} placeholder="投稿する文章を貼り付けてください" data-testid="popup-text" aria-label="点検する文章" />
      <div class="row">
        <button type="button" class="primary" disabled={text.trim() === ''} onClick={() => void check()} data-testid="popup-check">
          点検する
        </button>
      </div>
      {checkError !== null ? (
        <p class="error" role="alert" data-testid="popup-check-error">
          {checkError}
        </p>
      ) : null}
      {result !== null ? (
        <div data-testid="popup-result" data-verdict={result.verdict}>
          <FindingsList findings={result.findings} />
          <ApprovalVerdict result={result} />
        </div>
      ) : null}
      <div class="row" style={{ marginTop: '8px' }}>
        <button type="button" class="link" onClick={() => api.openOptions()} data-testid="popup-open-options">
          設定（所属長用）
        </button>
        <button type="button" class="link" onClick={() => api.openLog()} data-testid="popup-open-log">
          記録（監査ログ）
        </button>
      </div>
    </div>
  );
}
