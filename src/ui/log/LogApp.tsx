/**
 * The audit log page (issue #4 §4): every gate decision with time, site, account, categories, clause
 * ids, severities, the text's hash and the public key's fingerprint; filters by date, category and
 * decision; the weekly chart; CSV export; the retention period. Nothing is shown before the
 * supervisor PIN opens a session in the background (issue #8 §5); an approval the author only
 * declared (no PIN or key configured) is labelled as such. 除外の提案 (issue #9, Proposals.tsx):
 * words staff reported as 誤検知, each one click from the exceptions list.
 */
import { useEffect, useState } from 'preact/hooks';
import { DECISION_LABEL_JA, SEVERITY_LABEL_JA } from '../../audit/labels.ts';
import { localDate, localDayRange } from '../../audit/time.ts';
import type { AuditFilter } from '../../audit/filter.ts';
import { CATEGORY_LABEL_JA } from '../../shared/clauses.ts';
import { CATEGORIES, type Category } from '../../shared/types.ts';
import { AUDIT_DECISIONS, type ApprovalRecord, type AuditDecision, type AuditEvent } from '../../storage/types.ts';
import type { LogSettings, SupervisorStatus } from '../options/api.ts';
import type { LogPageApi as LogApi } from './api.ts';
import { Proposals } from './Proposals.tsx';
import { Lock, PinForm } from '../options/common.tsx';
import { formatFingerprint } from '../options/fingerprint.ts';
import { WeeklyChart } from './WeeklyChart.tsx';

const DAY = 86_400_000;

function formatTime(ms: number): string {
  return new Date(ms).toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}

/** A post the author said was approved while nothing on this machine could confirm it. */
const SELF_DECLARED_LABEL = '本人の申告で投稿（所属長の了承は未確認）';

const DECISION_TONE: Record<AuditDecision, string> = {
  posted_clean: 'good',
  posted_with_approval: 'good',
  posted_override: 'warn',
  blocked: 'bad',
  abandoned: '',
  approval_refused: 'bad',
  released: 'warn',
};

/** Before anything is shown: a PIN session, or why there cannot be one yet. */
function LogGate({ api, onOpen, notice }: { api: LogApi; onOpen: () => void; notice?: string }) {
  const [status, setStatus] = useState<SupervisorStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const read = () => {
    setError(null);
    void api.status().then((r) => (r.ok ? setStatus(r.value) : setError(r.message)));
  };
  useEffect(read, [api]);
  if (status === null) {
    if (error === null) return <p class="page">読み込み中…</p>;
    return (
      <div class="page" role="alert" data-testid="log-load-error">
        <p class="error">記録画面を開けませんでした。{error}</p>
        <button type="button" onClick={read}>
          もう一度読み込む
        </button>
      </div>
    );
  }
  if (status.pinProblem !== null) {
    return (
      <div class="pin-screen box bad" role="alert" data-testid="pin-problem">
        <p>{status.pinProblem}</p>
      </div>
    );
  }
  if (!status.pinSet) {
    return (
      <div class="pin-screen box warn" data-testid="log-no-pin">
        <h2>所属長のPINが未設定です</h2>
        <p>記録は所属長だけが見られます。所属長が設定画面で PIN を設定すると、ここで PIN を入力して記録を見られるようになります。</p>
        <button type="button" class="link" onClick={() => api.openOptions()}>
          設定画面を開く
        </button>
      </div>
    );
  }
  return (
    <div class="pin-screen box" data-testid="log-unlock">
      <h2>所属長 PIN の入力</h2>
      {notice !== undefined ? (
        <p class="error" role="alert" data-testid="relock-notice">
          {notice}
        </p>
      ) : (
        <p>記録（監査ログ）を見るには、所属長の PIN を入力してください。</p>
      )}
      <PinForm
        label="所属長 PIN"
        button="記録を開く"
        testid="unlock"
        onSubmit={async (pin) => {
          const r = await api.unlock(pin);
          if (!r.ok) return r.message;
          onOpen();
          return null;
        }}
      />
    </div>
  );
}

export function LogApp({ api, now = Date.now() }: { api: LogApi; now?: number }) {
  const [open, setOpen] = useState(false);
  const [relock, setRelock] = useState<string | null>(null);
  useEffect(() => api.onSessionEnd((message) => {
    setRelock(message);
    setOpen(false);
  }), [api]);
  const header = (
    <div class="topbar">
      <h1>投稿ガード 記録（監査ログ）</h1>
      <span class="spacer" />
      <button type="button" class="link" onClick={() => api.openOptions()}>
        設定
      </button>
      {open ? (
        <button
          type="button"
          data-testid="lock-now"
          onClick={() => {
            void api.lock();
            setOpen(false);
          }}
        >
          ロックする
        </button>
      ) : null}
    </div>
  );
  return (
    <>
      {header}
      {open ? (
        <LogView api={api} now={now} />
      ) : (
        <LogGate
          api={api}
          {...(relock === null ? {} : { notice: relock })}
          onOpen={() => {
            setRelock(null);
            setOpen(true);
          }}
        />
      )}
    </>
  );
}

function LogView({ api, now }: { api: LogApi; now: number }) {
  const [from, setFrom] = useState(localDate(now - 90 * DAY));
  const [to, setTo] = useState(localDate(now));
  const [category, setCategory] = useState<Category | ''>('');
  const [decision, setDecision] = useState<AuditDecision | ''>('');
  const [events, setEvents] = useState<AuditEvent[] | null>(null);
  const [approvals, setApprovals] = useState<ApprovalRecord[]>([]);
  const [settings, setSettings] = useState<LogSettings | null>(null);
  const [days, setDays] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const [includeText, setIncludeText] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);

  const filter = (): AuditFilter => {
    const f: AuditFilter = {};
    if (/^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to)) Object.assign(f, localDayRange(from, to));
    if (category !== '') f.categories = [category];
    if (decision !== '') f.decisions = [decision];
    return f;
  };
  /** Why the log could not be read; shown above the table with a retry (the log itself is unchanged). */
  const [loadError, setLoadError] = useState<string | null>(null);
  const failed = (r: { ok: false; message: string; needsPin?: boolean }) => {
    // An ended session is the page's to handle (it asks for the PIN again).
    if (r.needsPin !== true) setLoadError(`記録を読み込めませんでした（${r.message}）。`);
  };
  const load = () => {
    void api.query(filter()).then((r) => {
      if (!r.ok) return failed(r);
      setLoadError(null);
      setEvents(r.value);
    });
  };
  const loadSide = () => {
    void api.settings().then((r) => {
      if (!r.ok) return failed(r);
      setSettings(r.value);
      setDays(String(r.value.retentionDays));
      setIncludeText(r.value.auditKeepText);
    });
    void api.approvals().then((r) => (r.ok ? setApprovals(r.value) : failed(r)));
  };
  useEffect(load, [from, to, category, decision]);
  useEffect(loadSide, [api]);

  return (
    <div class="page" onInput={() => api.keepAlive()} onClick={() => api.keepAlive()}>
      {loadError !== null ? (
        <div class="box bad" role="alert" data-testid="log-load-error">
          {loadError}{' '}
          <button
            type="button"
            onClick={() => {
              load();
              loadSide();
            }}
          >
            もう一度読み込む
          </button>
        </div>
      ) : null}
      <p class="note">投稿ボタンを押したときの判断をすべて記録しています。本文は{settings?.auditKeepText === true ? '記録しています' : '記録せず、本文の指紋（SHA-256）だけを残しています'}。</p>
      <Proposals api={api} />
      <div class="row box" data-testid="log-filters">
        <label>
          期間 <input type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} data-testid="filter-from" />
        </label>
        〜
        <input type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} data-testid="filter-to" aria-label="期間の終わり" />
        <label>
          カテゴリ{' '}
          <select value={category} onChange={(e) => setCategory(e.currentTarget.value as Category | '')} data-testid="filter-category">
            <option value="">すべて</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {CATEGORY_LABEL_JA[c]}
              </option>
            ))}
          </select>
        </label>
        <label>
          判断{' '}
          <select value={decision} onChange={(e) => setDecision(e.currentTarget.value as AuditDecision | '')} data-testid="filter-decision">
            <option value="">すべて</option>
            {AUDIT_DECISIONS.map((d) => (
              <option key={d} value={d}>
                {DECISION_LABEL_JA[d]}
              </option>
            ))}
          </select>
        </label>
      </div>

      <h2>週ごとの指摘（カテゴリ別、投稿の件数）</h2>
      {events === null ? <p>読み込み中…</p> : <WeeklyChart weeks={api.weekly(events)} />}

      <div class="row">
        <h2 style={{ flex: 1 }}>記録 {events !== null ? <span class="note">{events.length}件</span> : null}</h2>
        {settings?.auditKeepText === true ? (
          <label>
            <input type="checkbox" checked={includeText} onChange={(e) => setIncludeText(e.currentTarget.checked)} /> 本文も書き出す
          </label>
        ) : null}
        <button
          type="button"
          class="primary"
          onClick={async () => {
            const r = await api.exportCsv(filter(), includeText);
            setExportError(r.ok ? null : r.message);
          }}
          data-testid="export-audit-csv"
        >
          この条件で CSV に書き出す
        </button>
      </div>
      {exportError !== null ? (
        <p class="error" role="alert" data-testid="export-error">
          {exportError}
        </p>
      ) : null}
      <table data-testid="audit-table">
        <thead>
          <tr>
            <th>日時</th>
            <th>サイト・アカウント</th>
            <th>判断</th>
            <th>指摘（カテゴリ・重さ）</th>
            <th>条項</th>
            <th>本文の指紋</th>
            <th>公開鍵の指紋</th>
          </tr>
        </thead>
        <tbody>
          {events !== null && events.length === 0 ? (
            <tr>
              <td colSpan={7} class="note">
                この条件の記録はありません。
              </td>
            </tr>
          ) : null}
          {[...(events ?? [])].reverse().map((e) => {
            const selfDeclared = e.approval === 'self_declared';
            return (
              <tr key={e.id} data-testid="audit-row" data-decision={e.decision} data-approval={e.approval ?? ''}>
                <td style={{ whiteSpace: 'nowrap' }}>{formatTime(e.time)}</td>
                <td>
                  {e.site === 'x' ? 'X' : 'Facebook'} {e.account !== '' ? `@${e.account}` : ''}
                </td>
                <td>
                  <span class={`sev`} data-severity={selfDeclared ? 'warn' : DECISION_TONE[e.decision] === 'bad' ? 'block' : DECISION_TONE[e.decision] === 'warn' ? 'warn' : DECISION_TONE[e.decision] === 'good' ? 'info' : 'off'}>
                    {selfDeclared ? SELF_DECLARED_LABEL : DECISION_LABEL_JA[e.decision]}
                  </span>
                  {e.approval === 'in_person' ? <div class="note">対面（所属長 PIN）</div> : e.approval === 'code' ? <div class="note">了承コード</div> : null}
                  {e.reason !== undefined ? <div class="note">理由: {e.reason}</div> : null}
                  {e.text !== undefined ? <div class="note">本文: {e.text}</div> : null}
                </td>
                <td>
                  {e.categories.length === 0 ? <span class="note">なし</span> : e.categories.map((c, i) => <div key={c}>{CATEGORY_LABEL_JA[c]}（{SEVERITY_LABEL_JA[e.severities[i] ?? 'info']}）</div>)}
                </td>
                <td>
                  <code>{e.clauses.join(' ')}</code>
                </td>
                <td>
                  <code title={e.textHash}>{e.textHash.slice(0, 12)}…</code>
                </td>
                <td>
                  <code title={e.keyFingerprint ?? ''}>{e.keyFingerprint === undefined ? '—' : formatFingerprint(e.keyFingerprint)}</code>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <h2>了承・解除の記録</h2>
      {approvals.length === 0 ? (
        <p class="note">まだありません。</p>
      ) : (
        <table data-testid="approvals-table">
          <thead>
            <tr>
              <th>発行日時</th>
              <th>種類</th>
              <th>アカウント</th>
              <th>有効期限</th>
              <th>使用</th>
              <th>理由</th>
              <th>公開鍵の指紋</th>
            </tr>
          </thead>
          <tbody>
            {approvals.map((a) => (
              <tr key={a.id}>
                <td>{formatTime(a.issuedAt)}</td>
                <td>
                  {a.kind === 'release' ? 'ブロック解除' : '了承'}
                  {a.code === 'PIN' ? '（対面・PIN）' : '（コード）'}
                </td>
                <td>@{a.account}</td>
                <td>{formatTime(a.expiresAt)}</td>
                <td>{a.usedAt !== undefined ? formatTime(a.usedAt) : '未使用'}</td>
                <td>{a.reason ?? ''}</td>
                <td>
                  <code>{a.keyFingerprint === undefined ? '—' : formatFingerprint(a.keyFingerprint)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>保存期間</h2>
      {settings === null ? null : settings.locks.includes('retentionDays') ? (
        <p>
          {settings.retentionDays}日 <Lock />
        </p>
      ) : (
        <div class="row">
          <input type="number" min={1} max={3650} value={days} onInput={(e) => setDays(e.currentTarget.value)} style={{ width: '90px' }} data-testid="log-retention" aria-label="保存期間（日）" />
          日より古い記録は自動で削除します。
          <button
            type="button"
            onClick={async () => {
              const r = await api.setRetention(Number(days));
              setStatus(r.ok ? { ok: true, message: `保存しました（${r.value}件の古い記録を削除）。` } : { ok: false, message: r.message });
              if (r.ok) load();
            }}
          >
            変更
          </button>
          {status !== null ? (
            <span class={status.ok ? 'ok' : 'error'} role={status.ok ? 'status' : 'alert'}>
              {status.message}
            </span>
          ) : null}
        </div>
      )}
    </div>
  );
}
