/** The browser side of the supervisor's pages: the background's two channels, downloads, the clipboard. No database. */
import { browser } from 'wxt/browser';
import { createClient } from '../messaging/client.ts';
import type { AdminProtocol, PageProtocol } from '../messaging/supervisor-protocol.ts';
import type { PageDeps } from './page-api.ts';

export function browserPageDeps(): PageDeps {
  const openPage = (path: '/options.html' | '/log.html') => void browser.tabs.create({ url: browser.runtime.getURL(path) });
  return {
    admin: createClient<AdminProtocol>(),
    page: createClient<PageProtocol>(),
    download(filename, text, mime) {
      const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
      const a = document.createElement('a');
      a.href = url;
      a.download = filename;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
    copy: (text) => navigator.clipboard.writeText(text),
    openLog: () => openPage('/log.html'),
    openOptions: () => void browser.runtime.openOptionsPage(),
    print: () => window.print(),
  };
}
