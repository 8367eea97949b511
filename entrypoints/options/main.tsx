import { render } from 'preact';
import '../../src/ui/pages.css';
import { OptionsApp, TABS, type Tab } from '../../src/ui/options/OptionsApp.tsx';
import { browserPageDeps } from '../../src/supervisor/browser-deps.ts';
import { createOptionsApi } from '../../src/supervisor/page-api.ts';

// #approvals opens the approval tab directly (a supervisor following a link from a request).
const hash = location.hash.slice(1);
const initialTab = TABS.some(([id]) => id === hash) ? (hash as Tab) : 'sensitivity';
render(<OptionsApp api={createOptionsApi(browserPageDeps())} initialTab={initialTab} />, document.getElementById('app')!);
