import { render } from 'preact';
import '../../src/ui/pages.css';
import { ApproveApp } from '../../src/ui/approve/ApproveApp.tsx';
import { createClient } from '../../src/messaging/client.ts';
import type { ApprovePageProtocol } from '../../src/messaging/supervisor-protocol.ts';

// The window is opened by the background for one held post; the id names it in the background's memory.
const id = new URLSearchParams(location.search).get('id') ?? '';
const send = createClient<ApprovePageProtocol>();
const api = {
  subject: () => send('approve.subject', { id }),
  submit: (pin: string, reason: string) => send('approve.submit', { id, pin, ...(reason.trim() === '' ? {} : { reason }) }),
  cancel: async () => {
    await send('approve.cancel', { id });
    window.close();
  },
};
render(<ApproveApp api={api} />, document.getElementById('app')!);
