import { defineBackground } from 'wxt/utils/define-background';
import { backgroundHandlers, offscreenFullCheck, type FullCheck } from '../src/messaging/background-handlers.ts';
import { fromOwnContentScript, fromOwnPage, listen } from '../src/messaging/handlers.ts';
import { browserReinjectDeps, reinjectContentScripts } from '../src/messaging/reinject.ts';
import { GUARDED_ORIGINS } from '../src/sites/selectors.ts';
import { ToukouGuardDB } from '../src/storage/index.ts';
import { adminHandlers } from '../src/supervisor/admin.ts';
import { broadcastConfigChanged, engineConfigCache, retentionKeeper } from '../src/supervisor/background-wiring.ts';
import { guardHandlers, pageHandlers, persistGateEvent } from '../src/supervisor/gate-handlers.ts';
import { inPersonDesk, memoryPendingStore, sessionPendingStore } from '../src/supervisor/in-person.ts';
import { onManagedPolicyChanged, readManagedPolicy } from '../src/supervisor/managed-source.ts';
import { memorySessionArea, supervisorSessions } from '../src/supervisor/session.ts';
import { browser } from 'wxt/browser';

/**
 * Firefox has no offscreen documents, and its background page has a DOM: it hosts the tokenizer
 * itself. The branch is decided at build (import.meta.env.FIREFOX), and the import is dynamic so
 * that Chrome's service worker never bundles the engine or kuromoji.
 */
function tokenizerHost(): FullCheck {
  if (!import.meta.env.FIREFOX) return offscreenFullCheck();
  const loading = import('../src/messaging/offscreen-handlers.ts').then((m) => m.inProcessFullCheck());
  return async (request) => (await loading)(request);
}

export default defineBackground(() => {
  const db = new ToukouGuardDB();
  const deps = { db, readManaged: readManagedPolicy };
  const engine = engineConfigCache(db, readManagedPolicy);
  const fullCheck = tokenizerHost();
  const purge = retentionKeeper(db);
  purge();
  const fromContent = (sender: Parameters<typeof fromOwnContentScript>[0]) => fromOwnContentScript(sender, GUARDED_ORIGINS);
  // This extension's own contexts: the admin table answers a content script too, with a refusal in words.
  const fromThisExtension = (sender: Parameters<typeof fromOwnPage>[0]) => sender.id === browser.runtime.id;
  const audit = {
    append: async (event: Parameters<typeof persistGateEvent>[1]) => {
      purge();
      return persistGateEvent(deps, event);
    },
  };
  const changed = () => {
    engine.invalidate();
    return broadcastConfigChanged(GUARDED_ORIGINS.map((o) => `${o}/*`));
  };
  // Chrome stops an idle worker after ~30 s; the supervisor may still be reading (sessions, pending approvals).
  const session = browser.storage.session;
  listen(backgroundHandlers(fullCheck, audit, engine.get), fromContent);
  listen(guardHandlers(deps), fromContent);
  // Every write of the supervisor's data, behind the PIN session (src/supervisor/admin.ts).
  listen(adminHandlers({ ...deps, sessions: supervisorSessions(session ?? memorySessionArea()), changed }), fromThisExtension);
  // In person: the PIN is typed in the extension's own window, never in the site's page.
  const desk = inPersonDesk({
    db,
    readManaged: readManagedPolicy,
    store: session !== undefined ? sessionPendingStore(session) : memoryPendingStore(),
    async openWindow(id) {
      const win = await browser.windows.create({ type: 'popup', url: browser.runtime.getURL(`/approve.html?id=${encodeURIComponent(id)}`), width: 560, height: 680, focused: true });
      return win?.id;
    },
    closeWindow: async (windowId) => {
      await browser.windows.remove(windowId);
    },
    tell: async (tabId, frameId, answer) => {
      await browser.tabs.sendMessage(tabId, { type: 'approval.answer', data: answer }, { frameId });
    },
  });
  listen(desk.guard, fromContent);
  listen(desk.page, fromOwnPage);
  browser.windows.onRemoved.addListener(desk.windowRemoved);
  listen(pageHandlers({ fullCheck: async (request) => fullCheck({ ...request, engine: await engine.get() }), engine: engine.get }), fromOwnPage);
  onManagedPolicyChanged(() => void changed());
  // After an update or reload, open tabs get the new gate at once (their old one fails closed).
  browser.runtime.onInstalled.addListener((details) => {
    if (details.reason === 'update' && browser.scripting !== undefined) void reinjectContentScripts(browserReinjectDeps());
  });
});
