/**
 * The options page: for the section head (所属長). Nothing is shown or changed before the supervisor
 * PIN opens a session in the background (src/supervisor/admin.ts); on first use, setting the PIN is a
 * deliberate, explained step. A session that ends while the page is open (a few minutes without
 * use) asks for the PIN again above the panels, which keep what was being edited. Sections are
 * tabs; the log has its own page.
 */
import { useEffect, useState } from 'preact/hooks';
import { LOCK_LABEL_JA } from '../../policy/labels.ts';
import { PIN_RULE_JA } from '../../security/pin.ts';
import type { OptionsApi, OptionsSnapshot, SupervisorStatus } from './api.ts';
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

/**
 * The first PIN of this profile: a deliberate step, explained, never the first screen's default
 * action (issue #8 §5: whoever opened the options page first used to become the supervisor).
 */
function FirstPin({ api, onDone }: { api: OptionsApi; onDone: () => void }) {
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [acknowledged, setAcknowledged] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div class="pin-screen box" data-testid="pin-setup">
      <h2>所属長のPINが未設定です</h2>
      <p>
        この端末の投稿ガードには、まだ所属長の PIN（暗証番号）がありません。PIN を決めた人だけが、点検の感度・独自の語・例外・アカウント・記録を見たり変えたりでき、
        職員の投稿を対面で了承するときもこの PIN を使います。
      </p>
      <p>
        <b>職員の方は、ここで PIN を決めないでください。</b>所属長に連絡してください。PIN が未設定の間は、職員の画面に「所属長のPINが未設定です」と表示され、
        「了承を得た」という申告は本人の申告として記録に残ります。
      </p>
      <p class="note">組織で PIN を配っている場合は、情報システム担当が設定します（この画面には出ません）。一度決めた PIN は、いまの PIN を知っている人しか変えられません。</p>
      <label style={{ display: 'flex', gap: '8px', alignItems: 'flex-start', margin: '10px 0' }}>
        <input type="checkbox" checked={acknowledged} onChange={(e) => setAcknowledged(e.currentTarget.checked)} data-testid="pin-setup-ack" />
        私はこの端末の投稿ガードの設定を任された所属長です（または所属長の指示で設定しています）。
      </label>
      <p class="note">{PIN_RULE_JA}</p>
      <label class="field">
        <span>PIN</span>
        <input type="password" inputMode="numeric" autoComplete="new-password" value={pin} disabled={!acknowledged} onInput={(e) => setPin(e.currentTarget.value)} data-testid="pin-setup-pin" />
      </label>
      <label class="field">
        <span>PIN（確認のためもう一度）</span>
        <input type="password" inputMode="numeric" autoComplete="new-password" value={again} disabled={!acknowledged} onInput={(e) => setAgain(e.currentTarget.value)} data-testid="pin-setup-again" />
      </label>
      {error !== null ? (
        <p class="error" role="alert" data-testid="pin-setup-error">
          {error}
        </p>
      ) : null}
      <button
        type="button"
        class="primary"
        data-testid="pin-setup-submit"
        disabled={!acknowledged || pin === '' || busy}
        onClick={async () => {
          if (pin !== again) {
            setError('確認の PIN が一致しません。');
            return;
          }
          setBusy(true);
          const r = await api.setFirstPin(pin, acknowledged);
          setBusy(false);
          if (r.ok) onDone();
          else setError(r.message);
        }}
      >
        {busy ? '設定中…' : 'この PIN を所属長の PIN にする'}
      </button>
    </div>
  );
}

function Unlock({ api, onDone, notice }: { api: OptionsApi; onDone: () => void; notice?: string }) {
  return (
    <div class="pin-screen box" data-testid="unlock-screen">
      <h2>所属長 PIN の入力</h2>
      {notice !== undefined ? (
        <p class="error" role="alert" data-testid="relock-notice">
          {notice}
        </p>
      ) : (
        <p>設定を見たり変えたりするには、所属長の PIN を入力してください。</p>
      )}
      <PinForm
        label="所属長 PIN"
        button="開く"
        testid="unlock"
        onSubmit={async (pin) => {
          const r = await api.unlock(pin);
          if (!r.ok) return r.message;
          onDone();
          return null;
        }}
      />
    </div>
  );
}

function Retry({ message, onRetry, testid }: { message: string; onRetry: () => void; testid: string }) {
  return (
    <div class="page" role="alert" data-testid={testid}>
      <p class="error">{message}</p>
      <p class="note">保存済みの設定は変わっていません。</p>
      <button type="button" onClick={onRetry}>
        もう一度読み込む
      </button>
    </div>
  );
}

export function OptionsApp({ api, initialTab = 'sensitivity' }: { api: OptionsApi; initialTab?: Tab }) {
  const [status, setStatus] = useState<SupervisorStatus | null>(null);
  const [statusError, setStatusError] = useState<string | null>(null);
  const [unlocked, setUnlocked] = useState(false);
  /** The session ended while the page was open (idle, locked elsewhere): the PIN again, the panels kept. */
  const [relock, setRelock] = useState<string | null>(null);
  const [snapshot, setSnapshot] = useState<OptionsSnapshot | null>(null);
  const [tab, setTab] = useState<Tab>(initialTab);
  /** What the last save did, shown above the tabs (a panel may be rebuilt by the reload). */
  const [notice, setNotice] = useState<string | null>(null);
  /** Why the settings could not be read (shown with a retry); nothing is written meanwhile. */
  const [loadError, setLoadError] = useState<string | null>(null);

  const readStatus = () => {
    setStatusError(null);
    void api.status().then((r) => (r.ok ? setStatus(r.value) : setStatusError(r.message)));
  };
  const reload = () =>
    void api.load().then((r) => {
      if (r.ok) {
        setLoadError(null);
        setSnapshot(r.value);
      } else if (r.needsPin !== true) setLoadError(r.message);
    });
  const saved = (message?: string) => {
    setNotice(message ?? null);
    reload();
  };
  const opened = () => {
    setRelock(null);
    setUnlocked(true);
    reload();
    // After a first PIN the status has changed (a later 「ロックする」 must show the PIN box, not the first-PIN screen).
    readStatus();
  };
  useEffect(readStatus, [api]);
  useEffect(() => api.onSessionEnd((message) => setRelock(message)), [api]);

  const header = (
    <div class="topbar">
      <h1>投稿ガード 設定</h1>
      <span class="note">所属長用</span>
      <span class="spacer" />
      <button type="button" class="link" onClick={() => api.openLog()} data-testid="open-log">
        記録（監査ログ）
      </button>
      {unlocked ? (
        <button
          type="button"
          onClick={() => {
            void api.lock();
            setUnlocked(false);
            setSnapshot(null);
            setRelock(null);
            readStatus();
          }}
          data-testid="lock-now"
        >
          ロックする
        </button>
      ) : null}
    </div>
  );

  if (status === null) {
    if (statusError !== null) return <Retry message={`設定画面を開けませんでした。${statusError}`} onRetry={readStatus} testid="options-load-error" />;
    return <p class="page">読み込み中…</p>;
  }
  if (status.pinProblem !== null && !unlocked) {
    return (
      <>
        {header}
        <div class="pin-screen box bad" role="alert" data-testid="pin-problem">
          <p>{status.pinProblem}</p>
          <button type="button" onClick={readStatus}>
            もう一度確かめる
          </button>
        </div>
      </>
    );
  }
  if (!status.pinSet && !unlocked) {
    return (
      <>
        {header}
        <FirstPin api={api} onDone={opened} />
      </>
    );
  }
  if (!unlocked) {
    return (
      <>
        {header}
        <Unlock api={api} onDone={opened} />
      </>
    );
  }
  const relockBox = relock !== null ? <Unlock api={api} onDone={opened} notice={relock} /> : null;
  if (snapshot === null) {
    return (
      <>
        {header}
        {relockBox}
        {loadError !== null ? <Retry message={`設定を読み込めませんでした（${loadError}）。`} onRetry={reload} testid="options-load-error" /> : relock === null ? <p class="page">読み込み中…</p> : null}
      </>
    );
  }

  const { config } = snapshot;
  const props = { api, snapshot, onSaved: saved };
  return (
    // Typing and clicking here is work: the session's idle time starts again (throttled in the api).
    <div onInput={() => api.keepAlive()} onClick={() => api.keepAlive()}>
      {header}
      <div class="page">
        {relockBox}
        {loadError !== null ? <Retry message={`設定を読み込み直せませんでした（${loadError}）。`} onRetry={reload} testid="options-reload-error" /> : null}
        {config.locks.length > 0 || config.problems.length > 0 ? (
          <div class="box warn" data-testid="policy-banner">
            <b>組織のポリシーが適用されています。</b> <Lock /> の付いた項目は情報システム担当が設定したもので、ここでは変えられません。
            <div class="note">固定されている項目: {[...config.locks.map((k) => LOCK_LABEL_JA[k]), ...(snapshot.pinManaged ? ['所属長 PIN'] : [])].join('、')}</div>
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
        {tab === 'import' ? <ImportExportPanel api={api} snapshot={snapshot} onSaved={saved} /> : null}
        {tab === 'general' ? <GeneralPanel key={String(config.retentionDays)} {...props} /> : null}
      </div>
    </div>
  );
}
