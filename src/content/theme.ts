/**
 * Reads the site's theme from the page (issue #9): the class Facebook toggles on <html>, the
 * colour X paints <body> with, the page's `color-scheme`, and the system's preference as the
 * fallback. Only reads: nothing is written to the page. The decision itself is src/ui/theme.ts.
 */
import { decideTheme, type ThemeName, type ThemeSignals } from '../ui/theme.ts';

const DARK_QUERY = '(prefers-color-scheme: dark)';

export function readThemeSignals(doc: Document): ThemeSignals {
  const view = doc.defaultView;
  const html = doc.documentElement;
  const body = doc.body;
  const style = (el: Element | null) => (el === null || view === null ? null : view.getComputedStyle(el));
  const htmlStyle = style(html);
  return {
    htmlClasses: [...html.classList],
    bodyBackground: style(body)?.backgroundColor ?? null,
    htmlBackground: htmlStyle?.backgroundColor ?? null,
    colorScheme: htmlStyle?.colorScheme ?? 'normal',
    prefersDark: view?.matchMedia(DARK_QUERY).matches ?? false,
  };
}

export function currentTheme(doc: Document): ThemeName {
  return decideTheme(readThemeSignals(doc));
}

/**
 * Calls `onChange` with the theme now and again whenever it changes: X switches body colour in
 * place (Settings → Display), Facebook toggles its class, the system can switch at dusk. Returns
 * the function that stops watching.
 */
export function watchTheme(doc: Document, onChange: (theme: ThemeName) => void): () => void {
  let theme = currentTheme(doc);
  onChange(theme);
  const recheck = () => {
    const next = currentTheme(doc);
    if (next === theme) return;
    theme = next;
    onChange(next);
  };
  const watchedAttributes = { attributes: true, attributeFilter: ['class', 'style'] };
  let watchedBody: HTMLElement | null = null;
  const observer = new MutationObserver(() => {
    // <body> can arrive (or be replaced) after the script starts.
    if (doc.body !== watchedBody && doc.body !== null) {
      watchedBody = doc.body;
      observer.observe(watchedBody, watchedAttributes);
    }
    recheck();
  });
  observer.observe(doc.documentElement, { ...watchedAttributes, childList: true });
  if (doc.body !== null) {
    watchedBody = doc.body;
    observer.observe(watchedBody, watchedAttributes);
  }
  const media = doc.defaultView?.matchMedia(DARK_QUERY) ?? null;
  media?.addEventListener('change', recheck);
  return () => {
    observer.disconnect();
    media?.removeEventListener('change', recheck);
  };
}
