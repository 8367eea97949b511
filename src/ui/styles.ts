/** The shadow root's stylesheet: the page's CSS cannot reach in, ours cannot leak out. */
export const UI_CSS = `
:host { all: initial; }
.tg-layer { position: fixed; inset: 0; pointer-events: none; z-index: 2147483647;
  font: 14px/1.5 system-ui, -apple-system, "Hiragino Sans", "Noto Sans JP", "Yu Gothic UI", sans-serif; color: #1b1b1b; }
.tg-badge { position: fixed; pointer-events: auto; transform: translate(-100%, 0); white-space: nowrap;
  padding: 2px 10px; border-radius: 999px; font-size: 14px; font-weight: 600; border: 1px solid transparent;
  background: #eef2f5; color: #40505c; box-shadow: 0 1px 3px rgba(0,0,0,.15); }
.tg-badge[data-state="clean"] { background: #e7f6ec; color: #17632f; border-color: #a9dcb9; }
.tg-badge[data-state="findings"] { background: #fff4d6; color: #7a4b00; border-color: #f0c75e; }
.tg-badge[data-state="block"] { background: #fde7e7; color: #9b1010; border-color: #f0a0a0; }
.tg-badge[data-state="approval"] { background: #e8f0fe; color: #1a4fa0; border-color: #a8c2f0; }
.tg-badge .tg-partial { margin-left: 6px; font-weight: 400; opacity: .8; }
.tg-card { position: fixed; pointer-events: auto; max-width: 360px; background: #fff; border-radius: 8px;
  border: 1px solid #d0d7de; box-shadow: 0 6px 24px rgba(0,0,0,.18); padding: 10px 12px; }
.tg-card h3 { margin: 0 0 4px; font-size: 14px; padding-right: 20px; }
button.tg-close { position: absolute; top: 4px; right: 4px; border: 0; background: transparent; font-size: 18px; line-height: 1; padding: 2px 6px; }
.tg-sev { display: inline-block; font-size: 14px; padding: 0 6px; border-radius: 4px; margin-right: 6px; }
.tg-sev[data-severity="info"] { background: #e3eefc; color: #1f5fbf; }
.tg-sev[data-severity="warn"] { background: #fff0c2; color: #7a4b00; }
.tg-sev[data-severity="block"] { background: #fcd9d9; color: #9b1010; }
.tg-clause { margin: 6px 0; padding: 4px 8px; border-left: 3px solid #c9d1d9; color: #444; font-size: 14px; }

.tg-suggestion { margin: 4px 0 0; color: #17632f; }
.tg-actions { display: flex; gap: 8px; justify-content: flex-end; margin-top: 8px; }
button { font: inherit; cursor: pointer; border-radius: 6px; padding: 4px 12px; border: 1px solid #c9d1d9; background: #f6f8fa; color: #1b1b1b; }
button.tg-primary { background: #1a4fa0; border-color: #1a4fa0; color: #fff; }
button.tg-danger { background: #fff; border-color: #b42318; color: #b42318; }
button:disabled, button[aria-disabled="true"] { opacity: .45; cursor: not-allowed; }
.tg-backdrop { position: fixed; inset: 0; pointer-events: auto; background: rgba(0,0,0,.35);
  display: flex; align-items: center; justify-content: center; }
.tg-dialog { background: #fff; border-radius: 10px; width: min(520px, calc(100vw - 32px)); max-height: calc(100vh - 64px);
  overflow: auto; padding: 16px 20px; box-shadow: 0 10px 40px rgba(0,0,0,.3); }
.tg-dialog h2 { margin: 0 0 8px; font-size: 16px; }
.tg-dialog ul { padding-left: 0; list-style: none; margin: 8px 0; }
.tg-dialog li { margin: 0 0 8px; padding: 8px; border-radius: 6px; background: #f8f9fb; }
.tg-excerpt { font-weight: 600; }
.tg-note { color: #444; margin: 4px 0 8px; }
.tg-field { display: block; margin: 10px 0; }
.tg-field textarea { display: block; width: 100%; box-sizing: border-box; min-height: 56px; margin-top: 4px; font: inherit; }
.tg-approval { margin: 8px 0; }
button.tg-goto { display: block; width: 100%; text-align: left; background: transparent; border: 0; padding: 2px 0; margin: 4px 0; font: inherit; color: inherit; cursor: pointer; }
button.tg-goto:hover, button.tg-goto:focus-visible { text-decoration: underline; }
button.tg-goto mark { background: rgba(229, 57, 53, 0.22); color: inherit; padding: 0 1px; border-radius: 2px; }
.tg-dialog li[data-severity="warn"] button.tg-goto mark { background: rgba(255, 193, 7, 0.4); }
.tg-details summary { cursor: pointer; color: #444; }
.tg-dialog:focus { outline: none; }
.tg-spinner { display: inline-block; width: 12px; height: 12px; margin-right: 8px; border: 2px solid #a8c2f0; border-top-color: #1a4fa0;
  border-radius: 50%; animation: tg-spin 1s linear infinite; vertical-align: -1px; }
@keyframes tg-spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .tg-spinner { animation: none; } }
.tg-badge[data-audit="failing"] { outline: 2px dashed #b42318; outline-offset: 1px; }
.tg-box { border: 1px solid #d0d7de; border-radius: 8px; padding: 8px 12px; margin: 8px 0; }
.tg-box legend { font-weight: 600; padding: 0 4px; }
.tg-row { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.tg-box input[type="text"], .tg-field select { font: inherit; padding: 3px 8px; border: 1px solid #b8c1ca; border-radius: 6px; }
.tg-field input[type="text"] { display: block; width: 100%; box-sizing: border-box; margin-top: 4px; }
textarea.tg-code { display: block; width: 100%; box-sizing: border-box; min-height: 48px; margin: 6px 0; font: 11px/1.4 ui-monospace, monospace; word-break: break-all; }
.tg-granted { margin: 8px 0; padding: 8px 12px; border-radius: 8px; background: #e7f6ec; color: #17632f; border: 1px solid #a9dcb9; font-weight: 600; }
.tg-error { color: #b42318; font-weight: 600; }
.tg-warnline { color: #7a4b00; }

/* Read by screen readers, not shown. */
.tg-sr { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
button:focus-visible { outline: 2px solid #1a4fa0; outline-offset: 2px; }
button.tg-badge { cursor: pointer; line-height: 1.5; }
.tg-list { position: fixed; pointer-events: auto; overflow: auto; box-sizing: border-box; background: #fff; border: 1px solid #d0d7de;
  border-radius: 10px; box-shadow: 0 10px 32px rgba(0,0,0,.22); padding: 12px 14px; }
.tg-list:focus { outline: none; }
.tg-list h2 { margin: 0 28px 6px 0; font-size: 16px; }
.tg-list .tg-note { font-size: 14px; }
.tg-list ol { list-style: none; padding: 0; margin: 8px 0 0; }
.tg-list li { margin: 0 0 8px; padding: 8px; border-radius: 6px; background: #f8f9fb; border: 2px solid transparent; }
.tg-list li[aria-current="true"] { border-color: #1a4fa0; background: #eef4ff; }
.tg-list li[data-severity="warn"] button.tg-goto mark { background: rgba(255, 193, 7, 0.4); }
.tg-list li[data-severity="info"] button.tg-goto mark { background: rgba(31, 95, 191, 0.15); }
.tg-nav { margin: 4px 0; }
.tg-position { color: #444; }
.tg-reason { margin-top: 2px; }
.tg-done { margin: 6px 0; padding: 6px 8px; border-radius: 6px; background: #e7f6ec; color: #17632f; font-weight: 600; }
.tg-replace { display: flex; gap: 8px; align-items: center; justify-content: space-between; flex-wrap: wrap; margin-top: 6px;
  padding: 6px 8px; border-radius: 6px; background: #e7f6ec; color: #17632f; }
`;
