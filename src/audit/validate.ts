/**
 * What the background accepts from a content script as an audit event (issue #8 §6). The content
 * script runs in the site's page process, so everything it sends is checked field by field here
 * before anything is stored, and a malformed or forged event is refused whole (`AuditRejected`).
 *
 * Which decisions a content script may send — only what the gate itself decides in the tab:
 * - `posted_clean`  nothing at warn or above; one that comes with a warn or block severity is
 *   stored as `posted_override` with `ANOMALY_CLEAN_WITH_FINDINGS` (the post went out: keeping
 *   the record, said for what it is, is worth more than refusing it);
 * - `posted_override`  posted over warn findings with a reason; over a block finding it is stored
 *   with `ANOMALY_OVERRIDE_OVER_BLOCK`;
 * - `posted_with_approval`  a CLAIM that an approval opened the gate: the background stores it as
 *   such only when it finds an approval it granted itself for this text, account and site, unused
 *   and unexpired, and uses it up (`persistGateEvent` in src/supervisor/gate-handlers.ts); a
 *   release found there is stored as `released`; without one it is stored as `posted_override`
 *   with a note that no approval was on record;
 * - `blocked`  held (by a block finding, or because the text could not be checked);
 * - `abandoned`  held, then the box or the page went away.
 * Never from a content script: `released` and `approval_refused`, which only the background writes
 * (src/supervisor/approvals.ts and the consumption above). The record's time is the background's,
 * or the time of the press when the tab sends one that is not in the future and under a day old
 * (an event queued while the worker was stopped).
 */
import { CLAUSES } from '../shared/clauses.ts';
import { CATEGORIES, SEVERITIES, type Category, type Platform, type Severity } from '../shared/types.ts';
import { sha256Hex, SHA256_HEX_PATTERN } from '../security/hash.ts';
import type { AuditAppend } from '../messaging/protocol.ts';

export const ANOMALY_CLEAN_WITH_FINDINGS = '記録の訂正: タブは「指摘なしで投稿」と報告しましたが、注意または禁止の指摘がありました。';
export const ANOMALY_OVERRIDE_OVER_BLOCK = '記録の注記: 禁止の指摘がある投稿が、所属長の解除なしに本人の確認で投稿されたと報告されました。';

/** The decisions a content script may send; see the file comment. */
export const CONTENT_AUDIT_DECISIONS = ['posted_clean', 'posted_with_approval', 'posted_override', 'blocked', 'abandoned'] as const;
export type ContentAuditDecision = (typeof CONTENT_AUDIT_DECISIONS)[number];

export const MAX_AUDIT_ACCOUNT_LENGTH = 100;
/** Facebook allows 63,206 characters in a post; nothing longer is a post. */
export const MAX_AUDIT_TEXT_LENGTH = 70_000;
/** A longer reason is cut here (the person typed it; losing the record over its length would be worse). */
export const MAX_AUDIT_REASON_LENGTH = 2000;
/** A press time may be this far ahead of the background's clock (the same machine: rounding only). */
export const AUDIT_FUTURE_TOLERANCE_MS = 60_000;
/** …and at most this old (an event queued in the tab while the worker was stopped). */
export const AUDIT_MAX_AGE_MS = 24 * 60 * 60 * 1000;
const EVENT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** An audit event as a content script may send it: `AuditAppend` (src/messaging/protocol.ts), with the decisions a tab may take. */
export type GateEventInput = Omit<AuditAppend, 'decision'> & { decision: ContentAuditDecision };

const FIELDS = new Set<string>(['site', 'decision', 'account', 'text', 'categories', 'clauses', 'severities', 'textHash', 'reason', 'mediaConfirmed', 'pressedAt', 'eventId']);
const CLAUSE_IDS = new Set(CLAUSES.map((c) => c.id));
// C0 controls and DEL, except tab, LF and CR, which a typed reason or a post may hold.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** The error's name; a refusal crosses the message channel as the text `AuditRejected: …`. */
export const AUDIT_REJECTED = 'AuditRejected';

/** True for a refusal (final: sending the same event again cannot help), from the error text the tab receives. */
export function isAuditRejection(message: string): boolean {
  return message.startsWith(`${AUDIT_REJECTED}:`);
}

export class AuditRejected extends Error {
  constructor(
    readonly field: string,
    readonly detail: string,
  ) {
    super(`記録を受け付けませんでした（${field}: ${detail}）`);
    this.name = AUDIT_REJECTED;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringList<T extends string>(value: unknown, field: string, known: (s: string) => boolean): T[] {
  if (!Array.isArray(value)) throw new AuditRejected(field, '配列ではありません');
  if (value.length > 64) throw new AuditRejected(field, '多すぎます');
  const seen = new Set<string>();
  for (const item of value) {
    if (typeof item !== 'string' || !known(item)) throw new AuditRejected(field, `不明な値 ${JSON.stringify(item).slice(0, 40)}`);
    if (seen.has(item)) throw new AuditRejected(field, `重複 ${item}`);
    seen.add(item);
  }
  return value as T[];
}

function optionalString(value: unknown, field: string, max: number): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new AuditRejected(field, '文字列ではありません');
  if (value.length > max) throw new AuditRejected(field, `${max}文字を超えています`);
  return value;
}

/**
 * Checks every field of what a content script sent and answers a fresh copy holding only the
 * known fields, with the time to record (`now`, or the press time when it is sane). Throws
 * `AuditRejected` naming the first field that is wrong.
 */
export function validateGateEvent(value: unknown, now: number): { event: GateEventInput; time: number; anomaly: string | null } {
  if (!isRecord(value)) throw new AuditRejected('event', 'オブジェクトではありません');
  for (const key of Object.keys(value)) if (!FIELDS.has(key)) throw new AuditRejected(key, '不明な項目です');

  const site = value['site'];
  if (site !== 'x' && site !== 'facebook') throw new AuditRejected('site', '不明なサイトです');
  const decision = value['decision'];
  if (typeof decision !== 'string' || !(CONTENT_AUDIT_DECISIONS as readonly string[]).includes(decision)) {
    throw new AuditRejected('decision', `タブからは記録できない判断です（${String(decision).slice(0, 40)}）`);
  }
  const textHash = value['textHash'];
  if (typeof textHash !== 'string' || !SHA256_HEX_PATTERN.test(textHash)) throw new AuditRejected('textHash', 'SHA-256 の16進64文字ではありません');

  const categories = stringList<Category>(value['categories'], 'categories', (s) => (CATEGORIES as readonly string[]).includes(s));
  const clauses = stringList<string>(value['clauses'], 'clauses', (s) => CLAUSE_IDS.has(s));
  const severitiesRaw = value['severities'];
  if (!Array.isArray(severitiesRaw) || severitiesRaw.length !== categories.length) throw new AuditRejected('severities', 'カテゴリと同じ数ではありません');
  for (const s of severitiesRaw) if (typeof s !== 'string' || !(SEVERITIES as readonly string[]).includes(s)) throw new AuditRejected('severities', `不明な値 ${JSON.stringify(s).slice(0, 40)}`);
  const severities = severitiesRaw as Severity[];
  if ((categories.length === 0) !== (clauses.length === 0)) throw new AuditRejected('clauses', 'カテゴリと条項の有無が合いません');

  const account = optionalString(value['account'], 'account', MAX_AUDIT_ACCOUNT_LENGTH);
  if (account !== undefined && (CONTROL.test(account) || /[\t\r\n]/.test(account))) throw new AuditRejected('account', '制御文字が含まれています');
  const text = optionalString(value['text'], 'text', MAX_AUDIT_TEXT_LENGTH);
  let reason = optionalString(value['reason'], 'reason', Number.MAX_SAFE_INTEGER);
  if (reason !== undefined) {
    if (CONTROL.test(reason)) throw new AuditRejected('reason', '制御文字が含まれています');
    if (reason.length > MAX_AUDIT_REASON_LENGTH) reason = `${reason.slice(0, MAX_AUDIT_REASON_LENGTH)}…`;
  }
  const mediaConfirmed = value['mediaConfirmed'];
  if (mediaConfirmed !== undefined && typeof mediaConfirmed !== 'boolean') throw new AuditRejected('mediaConfirmed', '真偽値ではありません');
  const eventId = value['eventId'];
  if (eventId !== undefined && (typeof eventId !== 'string' || !EVENT_ID_PATTERN.test(eventId))) throw new AuditRejected('eventId', '英数字64文字以内ではありません');

  let time = now;
  const pressedAt = value['pressedAt'];
  if (pressedAt !== undefined) {
    if (typeof pressedAt !== 'number' || !Number.isSafeInteger(pressedAt)) throw new AuditRejected('pressedAt', '時刻ではありません');
    if (pressedAt > now + AUDIT_FUTURE_TOLERANCE_MS) throw new AuditRejected('pressedAt', '未来の時刻です');
    if (pressedAt < now - AUDIT_MAX_AGE_MS) throw new AuditRejected('pressedAt', '1日より前の時刻です');
    time = Math.min(pressedAt, now);
  }

  // A decision that lets a post out must agree with the severities it comes with: a tab cannot
  // log a post over findings as clean, or a block finding as merely confirmed. Such an event is
  // still a post that went out, so it is kept (refusing it would lose it), with the anomaly said.
  const has = (s: Severity) => severities.includes(s);
  let anomaly: string | null = null;
  if (decision === 'posted_clean' && (has('warn') || has('block'))) anomaly = ANOMALY_CLEAN_WITH_FINDINGS;
  else if (decision === 'posted_override' && has('block')) anomaly = ANOMALY_OVERRIDE_OVER_BLOCK;

  const event: GateEventInput = { site, decision: decision as ContentAuditDecision, categories: [...categories], clauses: [...clauses], severities: [...severities], textHash };
  if (account !== undefined) event.account = account;
  if (text !== undefined) event.text = text;
  if (reason !== undefined) event.reason = reason;
  if (mediaConfirmed !== undefined) event.mediaConfirmed = mediaConfirmed;
  if (pressedAt !== undefined) event.pressedAt = pressedAt as number;
  if (eventId !== undefined) event.eventId = eventId as string;
  return { event, time, anomaly };
}

/** A text sent along (the supervisor keeps texts) must be the text the hash is of. */
export async function checkGateEventText(event: Pick<GateEventInput, 'text' | 'textHash'>): Promise<void> {
  if (event.text !== undefined && (await sha256Hex(event.text)) !== event.textHash) throw new AuditRejected('text', '本文とハッシュが一致しません');
}
