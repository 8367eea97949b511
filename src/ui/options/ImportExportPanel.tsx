/**
 * Settings as JSON and term lists as CSV, out and in. A bad file is refused whole, with each
 * problem's line and field, and nothing saved is lost. A settings file first shows what it would
 * change (the public key's fingerprint old → new, each category's sensitivity, the sites, how many
 * terms, exceptions and accounts), and is applied only with the supervisor's PIN.
 */
import { useState } from 'preact/hooks';
import { summarizeImportPreview, type ImportSummary } from './import-summary.ts';
import type { ImportResult, OptionsApi, OptionsSnapshot } from './api.ts';
import { Lock, PinForm } from './common.tsx';

function Outcome({ result, testid }: { result: ImportResult | null; testid: string }) {
  if (result === null) return null;
  return (
    <div class={result.ok ? 'box good' : 'box bad'} role={result.ok ? 'status' : 'alert'} data-testid={testid} data-ok={String(result.ok)}>
      <b>{result.ok ? result.message : '読み込めませんでした。何も変更していません。'}</b>
      {!result.ok && result.problems.length === 0 ? <div>{result.message}</div> : null}
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

/** What the chosen settings file would change, and the PIN to apply it. */
function ImportPreviewBox({ summary, busy, onApply, onCancel }: { summary: ImportSummary; busy: boolean; onApply: (pin: string) => Promise<string | null>; onCancel: () => void }) {
  return (
    <div class="box warn" data-testid="import-preview">
      <b>読み込む前に、変わる内容を確かめてください。まだ何も変わっていません。</b>
      {summary.warnings.length > 0 ? (
        <ul data-testid="import-warnings">
          {summary.warnings.map((w) => (
            <li key={w} class="error">
              {w}
            </li>
          ))}
        </ul>
      ) : null}
      {summary.same ? <p class="note">いまの設定と同じ内容です（独自の語・例外・アカウントはファイルの内容に置き換わります）。</p> : null}
      <table>
        <thead>
          <tr>
            <th>項目</th>
            <th>いま</th>
            <th>読み込み後</th>
          </tr>
        </thead>
        <tbody>
          {summary.rows.map((r) => (
            <tr key={r.id} data-testid="import-change" data-id={r.id} data-changed={String(r.changed)}>
              <td>
                {r.label} {r.locked ? <Lock title="組織のポリシーで固定されています。読み込んでも、使われる値は変わりません。" /> : null}
              </td>
              <td>{r.before}</td>
              <td>{r.changed ? <b>{r.after}</b> : r.after}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="note">独自の語・例外・アカウントは、ファイルの内容にまとめて置き換わります。PIN と署名用の鍵は変わりません。</p>
      <PinForm label="所属長 PIN（読み込みの確認）" button={busy ? '読み込み中…' : 'この内容で読み込む'} testid="import-apply" onSubmit={onApply} />
      <button type="button" class="link" onClick={onCancel} data-testid="import-cancel">
        読み込まない
      </button>
    </div>
  );
}

export function ImportExportPanel({ api, snapshot, onSaved }: { api: OptionsApi; snapshot: OptionsSnapshot; onSaved: (message?: string) => void }) {
  const [jsonResult, setJsonResult] = useState<ImportResult | null>(null);
  const [pending, setPending] = useState<{ text: string; summary: ImportSummary } | null>(null);
  const [busy, setBusy] = useState(false);
  const [csvResult, setCsvResult] = useState<ImportResult | null>(null);
  const [mode, setMode] = useState<'replace' | 'merge'>('merge');
  const [exportError, setExportError] = useState<string | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const chosen = async (input: HTMLInputElement): Promise<string | null> => {
    try {
      setReadError(null);
      return await readFile(input);
    } catch (error) {
      setReadError(`ファイルを読めませんでした（${error instanceof Error ? error.message : String(error)}）。もう一度選んでください。何も変更していません。`);
      return null;
    }
  };
  return (
    <section data-testid="panel-import">
      <h2>読み込み・書き出し</h2>
      {readError !== null ? (
        <p class="error" role="alert">
          {readError}
        </p>
      ) : null}
      <div class="box">
        <h3>設定ファイル（JSON）</h3>
        <p class="note">感度、独自の語、例外、アカウント、記録の設定、所属長の公開鍵をまとめて1つのファイルにします。職員の端末に同じ設定を配るときに使います。PIN と署名用の鍵は含まれません。</p>
        <div class="row">
          <button
            type="button"
            onClick={async () => {
              const r = await api.exportSettings();
              setExportError(r.ok ? null : r.message);
            }}
            data-testid="export-json"
          >
            設定を書き出す
          </button>
          <label class="row">
            設定を読み込む（読み込む前に、変わる内容を表示します）:
            <input
              type="file"
              accept=".json,application/json"
              data-testid="import-json"
              onChange={async (e) => {
                const text = await chosen(e.currentTarget);
                if (text === null) return;
                setJsonResult(null);
                setPending(null);
                const r = await api.previewImport(text);
                if (r.ok) setPending({ text, summary: summarizeImportPreview(r.preview, snapshot.defaults) });
                else setJsonResult(r);
              }}
            />
          </label>
        </div>
        {pending !== null ? (
          <ImportPreviewBox
            summary={pending.summary}
            busy={busy}
            onCancel={() => setPending(null)}
            onApply={async (pin) => {
              setBusy(true);
              const r = await api.applyImport(pending.text, pin);
              setBusy(false);
              // A wrong PIN keeps the preview open to try again; a refused file closes it with its problems.
              if (!r.ok && r.problems.length === 0 && r.needsPin !== true) return r.message;
              setPending(null);
              setJsonResult(r);
              if (r.ok) onSaved(r.message);
              return null;
            }}
          />
        ) : null}
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
        </div>
        {exportError !== null ? (
          <p class="error" role="alert" data-testid="export-error">
            {exportError}
          </p>
        ) : null}
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
              const text = await chosen(e.currentTarget);
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
