/** Sites on/off, what the audit log keeps and for how long, and the supervisor PIN. */
import { useState } from 'preact/hooks';
import { PIN_RULE_JA } from '../../security/pin.ts';
import type { OptionsApi, OptionsSnapshot } from './api.ts';
import { Lock } from './common.tsx';

export function GeneralPanel({ api, snapshot, onSaved }: { api: OptionsApi; snapshot: OptionsSnapshot; onSaved: () => void }) {
  const { config } = snapshot;
  const [days, setDays] = useState(String(config.retentionDays));
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [pinStatus, setPinStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const [policyPin, setPolicyPin] = useState<{ ok: boolean; text: string; copied?: boolean } | null>(null);
  const show = (r: { ok: true } | { ok: false; message: string }, done: string) => {
    setStatus(r.ok ? { ok: true, message: done } : { ok: false, message: r.message });
    if (r.ok) onSaved();
  };
  return (
    <section data-testid="panel-general">
      <h2>点検するサイト</h2>
      {(['x', 'facebook'] as const).map((site) => {
        const locked = config.locks.includes(`siteEnabled.${site}`);
        return (
          <label class="row" key={site}>
            <input
              type="checkbox"
              checked={config.siteEnabled[site]}
              disabled={locked}
              data-testid={`site-${site}`}
              onChange={async (e) => show(await api.setGeneral('siteEnabled', { ...config.siteEnabled, [site]: e.currentTarget.checked }), '保存しました。')}
            />
            {site === 'x' ? 'X（旧Twitter）' : 'Facebook'} で投稿を点検する {locked ? <Lock /> : null}
          </label>
        );
      })}

      <h2>記録（監査ログ）</h2>
      <label class="row">
        <input
          type="checkbox"
          checked={config.auditKeepText}
          disabled={config.locks.includes('auditKeepText')}
          data-testid="keep-text"
          onChange={async (e) => show(await api.setGeneral('auditKeepText', e.currentTarget.checked), '保存しました。')}
        />
        記録に投稿の本文も残す（オフのときは本文の指紋＝SHA-256 だけを残します） {config.locks.includes('auditKeepText') ? <Lock /> : null}
      </label>
      <div class="row">
        <label>
          保存期間{' '}
          <input type="number" min={1} max={3650} value={days} disabled={config.locks.includes('retentionDays')} onInput={(e) => setDays(e.currentTarget.value)} style={{ width: '90px' }} data-testid="retention-days" /> 日
        </label>
        <button type="button" disabled={config.locks.includes('retentionDays')} onClick={async () => show(await api.setGeneral('retentionDays', Number(days)), '保存しました。これより古い記録は自動で削除されます。')}>
          保存
        </button>
        {config.locks.includes('retentionDays') ? <Lock /> : null}
        <button type="button" class="link" onClick={() => api.openLog()}>
          記録を見る
        </button>
      </div>
      {status !== null ? (
        <p class={status.ok ? 'ok' : 'error'} role={status.ok ? 'status' : 'alert'} data-testid="general-status">
          {status.message}
        </p>
      ) : null}

      <h2>所属長 PIN</h2>
      {snapshot.pinManaged ? (
        <p data-testid="pin-managed">
          <Lock /> 所属長の PIN は組織のポリシーで配られています。変えるときは情報システム担当に依頼してください。
        </p>
      ) : (
        <>
          <h3>PIN の変更</h3>
          <p class="note">{PIN_RULE_JA}</p>
          <div class="row">
            <input type="password" inputMode="numeric" placeholder="いまの PIN" value={current} onInput={(e) => setCurrent(e.currentTarget.value)} aria-label="いまの PIN" data-testid="pin-current" />
            <input type="password" inputMode="numeric" placeholder="新しい PIN" value={next} onInput={(e) => setNext(e.currentTarget.value)} aria-label="新しい PIN" data-testid="pin-next" />
            <input type="password" inputMode="numeric" placeholder="新しい PIN（確認）" value={again} onInput={(e) => setAgain(e.currentTarget.value)} aria-label="新しい PIN（確認）" data-testid="pin-again" />
            <button
              type="button"
              disabled={current === '' || next === ''}
              data-testid="pin-change"
              onClick={async () => {
                if (next !== again) {
                  setPinStatus({ ok: false, message: '確認の PIN が一致しません。' });
                  return;
                }
                const r = await api.changePin(current, next);
                setPinStatus(r.ok ? { ok: true, message: 'PIN を変更しました。ほかに開いている設定画面・記録画面は、新しい PIN でもう一度開いてください。' } : { ok: false, message: r.message });
                if (r.ok) {
                  setCurrent('');
                  setNext('');
                  setAgain('');
                }
              }}
            >
              変更
            </button>
          </div>
          {pinStatus !== null ? (
            <p class={pinStatus.ok ? 'ok' : 'error'} role={pinStatus.ok ? 'status' : 'alert'}>
              {pinStatus.message}
            </p>
          ) : null}
          {snapshot.hasSigningKey ? <p class="note">この端末には署名用の鍵があります。PIN を変えると、鍵も新しい PIN で保護し直されます。</p> : null}
          <h3>組織で同じ PIN を配る（情報システム担当向け）</h3>
          <p class="note">
            この PIN を組織のポリシー（managed storage の <code>supervisorPinHash</code>）で職員の端末に配ると、その端末では最初に開いた人が PIN を決めることはできなくなります。
            書き出すのは PIN そのものではなく、照合用の値（ハッシュ）です。それでも PIN を推測する手がかりになるため、情報システム担当にだけ渡してください。
          </p>
          <button
            type="button"
            data-testid="pin-policy-show"
            onClick={async () => {
              const r = await api.pinForPolicy();
              setPolicyPin(r.ok ? { ok: true, text: r.value } : { ok: false, text: r.message });
            }}
          >
            ポリシー用の値を表示
          </button>
          {policyPin !== null ? (
            policyPin.ok ? (
              <div class="row">
                <pre class="code" data-testid="pin-policy" style={{ flex: 1 }}>
                  {policyPin.text}
                </pre>
                <button type="button" onClick={async () => setPolicyPin({ ok: true, text: policyPin.text, copied: (await api.copy(policyPin.text)).ok })}>
                  コピー
                </button>
                {policyPin.copied === true ? <span class="ok">コピーしました。</span> : null}
              </div>
            ) : (
              <p class="error" role="alert">
                {policyPin.text}
              </p>
            )
          ) : null}
        </>
      )}
    </section>
  );
}
