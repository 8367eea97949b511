/**
 * The e2e harness: real Chromium with the production build (.output/chrome-mv3) loaded, fixture
 * pages served at the real sites' origins through context.route (nothing reaches the network),
 * and a log of every request the browser makes with who made it.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const EXTENSION_DIR = path.join(ROOT, '.output', 'chrome-mv3');
export const SCREENSHOT_DIR = path.join(ROOT, 'test-results', 'screenshots');

export interface SiteFixture {
  name: string;
  /** The real page URL the fixture is served at. */
  url: string;
  /** Entry file under tests/fixtures/. */
  entry: string;
  editor: string;
  postButton: string;
  /** Page function (on window) returning the editor's own model text. */
  modelText: string;
  /** The composer's file input: the suite attaches a picture through it (4-2-media). */
  fileInput: string;
}

const bundles = new Map<string, Promise<string>>();

/** The fixture page's script, bundled once per run (React + Draft.js, or Lexical). */
export function fixtureBundle(entry: string): Promise<string> {
  let b = bundles.get(entry);
  if (b === undefined) {
    b = build({
      entryPoints: [path.join(ROOT, 'tests', 'fixtures', entry)],
      bundle: true,
      write: false,
      format: 'iife',
      jsx: 'automatic',
      jsxImportSource: 'react',
      // Draft.js reads `global` and process.env.NODE_ENV.
      define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
      logLevel: 'silent',
    }).then((r) => {
      const out = r.outputFiles[0];
      if (out === undefined) throw new Error(`esbuild produced nothing for ${entry}`);
      return out.text;
    });
    bundles.set(entry, b);
  }
  return b;
}

export interface LoggedRequest {
  url: string;
  /** Who made it: the page frame's URL, a service worker's URL, or the CDP initiator's script URLs. */
  frame: string | null;
  serviceWorker: string | null;
  initiators: string[];
}

/** A host the route handler lets through to the proxy, to prove the proxy sees what escapes. */
export const PROXY_CONTROL_HOST = 'control.toukou-guard.invalid';

/**
 * Chromium's own service traffic that its flags do not all switch off (sign-in probe, component
 * updater, network time, optimisation hints …), by registrable domain. The extension cannot be
 * behind it: the manifest test checks that no bundle names these domains.
 */
export const BROWSER_SERVICE_DOMAINS: readonly string[] = ['google.com', 'googleapis.com', 'gvt1.com'];

/** Proxy log lines that are neither the control nor Chromium's own service traffic. */
export function unexplained(escaped: readonly string[]): string[] {
  return escaped.filter((line) => {
    const target = line.split(' ')[1] ?? '';
    const host = target.includes('://') ? new URL(target).hostname : target.split(':')[0];
    const h = host ?? '';
    return h !== PROXY_CONTROL_HOST && !BROWSER_SERVICE_DOMAINS.some((d) => h === d || h.endsWith(`.${d}`));
  });
}

export interface Harness {
  context: BrowserContext;
  /** The profile directory: it names this browser's processes (scripts/bench-browser.ts reads their memory). */
  userDataDir: string;
  requests: LoggedRequest[];
  /**
   * Requests that reached the browser's proxy, i.e. that no routed context answered: Playwright
   * cannot see Chrome's offscreen document, so this is the net that catches its traffic.
   */
  escaped: string[];
  extensionId: string;
  open(site: SiteFixture): Promise<Page>;
  /**
   * Requests made by the extension (its pages, its service worker, or its scripts in a page) to
   * anything but its own packaged files (the offscreen document reads dict/ from its own URL).
   */
  extensionRequests(): LoggedRequest[];
  close(): Promise<void>;
}

/** An HTTP proxy that forwards nothing: it records each request and refuses it. */
async function startRefusingProxy(log: string[]): Promise<http.Server> {
  const proxy = http.createServer((req, res) => {
    log.push(`${req.method ?? '?'} ${req.url ?? ''}`);
    res.writeHead(403).end();
  });
  proxy.on('connect', (req: http.IncomingMessage, socket: import('node:stream').Duplex) => {
    log.push(`CONNECT ${req.url ?? ''}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return proxy;
}

export interface LaunchOptions {
  /** Load the production build (the default); false gives the same browser without it, as a baseline. */
  extension?: boolean;
}

export async function launch({ extension = true }: LaunchOptions = {}): Promise<Harness> {
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'tg-e2e-'));
  // "Preload pages" off: otherwise Chromium preconnects to every origin it navigates to, which the
  // proxy would log as traffic although no request is made.
  await mkdir(path.join(userDataDir, 'Default'), { recursive: true });
  await writeFile(path.join(userDataDir, 'Default', 'Preferences'), JSON.stringify({ net: { network_prediction_options: 2 } }));
  const escaped: string[] = [];
  const proxy = await startRefusingProxy(escaped);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: false,
    viewport: { width: 1000, height: 700 },
    locale: 'ja-JP',
    // chrome.i18n follows the UI language, which Chromium on Linux takes from the environment.
    env: { ...process.env, LANGUAGE: 'ja', LANG: 'ja_JP.UTF-8' },
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Typing into a form field would otherwise ask Google's autofill server about the form.
      '--disable-features=AutofillServerCommunication,OptimizationHints,OptimizationGuideModelDownloading',
      '--lang=ja',
      `--proxy-server=http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
      ...(extension ? [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`] : ['--disable-extensions']),
    ],
  });
  const requests: LoggedRequest[] = [];
  const fixtures = new Map<string, SiteFixture>();

  context.on('request', (r) => {
    const sw = r.serviceWorker();
    let frame: string | null = null;
    try {
      frame = r.frame().url();
    } catch {
      frame = null; // service-worker requests have no frame
    }
    requests.push({ url: r.url(), frame, serviceWorker: sw === null ? null : sw.url(), initiators: [] });
  });

  // Everything is answered here: fixture pages at their real origins, 404 for the rest of those
  // origins, and an abort for any other host, so no request can leave the machine.
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.host === PROXY_CONTROL_HOST) return route.continue();
    // The extension's own pages (options, log, popup) and files are the extension's, not the network's.
    if (url.protocol === 'chrome-extension:') return route.continue();
    const site = [...fixtures.values()].find((f) => new URL(f.url).origin === url.origin);
    if (site === undefined) return route.abort('blockedbyclient');
    if (url.pathname === new URL(site.url).pathname) {
      return route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>${site.name} fixture</title></head><body style="margin:0"><div id="root"></div><script src="/__fixture/${site.entry}.js"></script></body></html>`,
      });
    }
    if (url.pathname === `/__fixture/${site.entry}.js`) {
      return route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: await fixtureBundle(site.entry) });
    }
    return route.fulfill({ status: 404, body: '' });
  });

  let extensionId = '';
  if (extension) {
    let worker = context.serviceWorkers()[0];
    if (worker === undefined) worker = await context.waitForEvent('serviceworker');
    extensionId = new URL(worker.url()).host;
  }

  return {
    context,
    userDataDir,
    requests,
    escaped,
    extensionId,
    async open(site) {
      fixtures.set(site.name, site);
      const page = await context.newPage();
      // The initiator (which script made a request) is only visible through CDP.
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      cdp.on('Network.requestWillBeSent', (e) => {
        const urls = new Set<string>();
        if (e.initiator.url !== undefined) urls.add(e.initiator.url);
        for (let st = e.initiator.stack; st !== undefined; st = st.parent) for (const f of st.callFrames) urls.add(f.url);
        requests.push({ url: e.request.url, frame: null, serviceWorker: null, initiators: [...urls] });
      });
      page.on('console', (m) => {
        if (m.type() === 'error') console.log(`[${site.name} console.error]`, m.text());
      });
      page.on('pageerror', (e) => console.log(`[${site.name} pageerror]`, e.message));
      await page.goto(site.url);
      await page.waitForSelector(site.editor);
      return page;
    },
    extensionRequests() {
      const ext = (s: string | null) => s !== null && s.startsWith('chrome-extension://');
      const ownFile = (s: string) => s.startsWith(`chrome-extension://${extensionId}/`);
      return requests.filter((r) => (ext(r.frame) || ext(r.serviceWorker) || r.initiators.some(ext) || ext(r.url)) && !ownFile(r.url));
    },
    async close() {
      await context.close();
      await new Promise((resolve) => proxy.close(resolve));
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
