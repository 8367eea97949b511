/**
 * `npm run bench:browser` — the extension's speed and memory in the real browser (Debian's
 * Chromium with the production build, the e2e harness and fixture pages), with the targets:
 *
 * - keystroke → marks p95 (140-character post, tokenizer warm): from a key's own event time to
 *   the first animation frame in which CSS.highlights shows the mark appearing or going away;
 * - gate decision at Post p95: from the trusted click's event time to the dialog being in the DOM
 *   (a post that needs approval) or the site's own click handler running (an exempt post);
 * - tokenizer cold start in the offscreen document: creating it until the first full check answers
 *   (issue 10: ≤ 1.5 s), and the first full check after the guarded tab opened, which waits as
 *   long as it takes (a slow first load is a figure, not a failure);
 * - memory: the extension's processes before the tokenizer host exists and after it has loaded
 *   (issue 10: the host ≤ 80 MiB over none), and a fixture tab with and without the extension
 *   (RSS from /proc, JS heap from CDP Performance.getMetrics);
 * - the package (unpacked, and its dictionary) and the content-script bundles, gzipped.
 *
 * `--json` prints the figures as JSON. Samples: `--samples N` (default 40).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { percentile } from '../src/eval/metrics.ts';
import { fixed, formatTable } from '../src/eval/table.ts';
import buildIfStale from '../tests/e2e/global-setup.ts';
import { EXTENSION_DIR, launch, type Harness } from '../tests/e2e/harness.ts';
import { X_SITE } from '../tests/e2e/sites.ts';

const json = process.argv.includes('--json');
const samplesArg = process.argv.indexOf('--samples');
const SAMPLES = samplesArg > 0 ? Number(process.argv[samplesArg + 1]) : 40;
const log = (line: string): void => {
  if (!json) console.error(line);
};

const TARGETS = { keystrokeP95Ms: 50, gateP95Ms: 100, tabGrowthMiB: 20, contentScriptGzipKB: 60, offscreenColdStartMs: 1500, hostMemoryMiB: 80, packageMiB: 8 } as const;
/** The first full check after the tab opens may wait for the dictionary on a loaded machine: minutes, not Playwright's 30 s. */
const FIRST_LOAD_TIMEOUT_MS = 300_000;
/** A keystroke whose marks never change is a lost sample, counted, not a hang. */
const SAMPLE_TIMEOUT_MS = 10_000;

/** 139 characters ending in an unfinished mobile number: typing '8' completes it (a block mark, 5-5), Backspace undoes it. */
const POST_BASE = (() => {
  const tail = '詳しくは担当の山田さんの携帯090-1234-567';
  const head =
    '平川市からのお知らせです。来月の市民まつりに向けて、会場の準備を進めています。当日は市役所前広場を中心に、ステージや物産展、子ども向けの催しを予定しております。' +
    '駐車場に限りがありますので、公共交通機関をご利用ください。雨天の場合は総合体育館で開催します。皆さまのご来場をお待ちしております。';
  const text = head.slice(0, 139 - tail.length) + tail;
  if (text.length !== 139) throw new Error(`the bench post has ${text.length} characters, not 139`);
  return text;
})();
const APPROVAL_TEXT = '窓口にお越しの皆さま、ご来庁ありがとうございました。';
const EXEMPT_TEXT = '【結果】市民ゲートボール大会には28チームが参加し、新屋クラブが優勝しました。';
const PROBE_TEXT = '駅前の店で食中毒が出たらしい。';

declare global {
  interface Window {
    __bench: { clicks: number[]; keys: number[]; posted: number[]; gateShown: number[] };
  }
}

/**
 * Page-side probes, in the page's own world. Registered by an init script, so the click listener
 * sits on window before the content script's gate (which stops a gated click for everyone after it).
 */
function installProbes(): void {
  const bench = { clicks: [] as number[], keys: [] as number[], posted: [] as number[], gateShown: [] as number[] };
  window.__bench = bench;
  window.addEventListener('click', (e) => void (e.isTrusted && bench.clicks.push(e.timeStamp)), { capture: true });
  window.addEventListener('keydown', (e) => void (e.isTrusted && bench.keys.push(e.timeStamp)), { capture: true });
  // The dialog lives in the extension's open shadow root; watch it appear there.
  const watchShadow = (host: Element) => {
    const root = host.shadowRoot;
    if (root === null) return;
    new MutationObserver(() => {
      if (root.querySelector('[data-testid="tg-gate"]') !== null && bench.gateShown.length < bench.clicks.length) bench.gateShown.push(performance.now());
    }).observe(root, { childList: true, subtree: true });
  };
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n instanceof Element && n.tagName === 'TOUKOU-GUARD-UI') watchShadow(n);
  }).observe(document, { childList: true, subtree: true });
}

async function typeText(page: Page, text: string): Promise<void> {
  await page.click(X_SITE.editor);
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
  await page.waitForFunction((t) => window.__draftText() === t, text);
}

/** Every mark on the page: highlight name and the text of each range. */
function marksSnapshot(page: Page): Promise<string> {
  return page.evaluate(() =>
    [...CSS.highlights]
      .map(([name, h]) => `${name}:${[...h].map((r) => (r instanceof Range ? r.toString() : `${r.startOffset}-${r.endOffset}`)).join('|')}`)
      .sort()
      .join(';'),
  );
}

/** Milliseconds from the last key's event time to the first frame whose marks differ from `before`; null after SAMPLE_TIMEOUT_MS. */
function frameAfterKey(page: Page, before: string): Promise<number | null> {
  return page.evaluate(
    ({ before, timeout }) =>
      new Promise<number | null>((resolve) => {
        const started = performance.now();
        const frame = () => {
          const now = [...CSS.highlights]
            .map(([name, h]) => `${name}:${[...h].map((r) => (r instanceof Range ? r.toString() : `${r.startOffset}-${r.endOffset}`)).join('|')}`)
            .sort()
            .join(';');
          if (now !== before) resolve(performance.now() - window.__bench.keys.at(-1)!);
          else if (performance.now() - started > timeout) resolve(null);
          else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
    { before, timeout: SAMPLE_TIMEOUT_MS },
  );
}

/** Typing '8' completes the mobile number (its block mark grows or appears), Backspace undoes it: each key changes the marks. */
async function keystrokeToMarks(page: Page): Promise<{ samples: number[]; lost: number }> {
  await typeText(page, POST_BASE);
  // Warm: the offscreen tokenizer has answered for this post.
  await page.locator('[data-testid="tg-badge"][data-partial="false"]').waitFor({ timeout: FIRST_LOAD_TIMEOUT_MS });
  const samples: number[] = [];
  let lost = 0;
  for (let i = 0; i < SAMPLES; i++) {
    const adding = i % 2 === 0;
    const before = await marksSnapshot(page);
    const done = frameAfterKey(page, before);
    await page.keyboard.press(adding ? '8' : 'Backspace');
    const ms = await done;
    if (ms === null) lost++;
    else samples.push(ms);
    // The next sample starts from the settled marks of this one: the full check of this text has
    // arrived and the number is marked whole (after '8') or no longer (after Backspace).
    await page
      .waitForFunction((whole) => [...(CSS.highlights.get('tg-block') ?? [])].some((r) => r.toString().includes('090-1234-5678')) === whole, adding, { timeout: SAMPLE_TIMEOUT_MS })
      .catch(() => undefined);
    await page.locator('[data-testid="tg-badge"][data-partial="false"]').waitFor({ timeout: SAMPLE_TIMEOUT_MS }).catch(() => undefined);
  }
  if ((await page.evaluate(() => window.__draftText())) !== POST_BASE) throw new Error('the post is not what was typed');
  return { samples, lost };
}

async function gateAtPost(page: Page): Promise<{ dialog: number[]; pass: number[] }> {
  const dialog: number[] = [];
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await typeText(page, APPROVAL_TEXT);
  await page.locator('[data-testid="tg-badge"][data-state="approval"]').waitFor();
  for (let i = 0; i < SAMPLES; i++) {
    const before = await page.evaluate(() => window.__bench.gateShown.length);
    await page.click(X_SITE.postButton);
    await page.locator('[data-testid="tg-gate"]').waitFor();
    await page.waitForFunction((n) => window.__bench.gateShown.length > n, before);
    dialog.push(await page.evaluate(() => window.__bench.gateShown.at(-1)! - window.__bench.clicks.at(-1)!));
    await page.click('[data-testid="tg-gate-fix"]');
    await page.locator('[data-testid="tg-gate"]').waitFor({ state: 'detached' });
  }
  if ((await page.evaluate(() => window.__posts.length)) !== 0) throw new Error('a gated post went through');

  const pass: number[] = [];
  await page.evaluate(() => {
    const push = window.__posts.push.bind(window.__posts);
    window.__posts.push = (...items: string[]) => {
      window.__bench.posted.push(performance.now());
      return push(...items);
    };
  });
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  for (let i = 0; i < Math.ceil(SAMPLES / 2); i++) {
    await typeText(page, EXEMPT_TEXT);
    await page.locator('[data-testid="tg-badge"][data-state="clean"]').waitFor();
    await page.click(X_SITE.postButton);
    await page.waitForFunction((n) => window.__posts.length === n, i + 1);
    pass.push(await page.evaluate(() => window.__bench.posted.at(-1)! - window.__bench.clicks.at(-1)!));
    await page.waitForFunction(() => window.__draftText() === '');
  }
  return { dialog, pass };
}

interface ColdStartRun {
  create: number;
  firstCheck: number;
  warmCheck: number;
  error?: string;
}

/** Closes and re-creates the offscreen document, timing it until its first full check answers; a run that fails is reported, not thrown. */
async function tokenizerColdStart(h: Harness): Promise<ColdStartRun[]> {
  const worker = h.context.serviceWorkers()[0];
  if (worker === undefined) throw new Error('no service worker');
  const runs: ColdStartRun[] = [];
  for (let i = 0; i < 5; i++) {
    runs.push(
      await worker.evaluate(async (text): Promise<ColdStartRun> => {
        type Reply = { ok: boolean; value?: { partial: boolean }; error?: string };
        const c = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
        if ((await c.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })).length > 0) await c.offscreen.closeDocument();
        const t0 = performance.now();
        await c.offscreen.createDocument({ url: '/offscreen.html', reasons: ['WORKERS'], justification: 'bench' });
        const t1 = performance.now();
        const first = (await c.runtime.sendMessage({ type: 'offscreen:check', data: { text, platform: 'x' } })) as Reply;
        const t2 = performance.now();
        const warm = (await c.runtime.sendMessage({ type: 'offscreen:check', data: { text: text + '。', platform: 'x' } })) as Reply;
        const t3 = performance.now();
        const ok = first.ok && first.value?.partial === false && warm.ok;
        return { create: t1 - t0, firstCheck: t2 - t0, warmCheck: t3 - t2, ...(ok ? {} : { error: `offscreen check failed: ${JSON.stringify(first).slice(0, 200)}` }) };
      }, PROBE_TEXT),
    );
  }
  return runs;
}

// --- memory -------------------------------------------------------------------------------------

interface Proc {
  pid: number;
  ppid: number;
  /** Arguments joined by spaces (Chromium's child processes rewrite theirs into one string). */
  cmdline: string;
}

function processes(): Proc[] {
  const out: Proc[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      out.push({ pid: Number(name), ppid, cmdline: readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' ') });
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

/** Chromium's renderer processes of the browser running with this profile. */
function renderers(userDataDir: string): Array<Proc & { extension: boolean }> {
  const all = processes();
  const browser = all.find((p) => p.cmdline.includes(`--user-data-dir=${userDataDir} `) && !p.cmdline.includes(' --type='));
  if (browser === undefined) throw new Error(`no browser process for ${userDataDir}`);
  const tree = new Set([browser.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all) if (tree.has(p.ppid) && !tree.has(p.pid)) grew = tree.add(p.pid) !== undefined;
  }
  return all
    .filter((p) => tree.has(p.pid) && p.cmdline.includes(' --type=renderer '))
    .map((p) => ({ ...p, extension: p.cmdline.includes(' --extension-process ') }));
}

function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m === null ? Number.NaN : Number(m[1]) / 1024;
}

/** Proportional set size: shared pages (Chromium's own code, fonts) divided among the processes that map them. */
function pssMiB(pid: number): number {
  const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
  return m === null ? Number.NaN : Number(m[1]) / 1024;
}

interface TabMemory {
  rssMiB: number;
  pssMiB: number;
  jsHeapMiB: number;
}

/**
 * Opens the X fixture, types the bench post, and measures that tab's renderer and JS heap. With
 * the extension, also how long the first full check took from opening the tab (the tokenizer host
 * loads meanwhile), however long that is.
 */
async function tabMemory(h: Harness): Promise<{ page: Page; tab: TabMemory; firstFullCheck: { afterOpenMs: number; typingMs: number } | null }> {
  for (const p of h.context.pages()) await p.close();
  const page = await h.open(X_SITE);
  const opened = performance.now();
  await typeText(page, POST_BASE + '8');
  const typed = performance.now();
  let firstFullCheck: { afterOpenMs: number; typingMs: number } | null = null;
  if (h.extensionId !== '') {
    await page.locator('[data-testid="tg-badge"][data-partial="false"]').waitFor({ timeout: FIRST_LOAD_TIMEOUT_MS });
    firstFullCheck = { afterOpenMs: performance.now() - opened, typingMs: typed - opened };
  }
  // The fixture is the only tab. Besides its renderer, Chromium keeps a spare one ready for the
  // next navigation (and may reuse an older process for the tab), so the tab is the biggest
  // non-extension renderer, not the newest one.
  const tabs = renderers(h.userDataDir).filter((r) => !r.extension);
  if (tabs.length === 0) throw new Error('found no renderer for the tab');
  tabs.sort((a, b) => rssMiB(b.pid) - rssMiB(a.pid));
  const tabPid = tabs[0]!.pid;
  const cdp = await h.context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
  await cdp.detach();
  return { page, tab: { rssMiB: rssMiB(tabPid), pssMiB: pssMiB(tabPid), jsHeapMiB: heap / 2 ** 20 }, firstFullCheck };
}

function extensionMemory(h: Harness): { processes: number; rssMiB: number; pssMiB: number } {
  const ext = renderers(h.userDataDir).filter((r) => r.extension);
  return { processes: ext.length, rssMiB: ext.reduce((sum, r) => sum + rssMiB(r.pid), 0), pssMiB: ext.reduce((sum, r) => sum + pssMiB(r.pid), 0) };
}

/**
 * The extension's memory once it has settled: the host's RSS keeps growing for a second or two
 * after its first answer. Sampled every second until two samples in a row move less than 2 MiB
 * (at most 20 s).
 */
async function settledExtensionMemory(h: Harness): Promise<{ processes: number; rssMiB: number; pssMiB: number }> {
  let last = extensionMemory(h);
  let steady = 0;
  for (let i = 0; i < 20 && steady < 2; i++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = extensionMemory(h);
    steady = Math.abs(now.rssMiB - last.rssMiB) < 2 ? steady + 1 : 0;
    last = now;
  }
  return last;
}

/** Bytes under a directory. */
function duBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => sum + (e.isDirectory() ? duBytes(path.join(dir, e.name)) : statSync(path.join(dir, e.name)).size), 0);
}

function contentScriptSizes(): Array<{ file: string; bytes: number; gzipBytes: number }> {
  const dir = path.join(EXTENSION_DIR, 'content-scripts');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => {
      const raw = readFileSync(path.join(dir, f));
      return { file: `content-scripts/${f}`, bytes: raw.length, gzipBytes: gzipSync(raw).length };
    });
}

// --- run ----------------------------------------------------------------------------------------

buildIfStale();
log(`[bench:browser] ${SAMPLES} samples per latency; Chromium ${'/usr/bin/chromium'} headless, production build`);

const baseline = await launch({ extension: false });
let withoutExtension: TabMemory;
try {
  withoutExtension = (await tabMemory(baseline)).tab;
} finally {
  await baseline.close();
}

const h = await launch();
let results;
try {
  // tsx keeps function names with an `__name` helper that serialised page functions do not carry.
  await h.context.addInitScript({ content: `globalThis.__name = (f) => f; (${installProbes.toString()})();` });
  // No guarded tab yet, so no tokenizer host: the extension as it idles (its service worker).
  const emptyExtension = await settledExtensionMemory(h);
  const { page, tab: withExtension, firstFullCheck } = await tabMemory(h);
  const extension = await settledExtensionMemory(h);
  log('[bench:browser] keystroke → marks …');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  const keystroke = await keystrokeToMarks(page);
  log('[bench:browser] gate at Post …');
  const gate = await gateAtPost(page);
  log('[bench:browser] tokenizer cold start …');
  const cold = await tokenizerColdStart(h);
  // The host re-created five times: its memory again (a second sample, and a leak would show).
  const extensionAfterColdStarts = await settledExtensionMemory(h);
  results = { keystroke, gate, cold, firstFullCheck, withExtension, withoutExtension, emptyExtension, extension, extensionAfterColdStarts, bundles: contentScriptSizes(), packageBytes: duBytes(EXTENSION_DIR), dictionaryBytes: duBytes(path.join(EXTENSION_DIR, 'dict')) };
} finally {
  await h.close();
}

const p = (xs: number[], q: number) => percentile(xs, q);
const { keystroke: keys, gate, cold: coldRuns, firstFullCheck, withExtension, emptyExtension, extension, extensionAfterColdStarts, bundles, packageBytes, dictionaryBytes } = results;
const keystroke = keys.samples;
const cold = coldRuns.filter((c) => c.error === undefined);
const coldFailed = coldRuns.length - cold.length;
const coldMedian = cold.length > 0 ? p(cold.map((c) => c.firstCheck), 50) : Number.NaN;
const hostGrowth = extension.rssMiB - emptyExtension.rssMiB;
const hostGrowthAgain = extensionAfterColdStarts.rssMiB - emptyExtension.rssMiB;
const mib = (bytes: number) => bytes / 2 ** 20;
const growth = withExtension.rssMiB - withoutExtension.rssMiB;
const heapGrowth = withExtension.jsHeapMiB - withoutExtension.jsHeapMiB;
const pssGrowth = withExtension.pssMiB - withoutExtension.pssMiB;
const signed = (x: number) => `${x >= 0 ? '+' : ''}${fixed(x, 1)}`;
const gateAll = [...gate.dialog, ...gate.pass];
const biggestBundle = Math.max(...bundles.map((b) => b.gzipBytes)) / 1024;
const ok = (pass: boolean) => (pass ? 'ok' : 'MISSED');

const rows: string[][] = [
  ['keystroke → marks, 140 chars, warm', `p50 ${fixed(p(keystroke, 50), 1)} / p95 ${fixed(p(keystroke, 95), 1)} / max ${fixed(Math.max(...keystroke), 1)} ms${keys.lost > 0 ? `; ${keys.lost} of ${SAMPLES} keys changed no mark in ${SAMPLE_TIMEOUT_MS / 1000} s` : ''}`, `p95 ≤ ${TARGETS.keystrokeP95Ms} ms`, ok(keys.lost === 0 && p(keystroke, 95) <= TARGETS.keystrokeP95Ms)],
  ['gate at Post → dialog (needs approval)', `p50 ${fixed(p(gate.dialog, 50), 1)} / p95 ${fixed(p(gate.dialog, 95), 1)} ms`, `p95 ≤ ${TARGETS.gateP95Ms} ms`, ok(p(gate.dialog, 95) <= TARGETS.gateP95Ms)],
  ['gate at Post → passes (exempt post)', `p50 ${fixed(p(gate.pass, 50), 1)} / p95 ${fixed(p(gate.pass, 95), 1)} ms`, `p95 ≤ ${TARGETS.gateP95Ms} ms`, ok(p(gate.pass, 95) <= TARGETS.gateP95Ms)],
  ['gate at Post, both', `p95 ${fixed(p(gateAll, 95), 1)} ms (n=${gateAll.length})`, `p95 ≤ ${TARGETS.gateP95Ms} ms`, ok(p(gateAll, 95) <= TARGETS.gateP95Ms)],
  [
    'offscreen cold start → first full check',
    `median ${fixed(coldMedian, 0)} ms of ${cold.length} (${coldRuns.map((c) => (c.error === undefined ? fixed(c.firstCheck, 0) : 'failed')).join(', ')}; create ${fixed(p(cold.map((c) => c.create), 50), 0)} ms), then ${fixed(p(cold.map((c) => c.warmCheck), 50), 1)} ms warm`,
    `≤ ${TARGETS.offscreenColdStartMs} ms`,
    ok(coldFailed === 0 && coldMedian <= TARGETS.offscreenColdStartMs),
  ],
  [
    'first full check in a new tab (host loads meanwhile)',
    firstFullCheck === null ? '—' : `${fixed(firstFullCheck.afterOpenMs, 0)} ms after the page loaded, ${fixed(Math.max(0, firstFullCheck.afterOpenMs - firstFullCheck.typingMs), 0)} ms after the post was typed (typing ${fixed(firstFullCheck.typingMs, 0)} ms)`,
    '—',
    'info',
  ],
  ['extension before any guarded tab (no host)', `${emptyExtension.processes} process(es), RSS ${fixed(emptyExtension.rssMiB, 1)} / PSS ${fixed(emptyExtension.pssMiB, 1)} MiB`, '—', 'info'],
  ['extension with the tokenizer host loaded (settled)', `${extension.processes} process(es), RSS ${fixed(extension.rssMiB, 1)} / PSS ${fixed(extension.pssMiB, 1)} MiB`, '—', 'info'],
  [
    'tokenizer host over none',
    `RSS ${signed(hostGrowth)} / PSS ${signed(extension.pssMiB - emptyExtension.pssMiB)} MiB; after 5 re-creations RSS ${signed(hostGrowthAgain)} / PSS ${signed(extensionAfterColdStarts.pssMiB - emptyExtension.pssMiB)} MiB`,
    `≤ ${TARGETS.hostMemoryMiB} MiB`,
    ok(hostGrowth <= TARGETS.hostMemoryMiB),
  ],
  ['package, unpacked', `${fixed(mib(packageBytes), 1)} MiB, of which dict/ ${fixed(mib(dictionaryBytes), 1)} MiB`, `≤ ${TARGETS.packageMiB} MiB`, ok(mib(packageBytes) <= TARGETS.packageMiB)],
  ['X tab without the extension', `RSS ${fixed(withoutExtension.rssMiB, 1)} / PSS ${fixed(withoutExtension.pssMiB, 1)} MiB, JS heap ${fixed(withoutExtension.jsHeapMiB, 1)} MiB`, '—', 'info'],
  ['X tab with the extension', `RSS ${fixed(withExtension.rssMiB, 1)} / PSS ${fixed(withExtension.pssMiB, 1)} MiB, JS heap ${fixed(withExtension.jsHeapMiB, 1)} MiB`, '—', 'info'],
  ['tab growth from the extension', `RSS ${signed(growth)} / PSS ${signed(pssGrowth)} MiB, JS heap ${signed(heapGrowth)} MiB`, `≤ ${TARGETS.tabGrowthMiB} MiB`, ok(growth <= TARGETS.tabGrowthMiB && heapGrowth <= TARGETS.tabGrowthMiB)],
  ...bundles.map((b) => [`${b.file} gzipped`, `${fixed(b.gzipBytes / 1024, 1)} KB (${fixed(b.bytes / 1024, 1)} KB raw)`, `≤ ${TARGETS.contentScriptGzipKB} KB`, ok(b.gzipBytes / 1024 <= TARGETS.contentScriptGzipKB)]),
];

if (json) {
  console.log(
    JSON.stringify(
      {
        targets: TARGETS,
        samples: SAMPLES,
        ...results,
        summary: { keystrokeP95: p(keystroke, 95), keystrokesLost: keys.lost, gateP95: p(gateAll, 95), offscreenColdStartMs: coldMedian, coldStartFailures: coldFailed, firstFullCheck, hostGrowthMiB: hostGrowth, hostGrowthAfterColdStartsMiB: hostGrowthAgain, packageMiB: mib(packageBytes), tabGrowthMiB: growth, tabPssGrowthMiB: pssGrowth, heapGrowthMiB: heapGrowth, biggestBundleGzipKB: biggestBundle },
      },
      null,
      2,
    ),
  );
} else {
  console.log(formatTable(['measure', 'value', 'target', ''], rows));
}
process.exitCode = rows.some((r) => r[3] === 'MISSED') ? 1 : 0;
