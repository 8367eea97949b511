/**
 * Term lists (dictionaries/) for every category. A term is escalated to its `targetSeverity` when
 * a person or group is named in the same sentence, dropped when it `requiresTarget` and none is,
 * and dropped when it is only quoted in a report of what someone else said (MARKERS.md B.8 Q:
 * 「…」とのご意見, 「クレーマー」と表現した不適切な記述 … お詫び).
 */
import { CATEGORY_CLAUSE } from '../../shared/clauses.ts';
import type { Rule, RuleContext, TermHit } from '../context.ts';
import { isQuotedReport } from './shared.ts';

function hasTarget(ctx: RuleContext, hit: TermHit): boolean {
  const s = ctx.sentenceAt(hit.from);
  return ctx.signalHits.some((t) => t.signal === 'person_target' && t.from >= s.from && t.to <= s.to && (t.to <= hit.from || t.from >= hit.to));
}

export const termsRule: Rule = {
  id: 'terms',
  category: 'insult',
  clause: '5-8-insult',
  description: '辞書の語（侮蔑語・差別語・秘密区分・性的表現など）',
  run(ctx) {
    for (const hit of ctx.termHits) {
      const { entry } = hit;
      const target = hasTarget(ctx, hit);
      if (entry.requiresTarget && !target) continue;
      if (isQuotedReport(ctx, hit.from, hit.to)) continue;
      let severity = target && entry.targetSeverity !== undefined ? entry.targetSeverity : entry.severity;
      // A masked evasion (馬○) is a guess: never more than warn (MARKERS.md N7).
      if (hit.masked && severity === 'block') severity = 'warn';
      for (const category of entry.categories ?? []) {
        ctx.report({
          from: hit.from,
          to: hit.to,
          severity,
          category,
          clause: CATEGORY_CLAUSE[category],
          confidence: hit.masked ? 0.7 : 0.9,
          message: entry.message ?? (category === hit.list.category ? hit.list.message : DEFAULT_MESSAGE[category] ?? hit.list.message),
          suggestion: entry.suggestion ?? hit.list.suggestion ?? null,
          detail: entry.id,
        });
      }
    }
  },
};

const DEFAULT_MESSAGE: Record<string, string> = {
  insult: '侮蔑・中傷にあたる言葉です。公式アカウントが人をおとしめる表現はガイドライン（５）⑧で禁止されています。',
  discrimination: '差別語・蔑称です。人種、思想、信条、障害、出身などを理由に人をおとしめる表現は禁止されています。',
  confidential: '秘密として扱われる情報を示す言葉です。守秘義務（地方公務員法34条）に反するおそれがあります。',
  public_order: '公序良俗に反するおそれのある表現です。',
  illegal: '違法行為に関わる表現です。',
};

