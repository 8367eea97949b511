/**
 * The options page: for the section head (所属長). Nothing can be changed before the supervisor PIN
 * is entered (or, on first use, set). Sections are tabs; the log has its own page.
 */
import { useEffect, useState } from 'preact/hooks';
import { LOCK_LABEL_JA } from '../../policy/labels.ts';
import { PIN_RULE_JA } from '../../security/pin.ts';
import type { OptionsApi, OptionsSnapshot } from './api.ts';
import { AccountsPanel } from './AccountsPanel.tsx';
import { ApprovalsPanel } from './ApprovalsPanel.tsx';
import { Lock, PinForm } from './common.tsx';
import { ExceptionsPanel } from './ExceptionsPanel.tsx';
import { GeneralPanel } from './GeneralPanel.tsx';
import { ImportExportPanel } from './ImportExportPanel.tsx';
import { SensitivityPanel } from './SensitivityPanel.tsx';
import { TermsPanel } from './TermsPanel.tsx';

export const TABS = [
  ['sensitivity', '感度'],
  ['terms', '独自の語'],
  ['exceptions', '例外'],
  ['accounts', 'アカウント（利用方針）'],
  ['approvals', '了承'],
  ['import', '読み込み・書き出し'],
  ['general', 'サイト・記録・PIN'],
] as const;
export type Tab = (typeof TABS)[number][0];

function FirstPin({ api, onDone }: { api: OptionsApi; onDone: () => void }) {
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <div class="pin-screen box" data-testid="pin-setup">
      <h2>所属長 PIN の設定</h2>
      <p>投稿ガードの設定は所属長だけが変えられます。はじめに所属長の PIN を決めてください。</p>
      <p class="note">{PIN_RULE_JA}</p>
      <label class="field">
        <span>PIN</span>
        <input type="password" inputMode="numeric" value={pin} onInput={(e) => setPin(e.currentTarget.value)} data-testid="pin-setup-pin" />
      </label>
      <label class="field">
        <span>PIN（確認）</span>
        <input type="password" inputMode="numeric" value={again} onInput={(e) => setAgain(e.currentTarget.value)} data-testid="pin-setup-again" />
      </label>
      {error !== null ? <p class="error" role="alert">{error}</p> : null}
      <button
        type="button"
        class="primary"
        data-testid="pin-setup-submit"
        disabled={pin === ''}
        onClick={async () => {
          if (pin !== again) {
            setError('確認の PIN が一致しません。');
            return;
          }
          const r = await api.setPin(pin, null);
          if (r.ok) onDone();
          else setError(r.message);
        }}
      >
        設定する
      </button>
    </div>
  );
}

export function OptionsApp({ api, initialTab = 'sensitivity' }: { api: OptionsApi; initialTab?: Tab }) {
  const [snapshot, setSnapshot] = useState<OptionsSnapshot | null>(null);
  const [unlocked, setUnlocked] = useState(false);
  const [tab, setTab] = useState<Tab>(initialTab);
  /** What the last save did, shown above the tabs (a panel may be rebuilt by the reload). */
  const [notice, setNotice] = useState<string | null>(null);
  /** Why the settings could not be read (shown with a retry); nothing is written meanwhile. */
  const [loadError, setLoadError] = useState<string | null>(null);
  const reload = () =>
    void api.load().then(
      (next) => {
        setLoadError(null);
        setSnapshot(next);
      },
      (error: unknown) => setLoadError(error instanceof Error ? error.message : String(error)),
    );
  const saved = (message?: string) => {
    setNotice(message ?? null);
    reload();
  };
  useEffect(reload, [api]);

  if (loadError !== null && snapshot === null) {
    return (
      <div class="page" role="alert" data-testid="options-load-error">
        <p>設定を読み込めませんでした（{loadError}）。保存済みの設定は変わっていません。</p>
        <button type="button" onClick={reload}>
          もう一度読み込む
        </button>
      </div>
    );
  }
  if (snapshot === null) return <p class="page">読み込み中…</p>;
  const header = (
    <div class="topbar">
      <h1>投稿ガード 設定</h1>
      <span class="note">所属長用</span>
      <span class="spacer" />
      <button type="button" class="link" onClick={() => api.openLog()} data-testid="open-log">
        記録（監査ログ）
      </button>
      {unlocked ? (
        <button type="button" onClick={() => setUnlocked(false)} data-testid="lock-now">
          ロックする
        </button>
      ) : null}
    </div>
  );

  if (!snapshot.pinSet) {
    return (
      <>
        {header}
        <FirstPin api={api} onDone={() => { setUnlocked(true); reload(); }} />
      </>
    );
  }
  if (!unlocked) {
    return (
      <>
        {header}
        <div class="pin-screen box">
          <h2>所属長 PIN の入力</h2>
          <p>設定を見たり変えたりするには、所属長の PIN を入力してください。</p>
          <PinForm label="所属長 PIN" button="開く" testid="unlock" onSubmit={async (pin) => ((await api.verifyPin(pin)) ? (setUnlocked(true), null) : 'PIN が違います。')} />
        </div>
      </>
    );
  }

  const { config } = snapshot;
  const props = { api, snapshot, onSaved: saved };
  return (
    <>
      {header}
      <div class="page">
        {config.locks.length > 0 || config.problems.length > 0 ? (
          <div class="box warn" data-testid="policy-banner">
            <b>組織のポリシーが適用されています。</b> <Lock /> の付いた項目は情報システム担当が設定したもので、ここでは変えられません。
            <div class="note">固定されている項目: {config.locks.map((k) => LOCK_LABEL_JA[k]).join('、')}</div>
            {config.problems.length > 0 ? (
              <div class="error">
                ポリシーの一部を読めませんでした（その部分は使っていません）: {config.problems.map((p) => `${p.path} ${p.message}`).join(' / ')}
              </div>
            ) : null}
          </div>
        ) : null}
        <nav class="tabs" role="tablist">
          {TABS.map(([id, label]) => (
            <button key={id} type="button" role="tab" aria-selected={tab === id} onClick={() => { setTab(id); setNotice(null); }} data-testid={`tab-${id}`}>
              {label}
            </button>
          ))}
        </nav>
        {notice !== null ? (
          <p class="box good" role="status" data-testid="saved-notice">
            {notice}
          </p>
        ) : null}
        {tab === 'sensitivity' ? <SensitivityPanel key={JSON.stringify(config.settings)} {...props} /> : null}
        {tab === 'terms' ? <TermsPanel {...props} /> : null}
        {tab === 'exceptions' ? <ExceptionsPanel {...props} /> : null}
        {tab === 'accounts' ? <AccountsPanel {...props} /> : null}
        {tab === 'approvals' ? <ApprovalsPanel {...props} /> : null}
        {tab === 'import' ? <ImportExportPanel api={api} onSaved={() => reload()} /> : null}
        {tab === 'general' ? <GeneralPanel key={String(config.retentionDays)} {...props} /> : null}
      </div>
    </>
  );
}
