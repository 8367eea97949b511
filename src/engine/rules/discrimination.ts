/**
 * 5-8-discrimination （５）⑧「人種、思想、信条等の差別又は差別を助長させる情報」: a protected
 * attribute (dictionaries/discrimination.json signal `attribute`) together with a negative
 * predicate — exclusion, dehumanisation, criminalisation, inferiority, surveillance, stigma or a
 * stereotype (MARKERS.md B.7 DS1–DS5). Mentioning a group is not discrimination; counter-speech
 * (人権週間…差別や偏見のない, 『外国人だから』という理由で…人権侵害) is not either. Slurs are in
 * the dictionary (rule `terms`).
 */
import type { Rule, RuleContext, SignalHit } from '../context.ts';
import { COUNTER_SPEECH, isQuotedReport } from './shared.ts';

const HARD: Array<{ re: RegExp; kind: string }> = [
  { kind: 'exclusion', re: /出ていけ|出て行け|出てけ|帰れ|来るな|くるな|入れるな|お断り|断ります|排除し|追い出|締め出|住ませるな|雇うな|やめてほしい|やめて欲しい|使わせない|させたくない|させるな|入居できません|近づくな|いらない|要らない|受け入れるな|ご遠慮ください/u },
  { kind: 'exclusion', re: /(?:には|は|に)[^。]{0,10}(?:入居|入場|利用|貸し出し|貸出|参加|入店|採用|契約|加入)(?:は|が|を|も)?(?:でき(?:ません|ない)|出来(?:ません|ない)|不可|禁止|お断り|させない)/u },
  { kind: 'generalisation', re: /(?:は|って)(?:全員|みんな|皆|みな)[^。]{0,15}(?:べき|しろ|させろ|やめろ|迷惑|悪い|ダメ|だめ|できない|いらない)/u },
  { kind: 'exclusion', re: /(?:付き合わ|関わら|近づか|近寄ら|結婚し|雇わ|貸さ|住ませ)(?:ない|ねえ)方がいい/u },
  { kind: 'dehumanisation', re: /害虫|ゴキブリ|ウジ|猿|けだもの|病原菌|駆除|死ね|殺せ|消えろ/u },
  { kind: 'criminalisation', re: /物騒|犯罪が増|窃盗団|治安が悪|盗難が増|犯罪者ばかり|何をするか分からない|何をするかわからない/u },
  { kind: 'inferiority', re: /守れない|守らない|劣って|民度が低|民度の低|頭がおかしい|汚い|不潔|だらしない|常識がない|常識のない/u },
  { kind: 'surveillance', re: /見張|監視し|監視を/u },
];
/** DS2: the group itself is the topic of a negative judgement: 中国人って素行が悪い. */
const TOPIC_NEGATIVE = /^(?:の人|の人たち|の連中|の奴ら)?(?:って|は|ってのは|ってやつは|なんて)[^。]{0,12}(?:悪い|悪すぎ|最低|ダメ|だめ|嫌い|無理|迷惑|うるさい|信用できない|信じられない)/u;
/** A warning about the group itself (宗教やってる人は要注意) — not when the group is the one at risk (高齢者は詐欺に要注意). */
const GROUP_WARNING = /要注意|警戒し|気をつけた方が|気を付けた方が/u;
const AT_RISK = /詐欺|事故|熱中症|被害|感染|転倒|凍結|クマ|災害|病気|予防|接種|健診|検診/u;
/** DS4: stigma — fear of a group moving in. */
const STIGMA = /不安|怖い|こわい|危ない|心配/u;
const MOVING_IN = /できる|建つ|来る|増え|引っ越し|住む|住み|移り住|入居/u;
const SUPPORT = /解消|支援|相談|寄り添|軽減|和らげ|安心して|サポート|理解を深め|できること|手伝|助け|支え|役に立|力にな/u;
/** DS5: a stereotype stated of a group: 女性職員は…が得意. */
const STEREOTYPE = /得意|苦手|向いて|向かない|できない|弱い|細かい|感情的|らしくない/u;

function windowOf(ctx: RuleContext, hit: SignalHit): { text: string; from: number } {
  const s = ctx.sentenceAt(hit.from);
  return { text: ctx.plain.slice(s.from, s.to), from: s.from };
}

function isCounterSpeech(ctx: RuleContext, hit: SignalHit): boolean {
  const s = ctx.sentenceAt(hit.from);
  const around = ctx.plain.slice(Math.max(0, s.from - 30), Math.min(ctx.plain.length, s.to + 60));
  return COUNTER_SPEECH.test(around);
}

export const discriminationRule: Rule = {
  id: 'discrimination',
  category: 'discrimination',
  clause: '5-8-discrimination',
  description: '保護される属性 × 否定的な述語（排除・非人間化・犯罪視・劣等視・監視・偏見・決めつけ）',
  run(ctx) {
    const reported = new Set<number>();
    for (const hit of ctx.signals('attribute')) {
      if (reported.has(ctx.sentenceAt(hit.from).from)) continue;
      if (isCounterSpeech(ctx, hit) || isQuotedReport(ctx, hit.from, hit.to)) continue;
      const w = windowOf(ctx, hit);
      const hard = HARD.find((h) => h.re.test(w.text));
      if (hard !== undefined) {
        const m = hard.re.exec(w.text) as RegExpExecArray;
        reported.add(w.from);
        ctx.report({
          from: hit.from,
          to: Math.max(hit.to, w.from + m.index + m[0].length),
          severity: 'block',
          message: `「${hit.term}」という属性を理由に、人を否定的に扱う表現です（${label(hard.kind)}）。差別や差別の助長にあたり、ヘイトスピーチ解消法・障害者差別解消法・部落差別解消推進法などの趣旨にも反します。`,
          suggestion: '属性で人をひとくくりにせず、問題になっている具体的な行為とその対応だけを書いてください。',
          detail: hard.kind,
        });
        continue;
      }
      const topic2 = TOPIC_NEGATIVE.exec(ctx.plain.slice(hit.to, Math.min(ctx.sentenceAt(hit.from).to, hit.to + 30)));
      if (topic2 !== null) {
        reported.add(w.from);
        ctx.report({
          from: hit.from,
          to: hit.to + topic2[0].length,
          severity: 'block',
          message: `「${hit.term}」という属性の人をひとくくりにして否定的に決めつける表現です。差別の助長にあたります。`,
          suggestion: '属性で人をひとくくりにせず、具体的な行為とその対応だけを書いてください。',
          detail: 'generalisation',
        });
        continue;
      }
      if (GROUP_WARNING.test(w.text) && !AT_RISK.test(w.text)) {
        reported.add(w.from);
        ctx.report({
          from: hit.from,
          to: hit.to,
          severity: 'warn',
          message: `「${hit.term}」という属性の人そのものを警戒の対象にする表現です。偏見を広げ、差別を助長します。`,
          suggestion: '属性ではなく、注意してほしい具体的な行為（勧誘・訪問販売など）を書いてください。',
          detail: 'group-warning',
        });
        continue;
      }
      // DS4 stigma: a group moving in presented as a cause for fear, here or in the next sentence.
      const s = ctx.sentenceAt(hit.from);
      const next = ctx.sentences.find((x) => x.from === s.to);
      const wide = ctx.plain.slice(s.from, next !== undefined ? next.to : s.to);
      if (STIGMA.test(wide) && MOVING_IN.test(wide) && !SUPPORT.test(wide)) {
        reported.add(w.from);
        ctx.report({
          from: hit.from,
          to: hit.to,
          severity: 'warn',
          message: `「${hit.term}」と不安・危険を結びつける表現は、偏見を広げ差別を助長するおそれがあります。`,
          suggestion: '属性と不安を結びつける言い方を削除してください。施設の計画は事実と市の説明だけを伝えてください。',
          detail: 'stigma',
        });
        continue;
      }
      // DS5 stereotype: "<attribute>(職員|の方|の人)?は … 得意/苦手".
      const after = ctx.plain.slice(hit.to, Math.min(s.to, hit.to + 24));
      const topic = /^(?:の?(?:職員|方|人|人たち|方々|子))?(?:は|って)/u.exec(after);
      if (topic !== null && STEREOTYPE.test(after.slice(topic[0].length))) {
        reported.add(w.from);
        ctx.report({
          from: hit.from,
          to: Math.min(s.to, hit.to + 24),
          severity: 'warn',
          message: `「${hit.term}」という属性で能力や性格を決めつける表現です。固定観念による差別につながります。`,
          suggestion: '属性ではなく、個人や業務の事実に基づいて書いてください。',
          detail: 'stereotype',
        });
      }
    }
  },
};

function label(kind: string): string {
  return (
    { exclusion: '排除', dehumanisation: '人間扱いしない表現', criminalisation: '犯罪と結びつけ', inferiority: '劣っていると決めつけ', surveillance: '監視をあおり' } as Record<string, string>
  )[kind] ?? kind;
}
