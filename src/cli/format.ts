/** The CLI's output object per post and its readable text form. */
import { clauseById, CATEGORY_LABEL_JA } from '../shared/clauses.ts';
import type { CheckResult } from '../shared/types.ts';

export type PostOutput =
  | {
      id: string;
      verdict: CheckResult['verdict'];
      needs_approval: boolean;
      exemption: CheckResult['exemption'];
      approval_reason: string;
      partial: boolean;
      categories: CheckResult['categories'];
      findings: Array<{ rule: string; category: string; clause: string; severity: string; start: number; end: number; excerpt: string; message: string; suggestion: string | null; signals?: string[] }>;
      text?: string;
    }
  | { id: string; error: string };

export function toOutput(id: string, text: string, r: CheckResult): PostOutput {
  return {
    id,
    verdict: r.verdict,
    needs_approval: r.needs_approval,
    exemption: r.exemption,
    approval_reason: r.approval.reason,
    partial: r.partial,
    categories: r.categories,
    findings: r.findings.map((f) => ({ rule: f.rule, category: f.category, clause: f.clause, severity: f.severity, start: f.start, end: f.end, excerpt: f.excerpt, message: f.message, suggestion: f.suggestion, ...(f.signals !== undefined ? { signals: f.signals } : {}) })),
    text,
  };
}

const VERDICT_JA: Record<string, string> = { ok: '問題なし', info: '参考', warn: '要確認', block: '投稿不可' };
const SEVERITY_JA: Record<string, string> = { info: '参考', warn: '要確認', block: '投稿不可' };

/** Readable form: each finding with its excerpt marked 【】 in its sentence. */
export function formatText(outputs: PostOutput[]): string {
  const out: string[] = [];
  for (const o of outputs) {
    if ('error' in o) {
      out.push(`■ ${o.id}: 読めません — ${o.error}`, '');
      continue;
    }
    const approval = o.needs_approval ? '所属長の了承が必要' : `了承不要（${o.exemption === 'published' ? '市HP・広報の再発信' : '結果など事実のみ'}）`;
    out.push(`■ ${o.id}: ${VERDICT_JA[o.verdict]} / ${approval}${o.partial ? ' / 簡易チェック' : ''}`);
    out.push(`  了承: ${o.approval_reason}`);
    const text = o.text ?? '';
    for (const f of o.findings) {
      const a = Math.max(0, f.start - 20);
      const b = Math.min(text.length, f.end + 20);
      const excerpt = `${a > 0 ? '…' : ''}${text.slice(a, f.start)}【${f.excerpt}】${text.slice(f.end, b)}${b < text.length ? '…' : ''}`.replace(/\s+/g, ' ');
      const clause = clauseById(f.clause);
      out.push(`  - [${SEVERITY_JA[f.severity]}] ${CATEGORY_LABEL_JA[f.category as keyof typeof CATEGORY_LABEL_JA] ?? f.category} ${clause ? `${clause.label} ${f.clause}` : f.clause}  (${f.rule})`);
      out.push(`    ${excerpt}`);
      out.push(`    理由: ${f.signals !== undefined ? `（${f.signals.join(' × ')}）` : ''}${f.message}`);
      if (f.suggestion) out.push(`    修正案: ${f.suggestion}`);
    }
    out.push('');
  }
  return `${out.join('\n')}\n`;
}
