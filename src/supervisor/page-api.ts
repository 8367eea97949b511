/**
 * The options and log pages' access to the database, the policy and the engine (the `OptionsApi`
 * and `LogApi` the components take). Browser specifics (downloads, clipboard, notifying the
 * background) come in as functions, so this runs in Node tests against fake-indexeddb.
 */
import { applyRetention } from '../audit/retention.ts';
import { exportAuditCsv } from '../audit/csv.ts';
import { queryAuditEvents } from '../audit/filter.ts';
import { weeklyFindings } from '../audit/weekly.ts';
import { localDate } from '../audit/time.ts';
import { createChecker, defaultSettings, type Checker } from '../engine/index.ts';
import { isLocked, type LockKey } from '../policy/index.ts';
import { checkPinRules, hashPin, isPublicKeyJwk, reencryptPrivateKey } from '../security/index.ts';
import { exportCustomTermsCsv, importCustomTermsCsv, importSettingsJson, exportSettingsJson, type ImportOutcome } from '../settings-io/index.ts';
import { CATEGORY_LABEL_JA } from '../shared/clauses.ts';
import type { CategorySettings } from '../shared/types.ts';
import {
  addException, customDictionaries, deleteAccount, deleteCustomTerm, deleteException, getCategorySettings, getGeneralSettings, getSetting, listAccounts,
  putAccount, putCustomTerm, resetCategorySetting, setCategorySetting, setSetting, validateAccount, validateCustomTerms,
  type CustomTerm, type ToukouGuardDB,
} from '../storage/index.ts';
import type { ImportResult, LogApi, OptionsApi, Result } from '../ui/options/api.ts';
import { engineOptions, loadEffectiveConfig } from './config.ts';
import { checkSupervisorPin, pinProblem, type PinLimits } from './pin-guard.ts';
import { createSupervisorKey, openRequest, refuseRequest, signApproval } from './signing.ts';

export interface PageDeps {
  db: ToukouGuardDB;
  readManaged: () => Promise<unknown>;
  /** Tells the background (and through it the open tabs) that the settings changed. */
  notifyChanged: () => void;
  download: (filename: string, text: string, mime: string) => void;
  copy: (text: string) => Promise<void>;
  openLog: () => void;
  openOptions: () => void;
  print: () => void;
  now?: () => number;
  /** The wrong-PIN limits (tests shorten them); the count itself is in the database, shared with every page. */
  pinLimits?: PinLimits;
}

function fail(error: unknown): { ok: false; message: string } {
  return { ok: false, message: error instanceof Error ? error.message : String(error) };
}

async function attempt<T>(run: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return fail(error);
  }
}

function importResult<T>(outcome: ImportOutcome<T>, okMessage: (value: T) => string): ImportResult {
  return outcome.ok ? { ok: true, message: okMessage(outcome.value), problems: [] } : { ok: false, message: outcome.message, problems: outcome.problems };
}

function pinOptions(deps: PageDeps): { now: number; limits?: PinLimits } {
  const options: { now: number; limits?: PinLimits } = { now: (deps.now ?? Date.now)() };
  if (deps.pinLimits !== undefined) options.limits = deps.pinLimits;
  return options;
}

export function createOptionsApi(deps: PageDeps): OptionsApi {
  const { db } = deps;
  const now = deps.now ?? Date.now;
  const checkers = new Map<string, Checker>();
  let customCache: { options: ReturnType<typeof engineOptions> } | null = null;
  /** Every term in force (managed and local), for validating a new one against the others. */
  let termsCache: CustomTerm[] = [];

  async function locks(): Promise<LockKey[]> {
    return (await loadEffectiveConfig(db, await deps.readManaged())).locks;
  }
  /** Writes go through here: refused when the policy locks the key, and the background is told after. */
  async function write(lock: LockKey | null, run: () => Promise<void>): Promise<Result> {
    if (lock !== null && (await locks()).includes(lock)) return { ok: false, message: 'この項目は組織のポリシーで固定されています。' };
    const r = await attempt(run);
    if (r.ok) deps.notifyChanged();
    return r;
  }

  async function refreshCustom(): Promise<void> {
    const config = await loadEffectiveConfig(db, await deps.readManaged());
    customCache = { options: engineOptions(config) };
    termsCache = config.customTerms.map((t) => t.value);
    checkers.clear();
  }

  function checkerFor(settings: Partial<CategorySettings>): Checker {
    const key = JSON.stringify(settings);
    let c = checkers.get(key);
    if (c === undefined) {
      const options = customCache?.options;
      c = createChecker({ tokenizer: null, settings, dictionaries: options?.dictionaries ?? [], exceptions: options?.exceptions ?? [] });
      if (checkers.size > 16) checkers.clear();
      checkers.set(key, c);
    }
    return c;
  }

  const api: OptionsApi = {
    async load() {
      const managed = await deps.readManaged();
      const [config, localCategories, general, accounts] = await Promise.all([loadEffectiveConfig(db, managed), getCategorySettings(db), getGeneralSettings(db), listAccounts(db)]);
      customCache = { options: engineOptions(config) };
      termsCache = config.customTerms.map((t) => t.value);
      checkers.clear();
      return { config, localCategories, defaults: defaultSettings(), pinSet: general.supervisorPinHash !== null, hasSigningKey: general.supervisorPrivateKey !== null, accounts };
    },
    async verifyPin(pin) {
      // OptionsApi.verifyPin answers a boolean: until it carries a reason, a lockout reads as a wrong PIN.
      return (await checkSupervisorPin(db, pin, pinOptions(deps))).ok;
    },
    async setPin(pin, current) {
      return attempt(async () => {
        const stored = await getSetting(db, 'supervisorPinHash');
        if (stored !== null) {
          if (current === null) throw new Error('いまの PIN が違います。');
          const verdict = await checkSupervisorPin(db, current, pinOptions(deps));
          if (!verdict.ok) throw new Error(verdict.locked ? verdict.reason : 'いまの PIN が違います。');
        }
        const checked = checkPinRules(pin);
        if (!checked.ok) throw new Error(checked.reason);
        const hash = await hashPin(pin);
        // Read after the check: a right PIN may just have upgraded the stored key to today's rounds.
        const key = await getSetting(db, 'supervisorPrivateKey');
        const rekeyed = key !== null && current !== null ? await reencryptPrivateKey(key, current, pin) : null;
        await db.transaction('rw', db.settings, async () => {
          await setSetting(db, 'supervisorPinHash', hash);
          if (rekeyed !== null) await setSetting(db, 'supervisorPrivateKey', rekeyed);
        });
      });
    },
    preview(text, settings) {
      return checkerFor(settings).check(text);
    },
    setCategory(category, setting) {
      return write(`category.${category}`, () => (setting === null ? resetCategorySetting(db, category) : setCategorySetting(db, category, setting)));
    },
    validateTerm(term, originalId) {
      // Validated with the others, so an id already taken is reported in place too.
      const others = termsCache.filter((t) => t.id !== originalId && t.id !== term.id);
      const problems = validateCustomTerms([term, ...others]).filter((p) => p.index === 0);
      if (termsCache.some((t) => t.id === term.id && t.id !== originalId)) problems.push({ index: 0, field: 'id', message: `識別名「${term.id}」はすでに使われています。` });
      return problems;
    },
    putTerm(term, originalId) {
      return write(null, async () => {
        const config = await loadEffectiveConfig(db, await deps.readManaged());
        if (config.customTerms.some((t) => t.managed && t.value.id === term.id)) throw new Error(`識別名「${term.id}」は組織が配布した語で使われています。`);
        if (originalId !== null && originalId !== term.id) await deleteCustomTerm(db, originalId);
        await putCustomTerm(db, term);
        await refreshCustom();
      });
    },
    deleteTerm(id) {
      return write(null, async () => {
        await deleteCustomTerm(db, id);
        await refreshCustom();
      });
    },
    addException(e) {
      return write(null, async () => {
        await addException(db, e);
        await refreshCustom();
      });
    },
    deleteException(id) {
      return write(null, async () => {
        await deleteException(db, id);
        await refreshCustom();
      });
    },
    validateAccount: (a) => validateAccount(a),
    async putAccount(a) {
      const r = await attempt(() => putAccount(db, a));
      if (r.ok) deps.notifyChanged();
      return r;
    },
    deleteAccount(id) {
      return write(null, () => deleteAccount(db, id));
    },
    setGeneral(key, value) {
      if (key === 'supervisorPublicKey' && value !== null && !isPublicKeyJwk(value)) return Promise.resolve({ ok: false, message: '公開鍵の形式が不正です（EC P-256 の公開鍵 JWK）。' });
      return write(null, async () => {
        const current = await locks();
        if (key === 'siteEnabled') {
          const before = (await loadEffectiveConfig(db, await deps.readManaged())).siteEnabled;
          const next = value as { x: boolean; facebook: boolean };
          for (const site of ['x', 'facebook'] as const) if (next[site] !== before[site] && current.includes(`siteEnabled.${site}`)) throw new Error('この項目は組織のポリシーで固定されています。');
        } else if (current.includes(key as LockKey)) throw new Error('この項目は組織のポリシーで固定されています。');
        await setSetting(db, key, value);
      });
    },
    async exportSettings() {
      deps.download(`toukou-guard-settings-${localDate(now())}.json`, await exportSettingsJson(db, { now: now() }), 'application/json');
    },
    async importSettings(text) {
      const outcome = await importSettingsJson(db, text);
      if (outcome.ok) {
        await refreshCustom();
        deps.notifyChanged();
      }
      return importResult(outcome, (f) => `読み込みました（独自の語 ${f.customTerms.length}件、例外 ${f.exceptions.length}件、アカウント ${f.accounts.length}件）。`);
    },
    async exportTermsCsv() {
      return attempt(async () => deps.download(`toukou-guard-terms-${localDate(now())}.csv`, await exportCustomTermsCsv(db), 'text/csv'));
    },
    async importTermsCsv(text, mode) {
      const outcome = await importCustomTermsCsv(db, text, { mode });
      if (outcome.ok) {
        await refreshCustom();
        deps.notifyChanged();
      }
      return importResult(outcome, (v) => `${v.count}語を読み込みました。`);
    },
    createSigningKey(pin) {
      return attempt(async () => {
        if ((await locks()).includes('supervisorPublicKey')) throw new Error('公開鍵は組織のポリシーで固定されているため、この端末で鍵を作れません。');
        const key = await createSupervisorKey(db, pin, now());
        deps.notifyChanged();
        return key;
      });
    },
    async openRequest(text) {
      const opened = await openRequest(text);
      if (!opened.ok) return { ok: false, message: opened.reason };
      const platform = opened.request.site === 'facebook' ? 'facebook' : 'x';
      const settings = (await loadEffectiveConfig(db, await deps.readManaged())).settings;
      return { ok: true, value: { request: opened.request, result: checkerFor(settings).check(opened.request.text, { platform }) } };
    },
    approve(request, options) {
      return attempt(() => signApproval(db, request, { ...options, now: now(), ...(deps.pinLimits === undefined ? {} : { pinLimits: deps.pinLimits }) }));
    },
    refuse(request, result, reason) {
      return attempt(() => refuseRequest(db, request, result, reason, now()));
    },
    copy: (text) => deps.copy(text),
    openLog: () => deps.openLog(),
    print: () => deps.print(),
  };
  return api;
}

export function createLogApi(deps: PageDeps): LogApi {
  const { db } = deps;
  const now = deps.now ?? Date.now;
  return {
    query: (filter) => queryAuditEvents(db, filter),
    weekly: (events) => weeklyFindings(events),
    // issuedAt is not indexed: the table is small (expired codes are purged a day after expiry).
    approvals: async () => (await db.approvals.toArray()).sort((a, b) => b.issuedAt - a.issuedAt).slice(0, 50),
    async exportCsv(filter, includeText) {
      deps.download(`toukou-guard-audit-${localDate(now())}.csv`, await exportAuditCsv(db, filter, { language: 'ja', includeText }), 'text/csv');
    },
    async settings() {
      const config = await loadEffectiveConfig(db, await deps.readManaged());
      const pin = await getSetting(db, 'supervisorPinHash');
      return { retentionDays: config.retentionDays, auditKeepText: config.auditKeepText, locks: config.locks, pinSet: pin !== null };
    },
    async setRetention(days, pin) {
      return attempt(async () => {
        const config = await loadEffectiveConfig(db, await deps.readManaged());
        if (isLocked(config, 'retentionDays')) throw new Error('保存期間は組織のポリシーで固定されています。');
        const problem = await pinProblem(db, pin, pinOptions(deps));
        if (problem !== null) throw new Error(problem);
        await setSetting(db, 'retentionDays', days);
        deps.notifyChanged();
        return (await applyRetention(db, now())).auditEvents;
      });
    },
    openOptions: () => deps.openOptions(),
  };
}
