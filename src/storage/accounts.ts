/** Official accounts and their usage policy (様式１, guideline (4)① `4-1-policy`). */
import type { Platform } from '../shared/types.ts';
import type { ToukouGuardDB } from './db.ts';
import type { AccountRecord, Unsaved } from './types.ts';
import { SITES } from '../sites/registry.ts';

export interface AccountProblem {
  field: keyof AccountRecord | 'period.start' | 'period.end';
  message: string;
}

/** The 様式１ label of each field, for messages and forms. */
export const ACCOUNT_FIELD_LABEL_JA: Record<Exclude<keyof AccountRecord, 'id'>, string> = {
  name: '発信情報の名称',
  platform: 'ソーシャルメディア',
  handle: 'アカウント',
  url: '登録ＵＲＬ',
  purpose: '開設の目的',
  content: '発信情報の内容',
  period: '運用期間',
  replyPolicy: '利用者の書き込みに対する返信',
  operator: '運用者',
  contact: '連絡先',
};

const PLATFORM_HOSTS: Record<Platform, readonly string[]> = Object.fromEntries(SITES.map((s) => [s.id, s.accountHosts])) as Record<Platform, readonly string[]>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Every required 様式１ field filled in, the URL on the platform's own host, the period in order. */
export function validateAccount(a: Unsaved<AccountRecord>): AccountProblem[] {
  const problems: AccountProblem[] = [];
  for (const field of ['name', 'handle', 'url', 'purpose', 'content', 'replyPolicy', 'operator', 'contact'] as const) {
    if (typeof a[field] !== 'string' || a[field].trim() === '') problems.push({ field, message: `${ACCOUNT_FIELD_LABEL_JA[field]}を入力してください。` });
  }
  if (a.platform !== 'x' && a.platform !== 'facebook') problems.push({ field: 'platform', message: 'ソーシャルメディアは x か facebook です。' });
  if (typeof a.handle === 'string' && a.handle.startsWith('@')) problems.push({ field: 'handle', message: 'アカウントは @ を付けずに入力してください。' });
  if (typeof a.url === 'string' && a.url.trim() !== '' && (a.platform === 'x' || a.platform === 'facebook')) {
    let host: string | null = null;
    try {
      const u = new URL(a.url);
      host = u.protocol === 'https:' ? u.hostname : null;
    } catch {
      host = null;
    }
    if (host === null || !PLATFORM_HOSTS[a.platform].includes(host)) problems.push({ field: 'url', message: `登録ＵＲＬは ${PLATFORM_HOSTS[a.platform][0]} の https:// アドレスです。` });
  }
  if (typeof a.period !== 'object' || a.period === null || typeof a.period.start !== 'string' || !isDate(a.period.start)) {
    problems.push({ field: 'period.start', message: '運用開始日を YYYY-MM-DD で入力してください。' });
  } else if (a.period.end !== undefined && (!isDate(a.period.end) || a.period.end < a.period.start)) {
    problems.push({ field: 'period.end', message: '運用終了日は運用開始日以降の YYYY-MM-DD です。' });
  }
  return problems;
}

export class AccountInvalidError extends Error {
  constructor(readonly problems: AccountProblem[]) {
    super(problems.map((p) => p.message).join('\n'));
    this.name = 'AccountInvalidError';
  }
}

export async function listAccounts(db: ToukouGuardDB): Promise<AccountRecord[]> {
  return db.accounts.orderBy('id').toArray();
}

/** Adds or updates (by id) one account; returns its id. */
export async function putAccount(db: ToukouGuardDB, account: Unsaved<AccountRecord>): Promise<number> {
  const problems = validateAccount(account);
  if (problems.length > 0) throw new AccountInvalidError(problems);
  return db.accounts.put({ ...account });
}

export async function deleteAccount(db: ToukouGuardDB, id: number): Promise<void> {
  await db.accounts.delete(id);
}

export async function findAccount(db: ToukouGuardDB, platform: Platform, handle: string): Promise<AccountRecord | undefined> {
  return db.accounts.where('[platform+handle]').equals([platform, handle.replace(/^@/, '')]).first();
}

/** Whether the account is in its 運用期間 on this date (YYYY-MM-DD, local to the city: JST). */
export function isAccountActive(account: AccountRecord, date: string): boolean {
  return account.period.start <= date && (account.period.end === undefined || date <= account.period.end);
}
