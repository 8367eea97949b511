/**
 * Reads the raw object from chrome.storage.managed. Each part is checked on its own: a broken part
 * is left out and reported (the rest still applies), so one typo by the IT department does not
 * silently unlock everything else. Values are checked with the same validators as local settings.
 */
import { isPublicKeyJwk } from '../security/keys.ts';
import { isCategory, type Platform } from '../shared/types.ts';
import { exceptionProblem } from '../storage/exceptions.ts';
import { parseStoredCategorySetting } from '../storage/db.ts';
import { validateCustomTerms } from '../storage/custom-terms.ts';
import { isValidSetting } from '../storage/settings.ts';
import type { CustomTerm, ExceptionKind } from '../storage/types.ts';
import type { ManagedPolicy, PolicyProblem } from './types.ts';

const PLATFORMS: readonly Platform[] = ['x', 'facebook'];
/** `supervisorPinHash` is read by src/supervisor/pin-config.ts, which fails closed on a hash it cannot use. */
const KNOWN = ['categories', 'customTerms', 'exceptions', 'supervisorPublicKey', 'supervisorPinHash', 'siteEnabled', 'auditKeepText', 'retentionDays'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function parseManagedPolicy(raw: unknown): { policy: ManagedPolicy; problems: PolicyProblem[] } {
  const policy: ManagedPolicy = {};
  const problems: PolicyProblem[] = [];
  const p = (path: string, message: string) => void problems.push({ path, message });
  if (raw === undefined || raw === null) return { policy, problems };
  if (!isRecord(raw)) return { policy, problems: [{ path: '', message: '組織のポリシーはオブジェクトです。' }] };

  for (const key of Object.keys(raw)) if (!KNOWN.includes(key)) p(key, `不明な項目「${key}」です（無視しました）。`);

  const categories = raw['categories'];
  if (categories !== undefined) {
    if (!isRecord(categories)) p('categories', 'オブジェクトで指定してください。');
    else {
      const out: NonNullable<ManagedPolicy['categories']> = {};
      for (const [key, value] of Object.entries(categories)) {
        if (!isCategory(key)) { p(`categories.${key}`, `不明なカテゴリ「${key}」です。`); continue; }
        const setting = parseStoredCategorySetting(value);
        // A threshold out of range would silently become the default: refuse it instead.
        if (setting === null || (isRecord(value) && value['threshold'] !== undefined && value['threshold'] !== setting.threshold)) {
          p(`categories.${key}`, 'sensitivity は auto / block / warn / info / off、threshold は 0〜1 の数です。');
        } else out[key] = setting;
      }
      if (Object.keys(out).length > 0) policy.categories = out;
    }
  }

  const terms = raw['customTerms'];
  if (terms !== undefined) {
    if (!Array.isArray(terms)) p('customTerms', '配列で指定してください。');
    else {
      const termProblems = validateCustomTerms(terms);
      for (const tp of termProblems) p(`customTerms[${tp.index}]${tp.field === '' ? '' : '.' + tp.field}`, tp.message);
      const bad = new Set(termProblems.map((tp) => tp.index));
      const ok = terms.filter((_, i) => !bad.has(i)) as CustomTerm[];
      if (ok.length > 0) policy.customTerms = ok;
    }
  }

  const exceptions = raw['exceptions'];
  if (exceptions !== undefined) {
    if (!Array.isArray(exceptions)) p('exceptions', '配列で指定してください。');
    else {
      const ok: NonNullable<ManagedPolicy['exceptions']> = [];
      exceptions.forEach((e, i) => {
        if (!isRecord(e)) { p(`exceptions[${i}]`, 'オブジェクトで指定してください。'); return; }
        const problem = exceptionProblem({ kind: e['kind'], value: e['value'], note: e['note'] });
        if (problem !== null) { p(`exceptions[${i}]`, problem); return; }
        const item: { kind: ExceptionKind; value: string; note?: string } = { kind: e['kind'] as ExceptionKind, value: e['value'] as string };
        if (typeof e['note'] === 'string') item.note = e['note'];
        ok.push(item);
      });
      if (ok.length > 0) policy.exceptions = ok;
    }
  }

  const key = raw['supervisorPublicKey'];
  if (key !== undefined) {
    if (isPublicKeyJwk(key)) policy.supervisorPublicKey = key;
    else p('supervisorPublicKey', '公開鍵の形式が不正です（EC P-256 の公開鍵 JWK。秘密鍵は入れないでください）。');
  }

  const sites = raw['siteEnabled'];
  if (sites !== undefined) {
    if (!isRecord(sites)) p('siteEnabled', 'オブジェクトで指定してください。');
    else {
      const out: NonNullable<ManagedPolicy['siteEnabled']> = {};
      for (const [site, on] of Object.entries(sites)) {
        if (!(PLATFORMS as readonly string[]).includes(site)) p(`siteEnabled.${site}`, `不明なサイト「${site}」です。`);
        else if (typeof on !== 'boolean') p(`siteEnabled.${site}`, 'true か false です。');
        else out[site as 'x' | 'facebook'] = on;
      }
      if (Object.keys(out).length > 0) policy.siteEnabled = out;
    }
  }

  for (const k of ['auditKeepText', 'retentionDays'] as const) {
    const v = raw[k];
    if (v === undefined) continue;
    if (isValidSetting(k, v)) (policy as Record<string, unknown>)[k] = v;
    else p(k, k === 'auditKeepText' ? 'true か false です。' : '1〜3650 の整数（日数）です。');
  }
  return { policy, problems };
}
