import { paletteCss } from './theme.ts';

/**
 * The shadow root's stylesheet: the page's CSS cannot reach in, ours cannot leak out. Colours come
 * from the theme's custom properties (theme.ts: light, X's dim, dark), set on the layer by
 * `data-theme`; text is 14 px or more everywhere (issue #9).
 */
export const UI_CSS = `
:host { all: initial; }
${paletteCss('.tg-layer')}
.tg-layer { position: fixed; inset: 0; pointer-events: none; z-index: 2147483647;
  font: 14px/1.5 system-ui, -apple-system, "Hiragino Sans", "Noto Sans JP", "Yu Gothic UI", sans-serif; color: var(--tg-text); }
.tg-badge { position: fixed; pointer-events: auto; transform: translate(-100%, 0); white-space: nowrap;
  padding: 2px 10px; border-radius: 999px; font-size: 14px; font-weight: 600; border: 1px solid var(--tg-border);
  background: var(--tg-neutral-bg); color: var(--tg-neutral-text); box-shadow: 0 1px 3px var(--tg-shadow); }
.tg-badge[data-state="clean"] { background: var(--tg-ok-bg); color: var(--tg-ok-text); border-color: var(--tg-ok-border); }
.tg-badge[data-state="findings"] { background: var(--tg-warn-bg); color: var(--tg-warn-text); border-color: var(--tg-warn-border); }
.tg-badge[data-state="block"] { background: var(--tg-block-bg); color: var(--tg-block-text); border-color: var(--tg-block-border); }
.tg-badge[data-state="approval"] { background: var(--tg-info-bg); color: var(--tg-info-text); border-color: var(--tg-info-border); }
/* Lighter weight, not lighter colour: the note keeps the badge's contrast. */
.tg-badge .tg-partial { margin-left: 6px; font-weight: 400; }
.tg-card { position: fixed; pointer-events: auto; max-width: 360px; background: var(--tg-surface); border-radius: 8px;
  border: 1px solid var(--tg-border); box-shadow: 0 6px 24px var(--tg-shadow); padding: 10px 12px; }
.tg-card h3 { margin: 0 0 4px; font-size: 14px; padding-right: 20px; }
button.tg-close { position: absolute; top: 4px; right: 4px; border: 0; background: transparent; font-size: 18px; line-height: 1; padding: 2px 6px; }
.tg-sev { display: inline-block; font-size: 14px; padding: 0 6px; border-radius: 4px; margin-right: 6px; }
.tg-sev[data-severity="info"] { background: var(--tg-info-bg); color: var(--tg-info-text); }
.tg-sev[data-severity="warn"] { background: var(--tg-warn-bg); color: var(--tg-warn-text); }
.tg-sev[data-severity="block"] { background: var(--tg-block-bg); color: var(--tg-block-text); }
.tg-clause { margin: 6px 0; padding: 4px 8px; border-left: 3px solid var(--tg-border); color: var(--tg-muted); font-size: 14px; }

.tg-suggestion { margin: 4px 0 0; color: var(--tg-ok-text); }
.tg-actions { display: flex; gap: 8px; justify-content: flex-end; margin-top: 8px; }
button { font: inherit; cursor: pointer; border-radius: 6px; padding: 4px 12px; border: 1px solid var(--tg-button-border); background: var(--tg-button-bg); color: var(--tg-text); }
button.tg-primary { background: var(--tg-accent); border-color: var(--tg-accent); color: var(--tg-on-accent); }
button.tg-danger { background: var(--tg-surface); border-color: var(--tg-danger); color: var(--tg-danger); }
button:disabled, button[aria-disabled="true"] { opacity: .45; cursor: not-allowed; }
.tg-backdrop { position: fixed; inset: 0; pointer-events: auto; background: var(--tg-backdrop);
  display: flex; align-items: center; justify-content: center; }
.tg-dialog { background: var(--tg-surface); border-radius: 10px; width: min(520px, calc(100vw - 32px)); max-height: calc(100vh - 64px);
  overflow: auto; padding: 16px 20px; box-shadow: 0 10px 40px var(--tg-shadow); border: 1px solid var(--tg-border); }
.tg-dialog h2 { margin: 0 0 8px; font-size: 16px; }
.tg-dialog ul { padding-left: 0; list-style: none; margin: 8px 0; }
.tg-dialog li { margin: 0 0 8px; padding: 8px; border-radius: 6px; background: var(--tg-raised); }
.tg-excerpt { font-weight: 600; }
.tg-note { color: var(--tg-muted); margin: 4px 0 8px; }
.tg-field { display: block; margin: 10px 0; }
.tg-field textarea { display: block; width: 100%; box-sizing: border-box; min-height: 56px; margin-top: 4px; font: inherit; }
textarea, .tg-box input[type="text"], .tg-field input[type="text"], .tg-field select { background: var(--tg-surface); color: var(--tg-text); border: 1px solid var(--tg-input-border); border-radius: 6px; }
.tg-approval { margin: 8px 0; }
button.tg-goto { display: block; width: 100%; text-align: left; background: transparent; border: 0; padding: 2px 0; margin: 4px 0; font: inherit; color: inherit; cursor: pointer; }
button.tg-goto:hover, button.tg-goto:focus-visible { text-decoration: underline; }
button.tg-goto mark { background: var(--tg-mark-block); color: inherit; padding: 0 1px; border-radius: 2px; }
.tg-dialog li[data-severity="warn"] button.tg-goto mark { background: var(--tg-mark-warn); }
.tg-details summary { cursor: pointer; color: var(--tg-muted); }
.tg-dialog:focus { outline: none; }
.tg-spinner { display: inline-block; width: 12px; height: 12px; margin-right: 8px; border: 2px solid var(--tg-info-border); border-top-color: var(--tg-accent);
  border-radius: 50%; animation: tg-spin 1s linear infinite; vertical-align: -1px; }
@keyframes tg-spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .tg-spinner { animation: none; } }
.tg-badge[data-audit="failing"] { outline: 2px dashed var(--tg-danger); outline-offset: 1px; }
.tg-box { border: 1px solid var(--tg-border); border-radius: 8px; padding: 8px 12px; margin: 8px 0; }
.tg-box legend { font-weight: 600; padding: 0 4px; }
.tg-row { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.tg-box input[type="text"], .tg-field select { font: inherit; padding: 3px 8px; }
.tg-field input[type="text"] { display: block; width: 100%; box-sizing: border-box; margin-top: 4px; }
textarea.tg-code { display: block; width: 100%; box-sizing: border-box; min-height: 48px; margin: 6px 0; font: 14px/1.4 ui-monospace, monospace; word-break: break-all; }
.tg-granted { margin: 8px 0; padding: 8px 12px; border-radius: 8px; background: var(--tg-ok-bg); color: var(--tg-ok-text); border: 1px solid var(--tg-ok-border); font-weight: 600; }
.tg-error { color: var(--tg-danger); font-weight: 600; }
.tg-warnline { color: var(--tg-warn-text); }

/* Read by screen readers, not shown. */
.tg-sr { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
button:focus-visible { outline: 2px solid var(--tg-accent); outline-offset: 2px; }
button.tg-badge { cursor: pointer; line-height: 1.5; }
.tg-list { position: fixed; pointer-events: auto; overflow: auto; box-sizing: border-box; background: var(--tg-surface); border: 1px solid var(--tg-border);
  border-radius: 10px; box-shadow: 0 10px 32px var(--tg-shadow); padding: 12px 14px; }
.tg-list:focus { outline: none; }
.tg-list h2 { margin: 0 28px 6px 0; font-size: 16px; }
.tg-list .tg-note { font-size: 14px; }
.tg-list ol { list-style: none; padding: 0; margin: 8px 0 0; }
.tg-list li { margin: 0 0 8px; padding: 8px; border-radius: 6px; background: var(--tg-raised); border: 2px solid transparent; }
.tg-list li[aria-current="true"] { border-color: var(--tg-accent); background: var(--tg-current-bg); }
.tg-list li[data-severity="warn"] button.tg-goto mark { background: var(--tg-mark-warn); }
.tg-list li[data-severity="info"] button.tg-goto mark { background: var(--tg-mark-info); }
.tg-nav { margin: 4px 0; }
.tg-position { color: var(--tg-muted); }
.tg-reason { margin-top: 2px; }
.tg-done { margin: 6px 0; padding: 6px 8px; border-radius: 6px; background: var(--tg-ok-bg); color: var(--tg-ok-text); font-weight: 600; }
.tg-replace { display: flex; gap: 8px; align-items: center; justify-content: space-between; flex-wrap: wrap; margin-top: 6px;
  padding: 6px 8px; border-radius: 6px; background: var(--tg-ok-bg); color: var(--tg-ok-text); }
`;
