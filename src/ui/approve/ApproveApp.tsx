/**
 * The supervisor's in-person confirmation window (approve.html): the post the author's gate holds,
 * as the background keeps it, and the PIN box. It is the extension's own page in its own window,
 * so the site's scripts cannot see what is typed here. Props in (an api), no browser APIs.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ApprovalReply, InPersonView } from '../../messaging/supervisor-protocol.ts';
import { FindingsList } from '../options/common.tsx';

export interface ApproveApi {
  subject(): Promise<InPersonView | null>;
  submit(pin: string, reason: string): Promise<ApprovalReply>;
  cancel(): Promise<void>;
}

const SITE_JA = { x: 'X', facebook: 'Facebook' } as const;

export function ApproveApp({ api }: { api: ApproveApi }) {
  const [view, setView] = useState<InPersonView | null | undefined>(undefined);
  const [pin, setPin] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Extract<ApprovalReply, { ok: true }> | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const load = () => {
    setLoadError(null);
    api.subject().then(setView, (e: unknown) => setLoadError(e instanceof Error ? e.message : String(e)));
  };
  useEffect(load, [api]);
  const cancel = () => void api.cancel().catch((e: unknown) => setError(`取りやめを伝えられませんでした（${e instanceof Error ? e.message : String(e)}）。もう一度押すか、この画面を閉じてください。`));

  if (loadError !== null) {
    return (
      <main class="approve" role="alert" data-testid="approve-load-error">
        <h1>所属長の確認</h1>
        <p class="error">確認する投稿を読み込めませんでした（{loadError}）。</p>
        <button type="button" onClick={load}>
          もう一度読み込む
        </button>
      </main>
    );
  }
  if (view === undefined) return <main class="approve"><p>読み込み中…</p></main>;
  if (view === null) {
    return (
      <main class="approve" data-testid="approve-gone">
        <h1>所属長の確認</h1>
        <p class="error">この確認は終了しています。投稿画面からもう一度開いてください。</p>
      </main>
    );
  }
  const release = view.kind === 'release';
  const submit = async () => {
    setBusy(true);
    const reply = await api.submit(pin, reason).catch((e: unknown): ApprovalReply => ({ ok: false, reason: String(e) }));
    setBusy(false);
    setPin('');
    if (reply.ok) setDone(reply);
    else setError(reply.reason);
  };

  return (
    <main class="approve" data-testid="approve-page" data-kind={view.kind}>
      <h1>{release ? '所属長の確認：ブロックの解除' : '所属長の確認：投稿の了承'}</h1>
      <p class="note">
        {release
          ? '禁止の指摘がある投稿です。内容を確かめ、解除する理由と所属長 PIN を入力してください。'
          : 'ガイドライン (4)③ により所属長の了承が必要な投稿です。内容を確かめ、所属長 PIN を入力してください。'}
        この画面は拡張機能の画面で、投稿先のサイトからは入力内容を読み取れません。
      </p>
      <dl class="approve-facts">
        <dt>サイト</dt>
        <dd>{SITE_JA[view.site]}</dd>
        <dt>アカウント</dt>
        <dd>{view.account === '' ? '（未登録）' : `@${view.account}`}</dd>
        <dt>本文の SHA-256</dt>
        <dd>
          <code data-testid="approve-hash">{view.textHash}</code>
        </dd>
        {view.clauses.length > 0 ? (
          <>
            <dt>該当条項</dt>
            <dd data-testid="approve-clauses">{view.clauses.join('、')}</dd>
          </>
        ) : null}
        {view.mediaCount > 0 ? (
          <>
            <dt>写真・動画</dt>
            <dd data-testid="approve-media">
              {view.mediaCount}点が添付されています。投稿画面で写っているものを確かめてください（了承はこの写真・動画の組み合わせにだけ有効です）。
            </dd>
          </>
        ) : null}
      </dl>
      <h2>本文</h2>
      <pre class="approve-text" data-testid="approve-text">{view.text}</pre>
      <h2>指摘</h2>
      <FindingsList findings={view.findings} />
      {done !== null ? (
        <p class="ok" data-testid="approve-done">
          {done.kind === 'release' ? 'ブロックを解除しました。' : '了承しました。'}この画面は閉じられます。
        </p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          {release ? (
            <label class="field">
              <span>解除の理由（記録に残ります）</span>
              <input type="text" value={reason} onInput={(e) => setReason(e.currentTarget.value)} data-testid="approve-reason" />
            </label>
          ) : null}
          <label class="field">
            <span>所属長 PIN</span>
            <input
              type="password"
              inputMode="numeric"
              autoComplete="off"
              autoFocus
              value={pin}
              onInput={(e) => {
                setPin(e.currentTarget.value);
                setError(null);
              }}
              data-testid="approve-pin"
            />
          </label>
          <div class="row">
            <button type="submit" class="primary" disabled={busy || pin === '' || (release && reason.trim() === '')} data-testid="approve-submit">
              {release ? 'ブロックを解除する' : '了承する'}
            </button>
            <button type="button" onClick={cancel} data-testid="approve-cancel">
              取りやめる
            </button>
          </div>
          {error !== null ? (
            <p class="error" role="alert" data-testid="approve-error">
              {error}
            </p>
          ) : null}
        </form>
      )}
    </main>
  );
}
