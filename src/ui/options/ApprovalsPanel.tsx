/**
 * The supervisor's side of (4)③ at a distance: paste the author's request, see the exact text and
 * what the checker finds in it (re-checked here, not taken from the request), then approve, release
 * a block with a reason, or refuse. Approving signs a short code with the key unlocked by the PIN.
 * Also: the signing key (made once) and the public key that staff profiles verify codes with.
 */
import { useState } from 'preact/hooks';
import { clauseById } from '../../shared/clauses.ts';
import type { ApprovalKind, ApprovalRequest } from '../../security/approval.ts';
import type { CheckResult } from '../../shared/types.ts';
import type { OptionsApi, OptionsSnapshot, Result } from './api.ts';
import { ApprovalVerdict, FindingsList, Lock } from './common.tsx';
import { formatFingerprint } from './fingerprint.ts';

const EXPIRY: Array<[number, string]> = [
  [60, '1時間'],
  [8 * 60, '8時間（今日中）'],
  [24 * 60, '1日'],
  [7 * 24 * 60, '7日（最長）'],
];

const SITE_JA: Record<string, string> = { x: 'X', facebook: 'Facebook' };

function formatTime(ms: number): string {
  return new Date(ms).toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo' });
}

function KeySection({ api, snapshot, onSaved }: { api: OptionsApi; snapshot: OptionsSnapshot; onSaved: () => void }) {
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pasted, setPasted] = useState('');
  const [copied, setCopied] = useState<Result | null>(null);
  const key = snapshot.config.supervisorPublicKey;
  const locked = snapshot.config.locks.includes('supervisorPublicKey');
  const keyText = key === null ? '' : JSON.stringify({ kty: key.kty, crv: key.crv, x: key.x, y: key.y });
  return (
    <div class="box" data-testid="key-section">
      <h3>署名用の鍵と公開鍵</h3>
      {snapshot.hasSigningKey ? (
        <>
          <p class="ok">この端末には所属長の署名用の鍵があります（PIN で保護）。</p>
          <p class="note">下の公開鍵を職員の端末の設定に入れると、あなたが発行した了承コードをその端末で確認できます（「読み込み・書き出し」の設定ファイルにも含まれます）。</p>
        </>
      ) : (
        <>
          <p>離れた職員の投稿を了承するには、所属長の端末で署名用の鍵を一度だけ作ります。鍵は PIN で暗号化して保存されます。</p>
          <div class="row">
            <input type="password" inputMode="numeric" placeholder="所属長 PIN" value={pin} onInput={(e) => setPin(e.currentTarget.value)} data-testid="key-pin" aria-label="所属長 PIN" />
            <button
              type="button"
              class="primary"
              disabled={pin === ''}
              data-testid="key-create"
              onClick={async () => {
                const r = await api.createSigningKey(pin);
                setError(r.ok ? null : r.message);
                setPin('');
                if (r.ok) onSaved();
              }}
            >
              鍵を作る
            </button>
            {error !== null ? <span class="error">{error}</span> : null}
          </div>
        </>
      )}
      <h3>
        所属長の公開鍵 {locked ? <Lock /> : null}
      </h3>
      {key === null ? (
        <p class="note">設定されていません。了承コードはまだ使えません。</p>
      ) : (
        <>
          <p>
            指紋: <code data-testid="key-fingerprint">{formatFingerprint(snapshot.keyFingerprint)}</code>
            <span class="note">（公開鍵を渡すときや受け取るときは、この指紋が所属長の端末の表示と同じかを電話などで確かめてください）</span>
          </p>
          <div class="row">
            <div class="code" data-testid="public-key" style={{ flex: 1 }}>
              {keyText}
            </div>
            <button type="button" onClick={async () => setCopied(await api.copy(keyText))}>
              コピー
            </button>
          </div>
          {copied !== null ? <p class={copied.ok ? 'ok' : 'error'}>{copied.ok ? 'コピーしました。' : copied.message}</p> : null}
        </>
      )}
      {!snapshot.hasSigningKey && !locked ? (
        <div class="row">
          <input type="text" placeholder='所属長から受け取った公開鍵 {"kty":"EC",…}' value={pasted} onInput={(e) => setPasted(e.currentTarget.value)} style={{ flex: 1 }} data-testid="public-key-input" aria-label="公開鍵" />
          <button
            type="button"
            disabled={pasted.trim() === ''}
            data-testid="public-key-save"
            onClick={async () => {
              let jwk: JsonWebKey;
              try {
                jwk = JSON.parse(pasted) as JsonWebKey;
              } catch {
                setError('公開鍵を JSON として読めません。');
                return;
              }
              const r = await api.setGeneral('supervisorPublicKey', jwk);
              setError(r.ok ? null : r.message);
              if (r.ok) {
                setPasted('');
                onSaved();
              }
            }}
          >
            公開鍵を設定
          </button>
        </div>
      ) : null}
    </div>
  );
}

export function ApprovalsPanel({ api, snapshot, onSaved }: { api: OptionsApi; snapshot: OptionsSnapshot; onSaved: () => void }) {
  const [input, setInput] = useState('');
  const [opened, setOpened] = useState<{ request: ApprovalRequest; result: CheckResult } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [kind, setKind] = useState<ApprovalKind | 'refuse'>('approve');
  const [reason, setReason] = useState('');
  const [minutes, setMinutes] = useState(60);
  const [pin, setPin] = useState('');
  const [code, setCode] = useState<string | null>(null);
  const [refused, setRefused] = useState(false);
  const [copied, setCopied] = useState<Result | null>(null);
  const blocked = opened !== null && opened.result.findings.some((f) => f.severity === 'block');

  async function open() {
    const r = await api.openRequest(input);
    setCode(null);
    setRefused(false);
    if (!r.ok) {
      setOpened(null);
      setError(r.message);
      return;
    }
    setError(null);
    setOpened(r.value);
    setKind(r.value.result.findings.some((f) => f.severity === 'block') ? 'release' : 'approve');
  }

  async function decide() {
    if (opened === null) return;
    if (kind === 'refuse') {
      const r = await api.refuse(opened.request, opened.result, reason);
      if (r.ok) setRefused(true);
      else setError(r.message);
      return;
    }
    const r = await api.approve(opened.request, { pin, kind, expiresInMinutes: minutes, reason });
    setPin('');
    setCopied(null);
    if (r.ok) {
      setCode(r.value);
      setError(null);
    } else setError(r.message);
  }

  return (
    <section data-testid="panel-approvals">
      <h2>了承（所属長）</h2>
      <p class="note">
        ガイドライン {clauseById('4-3-approval')?.label}「{clauseById('4-3-approval')?.text}」。職員から届いた「了承依頼」（TGREQ1. で始まる文字列）を貼り付けて開き、本文と点検結果を確かめてから了承してください。
        発行した了承コードは、その本文・そのアカウントにだけ有効です（1文字でも変えると無効になります）。
      </p>
      <label class="field">
        <span>了承依頼</span>
        <textarea value={input} onInput={(e) => setInput(e.currentTarget.value)} placeholder="TGREQ1.…" data-testid="request-input" />
      </label>
      <button type="button" class="primary" disabled={input.trim() === ''} onClick={open} data-testid="request-open">
        依頼を開く
      </button>
      {error !== null ? (
        <p class="error" role="alert" data-testid="approval-error">
          {error}
        </p>
      ) : null}

      {opened !== null ? (
        <div class="box" data-testid="request-view">
          <div class="row">
            <span>
              投稿先: <b>{SITE_JA[opened.request.site] ?? opened.request.site}</b> @{opened.request.account}
            </span>
            <span class="note">依頼の作成: {formatTime(opened.request.createdAt)}</span>
          </div>
          <h3>本文</h3>
          <div class="code" style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', fontSize: '14px' }} data-testid="request-text">
            {opened.request.text}
          </div>
          <h3>この端末での点検結果</h3>
          <FindingsList findings={opened.result.findings} />
          <ApprovalVerdict result={opened.result} />

          {code !== null ? (
            <div class="box good" data-testid="code-view">
              <b>{kind === 'release' ? 'ブロック解除コード' : '了承コード'}を発行しました。</b>
              <p class="note">このコードを職員に送ってください。職員が投稿画面の「了承コード」欄に貼り付けると、この本文に限って投稿できます。</p>
              <div class="code" data-testid="approval-code">
                {code}
              </div>
              <button type="button" onClick={async () => setCopied(await api.copy(code))}>
                コピー
              </button>
              {copied !== null ? <span class={copied.ok ? 'ok' : 'error'}>{copied.ok ? 'コピーしました。' : copied.message}</span> : null}
            </div>
          ) : refused ? (
            <div class="box bad" data-testid="refused-view">
              了承しませんでした。記録に残しました。職員には理由を直接伝えてください。
            </div>
          ) : (
            <div class="box">
              <div class="row" role="radiogroup" aria-label="判断">
                {!blocked ? (
                  <label>
                    <input type="radio" name="kind" checked={kind === 'approve'} onChange={() => setKind('approve')} data-testid="kind-approve" /> 了承する
                  </label>
                ) : null}
                <label>
                  <input type="radio" name="kind" checked={kind === 'release'} onChange={() => setKind('release')} data-testid="kind-release" /> {blocked ? '「禁止」の指摘を確認のうえ投稿を認める（ブロック解除）' : 'ブロック解除として認める'}
                </label>
                <label>
                  <input type="radio" name="kind" checked={kind === 'refuse'} onChange={() => setKind('refuse')} data-testid="kind-refuse" /> 了承しない
                </label>
              </div>
              <label class="field">
                <span>理由{kind === 'release' ? '（必須。記録に残ります）' : '（任意。記録に残ります）'}</span>
                <input type="text" value={reason} onInput={(e) => setReason(e.currentTarget.value)} data-testid="approval-reason" style={{ width: '100%' }} />
              </label>
              {kind !== 'refuse' ? (
                <div class="row">
                  <label>
                    有効期限{' '}
                    <select value={minutes} onChange={(e) => setMinutes(Number(e.currentTarget.value))} data-testid="approval-expiry">
                      {EXPIRY.map(([m, label]) => (
                        <option key={m} value={m}>
                          {label}
                        </option>
                      ))}
                    </select>
                  </label>
                  <input type="password" inputMode="numeric" placeholder="所属長 PIN" value={pin} onInput={(e) => setPin(e.currentTarget.value)} data-testid="approval-pin" aria-label="所属長 PIN" />
                </div>
              ) : null}
              <div class="row">
                <button
                  type="button"
                  class={kind === 'refuse' ? 'danger' : 'primary'}
                  data-testid="approval-submit"
                  disabled={(kind !== 'refuse' && pin === '') || (kind === 'release' && reason.trim() === '') || (kind !== 'refuse' && !snapshot.hasSigningKey)}
                  onClick={decide}
                >
                  {kind === 'refuse' ? '了承しない' : kind === 'release' ? '解除コードを発行' : '了承コードを発行'}
                </button>
                {kind !== 'refuse' && !snapshot.hasSigningKey ? <span class="error">先に下で署名用の鍵を作ってください。</span> : null}
              </div>
            </div>
          )}
        </div>
      ) : null}
      <KeySection api={api} snapshot={snapshot} onSaved={onSaved} />
    </section>
  );
}
