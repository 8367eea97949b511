/** The browser side of the supervisor's pages: the database, the policy, downloads, the clipboard, the background. */
import { browser } from 'wxt/browser';
import { createClient } from '../messaging/client.ts';
import type { PageProtocol } from '../messaging/supervisor-protocol.ts';
import { ToukouGuardDB } from '../storage/index.ts';
import { readManagedPolicy } from './managed-source.ts';
import type { PageDeps } from './page-api.ts';

export function browserPageDeps(): PageDeps {
  const send = createClient<PageProtocol>();
  const openPage = (path: '/options.html' | '/log.html') => void browser.tabs.create({ url: browser.runtime.getURL(path) });
  return {
    db: new ToukouGuardDB(),
    readManaged: readManagedPolicy,
    notifyChanged: () => void send('settings.changed', {}).catch((error: unknown) => console.warn('投稿ガード: 設定の変更を伝えられませんでした', error)),
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
