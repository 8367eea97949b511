/**
 * Where the supervisor's data is written (issue #8 §5): the background's one table for every
 * settings, key, term-list, exception, account and log operation — write, clear and export — the
 * extension pages ask for. Nothing else in the extension writes these (the pages hold no database
 * handle; a test checks their imports), so the boundary is enforced here, once:
 *
 * - the sender must be one of the extension's own pages: a content script is refused in words;
 * - every operation but the status, unlocking and the very first PIN needs a PIN session
 *   (session.ts) opened by the right PIN through the one attempt limiter (pin-guard.ts), and
 *   fails with `needsPin` when there is none (never opened, locked, idle too long);
 * - applying a settings import, changing the PIN, creating the key and signing ask for the PIN
 *   again, as before;
 * - what the organisation's policy sets stays locked.
 *
 * Reading what the gate needs (`config.get`) stays open to content scripts (gate-handlers.ts).
 */
import { exportAuditCsv } from '../audit/csv.ts';
import { queryAuditEvents, type AuditFilter } from '../audit/filter.ts';
import { computeProposals, OVERRIDE_WINDOW_MS, type ExceptionProposal } from '../audit/proposals.ts';
import { applyRetention } from '../audit/retention.ts';
import { localDate } from '../audit/time.ts';
import { fromOwnPage, type HandlerTable, type Sender } from '../messaging/handlers.ts';
import type { AdminProtocol, AdminResult, PageGeneralKey, SupervisorStatus } from '../messaging/supervisor-protocol.ts';
import type { LockKey } from '../policy/types.ts';
import { checkPinRules, hashPin, isPublicKeyJwk, reencryptPrivateKey } from '../security/index.ts';
import { exportCustomTermsCsv, exportSettingsJson, importCustomTermsCsv, importSettingsJson, parseSettingsJson, type ImportProblem } from '../settings-io/index.ts';
import { isCategory } from '../shared/types.ts';
import {
  AUDIT_DECISIONS, addException, deleteAccount, deleteCustomTerm, deleteException, deleteReportsOf, dismissProposal, getCategorySettings, getGeneralSettings, getSetting,
  listAccounts, listDismissedProposals, listFalsePositiveReports, putAccount, putCustomTerm, resetCategorySetting, setCategorySetting, setSetting,
  type ToukouGuardDB,
} from '../storage/index.ts';
import { engineOptions, loadEffectiveConfig } from './config.ts';
import { previewSettingsImport } from './import-preview.ts';
import { keyFingerprint } from './key-fingerprint.ts';
import { pinConfigured, resolvePin } from './pin-config.ts';
import { checkSupervisorPin, type PinLimits } from './pin-guard.ts';
import { SESSION_IDLE_MS, type SupervisorSessions } from './session.ts';
import { createSupervisorKey, refuseRequest, signApproval } from './signing.ts';

export interface AdminDeps {
  db: ToukouGuardDB;
  readManaged: () => Promise<unknown>;
  sessions: SupervisorSessions;
  /** After a write: the engine options are read again and the open tabs told (`config.changed`). */
  changed: () => unknown;
  now?: () => number;
  /** The wrong-PIN limits (tests shorten them); the count itself is in the database. */
  pinLimits?: PinLimits;
  idleMs?: number;
  /** The extension's own pages (default `fromOwnPage`; tests pass their own). */
  isOwnPage?: (sender: Sender) => boolean;
}

export const NOT_FROM_PAGE = '設定や記録は、投稿ガードの設定画面・記録画面からしか変えられません。';
export const NO_PIN_YET = '所属長のPINが未設定のため、設定や記録は扱えません。所属長が設定画面で PIN を設定してください。';
export const LOCKED_BY_POLICY = 'この項目は組織のポリシーで固定されています。';
export const PIN_IS_MANAGED = '所属長の PIN は組織のポリシーで設定されているため、ここでは変えられません。情報システム担当に依頼してください。';
export const ALREADY_SET = '所属長の PIN はすでに設定されています。変更は「サイト・記録・PIN」タブで、いまの PIN を入力して行ってください。';
export const NO_SUCH_PROPOSAL = 'この提案はもうありません（ほかの画面で追加または却下された可能性があります）。記録画面を読み込み直してください。';
export const NOT_ACKNOWLEDGED = '「私はこの端末の設定を任された所属長です」にチェックを入れてから設定してください。';

const PAGE_GENERAL_KEYS: readonly PageGeneralKey[] = ['siteEnabled', 'auditKeepText', 'retentionDays', 'supervisorPublicKey'];

/** A file refused whole: the message and every problem with its line and field. */
class ImportRefused extends Error {
  constructor(
    message: string,
    readonly problems: ImportProblem[],
  ) {
    super(message);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A filter from a page, rebuilt field by field (anything else is dropped). */
function cleanFilter(raw: unknown): AuditFilter {
  const f: AuditFilter = {};
  if (typeof raw !== 'object' || raw === null) return f;
  const r = raw as Record<string, unknown>;
  if (typeof r['from'] === 'number' && Number.isFinite(r['from'])) f.from = r['from'];
  if (typeof r['to'] === 'number' && Number.isFinite(r['to'])) f.to = r['to'];
  if (Array.isArray(r['categories'])) f.categories = r['categories'].filter(isCategory);
  if (Array.isArray(r['decisions'])) f.decisions = r['decisions'].filter((d): d is (typeof AUDIT_DECISIONS)[number] => (AUDIT_DECISIONS as readonly unknown[]).includes(d));
  if (r['site'] === 'x' || r['site'] === 'facebook') f.site = r['site'];
  if (typeof r['account'] === 'string') f.account = r['account'];
  return f;
}

export function adminHandlers(deps: AdminDeps): HandlerTable<AdminProtocol> {
  const { db, sessions } = deps;
  const now = deps.now ?? Date.now;
  const idleMs = deps.idleMs ?? SESSION_IDLE_MS;
  const isOwnPage = deps.isOwnPage ?? fromOwnPage;
  const pinOptions = (managed: unknown) => ({ now: now(), managed, ...(deps.pinLimits === undefined ? {} : { limits: deps.pinLimits }) });

  async function locks(): Promise<LockKey[]> {
    return (await loadEffectiveConfig(db, await deps.readManaged())).locks;
  }

  /** The one door: an own page, a live session, then `run`; a write also tells the tabs. */
  async function gated<T>(sender: Sender, token: unknown, run: (managed: unknown) => Promise<T>, options: { write?: boolean; lock?: LockKey } = {}): Promise<AdminResult<T>> {
    if (!isOwnPage(sender)) return { ok: false, message: NOT_FROM_PAGE };
    const managed = await deps.readManaged();
    const session = await sessions.check(token, now());
    if (!session.ok) {
      const pin = await resolvePin(db, managed);
      return { ok: false, message: pin.problem ?? (pinConfigured(pin) ? session.reason : NO_PIN_YET), needsPin: true };
    }
    if (options.lock !== undefined && (await locks()).includes(options.lock)) return { ok: false, message: LOCKED_BY_POLICY };
    try {
      const value = await run(managed);
      if (options.write === true) await Promise.resolve(deps.changed()).catch((error: unknown) => console.warn('投稿ガード: 開いているタブに設定の変更を伝えられませんでした', error));
      return { ok: true, value };
    } catch (error) {
      if (error instanceof ImportRefused) return { ok: false, message: error.message, problems: error.problems };
      return { ok: false, message: messageOf(error) };
    }
  }

  /** Unlocking and the first PIN: an own page, no session needed. */
  async function open<T>(sender: Sender, run: (managed: unknown) => Promise<AdminResult<T>>): Promise<AdminResult<T>> {
    if (!isOwnPage(sender)) return { ok: false, message: NOT_FROM_PAGE };
    try {
      return await run(await deps.readManaged());
    } catch (error) {
      return { ok: false, message: messageOf(error) };
    }
  }

  /** 除外の提案 as of now (src/audit/proposals.ts), from the reports, the log's window and the exceptions in force. */
  async function proposals(managed: unknown): Promise<ExceptionProposal[]> {
    const at = now();
    const [config, reports, events, dismissed] = await Promise.all([
      loadEffectiveConfig(db, managed), listFalsePositiveReports(db), queryAuditEvents(db, { from: at - OVERRIDE_WINDOW_MS, decisions: ['posted_override'] }), listDismissedProposals(db),
    ]);
    const termExceptions = engineOptions(config).exceptions.filter((e) => e.kind === 'term').map((e) => e.value);
    return computeProposals({ reports, events, termExceptions, dismissed, now: at });
  }

  /** The proposal of exactly these words, or a refusal in words (it was handled elsewhere meanwhile). */
  async function proposalOf(managed: unknown, words: unknown): Promise<ExceptionProposal> {
    const found = typeof words === 'string' ? (await proposals(managed)).find((p) => p.words === words) : undefined;
    if (found === undefined) throw new Error(NO_SUCH_PROPOSAL);
    return found;
  }

  const file = (name: string, ext: string, text: string) => ({ filename: `toukou-guard-${name}-${localDate(now())}.${ext}`, text });

  return {
    async 'admin.status'({ token }, sender): Promise<SupervisorStatus> {
      if (!isOwnPage(sender)) throw new Error(NOT_FROM_PAGE);
      const managed = await deps.readManaged();
      const [pin, config] = await Promise.all([resolvePin(db, managed), loadEffectiveConfig(db, managed)]);
      const session = token !== undefined && (await sessions.check(token, now(), false)).ok;
      return { pinSet: pin.hash !== null, pinManaged: pin.managed, pinProblem: pin.problem, session, idleMs, siteEnabled: config.siteEnabled, locks: config.locks };
    },

    'admin.unlock'({ pin }, sender) {
      return open(sender, async (managed) => {
        const verdict = await checkSupervisorPin(db, typeof pin === 'string' ? pin : '', pinOptions(managed));
        if (!verdict.ok) return { ok: false, message: verdict.reason };
        return { ok: true, value: { token: await sessions.open(now()), idleMs } };
      });
    },

    'admin.firstPin'({ pin, acknowledged }, sender) {
      return open(sender, async (managed) => {
        const state = await resolvePin(db, managed);
        if (state.problem !== null) return { ok: false, message: state.problem };
        if (pinConfigured(state)) return { ok: false, message: state.managed ? PIN_IS_MANAGED : ALREADY_SET };
        if (acknowledged !== true) return { ok: false, message: NOT_ACKNOWLEDGED };
        const checked = checkPinRules(typeof pin === 'string' ? pin : '');
        if (!checked.ok) return { ok: false, message: checked.reason };
        const hash = await hashPin(checked.pin);
        // Checked again with the write: two pages setting a first PIN at once cannot both win.
        const set = await db.transaction('rw', db.settings, async () => {
          if ((await getSetting(db, 'supervisorPinHash')) !== null) return false;
          await setSetting(db, 'supervisorPinHash', hash);
          return true;
        });
        if (!set) return { ok: false, message: ALREADY_SET };
        await Promise.resolve(deps.changed()).catch(() => undefined);
        return { ok: true, value: { token: await sessions.open(now()), idleMs } };
      });
    },

    async 'admin.lock'({ token }, sender) {
      if (!isOwnPage(sender)) throw new Error(NOT_FROM_PAGE);
      return { locked: await sessions.close(token) };
    },

    'admin.touch'({ token }, sender) {
      return gated(sender, token, async () => undefined);
    },

    'admin.changePin'({ token, current, next }, sender) {
      return gated(sender, token, async (managed) => {
        const state = await resolvePin(db, managed);
        if (state.managed) throw new Error(PIN_IS_MANAGED);
        const verdict = await checkSupervisorPin(db, current, pinOptions(managed));
        if (!verdict.ok) throw new Error(verdict.locked ? verdict.reason : `いまの${verdict.reason}`);
        const checked = checkPinRules(next);
        if (!checked.ok) throw new Error(checked.reason);
        const hash = await hashPin(checked.pin);
        // Read after the check: a right PIN may just have upgraded the stored key to today's rounds.
        const key = await getSetting(db, 'supervisorPrivateKey');
        const rekeyed = key !== null ? await reencryptPrivateKey(key, current, checked.pin) : null;
        await db.transaction('rw', db.settings, async () => {
          await setSetting(db, 'supervisorPinHash', hash);
          if (rekeyed !== null) await setSetting(db, 'supervisorPrivateKey', rekeyed);
        });
        // Every other page's session ends with the old PIN.
        await sessions.closeOthers(token);
      });
    },

    'admin.snapshot'({ token }, sender) {
      return gated(sender, token, async (managed) => {
        const [config, localCategories, general, accounts, pin] = await Promise.all([
          loadEffectiveConfig(db, managed), getCategorySettings(db), getGeneralSettings(db), listAccounts(db), resolvePin(db, managed),
        ]);
        return { config, localCategories, pinManaged: pin.managed, hasSigningKey: general.supervisorPrivateKey !== null, keyFingerprint: await keyFingerprint(config.supervisorPublicKey), accounts };
      });
    },

    'admin.setCategory'({ token, category, setting }, sender) {
      if (!isCategory(category)) return Promise.resolve({ ok: false, message: `不明なカテゴリ「${String(category)}」です。` });
      return gated(sender, token, () => (setting === null ? resetCategorySetting(db, category) : setCategorySetting(db, category, setting)), { write: true, lock: `category.${category}` });
    },

    'admin.putTerm'({ token, term, originalId }, sender) {
      return gated(
        sender,
        token,
        async (managed) => {
          const config = await loadEffectiveConfig(db, managed);
          if (config.customTerms.some((t) => t.managed && t.value.id === term.id)) throw new Error(`識別名「${term.id}」は組織が配布した語で使われています。`);
          // A renamed term replaces its old row in one transaction: a refused one leaves the old in place.
          await db.transaction('rw', db.customTerms, async () => {
            if (originalId !== null && originalId !== term.id) await deleteCustomTerm(db, originalId);
            await putCustomTerm(db, term);
          });
        },
        { write: true },
      );
    },

    'admin.deleteTerm'({ token, id }, sender) {
      return gated(sender, token, () => deleteCustomTerm(db, id), { write: true });
    },

    'admin.addException'({ token, exception }, sender) {
      return gated(sender, token, async () => void (await addException(db, exception)), { write: true });
    },

    'admin.deleteException'({ token, id }, sender) {
      return gated(sender, token, () => deleteException(db, id), { write: true });
    },

    'admin.putAccount'({ token, account }, sender) {
      return gated(sender, token, () => putAccount(db, account), { write: true });
    },

    'admin.deleteAccount'({ token, id }, sender) {
      return gated(sender, token, () => deleteAccount(db, id), { write: true });
    },

    'admin.setGeneral'({ token, key, value }, sender) {
      if (!PAGE_GENERAL_KEYS.includes(key)) return Promise.resolve({ ok: false, message: `設定「${String(key)}」はここでは変えられません。` });
      if (key === 'supervisorPublicKey' && value !== null && !isPublicKeyJwk(value)) return Promise.resolve({ ok: false, message: '公開鍵の形式が不正です（EC P-256 の公開鍵 JWK）。' });
      return gated(
        sender,
        token,
        async (managed) => {
          const config = await loadEffectiveConfig(db, managed);
          if (key === 'siteEnabled') {
            const next = value as { x: boolean; facebook: boolean };
            for (const site of ['x', 'facebook'] as const) if (next[site] !== config.siteEnabled[site] && config.locks.includes(`siteEnabled.${site}`)) throw new Error(LOCKED_BY_POLICY);
            // A locked site keeps this profile's own value underneath the policy.
            const own = await getSetting(db, 'siteEnabled');
            const merged = { x: config.locks.includes('siteEnabled.x') ? own.x : next.x, facebook: config.locks.includes('siteEnabled.facebook') ? own.facebook : next.facebook };
            await setSetting(db, 'siteEnabled', merged);
            return;
          }
          if (config.locks.includes(key)) throw new Error(LOCKED_BY_POLICY);
          await setSetting(db, key, value as never);
        },
        { write: true },
      );
    },

    'admin.exportSettings'({ token }, sender) {
      return gated(sender, token, async () => file('settings', 'json', await exportSettingsJson(db, { now: now() })));
    },

    'admin.previewImport'({ token, text }, sender) {
      return gated(sender, token, async (managed) => {
        const parsed = parseSettingsJson(typeof text === 'string' ? text : '');
        if (!parsed.ok) throw new ImportRefused(parsed.message, parsed.problems);
        return previewSettingsImport(db, managed, parsed.value);
      });
    },

    'admin.applyImport'({ token, text, pin }, sender) {
      return gated(
        sender,
        token,
        async (managed) => {
          const parsed = parseSettingsJson(typeof text === 'string' ? text : '');
          if (!parsed.ok) throw new ImportRefused(parsed.message, parsed.problems);
          const verdict = await checkSupervisorPin(db, pin, pinOptions(managed));
          if (!verdict.ok) throw new Error(verdict.reason);
          const outcome = await importSettingsJson(db, text);
          if (!outcome.ok) throw new ImportRefused(outcome.message, outcome.problems);
          const f = outcome.value;
          return { message: `読み込みました（独自の語 ${f.customTerms.length}件、例外 ${f.exceptions.length}件、アカウント ${f.accounts.length}件）。` };
        },
        { write: true },
      );
    },

    'admin.exportTermsCsv'({ token }, sender) {
      return gated(sender, token, async () => file('terms', 'csv', await exportCustomTermsCsv(db)));
    },

    'admin.importTermsCsv'({ token, text, mode }, sender) {
      return gated(
        sender,
        token,
        async () => {
          const outcome = await importCustomTermsCsv(db, typeof text === 'string' ? text : '', { mode: mode === 'replace' ? 'replace' : 'merge' });
          if (!outcome.ok) throw new ImportRefused(outcome.message, outcome.problems);
          return { message: `${outcome.value.count}語を読み込みました。` };
        },
        { write: true },
      );
    },

    'admin.createSigningKey'({ token, pin }, sender) {
      return gated(sender, token, (managed) => createSupervisorKey(db, pin, now(), { managed, ...(deps.pinLimits === undefined ? {} : { pinLimits: deps.pinLimits }) }), {
        write: true,
        lock: 'supervisorPublicKey',
      });
    },

    'admin.sign'({ token, request, pin, kind, expiresInMinutes, reason }, sender) {
      return gated(sender, token, (managed) =>
        signApproval(db, request, { pin, kind, expiresInMinutes, reason, now: now(), managed, ...(deps.pinLimits === undefined ? {} : { pinLimits: deps.pinLimits }) }),
      );
    },

    'admin.refuse'({ token, request, findings, reason }, sender) {
      return gated(sender, token, (managed) => refuseRequest(db, request, { findings: Array.isArray(findings) ? findings : [] }, reason, now(), managed));
    },

    'admin.pinForPolicy'({ token }, sender) {
      return gated(sender, token, async (managed) => {
        const state = await resolvePin(db, managed);
        if (state.managed) throw new Error('PIN はすでに組織のポリシーで設定されています。');
        if (state.hash === null) throw new Error(NO_PIN_YET);
        return JSON.stringify({ supervisorPinHash: state.hash }, null, 2);
      });
    },

    'log.settings'({ token }, sender) {
      return gated(sender, token, async (managed) => {
        const config = await loadEffectiveConfig(db, managed);
        return { retentionDays: config.retentionDays, auditKeepText: config.auditKeepText, locks: config.locks };
      });
    },

    'log.query'({ token, filter }, sender) {
      return gated(sender, token, () => queryAuditEvents(db, cleanFilter(filter)));
    },

    'log.approvals'({ token }, sender) {
      // issuedAt is not indexed: the table is small (expired codes are purged a day after expiry).
      return gated(sender, token, async () => (await db.approvals.toArray()).sort((a, b) => b.issuedAt - a.issuedAt).slice(0, 50));
    },

    'log.exportCsv'({ token, filter, includeText }, sender) {
      return gated(sender, token, async () => file('audit', 'csv', await exportAuditCsv(db, cleanFilter(filter), { language: 'ja', includeText: includeText === true })));
    },

    'log.proposals'({ token }, sender) {
      return gated(sender, token, (managed) => proposals(managed));
    },

    'admin.acceptProposal'({ token, words }, sender) {
      return gated(
        sender,
        token,
        async (managed) => {
          const p = await proposalOf(managed, words);
          const why = [p.reports > 0 ? `誤検知の報告 ${p.reports}件` : '', p.overrides > 0 ? `今回は無視 ${p.overrides}回` : ''].filter((x) => x !== '').join('、');
          await addException(db, { kind: 'term', value: p.words, note: `除外の提案から追加（${why}、${localDate(now())}）` });
          await deleteReportsOf(db, p.words);
        },
        { write: true },
      );
    },

    'admin.dismissProposal'({ token, words }, sender) {
      return gated(sender, token, async (managed) => {
        const p = await proposalOf(managed, words);
        await dismissProposal(db, p.words, now());
      });
    },

    'log.setRetention'({ token, days }, sender) {
      return gated(
        sender,
        token,
        async () => {
          await setSetting(db, 'retentionDays', days);
          return (await applyRetention(db, now())).auditEvents;
        },
        { write: true, lock: 'retentionDays' },
      );
    },
  };
}
