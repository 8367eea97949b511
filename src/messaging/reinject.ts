/**
 * After an update or a reload of the extension, the content scripts already running in open tabs
 * lose their extension (issue #8 §2): their gate fails closed and asks for a reload. To spare the
 * person that, the background injects the new scripts into every open tab of a guarded site; each
 * new copy retires the old one (src/content/lifetime.ts) and guards the same compose boxes.
 */
import { browser } from 'wxt/browser';

export interface ContentScriptEntry {
  matches: string[];
  js: string[];
}

export interface ReinjectDeps {
  contentScripts(): ContentScriptEntry[];
  tabsMatching(patterns: string[]): Promise<number[]>;
  inject(tabId: number, files: string[]): Promise<void>;
}

/** Injects every content script into the open tabs its patterns match; answers how many tabs were reached. */
export async function reinjectContentScripts(deps: ReinjectDeps): Promise<number> {
  let reached = 0;
  for (const script of deps.contentScripts()) {
    if (script.js.length === 0) continue;
    for (const tabId of await deps.tabsMatching(script.matches)) {
      try {
        await deps.inject(tabId, script.js);
        reached++;
      } catch (error) {
        // A tab that cannot take it (discarded, an error page) keeps its old gate, which fails closed.
        console.warn('投稿ガード: タブに再注入できませんでした', tabId, error);
      }
    }
  }
  return reached;
}

export function browserReinjectDeps(): ReinjectDeps {
  return {
    contentScripts: () => (browser.runtime.getManifest().content_scripts ?? []).map((c) => ({ matches: c.matches ?? [], js: c.js ?? [] })),
    tabsMatching: async (patterns) => (await browser.tabs.query({ url: patterns })).flatMap((t) => (t.id === undefined ? [] : [t.id])),
    inject: async (tabId, files) => {
      // The paths come from our own manifest, so they are packaged files.
      await browser.scripting.executeScript({ target: { tabId }, files } as never);
    },
  };
}
