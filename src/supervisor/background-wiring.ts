/**
 * What the background keeps for the supervisors' side: the engine options in force (cached until
 * the settings or the policy change), telling the open tabs of a change, and the retention purge.
 */
import { browser } from 'wxt/browser';
import { applyRetention } from '../audit/retention.ts';
import type { EngineConfig } from '../messaging/protocol.ts';
import type { ToukouGuardDB } from '../storage/index.ts';
import { engineOptions, loadEffectiveConfig } from './config.ts';

const DAY_MS = 86_400_000;

export interface EngineConfigCache {
  get(): Promise<EngineConfig>;
  invalidate(): void;
}

export function engineConfigCache(db: ToukouGuardDB, readManaged: () => Promise<unknown>): EngineConfigCache {
  let loading: Promise<EngineConfig> | null = null;
  let version = 0;
  return {
    get() {
      loading ??= (async () => {
        const { settings, dictionaries, exceptions } = engineOptions(await loadEffectiveConfig(db, await readManaged()));
        version += 1;
        return { key: `${Date.now()}:${version}`, settings, dictionaries, exceptions };
      })().catch((error: unknown) => {
        loading = null;
        throw error;
      });
      return loading;
    },
    invalidate() {
      loading = null;
    },
  };
}

/** Sends `config.changed` to every tab of a guarded site; a tab without our content script is skipped. */
export async function broadcastConfigChanged(urlPatterns: string[]): Promise<number> {
  const tabs = await browser.tabs.query({ url: urlPatterns });
  const told = await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined
        ? false
        : browser.tabs.sendMessage(tab.id, { type: 'config.changed', data: {} }).then(
            () => true,
            () => false,
          ),
    ),
  );
  return told.filter(Boolean).length;
}

/** Purges what the retention period no longer covers, at most once a day (checked when events arrive). */
export function retentionKeeper(db: ToukouGuardDB, now: () => number = Date.now): () => void {
  let last = 0;
  return () => {
    if (now() - last < DAY_MS) return;
    last = now();
    applyRetention(db, last).catch((error: unknown) => console.warn('投稿ガード: 古い記録を削除できませんでした', error));
  };
}
