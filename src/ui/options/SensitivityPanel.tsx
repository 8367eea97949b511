/** Per-category sensitivity and threshold, with a preview of a sample text under the settings being edited. */
import { useMemo, useState } from 'preact/hooks';
import { CATEGORY_CLAUSE, CATEGORY_LABEL_JA } from '../../shared/clauses.ts';
import { CATEGORIES, SENSITIVITIES, type Category, type CategorySettings, type Sensitivity } from '../../shared/types.ts';
import type { OptionsApi, OptionsSnapshot } from './api.ts';
import { FindingsList, Lock, SENSITIVITY_LABEL_JA } from './common.tsx';

export const SAMPLE_TEXT = '窓口で騒いでた人、ほんとバカすぎ。新庁舎の建設は内部で検討中です。食中毒が出たらしい。問い合わせは山田さんの携帯090-1234-5678まで。';

export function SensitivityPanel({ api, snapshot, onSaved }: { api: OptionsApi; snapshot: OptionsSnapshot; onSaved: (notice?: string) => void }) {
  const effective = { ...snapshot.defaults, ...snapshot.config.settings } as CategorySettings;
  const [draft, setDraft] = useState<CategorySettings>(effective);
  const [sample, setSample] = useState(SAMPLE_TEXT);
  const [status, setStatus] = useState<string | null>(null);
  /** Thresholds typed out of range, shown next to their field; nothing is saved while one is wrong. */
  const [invalid, setInvalid] = useState<Partial<Record<Category, string>>>({});
  const locked = (c: Category) => snapshot.config.locks.includes(`category.${c}`);
  const changed = CATEGORIES.filter((c) => draft[c].sensitivity !== effective[c].sensitivity || draft[c].threshold !== effective[c].threshold);
  const preview = useMemo(() => api.preview(sample, draft), [api, sample, draft]);

  const set = (c: Category, patch: Partial<CategorySettings[Category]>) => {
    setDraft({ ...draft, [c]: { ...draft[c], ...patch } });
    setStatus(null);
  };

  async function save() {
    for (const c of changed) {
      const r = await api.setCategory(c, draft[c]);
      if (!r.ok) {
        setStatus(r.message);
        return;
      }
    }
    onSaved(`保存しました（${changed.map((c) => CATEGORY_LABEL_JA[c]).join('、')}）。開いている X・Facebook のタブにもすぐ反映されます。`);
  }

  return (
    <section data-testid="panel-sensitivity">
      <h2>カテゴリごとの感度</h2>
      <p class="note">
        感度は、そのカテゴリの指摘をどう扱うかです。「標準」は指摘ごとの判定どおり（ふつうはこれ）、「禁止」はそのカテゴリの指摘をすべて止め、「注意」は理由を書けば投稿でき、「参考」は印を付けるだけ、「オフ」は点検しません。
        しきい値は指摘の確からしさ（0〜1）の下限で、上げるほど確かなものだけを示します。
      </p>
      <table>
        <thead>
          <tr>
            <th>カテゴリ（ガイドライン条項）</th>
            <th>感度</th>
            <th>しきい値</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {CATEGORIES.map((c) => (
            <tr key={c} data-testid={`category-${c}`}>
              <td>
                {CATEGORY_LABEL_JA[c]}
                <div class="note">
                  <code>{CATEGORY_CLAUSE[c]}</code>
                </div>
              </td>
              <td>
                <select
                  value={draft[c].sensitivity}
                  disabled={locked(c)}
                  data-testid={`sensitivity-${c}`}
                  aria-label={`${CATEGORY_LABEL_JA[c]}の感度`}
                  onChange={(e) => set(c, { sensitivity: e.currentTarget.value as Sensitivity })}
                >
                  {SENSITIVITIES.map((s) => (
                    <option key={s} value={s}>
                      {SENSITIVITY_LABEL_JA[s]}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <input
                  type="number"
                  min={0}
                  max={1}
                  step={0.05}
                  value={draft[c].threshold}
                  disabled={locked(c) || draft[c].sensitivity === 'off'}
                  data-testid={`threshold-${c}`}
                  aria-label={`${CATEGORY_LABEL_JA[c]}のしきい値`}
                  aria-invalid={invalid[c] !== undefined}
                  onInput={(e) => {
                    const raw = e.currentTarget.value.trim();
                    const v = Number(raw);
                    const { [c]: _old, ...rest } = invalid;
                    if (raw !== '' && Number.isFinite(v) && v >= 0 && v <= 1) {
                      setInvalid(rest);
                      set(c, { threshold: v });
                    } else setInvalid({ ...rest, [c]: `「${raw}」は使えません。0〜1 の数を入れてください（例: 0.5）。` });
                  }}
                  style={{ width: '80px' }}
                />
                {invalid[c] !== undefined ? (
                  <div class="error" role="alert" data-testid={`threshold-error-${c}`}>
                    {invalid[c]}
                  </div>
                ) : null}
              </td>
              <td>
                {locked(c) ? (
                  <Lock />
                ) : snapshot.localCategories[c] !== undefined ? (
                  <button
                    type="button"
                    class="link"
                    onClick={async () => {
                      const r = await api.setCategory(c, null);
                      if (!r.ok) {
                        setStatus(r.message);
                        return;
                      }
                      setDraft({ ...draft, [c]: snapshot.defaults[c] });
                      onSaved();
                    }}
                  >
                    既定に戻す
                  </button>
                ) : (
                  <span class="note">既定値</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="row">
        <button type="button" class="primary" disabled={changed.length === 0 || Object.keys(invalid).length > 0} onClick={save} data-testid="save-sensitivity">
          変更を保存
        </button>
        {changed.length > 0 ? <span class="note">未保存の変更: {changed.map((c) => CATEGORY_LABEL_JA[c]).join('、')}</span> : null}
        {status !== null ? (
          <span class="error" role="alert">
            {status}
          </span>
        ) : null}
      </div>

      <h3>試し点検（編集中の設定で判定）</h3>
      <p class="note">例文を書き換えると、上の設定（保存前のものを含む）でどう判定されるかがすぐ分かります。</p>
      <textarea value={sample} onInput={(e) => setSample(e.currentTarget.value)} data-testid="preview-text" aria-label="試し点検の例文" />
      <div data-testid="preview-result" data-verdict={preview.verdict}>
        <p>
          判定: <b>{preview.verdict === 'ok' ? '問題なし' : preview.verdict === 'block' ? '禁止（投稿できません）' : preview.verdict === 'warn' ? '注意（理由を書けば投稿可）' : '参考'}</b>
          {preview.partial ? <span class="note">（語句とパターンによる簡易点検。文脈の判定は投稿画面で行われます）</span> : null}
        </p>
        <FindingsList findings={preview.findings} />
      </div>
    </section>
  );
}
