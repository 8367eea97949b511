/** The toolbar popup (issue #4 §6): the check on this tab, sites on/off, a box to check any text, and links. */
import { useEffect, useState } from 'preact/hooks';
import type { CheckResult } from '../../shared/types.ts';
import type { PopupApi, TabState } from '../options/api.ts';
import { ApprovalVerdict, FindingsList, Lock } from '../options/common.tsx';

const STATE_JA: Record<TabState['state'], string> = { on: '点検中', partial: '一部のみ点検中', off: '点検していません' };
const SITE_JA = { x: 'X', facebook: 'Facebook' } as const;

export function PopupApp({ api }: { api: PopupApi }) {
  const [tab, setTab] = useState<TabState | null>(null);
  const [sites, setSites] = useState<Awaited<ReturnType<PopupApi['siteEnabled']>> | null>(null);
  const [pinSet, setPinSet] = useState(false);
  const [pending, setPending] = useState<{ site: 'x' | 'facebook'; on: boolean } | null>(null);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [result, setResult] = useState<CheckResult | null>(null);
  const refresh = () => {
    const failed = (e: unknown) => setError(`状態を読み込めませんでした（${e instanceof Error ? e.message : String(e)}）`);
    void api.tab().then(setTab, failed);
    void api.siteEnabled().then(setSites, failed);
    void api.pinSet().then(setPinSet, failed);
  };
  useEffect(refresh, [api]);

  async function toggle(site: 'x' | 'facebook', on: boolean, pinValue: string) {
    const r = await api.setSiteEnabled(site, on, pinValue);
    if (!r.ok) {
      setError(r.message);
      return;
    }
    setPending(null);
    setPin('');
    setError(null);
    refresh();
  }

  return (
    <div style={{ width: '380px', padding: '12px 14px' }} data-testid="popup">
      <div class="row" style={{ justifyContent: 'space-between' }}>
        <h1 style={{ fontSize: '16px' }}>投稿ガード</h1>
        {tab !== null ? (
          <span class={tab.state === 'on' ? 'sev' : 'sev'} data-severity={tab.state === 'on' ? 'info' : tab.state === 'partial' ? 'warn' : 'off'} data-testid="tab-state" data-state={tab.state}>
            {STATE_JA[tab.state]}
          </span>
        ) : null}
      </div>
      {tab !== null ? <p class="note" data-testid="tab-detail">{tab.detail}</p> : null}

      <h3>点検するサイト</h3>
      {sites !== null
        ? (['x', 'facebook'] as const).map((site) => {
            const locked = sites.locks.includes(`siteEnabled.${site}`);
            return (
              <label class="row" key={site} style={{ margin: '2px 0' }}>
                <input
                  type="checkbox"
                  checked={pending?.site === site ? pending.on : sites[site]}
                  disabled={locked}
                  data-testid={`popup-site-${site}`}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    if (pinSet) setPending({ site, on });
                    else void toggle(site, on, '');
                  }}
                />
                {SITE_JA[site]} {locked ? <Lock /> : null}
              </label>
            );
          })
        : null}
      {pending !== null ? (
        <form
          class="row"
          onSubmit={(e) => {
            e.preventDefault();
            void toggle(pending.site, pending.on, pin);
          }}
        >
          <input type="password" inputMode="numeric" placeholder="所属長 PIN" value={pin} onInput={(e) => setPin(e.currentTarget.value)} aria-label="所属長 PIN" style={{ width: '120px' }} />
          <button type="submit" class="primary">
            {SITE_JA[pending.site]}を{pending.on ? 'オン' : 'オフ'}にする
          </button>
          <button type="button" class="link" onClick={() => { setPending(null); setError(null); }}>
            やめる
          </button>
        </form>
      ) : null}
      {error !== null ? <p class="error">{error}</p> : null}

      <h3>文章を点検</h3>
      <textarea value={text} onInput={(e) => setText(e.currentTarget.value)} placeholder="投稿する文章を貼り付けてください" data-testid="popup-text" aria-label="点検する文章" />
      <div class="row">
        <button type="button" class="primary" disabled={text.trim() === ''} onClick={async () => setResult(await api.check(text))} data-testid="popup-check">
          点検する
        </button>
      </div>
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
