/**
 * The official accounts, one usage policy (利用方針, 様式１ of guideline (4)① `4-1-policy`) each,
 * editable and printable as the form. The gate knows the account a post goes to from this list.
 */
import { useState } from 'preact/hooks';
import { clauseById } from '../../shared/clauses.ts';
import { ACCOUNT_FIELD_LABEL_JA, type AccountProblem } from '../../storage/accounts.ts';
import type { AccountRecord, Unsaved } from '../../storage/types.ts';
import type { OptionsApi, OptionsSnapshot } from './api.ts';

const PLATFORM_JA = { x: 'X（旧Twitter）', facebook: 'Facebook' } as const;

const EMPTY: Unsaved<AccountRecord> = { name: '', platform: 'x', handle: '', url: 'https://x.com/', purpose: '', content: '', period: { start: '' }, replyPolicy: '', operator: '', contact: '' };

type TextField = 'name' | 'handle' | 'url' | 'purpose' | 'content' | 'replyPolicy' | 'operator' | 'contact';
const LONG: TextField[] = ['purpose', 'content', 'replyPolicy'];

function period(a: Unsaved<AccountRecord>): string {
  return `${a.period.start} ～ ${a.period.end ?? '（定めなし）'}`;
}

/** 様式１ as printed: the fields in the guideline's order. */
export function UsagePolicySheet({ account }: { account: Unsaved<AccountRecord> }) {
  const rows: Array<[string, string]> = [
    [ACCOUNT_FIELD_LABEL_JA.name, account.name],
    [ACCOUNT_FIELD_LABEL_JA.platform, PLATFORM_JA[account.platform]],
    [ACCOUNT_FIELD_LABEL_JA.handle, `@${account.handle}`],
    [ACCOUNT_FIELD_LABEL_JA.url, account.url],
    [ACCOUNT_FIELD_LABEL_JA.purpose, account.purpose],
    [ACCOUNT_FIELD_LABEL_JA.content, account.content],
    [ACCOUNT_FIELD_LABEL_JA.period, period(account)],
    [ACCOUNT_FIELD_LABEL_JA.replyPolicy, account.replyPolicy],
    [ACCOUNT_FIELD_LABEL_JA.operator, account.operator],
    [ACCOUNT_FIELD_LABEL_JA.contact, account.contact],
  ];
  return (
    <div class="form-sheet" data-testid="usage-policy-sheet">
      <p style={{ textAlign: 'left' }}>様式１</p>
      <h2>ソーシャルメディア利用方針</h2>
      <table>
        <tbody>
          {rows.map(([k, v]) => (
            <tr key={k}>
              <th>{k}</th>
              <td>{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="note">平川市ソーシャルメディア利用ガイドライン {clauseById('4-1-policy')?.label} による。</p>
    </div>
  );
}

export function AccountsPanel({ api, snapshot, onSaved }: { api: OptionsApi; snapshot: OptionsSnapshot; onSaved: () => void }) {
  const [draft, setDraft] = useState<Unsaved<AccountRecord> | null>(null);
  const [problems, setProblems] = useState<AccountProblem[]>([]);
  const [printing, setPrinting] = useState<AccountRecord | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const errorOf = (field: string) => problems.filter((p) => p.field === field).map((p) => p.message);

  const update = (patch: Partial<Unsaved<AccountRecord>>) => {
    if (draft === null) return;
    const next = { ...draft, ...patch };
    setDraft(next);
    if (problems.length > 0) setProblems(api.validateAccount(next));
  };

  if (printing !== null) {
    return (
      <section data-testid="panel-accounts-print">
        <div class="row no-print">
          <button type="button" class="primary" onClick={() => api.print()}>
            印刷
          </button>
          <button type="button" onClick={() => setPrinting(null)}>
            一覧に戻る
          </button>
        </div>
        <UsagePolicySheet account={printing} />
      </section>
    );
  }

  const text = (field: TextField) => {
    const errors = errorOf(field);
    return (
      <label class={errors.length > 0 ? 'field invalid' : 'field'} key={field}>
        <span>{ACCOUNT_FIELD_LABEL_JA[field]}</span>
        {LONG.includes(field) ? (
          <textarea value={draft![field]} onInput={(e) => update({ [field]: e.currentTarget.value })} data-testid={`account-${field}`} />
        ) : (
          <input type="text" value={draft![field]} onInput={(e) => update({ [field]: e.currentTarget.value })} data-testid={`account-${field}`} />
        )}
        {errors.map((m) => (
          <div class="error" key={m}>
            {m}
          </div>
        ))}
      </label>
    );
  };

  return (
    <section data-testid="panel-accounts">
      <h2>公式アカウントと利用方針（様式１）</h2>
      <p class="note">
        ガイドライン（４）①により、公式アカウントごとに利用方針を作ります。投稿画面ではここに登録したアカウントのうち運用期間中のものへの投稿として記録されます。
      </p>
      <table>
        <thead>
          <tr>
            <th>発信情報の名称</th>
            <th>サイト</th>
            <th>アカウント</th>
            <th>運用期間</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {snapshot.accounts.length === 0 ? (
            <tr>
              <td colSpan={5} class="note">
                まだありません。投稿先のアカウントを登録してください。
              </td>
            </tr>
          ) : null}
          {snapshot.accounts.map((a) => (
            <tr key={a.id} data-testid="account-row">
              <td>{a.name}</td>
              <td>{PLATFORM_JA[a.platform]}</td>
              <td>@{a.handle}</td>
              <td>{period(a)}</td>
              <td class="row">
                <button type="button" class="link" onClick={() => setPrinting(a)} data-testid="account-print">
                  様式１を表示・印刷
                </button>
                <button type="button" class="link" onClick={() => { setDraft(a); setProblems([]); }}>
                  編集
                </button>
                <button type="button" class="link" onClick={async () => { const r = await api.deleteAccount(a.id); if (r.ok) onSaved(); else setDeleteError(r.message); }}>
                  削除
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {deleteError !== null ? (
        <p class="error" role="alert">
          {deleteError}
        </p>
      ) : null}
      {draft === null ? (
        <p>
          <button type="button" class="primary" onClick={() => { setDraft(EMPTY); setProblems([]); }} data-testid="account-add">
            アカウントを登録
          </button>
        </p>
      ) : (
        <div class="box" data-testid="account-form">
          <div class="grid2">
            {text('name')}
            <label class="field">
              <span>{ACCOUNT_FIELD_LABEL_JA.platform}</span>
              <select
                value={draft.platform}
                onChange={(e) => {
                  const platform = e.currentTarget.value as 'x' | 'facebook';
                  update({ platform, url: draft.url === 'https://x.com/' || draft.url === 'https://www.facebook.com/' || draft.url === '' ? (platform === 'x' ? 'https://x.com/' : 'https://www.facebook.com/') : draft.url });
                }}
                data-testid="account-platform"
              >
                <option value="x">{PLATFORM_JA.x}</option>
                <option value="facebook">{PLATFORM_JA.facebook}</option>
              </select>
            </label>
            {text('handle')}
            {text('url')}
          </div>
          {text('purpose')}
          {text('content')}
          <div class="grid2">
            <label class={errorOf('period.start').length > 0 ? 'field invalid' : 'field'}>
              <span>運用開始日</span>
              <input type="date" value={draft.period.start} onInput={(e) => update({ period: { ...draft.period, start: e.currentTarget.value } })} data-testid="account-start" />
              {errorOf('period.start').map((m) => <div class="error" key={m}>{m}</div>)}
            </label>
            <label class={errorOf('period.end').length > 0 ? 'field invalid' : 'field'}>
              <span>運用終了日（定めがなければ空欄）</span>
              <input
                type="date"
                value={draft.period.end ?? ''}
                onInput={(e) => {
                  const end = e.currentTarget.value;
                  update({ period: end === '' ? { start: draft.period.start } : { start: draft.period.start, end } });
                }}
              />
              {errorOf('period.end').map((m) => <div class="error" key={m}>{m}</div>)}
            </label>
          </div>
          {text('replyPolicy')}
          <div class="grid2">
            {text('operator')}
            {text('contact')}
          </div>
          <div class="row">
            <button
              type="button"
              class="primary"
              data-testid="account-save"
              onClick={async () => {
                const found = api.validateAccount(draft);
                setProblems(found);
                if (found.length > 0) return;
                const r = await api.putAccount(draft);
                if (r.ok) {
                  setDraft(null);
                  onSaved();
                } else setProblems([{ field: 'name', message: r.message }]);
              }}
            >
              保存
            </button>
            <button type="button" onClick={() => setDraft(null)}>
              取り消し
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
