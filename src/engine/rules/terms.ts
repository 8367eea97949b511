/**
 * Term lists (dictionaries/) for every category. A term is escalated to its `targetSeverity` when
 * a person or group is named in the same sentence, dropped when it `requiresTarget` and none is,
 * and dropped when it is only quoted in a report of what someone else said (MARKERS.md B.8 Q:
 * 「…」とのご意見, 「クレーマー」と表現した不適切な記述 … お詫び).
 */
import { CATEGORY_CLAUSE } from '../../shared/clauses.ts';
import type { Rule, RuleContext, TermHit } from '../context.ts';
import { isQuotedReport, signalRegex } from './shared.ts';

/** The post is the city's own published notice (懲戒処分としました, 公表しました): what it announces is no longer a secret. */
const PUBLISHED_NOTICE = signalRegex(['published']);

/** Person targets grouped by sentence, so each hit looks only at its own sentence's targets. */
function targetsBySentence(ctx: RuleContext): Map<number, Array<{ from: number; to: number }>> {
  const map = new Map<number, Array<{ from: number; to: number }>>();
  for (const t of ctx.signalHits) {
    if (t.signal !== 'person_target') continue;
    const s = ctx.sentenceAt(t.from).from;
    const list = map.get(s);
    if (list === undefined) map.set(s, [t]);
    else if (list.length < 8) list.push(t);
  }
  return map;
}

function hasTarget(ctx: RuleContext, targets: Map<number, Array<{ from: number; to: number }>>, hit: TermHit): boolean {
  const list = targets.get(ctx.sentenceAt(hit.from).from) ?? [];
  return list.some((t) => t.to <= hit.from || t.from >= hit.to);
}

export const termsRule: Rule = {
  id: 'terms',
  category: 'insult',
  clause: '5-8-insult',
  description: '辞書の語（侮蔑語・差別語・秘密区分・性的表現など）',
  run(ctx) {
    const targets = targetsBySentence(ctx);
    const published = PUBLISHED_NOTICE.test(ctx.plain);
    for (const hit of ctx.termHits) {
      const { entry } = hit;
      if (published && entry.categories !== undefined && entry.categories.length > 0 && entry.categories.every((c) => c === 'confidential')) continue;
      const target = hasTarget(ctx, targets, hit);
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

