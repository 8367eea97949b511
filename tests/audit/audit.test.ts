/** The audit log: events, filters, CSV, the weekly chart and retention. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  applyRetention, buildAuditEvent, exportAuditCsv, filterAuditEvents, formatAuditCsv, formatLocalTime, isoWeekOf, localDayRange,
  queryAuditEvents, recordAuditEvent, summarizeFindings, weeklyFindings,
} from '../../src/audit/index.ts';
import { readCsv } from '../../src/settings-io/csv.ts';
import { sha256Hex } from '../../src/security/hash.ts';
import { addAuditEvent, listAuditEvents, recordApproval, setSetting, type AuditEvent } from '../../src/storage/index.ts';
import type { Finding } from '../../src/shared/types.ts';
import { auditEvent, freshDb } from '../storage/helpers.ts';

const DAY = 86_400_000;
/** 2025-04-01 09:30 JST (a Tuesday, ISO week 2025-W14). */
const T = Date.UTC(2025, 3, 1, 0, 30);

function finding(category: Finding['category'], severity: Finding['severity'], clause: string): Finding {
  return { rule: `${category}.x`, category, clause, severity, confidence: 0.9, start: 0, end: 1, excerpt: 'x', message: 'm', suggestion: null };
}

function stored(e: Omit<AuditEvent, 'id'>, id: number): AuditEvent {
  return { ...e, id };
}

describe('audit events', () => {
  it('summarise findings: categories in canonical order with their highest severity, clauses once', () => {
    const s = summarizeFindings([
      finding('personal_info', 'warn', '5-5-personal-info'),
      finding('insult', 'info', '5-8-insult'),
      finding('insult', 'block', '5-8-insult'),
    ]);
    expect(s).toEqual({ categories: ['insult', 'personal_info'], clauses: ['5-5-personal-info', '5-8-insult'], severities: ['block', 'warn'] });
  });

  it('keep only the hash unless auditKeepText is on', async () => {
    const db = freshDb();
    const input = { time: T, site: 'x' as const, account: 'hirakawa_city', decision: 'posted_clean' as const, result: { findings: [] }, text: '本日の催し物です。' };
    await recordAuditEvent(db, input);
    await setSetting(db, 'auditKeepText', true);
    await recordAuditEvent(db, input);
    const [withoutText, withText] = await listAuditEvents(db);
    expect(withoutText!.textHash).toBe(await sha256Hex('本日の催し物です。'));
    expect('text' in withoutText!).toBe(false);
    expect(withText!.text).toBe('本日の催し物です。');
  });

  it('keep a non-empty reason only', async () => {
    const base = { time: T, site: 'x' as const, account: 'a', decision: 'posted_override' as const, result: { findings: [] }, text: 't' };
    expect((await buildAuditEvent({ ...base, reason: '  ' }, { keepText: false })).reason).toBeUndefined();
    expect((await buildAuditEvent({ ...base, reason: '引用のため' }, { keepText: false })).reason).toBe('引用のため');
  });
});

describe('filters', () => {
  const events = [
    stored(auditEvent(T, { decision: 'blocked', categories: ['insult'], severities: ['block'] }), 1),
    stored(auditEvent(T + DAY, { decision: 'posted_clean' }), 2),
    stored(auditEvent(T + 2 * DAY, { decision: 'posted_override', categories: ['rumour', 'personal_info'], severities: ['warn', 'warn'], site: 'facebook' }), 3),
  ];
  const ids = (list: AuditEvent[]): number[] => list.map((e) => e.id);

  it.each([
    ['a date range (from inclusive, to exclusive)', { from: T + DAY, to: T + 2 * DAY }, [2]],
    ['whole JST days', localDayRange('2025-04-02', '2025-04-03'), [2, 3]],
    ['a category (any of)', { categories: ['personal_info', 'insult'] as const }, [1, 3]],
    ['a decision', { decisions: ['posted_clean', 'blocked'] as const }, [1, 2]],
    ['a site', { site: 'facebook' as const }, [3]],
    ['everything at once', { from: T, categories: ['rumour'] as const, decisions: ['posted_override'] as const }, [3]],
    ['nothing', {}, [1, 2, 3]],
  ])('by %s', (_why, filter, expected) => {
    expect(ids(filterAuditEvents(events, filter))).toEqual(expected);
  });

  it('a JST day starts at 15:00 UTC the day before', () => {
    expect(localDayRange('2025-04-01', '2025-04-01')).toEqual({ from: Date.UTC(2025, 2, 31, 15), to: Date.UTC(2025, 3, 1, 15) });
  });

  it('queryAuditEvents reads the same from the database', async () => {
    const db = freshDb();
    for (const e of events) await addAuditEvent(db, e);
    expect(ids(await queryAuditEvents(db, { categories: ['rumour'] }))).toEqual([3]);
    expect(ids(await queryAuditEvents(db, { from: T + DAY }))).toEqual([2, 3]);
  });
});

describe('CSV export', () => {
  const event = stored(auditEvent(T, {
    decision: 'posted_override', reason: '=HYPERLINK("http://evil")', account: 'hirakawa_city',
    categories: ['insult', 'personal_info'], clauses: ['5-5-personal-info', '5-8-insult'], severities: ['warn', 'block'],
    text: '市民の皆さま、\n"本日"の催し, 中止です',
  }), 1);

  it('has fixed columns, no text column by default, ids as values', () => {
    const rows = readCsv(formatAuditCsv([event])).map((r) => r.fields);
    expect(rows[0]).toEqual(['time', 'site', 'account', 'decision', 'reason', 'categories', 'clauses', 'severities', 'approval', 'key_fingerprint', 'text_hash']);
    expect(rows[1]).toEqual([
      '2025-04-01T09:30:00+09:00', 'x', 'hirakawa_city', 'posted_override', `'=HYPERLINK("http://evil")`,
      'insult|personal_info', '5-5-personal-info|5-8-insult', 'warn|block', '', '', event.textHash,
    ]);
  });

  it('says how an approved post was approved and under which key', () => {
    const approved = stored(auditEvent(T, { decision: 'posted_with_approval', approval: 'self_declared', keyFingerprint: 'AB12-CD34' }), 2);
    const ja = readCsv(formatAuditCsv([approved], { language: 'ja' })).map((r) => r.fields);
    expect(ja[0]).toContain('了承の方法');
    expect(ja[1]).toContain('自己申告（所属長 PIN 未設定）');
    expect(ja[1]).toContain('AB12-CD34');
    expect(readCsv(formatAuditCsv([approved])).map((r) => r.fields)[1]).toContain('self_declared');
  });

  it('adds the text column when asked, quoted per RFC 4180', () => {
    const text = formatAuditCsv([event], { includeText: true, bom: false });
    expect(text).toContain('"市民の皆さま、\n""本日""の催し, 中止です"\r\n');
    expect(readCsv(text)[1]!.fields.at(-1)).toBe(event.text);
  });

  it('has a Japanese header and labels on request', () => {
    const rows = readCsv(formatAuditCsv([event], { language: 'ja', includeText: true })).map((r) => r.fields);
    expect(rows[0]).toEqual(['日時', 'サイト', 'アカウント', '判断', '理由', 'カテゴリ', '条項', '重大度', '了承の方法', '公開鍵の指紋', '本文ハッシュ(SHA-256)', '本文']);
    expect(rows[1]!.slice(3, 8)).toEqual(['注意を確認のうえ投稿', `'=HYPERLINK("http://evil")`, '侮蔑・誹謗中傷・不敬|個人情報', '5-5-personal-info|5-8-insult', '注意|禁止']);
  });

  it('starts with a BOM and ends records with CRLF (Excel)', () => {
    const text = formatAuditCsv([event]);
    expect(text.startsWith('\ufefftime,')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('neutralises a formula in every cell, the clauses and the hash too (a stored record is only as good as what wrote it)', () => {
    const forged = stored(auditEvent(T, {
      account: '＠evil', reason: ' =1+1', clauses: ['=HYPERLINK("http://evil","x")'], textHash: '-2+3', text: '\t=cmd|\'/C calc\'!A0',
    }), 2);
    for (const language of ['en', 'ja'] as const) {
      const rows = readCsv(formatAuditCsv([forged], { language, includeText: true })).map((r) => r.fields);
      const cells = rows[1]!;
      expect(cells.filter((c) => c.startsWith("'"))).toHaveLength(5);
      for (const cell of cells) expect(cell).not.toMatch(/^[\s\u3000]*[=+\-@＝＋－＠]/);
    }
  });

  it('from the database: the text column follows auditKeepText', async () => {
    const db = freshDb();
    await addAuditEvent(db, event);
    expect(readCsv(await exportAuditCsv(db))[0]!.fields).not.toContain('text');
    await setSetting(db, 'auditKeepText', true);
    expect(readCsv(await exportAuditCsv(db))[0]!.fields.at(-1)).toBe('text');
  });
});

describe('weekly aggregation', () => {
  it.each([
    ['2025-04-01', '2025-W14', '2025-03-31'],
    ['2024-12-30', '2025-W01', '2024-12-30'], // Monday of the week that holds 2025's first Thursday
    ['2021-01-03', '2020-W53', '2020-12-28'], // a Sunday still in the previous ISO year
    ['2026-12-31', '2026-W53', '2026-12-28'],
  ])('%s is in ISO week %s (Monday %s)', (date, id, monday) => {
    expect(isoWeekOf(date)).toEqual({ id, monday });
  });

  it('counts posts with findings per category per ISO week, in JST, with empty weeks filled', () => {
    const sundayNightJst = Date.UTC(2025, 3, 6, 14, 59); // Sun 6 Apr 23:59 JST → W14
    const mondayMorningJst = Date.UTC(2025, 3, 6, 15, 0); // Mon 7 Apr 00:00 JST → W15
    const weeks = weeklyFindings([
      auditEvent(T, { categories: ['insult', 'personal_info'] }) as AuditEvent,
      auditEvent(sundayNightJst, { categories: ['insult'] }) as AuditEvent,
      auditEvent(mondayMorningJst, { categories: [] }) as AuditEvent,
      auditEvent(T + 21 * DAY, { categories: ['rumour'] }) as AuditEvent,
    ]);
    expect(weeks.map((w) => [w.week, w.counts.insult, w.counts.personal_info, w.counts.rumour, w.postsWithFindings, w.events])).toEqual([
      ['2025-W14', 2, 1, 0, 2, 2],
      ['2025-W15', 0, 0, 0, 0, 1],
      ['2025-W16', 0, 0, 0, 0, 0],
      ['2025-W17', 0, 0, 1, 1, 1],
    ]);
    expect(weeks[0]!.monday).toBe('2025-03-31');
    expect(weeklyFindings([])).toEqual([]);
  });
});

describe('retention', () => {
  it('purges events older than retentionDays and long-expired approvals, keeps the rest', async () => {
    const db = freshDb();
    await setSetting(db, 'retentionDays', 7);
    await addAuditEvent(db, auditEvent(T - 8 * DAY));
    await addAuditEvent(db, auditEvent(T - 6 * DAY));
    const approval = { textHash: 'a'.repeat(64), account: 'a', site: 'x', kind: 'approve' as const, code: 'c', issuedAt: T - 3 * DAY };
    await recordApproval(db, { ...approval, expiresAt: T - 2 * DAY });
    await recordApproval(db, { ...approval, expiresAt: T - 1000 });
    expect(await applyRetention(db, T)).toEqual({ auditEvents: 1, approvals: 1 });
    expect((await listAuditEvents(db)).map((e) => e.time)).toEqual([T - 6 * DAY]);
    expect(await db.approvals.count()).toBe(1);
  });

  it('formats times in JST whatever the machine’s zone', () => {
    expect(formatLocalTime(Date.UTC(2025, 11, 31, 15, 0, 5))).toBe('2026-01-01T00:00:05+09:00');
  });
});
