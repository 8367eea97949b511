import { render } from 'preact';
import '../../src/ui/pages.css';
import { PopupApp } from '../../src/ui/popup/PopupApp.tsx';
import { browserPageDeps } from '../../src/supervisor/browser-deps.ts';
import { createPopupApi } from '../../src/supervisor/popup-api.ts';

render(<PopupApp api={createPopupApi(browserPageDeps())} />, document.getElementById('app')!);
