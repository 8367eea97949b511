import { render } from 'preact';
import '../../src/ui/pages.css';
import { LogApp } from '../../src/ui/log/LogApp.tsx';
import { browserPageDeps } from '../../src/supervisor/browser-deps.ts';
import { createLogApi } from '../../src/supervisor/page-api.ts';

render(<LogApp api={createLogApi(browserPageDeps())} />, document.getElementById('app')!);
