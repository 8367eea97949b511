/**
 * 5-8-insult （５）⑧「侮蔑、誹謗、中傷や不敬な言い方を含む情報」 — what a word list cannot see:
 * mockery aimed at people or another town (S3), mock politeness (S4), disrespect to the imperial
 * family (S5) and sneering labels for residents (ヤバい住民). Insult words themselves are in
 * dictionaries/insult.json (rule `terms`).
 */
import type { Rule, RuleContext } from '../context.ts';

/** S3: a mockery cue at the end of a clause: 草, （笑）, ｗｗ, さすが…（笑）. */
const MOCKERY = /(?:(?<=[ぁ-んァ-ン])草(?=[。!！\s]|$)|[(（]笑[)）]|(?<![a-zA-Z])w{2,}(?![a-zA-Z])|笑笑|ざまあ|さすがだわ|さすがですね|🤣|🙄|💩|😂)/gu;
/** Who the mockery is aimed at: residents, callers, officials, another municipality. */
const MOCKED = /隣町|隣の(?:町|市|村)|他市|よその|あの町|あの市|市民|住民|町民|村民|議員|市長|職員|役所|窓口|問い合わせ|苦情|客|年寄り|人たち|連中|やつら|奴ら|あいつ|こいつ|除雪|対応/u;
/** S4: an ability negated in honorific form, addressed to the reader. */
const MOCK_POLITE = /お(?:でき|分かり|わかり|読み|調べ|考え)にならない|ご理解いただけない(?:方|お方)|お方のために|わざわざ[^。]{0,12}いただかなくても|懇切丁寧にご説明申し上げますね/gu;
/** S5: the imperial family named without honorifics, with a plain verb. */
const IMPERIAL = /(天皇|皇后|上皇|皇太子|皇族)(?!陛下|殿下|さま|様|誕生日|杯|賞|皇后|制)(?:が|は|の奴|も)(?!ご|お)/gu;
/** A sneering label for residents or people: ヤバい住民, 変な人たち, 頭のおかしい客. */
/** A person word followed closely by a contemptuous judgement: おじさん、正直うるさい / 使えないやつばっかり. */
const JUDGED = /(?:おじさん|おばさん|じいさん|ばあさん|爺さん|婆さん|やつ|奴|連中|人たち|住人|客|職員|議員|新人)(?:は|って|、|も)?(?:正直|ほんと|ほんとに|マジで|本当に)?[、]?(?:うるさい|うざい|邪魔|迷惑|気持ち悪い|使えない|役に立たない|常識がない|頭が悪い)|(?:使えない|使えねえ|役に立たない|仕事しない|常識のない)(?:やつ|奴|人|職員|連中)/gu;
const SNEER = /(?:ヤバい|やばい|ヤバイ|変な|痛い|イタい|キモい|うざい|迷惑な|頭のおかしい|常識のない|民度の低い|暇な|ヒマな|うるさい|しつこい)(?:住民|市民|人たち|人達|奴|やつ|連中|客(?!引|寄|室|席|層|船|足)|老人|年寄り|ジジイ|ババア|おばさん|おじさん|クレーマー)|民度が低/gu;

function report(ctx: RuleContext, from: number, to: number, message: string, suggestion: string, detail: string, severity: 'warn' | 'block' = 'warn'): void {
  ctx.report({ from, to, severity, message, suggestion, detail });
}

export const insultRule: Rule = {
  id: 'insult',
  category: 'insult',
  clause: '5-8-insult',
  description: '嘲笑・慇懃無礼・不敬・住民をおとしめるラベル',
  run(ctx) {
    for (const m of ctx.matches(MOCKERY)) {
      if (ctx.inUrl(m.index)) continue;
      const s = ctx.sentenceAt(m.index);
      if (!MOCKED.test(ctx.plain.slice(Math.max(0, s.from - 40), s.to))) continue;
      report(ctx, m.index, m.index + m[0].length, '人や他の自治体を嘲笑する表現です（草・（笑）・さすが等）。公式アカウントが人をからかうことは侮蔑にあたります。', '嘲笑の表現を削除し、事実だけを伝えてください。', 'mockery');
    }
    for (const m of ctx.matches(MOCK_POLITE)) {
      report(ctx, m.index, m.index + m[0].length, '丁寧な言葉で相手をおとしめる慇懃無礼な表現です。皮肉は侮蔑として受け取られます。', '皮肉をやめ、手続きの案内を率直に書いてください。', 'mock-polite');
    }
    for (const m of ctx.matches(IMPERIAL)) {
      const sentence = ctx.sentenceAt(m.index).text;
      if (/陛下|殿下|さま|ご来|お出まし|行幸|行啓/u.test(sentence)) continue;
      report(ctx, m.index, m.index + (m[1] as string).length, '皇室の方に敬称を付けずに普通の言い方をするのは不敬な言い方にあたります。', '「天皇皇后両陛下のご来県」のように敬称と敬語を使ってください。', 'imperial');
    }
    for (const m of ctx.matches(JUDGED)) {
      report(ctx, m.index, m.index + m[0].length, '人を見下し、否定的に決めつける表現です。公式アカウントの発信として侮蔑にあたります。', '人への評価を削除し、起きた事実と市の対応だけを書いてください。', 'judged');
    }
    for (const m of ctx.matches(SNEER)) {
      report(ctx, m.index, m.index + m[0].length, '住民や人を否定的なラベルでひとくくりにする表現は侮蔑にあたります。', 'ラベル付けをやめ、具体的な行為と市の対応だけを書いてください。', 'sneer');
    }
  },
};
