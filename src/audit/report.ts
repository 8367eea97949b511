/**
 * What the background accepts from a content script as 誤検知として報告 (issue #9): the words of
 * one finding and what kind of finding it was — never the post. Checked field by field like an
 * audit event (validate.ts): the content script runs in the site's page process, so a malformed or
 * oversized report is refused whole (`ReportRejected`, in words staff can read) and nothing is stored.
 */
import { CLAUSES } from '../shared/clauses.ts';
import { CATEGORIES, type Category, type Platform } from '../shared/types.ts';

/** A finding's words: a term or a phrase. Anything longer is not "the words" any more. */
export const MAX_REPORT_EXCERPT_LENGTH = 60;
const MAX_RULE_LENGTH = 120;

/** A report as the content script sends it (`report.falsePositive`). */
export interface FalsePositiveReportInput {
  site: Platform;
  category: Category;
  rule: string;
  clause: string;
  excerpt: string;
}

export const REPORT_REJECTED = 'ReportRejected';

export class ReportRejected extends Error {
  constructor(readonly field: string, detail: string) {
    super(`報告を受け付けませんでした（${detail}）`);
    this.name = REPORT_REJECTED;
  }
}

const FIELDS = new Set(['site', 'category', 'rule', 'clause', 'excerpt']);
const CLAUSE_IDS = new Set(CLAUSES.map((c) => c.id));
// Any C0 control, DEL, and line breaks: a finding's words stand on one line.
const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/;

/** Checks every field and answers a fresh copy of the known ones; throws `ReportRejected` naming the first that is wrong. */
export function validateFalsePositiveReport(value: unknown): FalsePositiveReportInput {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ReportRejected('report', '報告の形式が正しくありません');
  const r = value as Record<string, unknown>;
  for (const key of Object.keys(r)) if (!FIELDS.has(key)) throw new ReportRejected(key, `不明な項目「${key.slice(0, 40)}」があります`);
  const site = r['site'];
  if (site !== 'x' && site !== 'facebook') throw new ReportRejected('site', 'サイトが不明です');
  const category = r['category'];
  if (typeof category !== 'string' || !(CATEGORIES as readonly string[]).includes(category)) throw new ReportRejected('category', '指摘の種類が不明です');
  const clause = r['clause'];
  if (typeof clause !== 'string' || !CLAUSE_IDS.has(clause)) throw new ReportRejected('clause', 'ガイドラインの条項が不明です');
  const rule = r['rule'];
  if (typeof rule !== 'string' || rule === '' || rule.length > MAX_RULE_LENGTH || CONTROL.test(rule)) throw new ReportRejected('rule', '指摘の規則名が正しくありません');
  const excerpt = r['excerpt'];
  if (typeof excerpt !== 'string' || excerpt.trim() === '') throw new ReportRejected('excerpt', '指摘された語句がありません');
  if (excerpt.length > MAX_REPORT_EXCERPT_LENGTH) {
    throw new ReportRejected('excerpt', `報告できるのは指摘された語句だけです（${MAX_REPORT_EXCERPT_LENGTH}文字まで）。投稿の全文は送れません`);
  }
  if (CONTROL.test(excerpt)) throw new ReportRejected('excerpt', '語句に改行や制御文字が含まれています');
  return { site, category: category as Category, rule, clause, excerpt };
}
