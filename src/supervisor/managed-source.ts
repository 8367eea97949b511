/**
 * The organisation's policy as the browser gives it (chrome.storage.managed, filled by Chromium
 * from /etc/chromium/policies/managed/*.json "3rdparty" on Linux, or the registry/GPO on Windows).
 * Reading fails where managed storage does not exist (Firefox without policies, tests): then there is no policy.
 */
import { browser } from 'wxt/browser';

export async function readManagedPolicy(): Promise<unknown> {
  try {
    return await browser.storage.managed.get(null);
  } catch {
    return {};
  }
}

/** Calls `onChange` when the IT department pushes a new policy while the browser runs. */
export function onManagedPolicyChanged(onChange: () => void): () => void {
  const listener = (_changes: unknown, area: string) => {
    if (area === 'managed') onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
