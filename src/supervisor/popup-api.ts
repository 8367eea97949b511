/** The popup's data: the guard's state on the active tab (asked of its content script), sites on/off, and a full check of any text. */
import { browser } from 'wxt/browser';
import { createChecker } from '../engine/index.ts';
import { createClient } from '../messaging/client.ts';
import type { PageProtocol, TabGuardState } from '../messaging/supervisor-protocol.ts';
import { getSetting, setSetting } from '../storage/index.ts';
import { CATEGORY_LABEL_JA } from '../shared/clauses.ts';
import type { PopupApi, TabState } from '../ui/options/api.ts';
import { engineOptions, loadEffectiveConfig } from './config.ts';
import type { PageDeps } from './page-api.ts';
import { pinProblem } from './pin-guard.ts';
import { siteOfHost } from '../sites/registry.ts';


/** Describes a content script's answer for people: what is checked here and what is not. */
export function describeTabState(s: TabGuardState): TabState {
  const site = s.platform;
  const name = site === 'x' ? 'X' : 'Facebook';
  if (!s.enabled) return { site, state: 'off', detail: `${name} での点検はオフです。` };
  const gaps: string[] = [];
  if (s.partial) gaps.push('文脈の判定（形態素解析）が使えず、語句とパターンだけで点検しています');
  if (s.off.length > 0) gaps.push(`点検しないカテゴリ: ${s.off.map((c) => CATEGORY_LABEL_JA[c]).join('、')}`);
  const account = s.account === null ? '' : `投稿先 @${s.account}。`;
  if (gaps.length > 0) return { site, state: 'partial', detail: `${name} で点検しています。${account}${gaps.join('。')}。` };
  return { site, state: 'on', detail: `${name} で投稿を点検しています。${account}` };
}

export function createPopupApi(deps: PageDeps): PopupApi {
  const { db } = deps;
  const send = createClient<PageProtocol>();
  return {
    async tab() {
      // Tests open the popup as a page and name the tab it is about: popup.html?tab=<id>.
      const named = new URLSearchParams(location.search).get('tab');
      const [tab] = named !== null ? [await browser.tabs.get(Number(named))] : await browser.tabs.query({ active: true, currentWindow: true });
      const host = tab?.url === undefined ? '' : new URL(tab.url).host;
      const site = siteOfHost(host);
      if (tab?.id === undefined || site === undefined) return { site: null, state: 'off', detail: 'このページは X・Facebook ではないため、点検していません。' };
      try {
        const reply = (await browser.tabs.sendMessage(tab.id, { type: 'tab.state', data: {} })) as { ok: true; value: TabGuardState } | { ok: false; error: string } | undefined;
        if (reply === undefined || !reply.ok) throw new Error(reply === undefined ? 'no answer' : reply.error);
        return describeTabState(reply.value);
      } catch {
        return { site, state: 'off', detail: 'このタブでは点検が動いていません。ページを再読み込みしてください。' };
      }
    },
    async siteEnabled() {
      const config = await loadEffectiveConfig(db, await deps.readManaged());
      return { ...config.siteEnabled, locks: config.locks };
    },
    async pinSet() {
      return (await getSetting(db, 'supervisorPinHash')) !== null;
    },
    async setSiteEnabled(site, on, pin) {
      const config = await loadEffectiveConfig(db, await deps.readManaged());
      if (config.locks.includes(`siteEnabled.${site}`)) return { ok: false, message: '組織のポリシーで固定されています。' };
      const problem = await pinProblem(db, pin, { now: (deps.now ?? Date.now)(), ...(deps.pinLimits === undefined ? {} : { limits: deps.pinLimits }) });
      if (problem !== null) return { ok: false, message: problem };
      await setSetting(db, 'siteEnabled', { ...(await getSetting(db, 'siteEnabled')), [site]: on });
      deps.notifyChanged();
      return { ok: true, value: undefined };
    },
    async check(text) {
      try {
        return await send('page.check', { text, platform: 'x' });
      } catch {
        // Without the background's tokenizer: the dictionary-and-pattern tier, under the settings in force.
        const options = engineOptions(await loadEffectiveConfig(db, await deps.readManaged()));
        return createChecker({ tokenizer: null, settings: options.settings, dictionaries: options.dictionaries, exceptions: options.exceptions }).check(text);
      }
    },
    openOptions: () => deps.openOptions(),
    openLog: () => deps.openLog(),
  };
}
