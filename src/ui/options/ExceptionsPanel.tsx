/** What never to flag: terms and phrases, the city's own domains, and phone numbers and addresses that are not personal information. */
import { useState } from 'preact/hooks';
import type { ExceptionKind } from '../../storage/types.ts';
import type { OptionsApi, OptionsSnapshot } from './api.ts';
import { Lock } from './common.tsx';

const KINDS: Array<{ kind: ExceptionKind; title: string; hint: string; placeholder: string }> = [
  { kind: 'domain', title: '市のドメイン', hint: 'このドメイン（とその下のサブドメイン）へのリンクやメールアドレスは指摘しません。', placeholder: 'city.hirakawa.lg.jp' },
  { kind: 'phone', title: '個人情報ではない電話番号', hint: '課の代表番号など。ハイフンの有無や全角・半角は区別しません。', placeholder: '0172-44-1111' },
  { kind: 'address', title: '個人情報ではない住所', hint: '市役所・公共施設の所在地など。', placeholder: '平川市柏木町藤山25-6' },
  { kind: 'term', title: '指摘しない語句', hint: '地名・施設名など、辞書の語に似ていても問題のない語句。書かれたとおりに比べます。', placeholder: '尾上' },
];

export function ExceptionsPanel({ api, snapshot, onSaved }: { api: OptionsApi; snapshot: OptionsSnapshot; onSaved: () => void }) {
  const [values, setValues] = useState<Record<ExceptionKind, string>>({ term: '', domain: '', phone: '', address: '' });
  const [errors, setErrors] = useState<Partial<Record<ExceptionKind, string>>>({});
  return (
    <section data-testid="panel-exceptions">
      <h2>例外（指摘しないもの）</h2>
      {snapshot.config.locks.includes('exceptions') ? (
        <p>
          <Lock /> 組織が配布した例外は変更・削除できません。
        </p>
      ) : null}
      {KINDS.map(({ kind, title, hint, placeholder }) => {
        const list = snapshot.config.exceptions.filter((e) => e.value.kind === kind);
        return (
          <div class="box" key={kind} data-testid={`exceptions-${kind}`}>
            <h3>{title}</h3>
            <p class="note">{hint}</p>
            <ul>
              {list.length === 0 ? <li class="note">まだありません。</li> : null}
              {list.map(({ value: e, managed }) => (
                <li key={e.value} data-testid="exception-item">
                  {e.value} {e.note !== undefined ? <span class="note">（{e.note}）</span> : null}{' '}
                  {managed ? (
                    <Lock />
                  ) : (
                    <button type="button" class="link" onClick={async () => { if (e.id === undefined) return; const r = await api.deleteException(e.id); setErrors({ ...errors, [kind]: r.ok ? undefined : r.message }); if (r.ok) onSaved(); }}>
                      削除
                    </button>
                  )}
                </li>
              ))}
            </ul>
            <form
              class="row"
              onSubmit={async (ev) => {
                ev.preventDefault();
                const r = await api.addException({ kind, value: values[kind].trim() });
                setErrors({ ...errors, [kind]: r.ok ? undefined : r.message });
                if (r.ok) {
                  setValues({ ...values, [kind]: '' });
                  onSaved();
                }
              }}
            >
              <input type="text" placeholder={placeholder} value={values[kind]} onInput={(e) => setValues({ ...values, [kind]: e.currentTarget.value })} data-testid={`exception-input-${kind}`} aria-label={title} />
              <button type="submit" disabled={values[kind].trim() === ''}>
                追加
              </button>
              {errors[kind] !== undefined ? <span class="error">{errors[kind]}</span> : null}
            </form>
          </div>
        );
      })}
    </section>
  );
}
