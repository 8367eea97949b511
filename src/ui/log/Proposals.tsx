/**
 * 除外の提案 (issue #9): words staff reported as 誤検知, or dismissed on the card (今回は無視) again
 * and again. 除外に追加 makes them a term exception in one click (the PIN session is already open:
 * the background checks it), 却下 turns the proposal down. Either way it leaves the list.
 */
import { useEffect, useState } from 'preact/hooks';
import { CATEGORY_LABEL_JA } from '../../shared/clauses.ts';
import type { ExceptionProposal, ProposalApi } from './api.ts';

function formatDay(ms: number): string {
  return new Date(ms).toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}

function howMany(p: ExceptionProposal): string {
  const parts: string[] = [];
  if (p.reports > 0) parts.push(`誤検知の報告 ${p.reports}件`);
  if (p.overrides > 0) parts.push(`「今回は無視」で投稿 ${p.overrides}回（30日間）`);
  return parts.join('、');
}

export function Proposals({ api }: { api: ProposalApi }) {
  const [items, setItems] = useState<ExceptionProposal[] | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const load = () => {
    void api.proposals().then((r) => {
      if (r.ok) setItems(r.value);
      else if (r.needsPin !== true) setStatus({ ok: false, message: `提案を読み込めませんでした（${r.message}）。` });
    });
  };
  useEffect(load, [api]);

  const act = async (p: ExceptionProposal, accept: boolean) => {
    setBusy(p.words);
    const r = accept ? await api.acceptProposal(p.words) : await api.dismissProposal(p.words);
    setBusy(null);
    if (r.ok) setStatus({ ok: true, message: accept ? `「${p.words}」を除外に追加しました。この語句はもう指摘されません。` : `「${p.words}」の提案を却下しました。` });
    else if (r.needsPin !== true) setStatus({ ok: false, message: r.message });
    load();
  };

  return (
    <section data-testid="proposals">
      <h2>除外の提案</h2>
      <p class="note">職員が「誤検知として報告」した語句と、「今回は無視」で何度も投稿された語句です。「除外に追加」を押すと、その語句は例外（除外する語句）に入り、以後は指摘されません。報告には指摘された語句だけが含まれ、投稿の全文はありません。</p>
      {status !== null ? (
        <p class={status.ok ? 'ok' : 'error'} role={status.ok ? 'status' : 'alert'} data-testid="proposal-status">
          {status.message}
        </p>
      ) : null}
      {items === null ? (
        <p>読み込み中…</p>
      ) : items.length === 0 ? (
        <p class="note" data-testid="proposals-empty">
          いまは提案はありません。
        </p>
      ) : (
        <table data-testid="proposals-table">
          <thead>
            <tr>
              <th>語句</th>
              <th>指摘の種類</th>
              <th>件数</th>
              <th>最後の報告</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {items.map((p) => (
              <tr key={p.words} data-testid="proposal-row" data-words={p.words}>
                <td>
                  <strong>「{p.words}」</strong>
                </td>
                <td>{p.categories.map((c) => CATEGORY_LABEL_JA[c]).join('・')}</td>
                <td>{howMany(p)}</td>
                <td style={{ whiteSpace: 'nowrap' }}>{formatDay(p.last)}</td>
                <td style={{ whiteSpace: 'nowrap' }}>
                  <button type="button" class="primary" data-testid="proposal-accept" disabled={busy !== null} aria-label={`「${p.words}」を除外に追加`} onClick={() => void act(p, true)}>
                    除外に追加
                  </button>{' '}
                  <button type="button" data-testid="proposal-dismiss" disabled={busy !== null} aria-label={`「${p.words}」の提案を却下`} onClick={() => void act(p, false)}>
                    却下
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
