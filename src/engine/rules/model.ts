/**
 * The learned component's rule (issue #7 item 6; the model in ../model.ts) reads each sentence
 * and each two neighbouring sentences, and
 * reports a category where the model is sure, the window holds a kind that category's combos
 * read (what: an attribute, a substance, a security detail) and none of their cancellers: the
 * model judges *how* something is said, only about *what* the rules already see and never where
 * they see counter-speech, prevention, a question or a correction. A warning, never a block: it cannot cite a statute.
 * It never removes a rule's finding.
 */
import type { Category } from '../../shared/types.ts';
import { CATEGORY_CLAUSE } from '../../shared/clauses.ts';
import type { Rule, RuleContext } from '../context.ts';
import { scriptOf, sentenceKeysOf, TextModel, type ModelData, type ModelScore } from '../model.ts';
import modelData from '../../../dictionaries/model/model.json';
import { isQuotedReport } from './shared.ts';

let shared: TextModel | null = null;
/** The built-in model, read once per process. */
export function builtinModel(): TextModel {
  return (shared ??= new TextModel(modelData as ModelData));
}

/** Scores of recent windows: a re-check after an edit scores only the sentences that changed. */
const RECENT = new Map<string, ModelScore[]>();
function scoreOf(model: TextModel, key: string): ModelScore[] {
  let scores = RECENT.get(key);
  if (scores === undefined) {
    scores = model.score(key);
    if (RECENT.size >= 512) RECENT.delete(RECENT.keys().next().value as string);
    RECENT.set(key, scores);
  }
  return scores;
}

export const MODEL_MESSAGES: Record<Category, string> = {
  insult: '人や団体をけなす・ばかにする書き方に読めます。',
  discrimination: '属性を理由に人をひとくくりにしたり、排除したりする書き方に読めます。',
  illegal: '違法な行為を勧める、または問題ないとする書き方に読めます。',
  rumour: '確かめていない話を広める書き方に読めます。',
  confidential: '職務上知り得た、公表されていない情報に読めます。',
  decision_process: '決まっていない・公表前の検討内容に読めます。',
  public_order: '公の秩序や善良な風俗に反する内容に読めます。',
  personal_info: '特定の個人がわかる情報に読めます。',
};
const MODEL_SUGGESTION = '読む人がどう受け取るかを考えて書き直すか、所属長に相談してください。';

/** For experiments in scripts: shift every threshold, put the logit in the rule id, look at the context. Not a setting. */
export const tuning: { margin: number; showLogit: boolean; inspect?: (ctx: RuleContext) => void } = { margin: 0, showLogit: false };

export const modelRule: Rule = {
  id: 'model',
  category: 'insult',
  clause: '5-8-insult',
  description: '学習モデル（文字n-gramの線形分類器）: そのカテゴリの「何を」の信号があり、打ち消す文脈がない文だけを読む',
  run(ctx: RuleContext) {
    tuning.inspect?.(ctx);
    const model = builtinModel();
    const keys = sentenceKeysOf(ctx.norm, ctx.sentences);
    const n = keys.length;
    // Windows: each sentence (i, 1) and each two neighbouring sentences (i, 2).
    const windows: Array<{ i: number; span: number; key: string }> = [];
    for (let i = 0; i < n; i++) {
      for (const span of [1, 2]) {
        if (i + span > n) continue;
        windows.push({ i, span, key: keys.slice(i, i + span).map((k) => k.key).join('') });
      }
    }
    const reported = new Set<string>();
    for (const w of windows) {
      if (w.key.length < 4) continue;
      const from = (ctx.sentences[w.i] as { from: number }).from;
      const to = (ctx.sentences[w.i + w.span - 1] as { to: number }).to;
      // Only windows where a category the model reports is licensed are scored at all.
      const open = model.reported.filter((c) => licensed(ctx, c, from, to));
      if (open.length === 0) continue;
      for (const s of scoreOf(model, w.key)) {
        if (s.threshold === null || s.logit < s.threshold + tuning.margin || !open.includes(s.category)) continue;
        const tag = `${s.category}:${w.i}`;
        if (reported.has(tag)) continue;
        reported.add(tag);
        const at = model.explain(w.key, s.category);
        const keyFrom = (keys[w.i] as { keyFrom: number }).keyFrom;
        const span = wordEdges(ctx.plain, Math.max(from, ctx.norm.keyToPlain[keyFrom + at.from] ?? from), Math.min(to, (ctx.norm.keyToPlain[keyFrom + at.to - 1] ?? to - 1) + 1), from, to);
        ctx.report({
          from: span.from,
          to: span.to,
          severity: 'warn',
          confidence: 0.6,
          category: s.category,
          clause: CATEGORY_CLAUSE[s.category],
          message: MODEL_MESSAGES[s.category],
          suggestion: MODEL_SUGGESTION,
          detail: tuning.showLogit ? `${s.category}@${s.logit.toFixed(2)}` : s.category,
          signals: ['文の書きぶり'],
        });
      }
    }
  },
};

/**
 * The model may speak where the combos of its category would look: a kind of that category (what:
 * an attribute, a substance, a security detail) stands in the window, outside quotes, and none of
 * the category's cancellers (counter-speech, prevention, a question, a correction) is in the
 * window, or, for the post-wide ones, in the post.
 */
function licensed(ctx: RuleContext, category: Category, from: number, to: number): boolean {
  let kind = false;
  for (const h of ctx.comboSignals) {
    if (h.roles.cancelsPost.includes(category)) return false;
    const inside = h.from >= from && h.to <= to;
    if (inside && h.roles.cancels.includes(category)) return false;
    if (inside && h.roles.kind.includes(category) && !isQuotedReport(ctx, h.from, h.to)) kind = true;
  }
  return kind;
}

/** The explained span widened to whole runs of one script at its edges (裏山, not 山; ひとり親, not とり親), within the window. */
function wordEdges(plain: string, from: number, to: number, min: number, max: number): { from: number; to: number } {
  let a = from;
  let b = Math.max(to, from + 1);
  // The model's own script classes (1 hiragana, 2 katakana, 3 kanji); outside the text (NaN) is 0.
  const script = (i: number): number => scriptOf(plain.charCodeAt(i));
  const word = (s: number): boolean => s === 2 || s === 3;
  // Hiragana runs hold particles too (ひとり親の家って): widen them by a few letters only; Latin runs not at all.
  const reach = (s: number): number => (s === 1 ? 3 : word(s) ? 6 : 0);
  const left = script(a);
  while (a > min && from - a < reach(left) && script(a - 1) === left) a--;
  // A span that opens on a particle (で拾った) takes the word the particle belongs to (河川敷で拾った).
  const before = script(a - 1);
  if (left === 1 && word(before)) while (a > min && from - a < 7 && script(a - 1) === before) a--;
  const right = script(b - 1);
  while (b < max && b - to < reach(right) && script(b) === right) b++;
  return { from: a, to: b };
}
