/**
 * The popup's data: the guard's state on the active tab (asked of its content script), sites on/off
 * (a PIN session opened for the one change, through the background), whether a supervisor PIN is
 * configured, and a full check of any text. No database handle here either.
 */
import { browser } from 'wxt/browser';
import { createChecker } from '../engine/index.ts';
import type { TabGuardState } from '../messaging/supervisor-protocol.ts';
import { CATEGORY_LABEL_JA } from '../shared/clauses.ts';
import { siteOfHost } from '../sites/registry.ts';
import type { PopupApi, TabState } from '../ui/options/api.ts';
import { adminChannel, unreachable, type PageDeps } from './page-api.ts';

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

/** The tab the popup is about: the active one, or (tests) popup.html?tab=<id>. */
async function activeTab(): Promise<{ id?: number; url?: string } | undefined> {
  const named = new URLSearchParams(location.search).get('tab');
  const [tab] = named !== null ? [await browser.tabs.get(Number(named))] : await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

export function createPopupApi(deps: PageDeps, tabOf: () => Promise<{ id?: number; url?: string } | undefined> = activeTab): PopupApi {
  const channel = adminChannel(deps);
  return {
    async tab() {
      try {
        const tab = await tabOf();
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
      } catch (error) {
        return { site: null, state: 'off', detail: `このタブの状態を確かめられませんでした（${error instanceof Error ? error.message : String(error)}）。` };
      }
    },
    status: () => channel.session.status(),
    async setSiteEnabled(site, on, pin) {
      const status = await channel.session.status();
      if (!status.ok) return status;
      if (status.value.locks.includes(`siteEnabled.${site}`)) return { ok: false, message: '組織のポリシーで固定されています。' };
      const unlocked = await channel.session.unlock(pin);
      if (!unlocked.ok) return unlocked;
      try {
        const r = await channel.call('admin.setGeneral', { key: 'siteEnabled', value: { ...status.value.siteEnabled, [site]: on } });
        return r.ok ? { ok: true, value: undefined } : { ok: false, message: r.message };
      } finally {
        // The popup keeps no session: the PIN opened this one change.
        await channel.session.lock();
      }
    },
    async check(text) {
      if (deps.page === undefined) return { ok: false, message: unreachable('no background') };
      try {
        return { ok: true, value: await deps.page('page.check', { text, platform: 'x' }) };
      } catch {
        // The tokenizer host failed: the dictionary-and-pattern tier here, under the options in force.
        try {
          const engine = await deps.page('page.engine', {});
          return { ok: true, value: createChecker({ tokenizer: null, settings: engine.settings, dictionaries: engine.dictionaries, exceptions: engine.exceptions }).check(text) };
        } catch (error) {
          return { ok: false, message: unreachable(error) };
        }
      }
    },
    openOptions: () => deps.openOptions(),
    openLog: () => deps.openLog(),
  };
}
