/**
 * One record per guarded site (issue #9): its id, its name for people, the origins it is served
 * from, and the hosts an account's 登録URL may use. The manifest's host permissions and content
 * scripts (wxt.config.ts, entrypoints/*.content.ts), the background's trusted senders, the popup and
 * the options page all read it, so adding a site is one record here plus its adapter.
 * Imports nothing: wxt.config.ts loads it at build time.
 */
export interface SiteRecord {
  id: 'x' | 'facebook';
  label: string;
  /** Where its compose boxes are served (https origins, no trailing slash). */
  origins: readonly string[];
  /** Hosts an account's registered URL (登録URL) may name. */
  accountHosts: readonly string[];
}

export const SITES: readonly SiteRecord[] = [
  { id: 'x', label: 'X', origins: ['https://x.com', 'https://twitter.com'], accountHosts: ['x.com', 'twitter.com', 'www.x.com', 'www.twitter.com', 'mobile.twitter.com'] },
  { id: 'facebook', label: 'Facebook', origins: ['https://www.facebook.com', 'https://web.facebook.com'], accountHosts: ['www.facebook.com', 'facebook.com', 'm.facebook.com'] },
];

/** The origins the extension guards; the background answers content scripts from these only. */
export const GUARDED_ORIGINS: readonly string[] = SITES.flatMap((s) => s.origins);

/** Match patterns of a site's pages (content scripts, host permissions). */
export function matchPatterns(id?: SiteRecord['id']): string[] {
  return SITES.filter((s) => id === undefined || s.id === id).flatMap((s) => s.origins.map((o) => `${o}/*`));
}

/** The site a page's host belongs to, if it is guarded. */
export function siteOfHost(host: string): SiteRecord['id'] | undefined {
  return SITES.find((s) => s.origins.some((o) => new URL(o).host === host))?.id;
}
