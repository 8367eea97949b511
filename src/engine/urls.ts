/**
 * URLs in a post and what their hosts are. Only the city's own host (and its subdomains) is
 * trusted as a re-post of published content (4-3-exempt-published); look-alikes and shorteners
 * never are (MARKERS.md B.11).
 */
import type { UrlRef } from './context.ts';

const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s\u3000、。「」『』（）()<>"'【】]+/giu;

export const CITY_HOST = 'city.hirakawa.lg.jp';

const SHORTENERS = new Set(['t.co', 'bit.ly', 'tinyurl.com', 'goo.gl', 'ow.ly', 'buff.ly', 'is.gd', 'x.gd', 'lin.ee', 'amzn.to', 'youtu.be', 'rb.gy', 'cutt.ly', 'shorturl.at', 'tiny.cc', 'v.gd', 'qr.paps.jp', 'urx.nu']);

export function extractUrls(plain: string): UrlRef[] {
  const out: UrlRef[] = [];
  URL_PATTERN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = URL_PATTERN.exec(plain)) !== null) {
    // Trailing punctuation belongs to the sentence, not the URL.
    const url = m[0].replace(/[.,!?！？:;]+$/u, '');
    out.push({ url, host: hostOf(url), from: m.index, to: m.index + url.length });
  }
  return out;
}

export function hostOf(url: string): string {
  const withScheme = /^https?:\/\//i.test(url) ? url : `https://${url}`;
  try {
    return new URL(withScheme).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return '';
  }
}

/**
 * The domain a supervisor typed as a 市のドメイン exception, however it was typed: a URL
 * (https://www.city.example.jp/news/) or an address (@city.example.jp) gives its host.
 */
export function exceptionDomain(value: string): string {
  return value.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/[/?#].*$/, '').replace(/^.*@/, '').replace(/:\d+$/, '');
}

/**
 * The city's own host or a subdomain of it; `www.city.hirakawa.lg.jp.example.net` is not. `extra`
 * are the domains the supervisor added as the city's own (市のドメイン exceptions).
 */
export function isCityHost(host: string, extra: readonly string[] = []): boolean {
  return [CITY_HOST, ...extra].some((d) => d !== '' && (host === d || host.endsWith(`.${d}`)));
}

/** Another public body's host (国・自治体 lg.jp, go.jp), trusted as contact or source but not as the city's own page. */
export function isPublicBodyHost(host: string): boolean {
  return /(^|\.)(lg|go)\.jp$/.test(host);
}

export function isShortener(host: string): boolean {
  return SHORTENERS.has(host);
}
