/**
 * A supervisor's own terms per category. The form is checked by the same parser as the built-in
 * dictionaries (through `api.validateTerm`), and each problem is shown under the field it is about.
 */
import { useState } from 'preact/hooks';
import { CATEGORY_LABEL_JA } from '../../shared/clauses.ts';
import { CATEGORIES, SEVERITIES, type Category, type Severity } from '../../shared/types.ts';
import type { CustomTermProblem } from '../../storage/custom-terms.ts';
import type { CustomTerm } from '../../storage/types.ts';
import type { OptionsApi, OptionsSnapshot } from './api.ts';
import { Lock, SEVERITY_SHORT_JA } from './common.tsx';

interface Draft {
  category: Category;
  id: string;
  forms: string;
  reading: string;
  severity: Severity;
  hit: string;
  clean: string;
  note: string;
}

const EMPTY: Draft = { category: 'insult', id: 'insult.', forms: '', reading: '', severity: 'warn', hit: '', clean: '', note: '' };

const lines = (s: string) => s.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');

function toTerm(d: Draft): CustomTerm {
  const clean = lines(d.clean);
  const term: CustomTerm = { id: d.id.trim(), category: d.category, forms: lines(d.forms), severity: d.severity, examples: clean.length > 0 ? { hit: lines(d.hit), clean } : { hit: lines(d.hit) } };
  if (d.reading.trim() !== '') term.reading = d.reading.trim();
  if (d.note.trim() !== '') term.note = d.note.trim();
  return term;
}

function toDraft(t: CustomTerm): Draft {
  return { category: t.category, id: t.id, forms: t.forms.join('\n'), reading: t.reading ?? '', severity: t.severity, hit: t.examples.hit.join('\n'), clean: (t.examples.clean ?? []).join('\n'), note: t.note ?? '' };
}

/** Which form field a parser problem belongs to. */
function fieldOf(p: CustomTermProblem): keyof Draft | 'other' {
  const head = p.field.split(/[.[]/)[0] ?? '';
  if (p.field.startsWith('examples.clean')) return 'clean';
  if (head === 'examples') return 'hit';
  if (head === 'forms' || head === 'reading' || head === 'severity' || head === 'id' || head === 'category' || head === 'note') return head;
  return 'other';
}

/** A labelled field with its problems underneath. A plain function (not a component) so inputs keep focus while typing. */
function FormField({ name, label, children, hint, errors }: { name: string; label: string; children: preact.ComponentChildren; hint?: string; errors: CustomTermProblem[] }) {
  return (
    <label class={errors.length > 0 ? 'field invalid' : 'field'} data-testid={`term-field-${name}`}>
      <span>{label}</span>
      {children}
      {hint !== undefined ? <div class="note">{hint}</div> : null}
      {errors.map((e, i) => (
        <div key={i} class="error" data-testid="term-error">
          {e.message}
        </div>
      ))}
    </label>
  );
}

export function TermsPanel({ api, snapshot, onSaved }: { api: OptionsApi; snapshot: OptionsSnapshot; onSaved: () => void }) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [originalId, setOriginalId] = useState<string | null>(null);
  const [problems, setProblems] = useState<CustomTermProblem[]>([]);
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const terms = snapshot.config.customTerms;

  const update = (patch: Partial<Draft>) => {
    if (draft === null) return;
    const next = { ...draft, ...patch };
    if (patch.category !== undefined && draft.id.startsWith(`${draft.category}.`)) next.id = `${patch.category}.${draft.id.slice(draft.category.length + 1)}`;
    setDraft(next);
    setProblems(api.validateTerm(toTerm(next), originalId));
  };

  const errorsFor = (field: keyof Draft | 'other') => problems.filter((p) => fieldOf(p) === field);
  const Field = ({ name, ...rest }: { name: keyof Draft; label: string; children: preact.ComponentChildren; hint?: string }) => FormField({ name, errors: errorsFor(name), ...rest });

  async function save() {
    if (draft === null) return;
    const term = toTerm(draft);
    const found = api.validateTerm(term, originalId);
    setProblems(found);
    if (found.length > 0) return;
    const r = await api.putTerm(term, originalId);
    if (!r.ok) {
      setStatus({ ok: false, message: r.message });
      return;
    }
    setStatus({ ok: true, message: `「${term.forms[0] ?? term.id}」を保存しました。` });
    setDraft(null);
    onSaved();
  }

  return (
    <section data-testid="panel-terms">
      <h2>独自の語（カテゴリごと）</h2>
      <p class="note">組み込みの辞書にない地域の言葉や、課で気を付けたい言い回しを加えます。例文は「この語が見つかるべき文」です。組み込み辞書と同じ検査を通ったものだけが保存されます。</p>
      {snapshot.config.locks.includes('customTerms') ? (
        <p>
          <Lock /> 組織が配布した語は変更・削除できません。
        </p>
      ) : null}
      <table data-testid="terms-table">
        <thead>
          <tr>
            <th>カテゴリ</th>
            <th>書き方</th>
            <th>読み</th>
            <th>重さ</th>
            <th>例文</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {terms.length === 0 ? (
            <tr>
              <td colSpan={6} class="note">
                まだありません。
              </td>
            </tr>
          ) : null}
          {terms.map(({ value: t, managed }) => (
            <tr key={t.id} data-testid="term-row" data-id={t.id}>
              <td>{CATEGORY_LABEL_JA[t.category]}</td>
              <td>{t.forms.join('、')}</td>
              <td>{t.reading ?? ''}</td>
              <td>
                <span class="sev" data-severity={t.severity}>
                  {SEVERITY_SHORT_JA[t.severity]}
                </span>
              </td>
              <td>{t.examples.hit[0] ?? ''}</td>
              <td>
                {managed ? (
                  <Lock />
                ) : (
                  <span class="row">
                    <button type="button" class="link" onClick={() => { setDraft(toDraft(t)); setOriginalId(t.id); setProblems([]); setStatus(null); }}>
                      編集
                    </button>
                    <button type="button" class="link" onClick={async () => { const r = await api.deleteTerm(t.id); if (r.ok) onSaved(); else setStatus({ ok: false, message: r.message }); }}>
                      削除
                    </button>
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {status !== null ? (
        <p class={status.ok ? 'ok' : 'error'} role={status.ok ? 'status' : 'alert'} data-testid="terms-status">
          {status.message}
        </p>
      ) : null}
      {draft === null ? (
        <p>
          <button type="button" class="primary" data-testid="term-add" onClick={() => { setDraft(EMPTY); setOriginalId(null); setProblems([]); setStatus(null); }}>
            語を追加
          </button>
        </p>
      ) : (
        <div class="box" data-testid="term-form">
          <h3>{originalId === null ? '語を追加' : '語を編集'}</h3>
          <div class="grid2">
            {Field({ name: "category", label: "カテゴリ", children: (
              <select value={draft.category} onChange={(e) => update({ category: e.currentTarget.value as Category })} data-testid="term-category">
                {CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {CATEGORY_LABEL_JA[c]}
                  </option>
                ))}
              </select>
            )})}
            {Field({ name: "severity", label: "重さ", children: (
              <select value={draft.severity} onChange={(e) => update({ severity: e.currentTarget.value as Severity })} data-testid="term-severity">
                {SEVERITIES.map((s) => (
                  <option key={s} value={s}>
                    {SEVERITY_SHORT_JA[s]}
                  </option>
                ))}
              </select>
            )})}
            {Field({ name: "forms", label: "書き方（1行に1つ）", hint: "漢字・ひらがな・カタカナなど、見つけたい書き方をすべて", children: (
              <textarea value={draft.forms} onInput={(e) => update({ forms: e.currentTarget.value })} data-testid="term-forms" />
            )})}
            {Field({ name: "reading", label: "読み（カタカナ、任意）", children: (
              <input type="text" value={draft.reading} onInput={(e) => update({ reading: e.currentTarget.value })} data-testid="term-reading" />
            )})}
            {Field({ name: "hit", label: "例文（この語が見つかるべき文、1行に1つ）", children: (
              <textarea value={draft.hit} onInput={(e) => update({ hit: e.currentTarget.value })} data-testid="term-hit" />
            )})}
            {Field({ name: "clean", label: "見つかってはいけない文（任意）", children: (
              <textarea value={draft.clean} onInput={(e) => update({ clean: e.currentTarget.value })} data-testid="term-clean" />
            )})}
            {Field({ name: "id", label: "識別名", hint: "「カテゴリ.名前」（半角英小文字・数字・_・-）。記録に残るので後から変えないでください。", children: (
              <input type="text" value={draft.id} onInput={(e) => update({ id: e.currentTarget.value })} data-testid="term-id" />
            )})}
            {Field({ name: "note", label: "メモ（職員には表示されません）", children: (
              <input type="text" value={draft.note} onInput={(e) => update({ note: e.currentTarget.value })} />
            )})}
          </div>
          {errorsFor('other').map((e, i) => (
            <p key={i} class="error">
              {e.field}: {e.message}
            </p>
          ))}
          <div class="row">
            <button type="button" class="primary" onClick={save} data-testid="term-save">
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
