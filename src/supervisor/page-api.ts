/**
 * The options and log pages' side of the supervisor boundary (the `OptionsApi` and `LogApi` the
 * components take). The pages hold no database handle: every read of the supervisor's data and
 * every write goes to the background (admin.ts) with this page's PIN session token, kept in the
 * page's memory only (a reload asks for the PIN again). What runs here is what needs no data: the
 * preview checker under the settings being edited, field validation, opening a request.
 * Browser specifics (messages, downloads, the clipboard) come in as functions, so this runs in
 * Node tests with the background's table called directly.
 */
import { weeklyFindings } from '../audit/weekly.ts';
import { createChecker, defaultSettings, type Checker } from '../engine/index.ts';
import type { Send } from '../messaging/client.ts';
import type { AdminProtocol, AdminResult, PageProtocol } from '../messaging/supervisor-protocol.ts';
import type { ProtocolRequest, ProtocolResponse } from '../messaging/protocol.ts';
import { parseApprovalRequest } from '../security/approval.ts';
import type { CategorySettings } from '../shared/types.ts';
import { validateAccount } from '../storage/accounts.ts';
import { validateCustomTerms } from '../storage/custom-terms.ts';
import type { CustomTerm } from '../storage/types.ts';
import type { ImportPreviewResult, ImportResult, OptionsApi, Result, SessionApi } from '../ui/options/api.ts';
import type { LogPageApi } from '../ui/log/api.ts';
import { engineOptions } from './engine-options.ts';

export type AdminSend = Send<AdminProtocol>;
export type PageSend = Send<PageProtocol>;

export interface PageDeps {
  /** The background's AdminProtocol (createClient in the extension; the table itself in tests). */
  admin: AdminSend;
  /** The background's PageProtocol (full checks); absent in tests that need none. */
  page?: PageSend;
  download: (filename: string, text: string, mime: string) => void;
  copy: (text: string) => Promise<void>;
  openLog: () => void;
  openOptions: () => void;
  print: () => void;
  now?: () => number;
}

/** No answer from the background at all (the worker failed to start, the extension was reloaded). */
export function unreachable(error: unknown): string {
  return `投稿ガードの内部処理と通信できませんでした（${error instanceof Error ? error.message : String(error)}）。もう一度お試しください。直らないときはページを開き直してください。`;
}

const SESSION_NEEDED = '所属長の PIN を入力してください。';
/** Keep-alive messages at most this often while the person works in the page. */
const KEEP_ALIVE_EVERY_MS = 60_000;

type GatedType = { [K in keyof AdminProtocol]: ProtocolRequest<AdminProtocol, K> extends { token: string } ? K : never }[keyof AdminProtocol];
type ValueOf<K extends keyof AdminProtocol> = ProtocolResponse<AdminProtocol, K> extends AdminResult<infer T> ? T : never;

/** This page's PIN session: the token, the calls that carry it, and who to tell when it ends. */
export function adminChannel(deps: Pick<PageDeps, 'admin' | 'now'>) {
  const now = deps.now ?? Date.now;
  let token: string | null = null;
  let lastKeepAlive = 0;
  const listeners = new Set<(message: string) => void>();
  const ended = (message: string) => {
    token = null;
    for (const l of listeners) l(message);
  };

  async function call<K extends GatedType>(type: K, data: Omit<ProtocolRequest<AdminProtocol, K>, 'token'>): Promise<AdminResult<ValueOf<K>>> {
    if (token === null) return { ok: false, message: SESSION_NEEDED, needsPin: true };
    try {
      const reply = (await deps.admin(type, { ...data, token } as ProtocolRequest<AdminProtocol, K>)) as AdminResult<ValueOf<K>>;
      if (!reply.ok && reply.needsPin === true) ended(reply.message);
      return reply;
    } catch (error) {
      return { ok: false, message: unreachable(error) };
    }
  }

  const session: SessionApi = {
    async status() {
      try {
        return { ok: true, value: await deps.admin('admin.status', token === null ? {} : { token }) };
      } catch (error) {
        return { ok: false, message: unreachable(error) };
      }
    },
    async unlock(pin) {
      try {
        const reply = await deps.admin('admin.unlock', { pin });
        if (!reply.ok) return { ok: false, message: reply.message };
        token = reply.value.token;
        lastKeepAlive = now();
        return { ok: true, value: undefined };
      } catch (error) {
        return { ok: false, message: unreachable(error) };
      }
    },
    async lock() {
      const t = token;
      token = null;
      if (t !== null) await deps.admin('admin.lock', { token: t }).catch(() => undefined);
    },
    keepAlive() {
      if (token === null || now() - lastKeepAlive < KEEP_ALIVE_EVERY_MS) return;
      lastKeepAlive = now();
      void call('admin.touch', {});
    },
    onSessionEnd(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };

  return {
    call,
    session,
    /** The first PIN opens a session too. */
    adopt(next: string) {
      token = next;
      lastKeepAlive = now();
    },
  };
}

function toResult<T>(r: AdminResult<T>): Result<T> {
  if (r.ok) return r;
  return r.needsPin === true ? { ok: false, message: r.message, needsPin: true } : { ok: false, message: r.message };
}

function toImportResult(r: AdminResult<{ message: string }>): ImportResult {
  if (r.ok) return { ok: true, message: r.value.message, problems: [] };
  const out: ImportResult = { ok: false, message: r.message, problems: r.problems ?? [] };
  if (r.needsPin === true) out.needsPin = true;
  return out;
}

export function createOptionsApi(deps: PageDeps): OptionsApi {
  const channel = adminChannel(deps);
  const { call } = channel;
  const checkers = new Map<string, Checker>();
  let custom: ReturnType<typeof engineOptions> | null = null;
  /** Every term in force (managed and local), for validating a new one against the others. */
  let termsCache: CustomTerm[] = [];

  function checkerFor(settings: Partial<CategorySettings>): Checker {
    const key = JSON.stringify(settings);
    let c = checkers.get(key);
    if (c === undefined) {
      c = createChecker({ tokenizer: null, settings, dictionaries: custom?.dictionaries ?? [], exceptions: custom?.exceptions ?? [] });
      if (checkers.size > 16) checkers.clear();
      checkers.set(key, c);
    }
    return c;
  }

  const download = async (type: 'admin.exportSettings' | 'admin.exportTermsCsv', mime: string): Promise<Result> => {
    const r = await call(type, {});
    if (!r.ok) return toResult(r);
    try {
      deps.download(r.value.filename, r.value.text, mime);
      return { ok: true, value: undefined };
    } catch (error) {
      return { ok: false, message: `ファイルを保存できませんでした（${error instanceof Error ? error.message : String(error)}）。もう一度お試しください。` };
    }
  };

  return {
    ...channel.session,
    async setFirstPin(pin, acknowledged) {
      try {
        const reply = await deps.admin('admin.firstPin', { pin, acknowledged });
        if (!reply.ok) return { ok: false, message: reply.message };
        channel.adopt(reply.value.token);
        return { ok: true, value: undefined };
      } catch (error) {
        return { ok: false, message: unreachable(error) };
      }
    },
    async load() {
      const r = await call('admin.snapshot', {});
      if (!r.ok) return toResult(r);
      custom = engineOptions(r.value.config);
      termsCache = r.value.config.customTerms.map((t) => t.value);
      checkers.clear();
      return { ok: true, value: { ...r.value, defaults: defaultSettings(), pinSet: true } };
    },
    async changePin(current, next) {
      return toResult(await call('admin.changePin', { current, next }));
    },
    preview(text, settings) {
      return checkerFor(settings).check(text);
    },
    async setCategory(category, setting) {
      return toResult(await call('admin.setCategory', { category, setting }));
    },
    validateTerm(term, originalId) {
      // Validated with the others, so an id already taken is reported in place too.
      const others = termsCache.filter((t) => t.id !== originalId && t.id !== term.id);
      const problems = validateCustomTerms([term, ...others]).filter((p) => p.index === 0);
      if (termsCache.some((t) => t.id === term.id && t.id !== originalId)) problems.push({ index: 0, field: 'id', message: `識別名「${term.id}」はすでに使われています。` });
      return problems;
    },
    async putTerm(term, originalId) {
      return toResult(await call('admin.putTerm', { term, originalId }));
    },
    async deleteTerm(id) {
      return toResult(await call('admin.deleteTerm', { id }));
    },
    async addException(exception) {
      return toResult(await call('admin.addException', { exception }));
    },
    async deleteException(id) {
      return toResult(await call('admin.deleteException', { id }));
    },
    validateAccount: (a) => validateAccount(a),
    async putAccount(account) {
      return toResult(await call('admin.putAccount', { account }));
    },
    async deleteAccount(id) {
      return toResult(await call('admin.deleteAccount', { id }));
    },
    async setGeneral(key, value) {
      return toResult(await call('admin.setGeneral', { key, value }));
    },
    exportSettings: () => download('admin.exportSettings', 'application/json'),
    async previewImport(text): Promise<ImportPreviewResult> {
      const r = await call('admin.previewImport', { text });
      if (r.ok) return { ok: true, preview: r.value };
      return { ...toImportResult(r), ok: false };
    },
    async applyImport(text, pin) {
      return toImportResult(await call('admin.applyImport', { text, pin }));
    },
    exportTermsCsv: () => download('admin.exportTermsCsv', 'text/csv'),
    async importTermsCsv(text, mode) {
      return toImportResult(await call('admin.importTermsCsv', { text, mode }));
    },
    async createSigningKey(pin) {
      return toResult(await call('admin.createSigningKey', { pin }));
    },
    async openRequest(text) {
      try {
        const parsed = await parseApprovalRequest(text);
        if (!parsed.ok) return { ok: false, message: parsed.reason };
        const platform = parsed.request.site === 'facebook' ? 'facebook' : 'x';
        // Re-checked here under the settings in force (read at load), never taken from the request.
        return { ok: true, value: { request: parsed.request, result: checkerFor(custom?.settings ?? {}).check(parsed.request.text, { platform }) } };
      } catch (error) {
        return { ok: false, message: `依頼を開けませんでした（${error instanceof Error ? error.message : String(error)}）。` };
      }
    },
    async approve(request, options) {
      return toResult(await call('admin.sign', { request, ...options }));
    },
    async refuse(request, result, reason) {
      return toResult(await call('admin.refuse', { request, findings: result.findings, reason }));
    },
    async pinForPolicy() {
      return toResult(await call('admin.pinForPolicy', {}));
    },
    async copy(text) {
      try {
        await deps.copy(text);
        return { ok: true, value: undefined };
      } catch (error) {
        return { ok: false, message: `コピーできませんでした（${error instanceof Error ? error.message : String(error)}）。文字を選んでコピーしてください。` };
      }
    },
    openLog: () => deps.openLog(),
    print: () => deps.print(),
  };
}

export function createLogApi(deps: PageDeps): LogPageApi {
  const channel = adminChannel(deps);
  const { call } = channel;
  return {
    ...channel.session,
    async query(filter) {
      return toResult(await call('log.query', { filter }));
    },
    weekly: (events) => weeklyFindings(events),
    async approvals() {
      return toResult(await call('log.approvals', {}));
    },
    async exportCsv(filter, includeText) {
      const r = await call('log.exportCsv', { filter, includeText });
      if (!r.ok) return toResult(r);
      try {
        deps.download(r.value.filename, r.value.text, 'text/csv');
        return { ok: true, value: undefined };
      } catch (error) {
        return { ok: false, message: `ファイルを保存できませんでした（${error instanceof Error ? error.message : String(error)}）。もう一度お試しください。` };
      }
    },
    async settings() {
      return toResult(await call('log.settings', {}));
    },
    async setRetention(days) {
      return toResult(await call('log.setRetention', { days }));
    },
    async proposals() {
      return toResult(await call('log.proposals', {}));
    },
    async acceptProposal(words) {
      return toResult(await call('admin.acceptProposal', { words }));
    },
    async dismissProposal(words) {
      return toResult(await call('admin.dismissProposal', { words }));
    },
    openOptions: () => deps.openOptions(),
  };
}
