/**
 * The supervisors' side end to end (issues #4 and #8), in Debian's Chromium with the production build:
 * before a PIN the staff see a standing notice and nothing can be written; settings written around
 * the PIN (a content script's message, a page without a session) are refused; the log asks for the
 * PIN; a settings file shows what it changes and needs the PIN;
 * settings made in the options page reach the content script; a bad CSV is refused whole; an
 * approval code made in a second profile (the supervisor's) opens the gate for the exact text only;
 * forged and expired codes are refused; the audit CSV holds what happened; a managed policy locks
 * what it sets. Waits on conditions only.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { approve, generateSupervisorKeyPair, hashPin, parseApprovalRequest, sha256Hex } from '../../src/security/index.ts';
import { importPrivateKey } from '../../src/security/keys.ts';
import { EXTENSION_DIR, SCREENSHOT_DIR, launch, type Harness } from './harness.ts';
import { unpackedExtensionId } from './extension-id.ts';
import { X_SITE } from './sites.ts';

const PIN = '246810';
const SUPERVISOR_PIN = '975310';
const VIOLATING = '窓口で騒いでた人、ほんとバカすぎ';
const WARN = '新庁舎の建設は内部で検討中です';
const NEEDS_APPROVAL = '窓口にお越しの皆さま、ご来庁ありがとうございました。';
const ACCOUNT = 'hirakawa_city';

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, name), fullPage });
}

async function openOptions(h: Harness): Promise<Page> {
  const page = await h.context.newPage();
  page.on('pageerror', (e) => console.log('[options pageerror]', e.message));
  await page.goto(`chrome-extension://${h.extensionId}/options.html`);
  return page;
}

/** First visit sets the PIN (a deliberate step: the supervisor says who they are); later visits unlock with it. */
async function unlockOptions(page: Page, pin: string): Promise<void> {
  await page.locator('[data-testid="pin-setup"], [data-testid="unlock"]').first().waitFor();
  if (await page.getByTestId('pin-setup').count()) {
    await page.check('[data-testid="pin-setup-ack"]');
    await page.fill('[data-testid="pin-setup-pin"]', pin);
    await page.fill('[data-testid="pin-setup-again"]', pin);
    await page.click('[data-testid="pin-setup-submit"]');
  } else {
    await page.fill('[data-testid="unlock-pin"]', pin);
    await page.click('[data-testid="unlock-submit"]');
  }
  await page.getByTestId('tab-sensitivity').waitFor();
}

async function setSensitivity(options: Page, category: string, sensitivity: string): Promise<void> {
  await options.click('[data-testid="tab-sensitivity"]');
  await options.selectOption(`[data-testid="sensitivity-${category}"]`, sensitivity);
  await options.click('[data-testid="save-sensitivity"]');
  await options.getByTestId('saved-notice').waitFor();
  expect(await options.locator(`[data-testid="sensitivity-${category}"]`).inputValue()).toBe(sensitivity);
}

async function addAccount(options: Page): Promise<void> {
  await options.click('[data-testid="tab-accounts"]');
  await options.click('[data-testid="account-add"]');
  const fill: Record<string, string> = {
    name: '平川市公式', handle: ACCOUNT, purpose: '市政情報の発信', content: 'イベント、防災、市からのお知らせ',
    replyPolicy: '原則として返信しません', operator: '平川市総務課', contact: '0172-44-1111',
  };
  for (const [k, v] of Object.entries(fill)) await options.fill(`[data-testid="account-${k}"]`, v);
  await options.fill('[data-testid="account-url"]', `https://x.com/${ACCOUNT}`);
  await options.fill('[data-testid="account-start"]', '2024-04-01');
  await options.click('[data-testid="account-save"]');
  await options.getByTestId('account-row').waitFor();
}

async function openX(h: Harness): Promise<Page> {
  return h.open(X_SITE);
}

async function type(page: Page, text: string): Promise<void> {
  await page.click(X_SITE.editor);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await page.waitForFunction((t) => (window as unknown as { __draftText(): string }).__draftText() === t, text);
  await page.locator('[data-testid="tg-badge"]:not([data-state="checking"])').waitFor();
}

/** A message to the background as this page's own script would send it, around the page's UI. */
function sendFromPage(page: Page, type: string, data: unknown): Promise<unknown> {
  return page.evaluate(([t, d]) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: t, data: d }), [type, data] as const);
}

/** The same, from our content script's isolated world in a site's tab (reached through CDP). */
async function sendFromContentScript(page: Page, extensionId: string, type: string, data: unknown): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: Array<{ id: number; origin: string; name: string; auxData?: { type?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', (e) => void contexts.push(e.context as (typeof contexts)[number]));
  await cdp.send('Runtime.enable');
  const isolated = contexts.find((c) => c.auxData?.type === 'isolated' && (c.origin.includes(extensionId) || c.name === '投稿ガード'));
  if (isolated === undefined) throw new Error(`no isolated world of the extension: ${JSON.stringify(contexts)}`);
  const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', {
    contextId: isolated.id,
    expression: `chrome.runtime.sendMessage(${JSON.stringify({ type, data })})`,
    awaitPromise: true,
    returnByValue: true,
  })) as { result: { value?: unknown }; exceptionDetails?: { text: string } };
  await cdp.detach();
  if (exceptionDetails !== undefined) throw new Error(exceptionDetails.text);
  return result.value;
}

async function openLog(h: Harness): Promise<Page> {
  const log = await h.context.newPage();
  await log.goto(`chrome-extension://${h.extensionId}/log.html`);
  return log;
}

async function unlockLog(log: Page, pin: string): Promise<void> {
  await log.getByTestId('log-unlock').waitFor();
  await log.fill('[data-testid="unlock-pin"]', pin);
  await log.click('[data-testid="unlock-submit"]');
  await log.getByTestId('audit-table').waitFor();
}

const gate = (page: Page) => page.locator('[data-testid="tg-gate"]');
const posts = (page: Page) => page.evaluate(() => (window as unknown as { __posts: string[] }).__posts);
const marked = (page: Page) => page.evaluate(() => ['tg-info', 'tg-warn', 'tg-block'].flatMap((n) => [...(CSS.highlights.get(n) ?? [])].map((r) => r.toString())));

describe('supervisor settings reach the content script', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    if (h !== undefined) await h.close();
  });

  test('before a supervisor PIN: staff see the standing notice, nothing is written, and the first PIN is a deliberate step', async () => {
    const popup = await h.context.newPage();
    await popup.setViewportSize({ width: 400, height: 640 });
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html`);
    await popup.getByTestId('pin-notice').waitFor();
    expect(await popup.getByTestId('pin-notice').textContent()).toContain('所属長のPINが未設定です');
    expect(await popup.locator('[data-testid="popup-site-x"]').isDisabled()).toBe(true);
    await shot(popup, 'popup-pin-not-set.png');
    await popup.close();

    // The log shows nothing, and says why.
    const log = await openLog(h);
    await log.getByTestId('log-no-pin').waitFor();
    expect(await log.getByTestId('audit-table').count()).toBe(0);
    await log.close();

    // The options page explains, and sets nothing until the person says they are the supervisor.
    const options = await openOptions(h);
    await options.getByTestId('pin-setup').waitFor();
    expect(await options.getByTestId('pin-setup').textContent()).toContain('職員の方は、ここで PIN を決めないでください');
    expect(await options.locator('[data-testid="pin-setup-pin"]').isDisabled()).toBe(true);
    expect(await options.locator('[data-testid="pin-setup-submit"]').isDisabled()).toBe(true);
    await shot(options, 'options-first-pin.png');
    // Around the UI, from the page's own script: refused, in words.
    expect(await sendFromPage(options, 'admin.setCategory', { token: 'A'.repeat(43), category: 'insult', setting: { sensitivity: 'off', threshold: 0.5 } })).toMatchObject({
      ok: true,
      value: { ok: false, needsPin: true, message: expect.stringContaining('所属長のPINが未設定') },
    });
    expect(await sendFromPage(options, 'admin.firstPin', { pin: PIN, acknowledged: false })).toMatchObject({ ok: true, value: { ok: false } });
    await options.close();
  });

  test('a category set to off stops being marked; a category set to block makes the gate block', async () => {
    const options = await openOptions(h);
    await unlockOptions(options, PIN);
    // A threshold out of 0–1 is refused next to its field, and nothing can be saved meanwhile.
    await options.fill('[data-testid="threshold-rumour"]', '1.5');
    await options.getByTestId('threshold-error-rumour').waitFor();
    expect(await options.getByTestId('save-sensitivity').isDisabled()).toBe(true);
    await options.fill('[data-testid="threshold-rumour"]', '0.5');
    await options.getByTestId('threshold-error-rumour').waitFor({ state: 'detached' });
    const page = await openX(h);
    await type(page, VIOLATING);
    await page.waitForFunction(() => [...(CSS.highlights.get('tg-block') ?? [])].some((r) => r.toString().includes('バカ')));

    await setSensitivity(options, 'insult', 'off');
    await shot(options, 'options-sensitivity.png');
    // The open tab is told; its marks go without a reload.
    await page.waitForFunction(() => ['tg-info', 'tg-warn', 'tg-block'].every((n) => (CSS.highlights.get(n)?.size ?? 0) === 0));
    expect(await marked(page)).toEqual([]);

    // Off: the gate does not stop for it either (only for the (4)③ approval this text needs anyway).
    await page.click(X_SITE.postButton);
    await gate(page).waitFor();
    expect(await gate(page).getAttribute('data-kind')).toBe('approval');
    await page.click('[data-testid="tg-gate-fix"]');

    // Sensitivity is the highest severity a category may reach: at warn the author may post over it
    // with a reason; at block the gate blocks.
    await setSensitivity(options, 'insult', 'warn');
    await page.waitForFunction(() => [...(CSS.highlights.get('tg-warn') ?? [])].some((r) => r.toString().includes('バカ')));
    await page.click(X_SITE.postButton);
    await gate(page).waitFor();
    expect(await gate(page).getAttribute('data-kind')).toBe('warn');
    await page.click('[data-testid="tg-gate-fix"]');
    await setSensitivity(options, 'insult', 'block');
    await page.waitForFunction(() => [...(CSS.highlights.get('tg-block') ?? [])].some((r) => r.toString().includes('バカ')));
    await page.click(X_SITE.postButton);
    await gate(page).waitFor();
    expect(await gate(page).getAttribute('data-kind')).toBe('block');
    expect(await page.locator('[data-testid="tg-gate-proceed"]').count()).toBe(0);
    expect(await posts(page)).toEqual([]);
    await page.close();
    await options.close();
  });

  test('a CSV with one bad row is refused with that row and field; the lists are unchanged', async () => {
    const options = await openOptions(h);
    await unlockOptions(options, PIN);
    await options.click('[data-testid="tab-import"]');
    const good = 'category,id,forms,reading,severity,example_hit,example_clean,note\ninsult,insult.hojinashi,ほじなし|ホジナシ,ホジナシ,warn,あいつはほじなしだ,,津軽弁\n';
    await options.setInputFiles('[data-testid="import-csv"]', { name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await options.locator('[data-testid="import-csv-result"][data-ok="true"]').waitFor();
    const bad = good + 'insult,insult.hontuke,ほんつけなし,,warn,ほんつけなしだ,,\ninsult,insult.bad,ばかこ,,loud,ばかこだ,,\n';
    await options.setInputFiles('[data-testid="import-csv"]', { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    const result = options.locator('[data-testid="import-csv-result"][data-ok="false"]');
    await result.waitFor();
    const problem = result.getByTestId('import-problem');
    expect(await problem.count()).toBe(1);
    expect(await problem.getAttribute('data-line')).toBe('4');
    expect(await problem.getAttribute('data-field')).toBe('severity');
    expect(await result.textContent()).toContain('4行目');
    await shot(options, 'options-import-refused.png');
    await options.click('[data-testid="tab-terms"]');
    expect(await options.getByTestId('term-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')))).toEqual(['insult.hojinashi']);
    await options.close();
  });

  test('a settings file shows what it changes, and is applied only with the PIN; a broken one changes nothing', async () => {
    const options = await openOptions(h);
    await unlockOptions(options, PIN);
    await options.click('[data-testid="tab-import"]');
    const broken = '{\n  "format": "toukou-guard-settings",\n  "version": 1,\n  "categories": { "rumour": { "sensitivity": "loud" } }\n}\n';
    await options.setInputFiles('[data-testid="import-json"]', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
    const refused = options.locator('[data-testid="import-json-result"][data-ok="false"]');
    await refused.waitFor();
    expect(await refused.getByTestId('import-problem').getAttribute('data-field')).toBe('categories.rumour');
    expect(await options.getByTestId('import-preview').count()).toBe(0);

    const pair = await generateSupervisorKeyPair();
    const file = {
      format: 'toukou-guard-settings', version: 1, exportedAt: '',
      categories: { insult: { sensitivity: 'block', threshold: 0.5 }, rumour: { sensitivity: 'off', threshold: 0.5 } },
      general: { supervisorPublicKey: pair.publicKeyJwk },
      customTerms: [], exceptions: [], accounts: [],
    };
    await options.setInputFiles('[data-testid="import-json"]', { name: 'settings.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    const preview = options.getByTestId('import-preview');
    await preview.waitFor();
    expect(await preview.locator('[data-testid="import-change"][data-id="key"]').getAttribute('data-changed')).toBe('true');
    expect(await preview.locator('[data-testid="import-change"][data-id="category.rumour"]').textContent()).toContain('オフ');
    expect(await preview.locator('[data-testid="import-change"][data-id="count.customTerms"]').textContent()).toContain('1件');
    const warnings = (await preview.getByTestId('import-warnings').textContent()) ?? '';
    expect(warnings).toContain('公開鍵が新しく入ります');
    expect(warnings).toContain('点検されなくなります');
    await shot(options, 'options-import-preview.png');
    await options.fill('[data-testid="import-apply-pin"]', '135792');
    await options.click('[data-testid="import-apply-submit"]');
    await preview.getByText('PIN が違います').waitFor();
    await options.fill('[data-testid="import-apply-pin"]', PIN);
    await options.click('[data-testid="import-apply-submit"]');
    await options.locator('[data-testid="import-json-result"][data-ok="true"]').waitFor();
    await options.click('[data-testid="tab-sensitivity"]');
    expect(await options.locator('[data-testid="sensitivity-rumour"]').inputValue()).toBe('off');
    await options.close();
  });

  test('settings written around the PIN are refused: a content script\'s message, and a page without a session; the log asks for the PIN', async () => {
    // A live session token, as the options page would hold it.
    const options = await openOptions(h);
    const unlocked = (await sendFromPage(options, 'admin.unlock', { pin: PIN })) as { ok: true; value: { ok: true; value: { token: string } } };
    const token = unlocked.value.value.token;
    const write = { token, category: 'insult', setting: { sensitivity: 'off', threshold: 0.5 } };

    const page = await openX(h);
    await type(page, VIOLATING);
    await page.waitForFunction(() => [...(CSS.highlights.get('tg-block') ?? [])].some((r) => r.toString().includes('バカ')));
    expect(await sendFromContentScript(page, h.extensionId, 'admin.setCategory', write)).toMatchObject({ ok: true, value: { ok: false, message: expect.stringContaining('設定画面・記録画面からしか') } });
    expect(await sendFromContentScript(page, h.extensionId, 'log.query', { token, filter: {} })).toMatchObject({ ok: true, value: { ok: false } });
    // Another extension page without the token: refused, asked for the PIN.
    const other = await openOptions(h);
    expect(await sendFromPage(other, 'admin.setCategory', { ...write, token: 'B'.repeat(43) })).toMatchObject({ ok: true, value: { ok: false, needsPin: true } });
    await other.close();
    // Nothing changed: the gate still blocks the insult.
    await page.click(X_SITE.postButton);
    await gate(page).waitFor();
    expect(await gate(page).getAttribute('data-kind')).toBe('block');
    await page.click('[data-testid="tg-gate-fix"]');
    await page.close();
    await options.close();

    // The log page asks for the PIN before it shows a single record.
    const log = await openLog(h);
    await log.getByTestId('log-unlock').waitFor();
    expect(await log.getByTestId('audit-table').count()).toBe(0);
    await log.fill('[data-testid="unlock-pin"]', '135792');
    await log.click('[data-testid="unlock-submit"]');
    await log.getByText('PIN が違います').waitFor();
    expect(await log.getByTestId('audit-table').count()).toBe(0);
    await shot(log, 'log-pin.png');
    await unlockLog(log, PIN);
    await log.getByTestId('audit-row').first().waitFor();
    await log.close();
  });
});

describe('approval at a distance: a code from the supervisor profile', () => {
  let author: Harness;
  let supervisor: Harness;
  beforeAll(async () => {
    author = await launch();
    supervisor = await launch();
  });
  afterAll(async () => {
    if (author !== undefined) await author.close();
    if (supervisor !== undefined) await supervisor.close();
  });

  async function requestFrom(page: Page): Promise<string> {
    await page.click('[data-testid="tg-approval-request"]');
    const box = page.getByTestId('tg-approval-request-text');
    await box.waitFor();
    return box.inputValue();
  }

  async function codeFor(sup: Page, request: string): Promise<string> {
    await sup.click('[data-testid="tab-approvals"]');
    await sup.fill('[data-testid="request-input"]', request);
    await sup.click('[data-testid="request-open"]');
    await sup.getByTestId('request-view').waitFor();
    await sup.fill('[data-testid="approval-pin"]', SUPERVISOR_PIN);
    await sup.click('[data-testid="approval-submit"]');
    const code = sup.getByTestId('approval-code');
    await code.waitFor();
    return (await code.textContent()) ?? '';
  }

  async function paste(page: Page, code: string): Promise<void> {
    await page.fill('[data-testid="tg-approval-code"]', code);
    // Typing clears the last answer, so the one awaited below is this code's.
    await page.getByTestId('tg-approval-error').waitFor({ state: 'detached' });
    await page.click('[data-testid="tg-approval-code-submit"]');
    await page.locator('[data-testid="tg-approval-granted"], [data-testid="tg-approval-error"]').first().waitFor();
  }

  test('the code opens the gate for the exact text; one changed character, a forged code and an expired code are refused; the audit CSV holds it all', async () => {
    // The supervisor makes a signing key; the author's profile gets its public key and the account.
    const sup = await openOptions(supervisor);
    await unlockOptions(sup, SUPERVISOR_PIN);
    await sup.click('[data-testid="tab-approvals"]');
    await sup.fill('[data-testid="key-pin"]', SUPERVISOR_PIN);
    await sup.click('[data-testid="key-create"]');
    const publicKey = (await sup.getByTestId('public-key').textContent()) ?? '';
    expect(publicKey).toContain('"crv":"P-256"');

    const opts = await openOptions(author);
    await unlockOptions(opts, PIN);
    await addAccount(opts);
    await shot(opts, 'options-accounts.png');
    await opts.click('[data-testid="account-print"]');
    await opts.getByTestId('usage-policy-sheet').waitFor();
    await shot(opts, 'options-usage-policy-form.png');
    await opts.click('[data-testid="tab-approvals"]');
    await opts.fill('[data-testid="public-key-input"]', publicKey);
    await opts.click('[data-testid="public-key-save"]');
    await opts.getByTestId('public-key').waitFor();

    // The author's post needs approval under (4)③.
    const page = await openX(author);
    await type(page, NEEDS_APPROVAL);
    await page.click(X_SITE.postButton);
    await gate(page).waitFor();
    expect(await gate(page).getAttribute('data-kind')).toBe('approval');
    const request = await requestFrom(page);
    expect(request).toMatch(/^TGREQ1\./);
    await shot(page, 'approval-author-request.png', false);

    const code = await codeFor(sup, request);
    expect(code).toMatch(/^TGOK1\./);
    await shot(sup, 'approval-supervisor-code.png');

    // A forged code (one signature character changed) is refused.
    const forged = code.slice(0, -2) + (code.at(-2) === 'A' ? 'B' : 'A') + code.at(-1);
    await paste(page, forged);
    expect(await page.getByTestId('tg-approval-error').textContent()).toMatch(/署名が一致しません|形式が不正/);

    // The real code opens the gate for this text.
    await paste(page, code);
    await page.getByTestId('tg-approval-granted').waitFor();
    await shot(page, 'approval-author-granted.png', false);
    // The gate presses Post itself once the approval is in.
    await page.click('[data-testid="tg-gate-proceed"]');
    await gate(page).waitFor({ state: 'detached' });
    await page.waitForFunction(() => (window as unknown as { __posts: string[] }).__posts.length > 0);
    expect(await posts(page)).toEqual([NEEDS_APPROVAL]);
    await page.close();

    // One character changed: the same code is refused.
    const edited = await openX(author);
    await type(edited, NEEDS_APPROVAL + '！');
    await edited.click(X_SITE.postButton);
    await gate(edited).waitFor();
    await paste(edited, code);
    expect(await edited.getByTestId('tg-approval-error').textContent()).toContain('本文が変更されています');
    expect(await edited.locator('[data-testid="tg-gate-proceed"]').isDisabled()).toBe(true);

    // An expired code, signed for this very text by a key the author's profile trusts, is refused.
    const pair = await generateSupervisorKeyPair();
    await opts.fill('[data-testid="public-key-input"]', JSON.stringify(pair.publicKeyJwk));
    await opts.click('[data-testid="public-key-save"]');
    await opts.waitForFunction((x) => document.querySelector('[data-testid="public-key"]')?.textContent?.includes(x as string) === true, pair.publicKeyJwk.x);
    // Signed for the request this very page makes, two hours ago, valid for one hour.
    const parsed = await parseApprovalRequest(await requestFrom(edited));
    if (!parsed.ok) throw new Error(parsed.reason);
    const twoHoursAgo = Date.now() - 2 * 3600_000;
    const expired = await approve(parsed.request, await importPrivateKey(pair.privateKeyJwk), { expiresInMinutes: 60, now: twoHoursAgo });
    await paste(edited, expired);
    expect(await edited.getByTestId('tg-approval-error').textContent()).toContain('有効期限切れ');
    await edited.click('[data-testid="tg-gate-fix"]');
    await edited.close();

    // In person: a post held by a block finding; the supervisor, at the author's desk, releases it
    // with a reason and their PIN, typed in the extension's own window (approve.html), never in the
    // site's page. A wrong PIN is refused there (and recorded).
    const held = await openX(author);
    await type(held, VIOLATING);
    await held.click(X_SITE.postButton);
    await gate(held).waitFor();
    expect(await gate(held).getAttribute('data-kind')).toBe('block');
    const release = held.getByTestId('tg-gate-release');
    // No PIN box in the page's gate dialog (its keystrokes would be visible to the site's scripts).
    expect(await gate(held).locator('input[type="password"]').count()).toBe(0);
    const openWindow = async () => {
      const [win] = await Promise.all([author.context.waitForEvent('page', (p) => p.url().includes('/approve.html')), release.getByTestId('tg-approval-in-person').click()]);
      await win.getByTestId('approve-page').waitFor();
      return win;
    };
    // The author may cancel while waiting: the window closes and the gate offers it again.
    const first = await openWindow();
    await release.getByTestId('tg-approval-in-person-waiting').waitFor();
    await Promise.all([first.waitForEvent('close'), release.getByTestId('tg-approval-in-person-cancel').click()]);
    const win = await openWindow();
    await release.getByTestId('tg-approval-in-person-waiting').waitFor();
    await shot(held, 'approval-in-person-waiting.png', false);
    // The window shows the held post from the background's memory: the URL carries an id only.
    expect(new URL(win.url()).search).toMatch(/^\?id=[\w-]+$/);
    expect(await win.getByTestId('approve-text').textContent()).toBe(VIOLATING);
    expect(await win.getByTestId('approve-hash').textContent()).toBe(await sha256Hex(VIOLATING));
    expect(await win.getByTestId('approve-clauses').textContent()).toContain('5-8-insult');
    await win.getByTestId('approve-reason').fill('市長会見の発言をそのまま引用するため（広報課確認済み）');
    await win.getByTestId('approve-pin').fill('135792');
    await win.getByTestId('approve-submit').click();
    expect(await win.getByTestId('approve-error').textContent()).toContain('PIN が違います');
    await shot(win, 'approval-in-person-window.png');
    expect(await held.locator('[data-testid="tg-approval-granted"]').count()).toBe(0);
    await win.getByTestId('approve-pin').fill(PIN);
    await Promise.all([win.waitForEvent('close'), win.getByTestId('approve-submit').click()]);
    await held.locator('[data-testid="tg-approval-granted"][data-kind="release"]').waitFor();
    expect(await gate(held).locator('input[type="password"]').count()).toBe(0);
    await shot(held, 'approval-in-person-release.png', false);
    await held.click('[data-testid="tg-gate-proceed"]');
    await gate(held).waitFor({ state: 'detached' });
    await held.waitForFunction(() => (window as unknown as { __posts: string[] }).__posts.length > 0);
    expect(await posts(held)).toEqual([VIOLATING]);
    await held.close();

    // The audit log (author profile): every decision of this test, the chart, then the CSV.
    const log = await author.context.newPage();
    const decisions = async () => {
      await log.goto(`chrome-extension://${author.extensionId}/log.html`);
      await unlockLog(log, PIN);
      await log.getByTestId('audit-row').first().waitFor();
      return log.getByTestId('audit-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-decision')));
    };
    await expect.poll(decisions).toEqual(expect.arrayContaining(['abandoned', 'blocked', 'released', 'posted_with_approval', 'approval_refused']));
    await log.getByTestId('weekly-chart').locator('rect[data-category="insult"]').first().waitFor();
    await log.getByTestId('approvals-table').waitFor();
    await shot(log, 'log-page.png');
    const [download] = await Promise.all([log.waitForEvent('download'), log.click('[data-testid="export-audit-csv"]')]);
    const csv = await readFile((await download.path())!, 'utf8');
    for (const label of ['所属長の了承を得て投稿', '所属長がブロックを解除して投稿', '投稿を止めた', '投稿を取りやめた']) expect(csv).toContain(label);
    expect(csv.match(/了承コードを受け付けなかった/g)?.length).toBe(4); // forged, one character changed, expired, wrong PIN
    expect(csv).toContain('市長会見の発言をそのまま引用するため');
    expect(csv).toContain('5-8-insult');
    expect(csv).toContain(ACCOUNT);
    expect(csv).not.toContain(NEEDS_APPROVAL); // only its hash, unless the supervisor keeps texts
    await log.close();
  }, 180_000); // two browser profiles, five posts each waiting for its full check: long on a busy machine
});

describe('organisation policy (managed storage)', () => {
  const policyDir = '/etc/chromium/policies/managed';
  const policyFile = path.join(policyDir, 'toukou-guard-e2e.json');
  let writable = false;
  let h: Harness | undefined;
  beforeAll(async () => {
    try {
      await mkdir(policyDir, { recursive: true });
      await writeFile(
        policyFile,
        JSON.stringify({
          '3rdparty': {
            extensions: {
              [unpackedExtensionId(EXTENSION_DIR)]: { categories: { insult: { sensitivity: 'off', threshold: 0.5 } }, siteEnabled: { facebook: false }, retentionDays: 400, supervisorPinHash: await hashPin(PIN) },
            },
          },
        }),
      );
      writable = true;
    } catch (error) {
      console.log(`[e2e] skipping the managed-policy test: cannot write ${policyFile} (${String(error)}); run as root or in CI`);
      return;
    }
    h = await launch();
  });
  afterAll(async () => {
    if (h !== undefined) await h.close();
    if (existsSync(policyFile)) await rm(policyFile);
  });

  test('what the policy sets is locked in the options page and the popup, and applies to the content script; its PIN is the PIN', async (ctx) => {
    if (!writable || h === undefined) return ctx.skip();
    const options = await openOptions(h);
    // The PIN came with the policy: no first-PIN screen, the policy's PIN opens the page.
    await options.locator('[data-testid="pin-setup"], [data-testid="unlock"]').first().waitFor();
    expect(await options.getByTestId('pin-setup').count()).toBe(0);
    await unlockOptions(options, PIN);
    await options.click('[data-testid="tab-general"]');
    await options.getByTestId('pin-managed').waitFor();
    await options.click('[data-testid="tab-sensitivity"]');
    await options.getByTestId('policy-banner').waitFor();
    expect(await options.locator('[data-testid="sensitivity-insult"]').isDisabled()).toBe(true);
    expect(await options.locator('[data-testid="category-insult"] [data-testid="locked"]').count()).toBe(1);
    expect(await options.locator('[data-testid="sensitivity-rumour"]').isDisabled()).toBe(false);
    await shot(options, 'options-policy-locked.png');

    const page = await openX(h);
    await type(page, VIOLATING);
    expect(await marked(page)).toEqual([]);

    const popup = await h.context.newPage();
    const tabId = await page.evaluate(() => 0).then(async () => {
      const worker = h!.context.serviceWorkers()[0]!;
      return worker.evaluate(async () => {
        const [t] = await (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id: number }>> } } }).chrome.tabs.query({ url: 'https://x.com/*' });
        return t!.id;
      });
    });
    await popup.setViewportSize({ width: 400, height: 640 });
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html?tab=${tabId}`);
    await popup.locator('[data-testid="tab-state"]').waitFor();
    await popup.locator('[data-testid="popup-site-x"]').waitFor();
    expect(await popup.getByTestId('pin-notice').count()).toBe(0);
    expect(await popup.locator('[data-testid="popup-site-facebook"]').isDisabled()).toBe(true);
    expect(await popup.locator('[data-testid="popup-site-x"]').isDisabled()).toBe(false);
    expect(await popup.getByTestId('tab-state').getAttribute('data-state')).toBe('partial'); // insult is off here
    await popup.fill('[data-testid="popup-text"]', WARN);
    await popup.click('[data-testid="popup-check"]');
    await popup.getByTestId('popup-result').waitFor();
    await shot(popup, 'popup.png');
    await page.close();
  });
});
