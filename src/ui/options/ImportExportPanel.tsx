/** Settings as JSON and term lists as CSV, out and in. A bad file is refused whole, with each problem's line and field. */
import { useState } from 'preact/hooks';
import type { ImportResult, OptionsApi } from './api.ts';

function Outcome({ result, testid }: { result: ImportResult | null; testid: string }) {
  if (result === null) return null;
  return (
    <div class={result.ok ? 'box good' : 'box bad'} role={result.ok ? 'status' : 'alert'} data-testid={testid} data-ok={String(result.ok)}>
      <b>{result.ok ? result.message : '読み込めませんでした。何も変更していません。'}</b>
      {result.problems.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th>行</th>
              <th>項目</th>
              <th>問題</th>
            </tr>
          </thead>
          <tbody>
            {result.problems.map((p, i) => (
              <tr key={i} data-testid="import-problem" data-line={p.line ?? ''} data-field={p.field}>
                <td>{p.line !== undefined ? `${p.line}行目` : ''}</td>
                <td>
                  <code>{p.field}</code>
                </td>
                <td>{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

async function readFile(input: HTMLInputElement): Promise<string | null> {
  const file = input.files?.[0];
  input.value = '';
  return file === undefined ? null : file.text();
}

export function ImportExportPanel({ api, onSaved }: { api: OptionsApi; onSaved: () => void }) {
  const [jsonResult, setJsonResult] = useState<ImportResult | null>(null);
  const [csvResult, setCsvResult] = useState<ImportResult | null>(null);
  const [mode, setMode] = useState<'replace' | 'merge'>('merge');
  const [exportError, setExportError] = useState<string | null>(null);
  return (
    <section data-testid="panel-import">
      <h2>読み込み・書き出し</h2>
      <div class="box">
        <h3>設定ファイル（JSON）</h3>
        <p class="note">感度、独自の語、例外、アカウント、記録の設定、所属長の公開鍵をまとめて1つのファイルにします。職員の端末に同じ設定を配るときに使います。PIN と署名用の鍵は含まれません。</p>
        <div class="row">
          <button type="button" onClick={() => api.exportSettings()} data-testid="export-json">
            設定を書き出す
          </button>
          <label class="row">
            設定を読み込む（いまの設定を置き換えます）:
            <input
              type="file"
              accept=".json,application/json"
              data-testid="import-json"
              onChange={async (e) => {
                const text = await readFile(e.currentTarget);
                if (text === null) return;
                const r = await api.importSettings(text);
                setJsonResult(r);
                if (r.ok) onSaved();
              }}
            />
          </label>
        </div>
        <Outcome result={jsonResult} testid="import-json-result" />
      </div>
      <div class="box">
        <h3>独自の語（CSV）</h3>
        <p class="note">
          1行目は見出し <code>category,id,forms,reading,severity,example_hit,example_clean,note</code>。複数の書き方や例文は <code>|</code> で区切ります。Excel で編集できます。
        </p>
        <div class="row">
          <button
            type="button"
            data-testid="export-csv"
            onClick={async () => {
              const r = await api.exportTermsCsv();
              setExportError(r.ok ? null : r.message);
            }}
          >
            語を CSV で書き出す
          </button>
          {exportError !== null ? <span class="error">{exportError}</span> : null}
        </div>
        <div class="row">
          <label>
            <input type="radio" name="csv-mode" checked={mode === 'merge'} onChange={() => setMode('merge')} /> 追加・上書き（ファイルにない語は残す）
          </label>
          <label>
            <input type="radio" name="csv-mode" checked={mode === 'replace'} onChange={() => setMode('replace')} /> 置き換え（ファイルにない語は消す）
          </label>
        </div>
        <label class="row">
          CSV を読み込む:
          <input
            type="file"
            accept=".csv,text/csv"
            data-testid="import-csv"
            onChange={async (e) => {
              const text = await readFile(e.currentTarget);
              if (text === null) return;
              const r = await api.importTermsCsv(text, mode);
              setCsvResult(r);
              if (r.ok) onSaved();
            }}
          />
        </label>
        <Outcome result={csvResult} testid="import-csv-result" />
      </div>
    </section>
  );
}
