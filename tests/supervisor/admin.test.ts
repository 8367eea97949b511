/**
 * The supervisor boundary where data is written (issue #8 §5): every settings, key, list, account
 * and log operation goes through the background's admin table, which wants one of the extension's
 * own pages and a PIN session opened by the right PIN. Settings written around the PIN — a content
 * script's message, a page without a session, a forged or expired token — are refused, and nothing
 * saved changes.
 */
import { describe, expect, test } from 'vitest';
import type { AdminProtocol } from '../../src/messaging/supervisor-protocol.ts';
import { createApprovalRequest, generateSupervisorKeyPair, hashPin, parseApprovalRequest } from '../../src/security/index.ts';
import { ALREADY_SET, NO_PIN_YET, NOT_ACKNOWLEDGED, NOT_FROM_PAGE, PIN_IS_MANAGED } from '../../src/supervisor/admin.ts';
import { MANAGED_PIN_UNREADABLE } from '../../src/supervisor/pin-config.ts';
import { SESSION_EXPIRED, SESSION_IDLE_MS } from '../../src/supervisor/session.ts';
import { addAuditEvent, getCategorySettings, getSetting, listCustomTerms, setSetting } from '../../src/storage/index.ts';
import { auditEvent, term } from '../storage/helpers.ts';
import { CONTENT, NOW, PAGE, PIN, WRONG, adminSetup, dump, hashOfPin, withPin, type AdminSetup } from './helpers.ts';

type Gated = { [K in keyof AdminProtocol]: Parameters<AdminProtocol[K]>[0] extends { token: string } ? K : never }[keyof AdminProtocol];

/** Every operation that needs the session, with a payload it would accept. */
async function everyGatedCall(): Promise<Array<[Gated, Record<string, unknown>]>> {
  const request = await parseApprovalRequest(await createApprovalRequest({ text: '市民ゲートボール大会を開催します。', account: 'hirakawa_city', site: 'x', now: NOW }));
  if (!request.ok) throw new Error(request.reason);
  const pair = await generateSupervisorKeyPair();
  const settingsFile = JSON.stringify({ format: 'toukou-guard-settings', version: 1, exportedAt: '', categories: { insult: { sensitivity: 'off', threshold: 0.5 } }, general: {}, customTerms: [], exceptions: [], accounts: [] });
  const calls: Array<[Gated, Record<string, unknown>]> = [
    ['admin.touch', {}],
    ['admin.changePin', { current: PIN, next: '975310' }],
    ['admin.snapshot', {}],
    ['admin.setCategory', { category: 'insult', setting: { sensitivity: 'off', threshold: 0.5 } }],
    ['admin.putTerm', { term: term('insult.hojinashi'), originalId: null }],
    ['admin.deleteTerm', { id: 'insult.kept' }],
    ['admin.addException', { exception: { kind: 'term', value: '尾上' } }],
    ['admin.deleteException', { id: 1 }],
    ['admin.putAccount', { account: { name: '平川市公式', platform: 'x', handle: 'hirakawa_city', url: 'https://x.com/hirakawa_city', purpose: 'p', content: 'c', period: { start: '2024-04-01' }, replyPolicy: 'r', operator: 'o', contact: '0172-44-1111' } }],
    ['admin.deleteAccount', { id: 1 }],
    ['admin.setGeneral', { key: 'supervisorPublicKey', value: pair.publicKeyJwk }],
    ['admin.setGeneral', { key: 'siteEnabled', value: { x: false, facebook: false } }],
    ['admin.exportSettings', {}],
    ['admin.previewImport', { text: settingsFile }],
    ['admin.applyImport', { text: settingsFile, pin: PIN }],
    ['admin.exportTermsCsv', {}],
    ['admin.importTermsCsv', { text: 'category,id,forms,reading,severity,example_hit,example_clean,note\n', mode: 'replace' }],
    ['admin.createSigningKey', { pin: PIN }],
    ['admin.sign', { request: request.request, pin: PIN, kind: 'approve', expiresInMinutes: 60, reason: '' }],
    ['admin.refuse', { request: request.request, findings: [], reason: '' }],
    ['admin.pinForPolicy', {}],
    ['log.settings', {}],
    ['log.query', { filter: {} }],
    ['log.approvals', {}],
    ['log.exportCsv', { filter: {}, includeText: true }],
    ['log.setRetention', { days: 1 }],
    ['log.proposals', {}],
    ['admin.acceptProposal', { words: 'ボケ' }],
    ['admin.dismissProposal', { words: 'ボケ' }],
  ];
  return calls;
}

async function seeded(): Promise<AdminSetup> {
  const s = adminSetup();
  await withPin(s.db);
  await s.db.customTerms.put(term('insult.kept'));
  await s.db.exceptions.add({ kind: 'phone', value: '0172-44-1111' });
  await addAuditEvent(s.db, auditEvent(NOW - 3 * 86_400_000));
  await s.db.falsePositiveReports.add({ time: NOW - 86_400_000, site: 'x', category: 'insult', rule: 'insult:terms', clause: '5-8-insult', excerpt: 'ボケ' });
  return s;
}

async function unlock(s: AdminSetup, pin = PIN): Promise<string> {
  const r = await s.send()('admin.unlock', { pin });
  if (!r.ok) throw new Error(r.message);
  return r.value.token;
}

const call = (s: AdminSetup, sender: typeof PAGE, type: Gated, data: Record<string, unknown>) =>
  (s.table[type] as unknown as (d: unknown, s: unknown) => Promise<{ ok: boolean; message?: string; needsPin?: boolean }>)(data, sender);

// PBKDF2 at 600,000 rounds per PIN check: slow on a shared machine.
describe('settings written around the PIN are refused', { timeout: 60_000 }, () => {
  test('a page without a session: every write, clear and export is refused with a clear reason, and nothing changes', async () => {
    const s = await seeded();
    const before = await dump(s.db);
    for (const [type, data] of await everyGatedCall()) {
      for (const token of [undefined, '', 'A'.repeat(43)]) {
        const r = await call(s, PAGE, type, token === undefined ? data : { ...data, token });
        expect(r, `${type} with token ${String(token)}`).toMatchObject({ ok: false, needsPin: true });
        expect(r.message).toMatch(/PIN/);
      }
    }
    expect(await dump(s.db)).toEqual(before);
    expect(s.changed.count).toBe(0);
  });

  test('a content script is refused in words, even holding a live token', async () => {
    const s = await seeded();
    const token = await unlock(s);
    const before = await dump(s.db);
    for (const [type, data] of await everyGatedCall()) {
      expect(await call(s, CONTENT, type, { ...data, token }), type).toEqual({ ok: false, message: NOT_FROM_PAGE });
    }
    expect(await s.send(CONTENT)('admin.unlock', { pin: PIN })).toEqual({ ok: false, message: NOT_FROM_PAGE });
    expect(await s.send(CONTENT)('admin.firstPin', { pin: PIN, acknowledged: true })).toEqual({ ok: false, message: NOT_FROM_PAGE });
    await expect(s.send(CONTENT)('admin.status', {})).rejects.toThrow(NOT_FROM_PAGE);
    expect(await dump(s.db)).toEqual(before);
  });

  test('the right PIN opens a session: writes go through and the open tabs are told; a wrong PIN opens nothing and is counted', async () => {
    const s = await seeded();
    const send = s.send();
    expect(await send('admin.unlock', { pin: WRONG })).toEqual({ ok: false, message: 'PIN が違います。' });
    const token = await unlock(s);
    expect(await send('admin.setCategory', { token, category: 'insult', setting: { sensitivity: 'warn', threshold: 0.6 } })).toEqual({ ok: true, value: undefined });
    expect((await getCategorySettings(s.db)).insult).toEqual({ sensitivity: 'warn', threshold: 0.6 });
    expect(s.changed.count).toBe(1);
    // Reading is not writing: the tabs are not told.
    expect(await send('admin.snapshot', { token })).toMatchObject({ ok: true, value: { pinManaged: false, hasSigningKey: false, keyFingerprint: null } });
    expect(s.changed.count).toBe(1);
    // Locking ends it.
    expect(await send('admin.lock', { token })).toEqual({ locked: true });
    expect(await send('admin.setCategory', { token, category: 'insult', setting: null })).toMatchObject({ ok: false, needsPin: true, message: SESSION_EXPIRED });
  });

  test('a session ends after a few idle minutes; being used keeps it; a clock turned back ends it', async () => {
    const s = await seeded();
    const send = s.send();
    const token = await unlock(s);
    s.clock.now += SESSION_IDLE_MS - 1000;
    expect(await send('admin.touch', { token })).toEqual({ ok: true, value: undefined });
    s.clock.now += SESSION_IDLE_MS - 1000;
    expect(await send('log.query', { token, filter: {} })).toMatchObject({ ok: true });
    s.clock.now += SESSION_IDLE_MS + 1000;
    expect(await send('log.query', { token, filter: {} })).toEqual({ ok: false, needsPin: true, message: SESSION_EXPIRED });

    const again = await unlock(s);
    s.clock.now -= 3600_000;
    expect(await send('admin.touch', { token: again })).toMatchObject({ ok: false, needsPin: true });
  });

  test('a worker restart keeps the session (chrome.storage.session), and a new worker does not invent one', async () => {
    const s = await seeded();
    const token = await unlock(s);
    const restarted = s.restart();
    expect(await restarted.send()('admin.setCategory', { token, category: 'rumour', setting: { sensitivity: 'block', threshold: 0.5 } })).toEqual({ ok: true, value: undefined });
    expect(await restarted.send()('admin.status', { token })).toMatchObject({ session: true, pinSet: true });
    const empty = adminSetup({ db: s.db });
    expect(await empty.send()('admin.setCategory', { token, category: 'rumour', setting: null })).toMatchObject({ ok: false, needsPin: true });
    expect((await getCategorySettings(s.db)).rumour?.sensitivity).toBe('block');
  });

  test('changing the PIN asks for the current one and ends the other pages\' sessions', async () => {
    const s = await seeded();
    const send = s.send();
    const mine = await unlock(s);
    const other = await unlock(s);
    expect(await send('admin.changePin', { token: mine, current: WRONG, next: '975310' })).toMatchObject({ ok: false, message: 'いまのPIN が違います。' });
    expect(await send('admin.changePin', { token: mine, current: PIN, next: '975310' })).toEqual({ ok: true, value: undefined });
    expect(await send('admin.touch', { token: other })).toMatchObject({ ok: false, needsPin: true });
    expect(await send('admin.touch', { token: mine })).toEqual({ ok: true, value: undefined });
    expect(await send('admin.unlock', { pin: PIN })).toMatchObject({ ok: false });
    expect(await send('admin.unlock', { pin: '975310' })).toMatchObject({ ok: true });
  });
});

describe('the first PIN is a deliberate step', { timeout: 60_000 }, () => {
  test('before any PIN nothing can be written; the first PIN needs the acknowledgement, opens a session, and cannot be set twice', async () => {
    const s = adminSetup();
    const send = s.send();
    expect(await send('admin.status', {})).toMatchObject({ pinSet: false, pinManaged: false, session: false });
    expect(await send('admin.setCategory', { token: 'A'.repeat(43), category: 'insult', setting: { sensitivity: 'off', threshold: 0.5 } })).toEqual({ ok: false, needsPin: true, message: NO_PIN_YET });
    expect(await send('admin.unlock', { pin: PIN })).toMatchObject({ ok: false, message: expect.stringContaining('未設定') });
    expect(await send('admin.firstPin', { pin: PIN, acknowledged: false })).toEqual({ ok: false, message: NOT_ACKNOWLEDGED });
    expect(await send('admin.firstPin', { pin: '123456', acknowledged: true })).toMatchObject({ ok: false });
    expect(await getSetting(s.db, 'supervisorPinHash')).toBeNull();
    const first = await send('admin.firstPin', { pin: PIN, acknowledged: true });
    if (!first.ok) throw new Error(first.message);
    expect(await send('admin.setCategory', { token: first.value.token, category: 'insult', setting: { sensitivity: 'warn', threshold: 0.5 } })).toEqual({ ok: true, value: undefined });
    expect(await send('admin.firstPin', { pin: '975310', acknowledged: true })).toEqual({ ok: false, message: ALREADY_SET });
    expect(await send('admin.unlock', { pin: PIN })).toMatchObject({ ok: true });
  });

  test('a PIN from the organisation\'s policy opens sessions, and cannot be replaced by a first PIN or changed here', async () => {
    const s = adminSetup({ managed: { supervisorPinHash: await hashOfPin() } });
    const send = s.send();
    expect(await send('admin.status', {})).toMatchObject({ pinSet: true, pinManaged: true, pinProblem: null });
    expect(await send('admin.firstPin', { pin: '975310', acknowledged: true })).toEqual({ ok: false, message: PIN_IS_MANAGED });
    const token = await unlock(s);
    expect(await send('admin.changePin', { token, current: PIN, next: '975310' })).toEqual({ ok: false, message: PIN_IS_MANAGED });
    expect(await send('admin.pinForPolicy', { token })).toMatchObject({ ok: false });
    expect(await getSetting(s.db, 'supervisorPinHash')).toBeNull();
    // A local PIN under the policy's is not the one checked.
    await setSetting(s.db, 'supervisorPinHash', await hashPin('975310'));
    expect(await send('admin.unlock', { pin: '975310' })).toMatchObject({ ok: false, message: 'PIN が違います。' });
  });

  test('a policy PIN that cannot be read fails closed: no unlock, no first PIN, and the reason is said', async () => {
    const s = adminSetup({ managed: { supervisorPinHash: { algorithm: 'PBKDF2-SHA-256', salt: 'x', iterations: 1000, hash: 'y' } } });
    const send = s.send();
    expect(await send('admin.status', {})).toMatchObject({ pinSet: false, pinManaged: true, pinProblem: MANAGED_PIN_UNREADABLE });
    expect(await send('admin.firstPin', { pin: PIN, acknowledged: true })).toEqual({ ok: false, message: MANAGED_PIN_UNREADABLE });
    expect(await send('admin.unlock', { pin: PIN })).toEqual({ ok: false, message: MANAGED_PIN_UNREADABLE });
    expect(await getSetting(s.db, 'supervisorPinHash')).toBeNull();
  });

  test('the policy fragment for the IT department holds this profile\'s PIN hash, never the PIN', async () => {
    const s = await seeded();
    const token = await unlock(s);
    const r = await s.send()('admin.pinForPolicy', { token });
    if (!r.ok) throw new Error(r.message);
    const parsed = JSON.parse(r.value) as { supervisorPinHash: { algorithm: string; iterations: number } };
    expect(parsed.supervisorPinHash).toMatchObject({ algorithm: 'PBKDF2-SHA-256', iterations: 600_000 });
    expect(r.value).not.toContain(PIN);
    // That fragment, pushed as a policy, opens another profile with the same PIN.
    const other = adminSetup({ managed: parsed });
    expect(await other.send()('admin.unlock', { pin: PIN })).toMatchObject({ ok: true });
  });
});

describe('the log behind the PIN', { timeout: 60_000 }, () => {
  test('records, approvals and the CSV only in a session; the retention change is a write', async () => {
    const s = await seeded();
    const send = s.send();
    expect(await send('log.query', { token: '', filter: {} })).toMatchObject({ ok: false, needsPin: true });
    const token = await unlock(s);
    const events = await send('log.query', { token, filter: { from: 0, decisions: ['posted_clean', 'bogus'] } as never });
    expect(events).toMatchObject({ ok: true, value: [expect.objectContaining({ decision: 'posted_clean' })] });
    const csv = await send('log.exportCsv', { token, filter: {}, includeText: false });
    expect(csv).toMatchObject({ ok: true, value: { filename: expect.stringMatching(/^toukou-guard-audit-\d{4}-\d{2}-\d{2}\.csv$/), text: expect.stringContaining('指摘なしで投稿') } });
    expect(await send('log.setRetention', { token, days: 1 })).toEqual({ ok: true, value: 1 });
    expect(s.changed.count).toBe(1);
  });
});

describe('a settings import shows what it changes and needs the PIN', { timeout: 60_000 }, () => {
  async function prepared() {
    const s = await seeded();
    const token = await unlock(s);
    const send = s.send();
    const oldKey = await generateSupervisorKeyPair();
    const newKey = await generateSupervisorKeyPair();
    expect(await send('admin.setGeneral', { token, key: 'supervisorPublicKey', value: oldKey.publicKeyJwk })).toMatchObject({ ok: true });
    const file = {
      format: 'toukou-guard-settings',
      version: 1,
      exportedAt: '',
      categories: { insult: { sensitivity: 'off', threshold: 0.5 }, rumour: { sensitivity: 'block', threshold: 0.7 } },
      general: { supervisorPublicKey: newKey.publicKeyJwk, siteEnabled: { x: true, facebook: false } },
      customTerms: [term('insult.hojinashi'), term('insult.hontuke', { forms: ['ほんつけなし'], examples: { hit: ['ほんつけなしだ'] } })],
      exceptions: [],
      accounts: [],
    };
    return { s, token, send, oldKey, newKey, text: JSON.stringify(file) };
  }

  test('the preview: key fingerprint old → new, sensitivity per category, sites, counts; nothing is written', async () => {
    const { s, token, send, oldKey, newKey, text } = await prepared();
    const { keyFingerprint } = await import('../../src/supervisor/key-fingerprint.ts');
    const before = await dump(s.db);
    const r = await send('admin.previewImport', { token, text });
    if (!r.ok) throw new Error(r.message);
    expect(r.value.key).toEqual({ before: await keyFingerprint(oldKey.publicKeyJwk), after: await keyFingerprint(newKey.publicKeyJwk), locked: false });
    expect(r.value.categories.find((c) => c.category === 'insult')).toEqual({ category: 'insult', before: null, after: { sensitivity: 'off', threshold: 0.5 }, locked: false });
    expect(r.value.categories.find((c) => c.category === 'rumour')).toEqual({ category: 'rumour', before: null, after: { sensitivity: 'block', threshold: 0.7 }, locked: false });
    expect(r.value.sites).toEqual([
      { site: 'x', before: true, after: true, locked: false },
      { site: 'facebook', before: true, after: false, locked: false },
    ]);
    expect(r.value.counts).toEqual({ customTerms: { before: 1, after: 2 }, exceptions: { before: 1, after: 0 }, accounts: { before: 0, after: 0 } });
    expect(await dump(s.db)).toEqual(before);
  });

  test('applying needs the PIN again: a wrong one writes nothing; the right one writes the file', async () => {
    const { s, token, send, newKey, text } = await prepared();
    const before = await dump(s.db);
    expect(await send('admin.applyImport', { token, text, pin: WRONG })).toEqual({ ok: false, message: 'PIN が違います。' });
    expect(await dump(s.db)).toEqual(before);
    const changed = s.changed.count;
    expect(await send('admin.applyImport', { token, text, pin: PIN })).toEqual({ ok: true, value: { message: expect.stringContaining('独自の語 2件') } });
    expect(await getSetting(s.db, 'supervisorPublicKey')).toMatchObject({ x: newKey.publicKeyJwk.x });
    expect((await getCategorySettings(s.db)).insult?.sensitivity).toBe('off');
    expect(s.changed.count).toBe(changed + 1);
  });

  test('a broken file gets its line and field, and nothing saved is lost', async () => {
    const { s, token, send } = await prepared();
    const before = await dump(s.db);
    const broken = '{\n  "format": "toukou-guard-settings",\n  "version": 1,\n  "categories": { "insult": { "sensitivity": "loud" } }\n}';
    const preview = await send('admin.previewImport', { token, text: broken });
    expect(preview).toMatchObject({ ok: false, problems: [expect.objectContaining({ field: 'categories.insult' })] });
    expect(await send('admin.applyImport', { token, text: broken, pin: PIN })).toMatchObject({ ok: false, problems: [expect.objectContaining({ field: 'categories.insult' })] });
    const truncated = await send('admin.previewImport', { token, text: '{\n  "format": "toukou-guard-settings",\n' });
    expect(truncated).toMatchObject({ ok: false, message: expect.stringContaining('JSON として読めません') });
    expect(await dump(s.db)).toEqual(before);
    expect((await listCustomTerms(s.db)).map((t) => t.id)).toEqual(['insult.kept']);
  });

  test('what the policy locks is marked in the preview', async () => {
    const s = adminSetup({ managed: { supervisorPinHash: await hashOfPin(), categories: { insult: { sensitivity: 'block', threshold: 0.5 } }, siteEnabled: { facebook: true } } });
    const token = await unlock(s);
    const text = JSON.stringify({ format: 'toukou-guard-settings', version: 1, exportedAt: '', categories: { insult: { sensitivity: 'off', threshold: 0.5 } }, general: { siteEnabled: { x: true, facebook: false } }, customTerms: [], exceptions: [], accounts: [] });
    const r = await s.send()('admin.previewImport', { token, text });
    if (!r.ok) throw new Error(r.message);
    expect(r.value.categories.find((c) => c.category === 'insult')?.locked).toBe(true);
    expect(r.value.sites.find((x) => x.site === 'facebook')?.locked).toBe(true);
  });
});
