/** Small pieces shared by the supervisor's pages. */
import { useState } from 'preact/hooks';
import { clauseById } from '../../shared/clauses.ts';
import type { CheckResult, Finding, Sensitivity, Severity } from '../../shared/types.ts';

export const SENSITIVITY_LABEL_JA: Record<Sensitivity, string> = { auto: '標準（指摘ごとの判定）', block: '禁止（すべて止める）', warn: '注意（理由を書けば投稿可）', info: '参考（印だけ）', off: 'オフ（点検しない）' };
export const SEVERITY_SHORT_JA: Record<Severity, string> = { info: '参考', warn: '注意', block: '禁止' };

export function Lock({ title }: { title?: string }) {
  return (
    <span class="lock" data-testid="locked" title={title ?? '組織のポリシーで固定されています（情報システム担当が設定）'}>
      組織で固定
    </span>
  );
}

export function FindingsList({ findings }: { findings: Finding[] }) {
  if (findings.length === 0) return <p class="ok">指摘はありません。</p>;
  return (
    <ul class="findings" data-testid="findings">
      {findings.map((f) => {
        const clause = clauseById(f.clause);
        return (
          <li key={`${f.rule}:${f.start}`} data-category={f.category} data-severity={f.severity}>
            <span class="sev" data-severity={f.severity}>
              {SEVERITY_SHORT_JA[f.severity]}
            </span>{' '}
            <b>「{f.excerpt}」</b> {f.message}
            {f.suggestion !== null ? <div class="ok">言い換え: {f.suggestion}</div> : null}
            {clause !== undefined ? (
              <div class="clause">
                ガイドライン {clause.label} {clause.text}
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

export function ApprovalVerdict({ result }: { result: CheckResult }) {
  const clause = clauseById(result.approval.clause);
  return (
    <div class={result.needs_approval ? 'box warn' : 'box good'} data-testid="approval-verdict">
      <b>{result.needs_approval ? '所属長の了承が必要な投稿です' : '了承が不要な投稿です（ただし書に該当）'}</b>
      <div>{result.approval.reason}</div>
      {clause !== undefined ? (
        <div class="clause">
          {clause.label} {clause.text}
        </div>
      ) : null}
    </div>
  );
}

/** A PIN field with its own button; the parent decides what the PIN opens. */
export function PinForm({ label, button, onSubmit, testid }: { label: string; button: string; onSubmit: (pin: string) => Promise<string | null>; testid: string }) {
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      data-testid={testid}
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        const problem = await onSubmit(pin);
        setBusy(false);
        setError(problem);
        if (problem === null) setPin('');
      }}
    >
      <label class="field">
        <span>{label}</span>
        <input type="password" inputMode="numeric" autoComplete="off" value={pin} onInput={(e) => setPin(e.currentTarget.value)} data-testid={`${testid}-pin`} />
      </label>
      {error !== null ? <p class="error" role="alert">{error}</p> : null}
      <button type="submit" class="primary" disabled={busy || pin === ''} data-testid={`${testid}-submit`}>
        {busy ? '確認中…' : button}
      </button>
    </form>
  );
}
