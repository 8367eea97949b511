/**
 * 5-8-public-order （５）⑧「その他公序良俗に反する情報」: promotion of gambling (P2), an
 * official account endorsing a private business (P4), objectifying invitations (P1) and
 * sensationalising suicide (P3, with the word list in dictionaries/public_order.json).
 */
import type { Rule } from '../context.ts';

const GAMBLING = /(?:パチンコ|パチスロ|スロット|新台|競馬|競輪|競艇|ボートレース|オートレース)[^。]{0,20}(?:入替|入れ替え|おすすめ|オススメ|当てよう|勝とう|勝つ|必勝|攻略|コツ|儲か|応援|行こう|狙い目|熱い)/gu;
const ENDORSE = /(?:市|当市|平川市|市役所)(?:も|は)?[^。]{0,6}(?:応援しています|応援します|おすすめします|イチオシ)/u;
const PRIVATE_BUSINESS = /店|パチンコ|新台|セール|開店|オープン|商品|割引/u;
const SUICIDE_SENSATION = /(?:自殺|心霊|首吊り|飛び降り)[^。]{0,20}(?:肝試し|ぴったり|おすすめ|行ってみ|スポット)/gu;
const OBJECTIFY = /(?:可愛い|かわいい|カワイイ|美人の?|イケメンの?)(?:子|女の子|女性|娘|ギャル|男)[^。]{0,10}(?:ゲット|狙|お持ち帰り|落と|ナンパ)|(?:女の子|女子|女性|男の子|男子)[^。]{0,10}(?:ナンパ|出会い|お持ち帰り|狙い目)|出会いのチャンス/gu;

export const publicOrderRule: Rule = {
  id: 'public_order',
  category: 'public_order',
  clause: '5-8-public-order',
  description: 'ギャンブルの宣伝、民間事業者の推奨、自殺の興味本位な扱い、人を性的対象として扱う誘い',
  run(ctx) {
    for (const m of ctx.matches(GAMBLING)) {
      ctx.report({ from: m.index, to: m.index + m[0].length, severity: 'warn', message: 'ギャンブルを勧める表現です。依存症対策の観点からも、公式アカウントの発信として公序良俗に反します。', suggestion: '削除してください。', detail: 'gambling' });
    }
    for (const s of ctx.sentences) {
      const m = ENDORSE.exec(s.text);
      if (m !== null && PRIVATE_BUSINESS.test(ctx.plain.slice(Math.max(0, s.from - 40), s.to))) {
        ctx.report({ from: s.from + m.index, to: s.from + m.index + m[0].length, severity: 'warn', message: '公式アカウントが特定の民間事業者を応援・推奨することは、公平性を損ないます。', suggestion: '市の事業（産業振興・紹介企画）として決めた基準に沿った紹介にしてください。', detail: 'endorsement' });
      }
    }
    for (const m of ctx.matches(SUICIDE_SENSATION)) {
      ctx.report({ from: m.index, to: m.index + m[0].length, severity: 'block', message: '自殺に関わる場所を興味本位に取り上げる表現です。模倣を招くおそれがあります。', suggestion: '削除してください。', detail: 'suicide' });
    }
    for (const m of ctx.matches(OBJECTIFY)) {
      ctx.report({ from: m.index, to: m.index + m[0].length, severity: 'warn', message: '人を出会い・ナンパの対象として扱う表現は、性的な対象化にあたり公序良俗に反します。', suggestion: '行事の魅力そのものを伝える表現にしてください。', detail: 'objectify' });
    }
  },
};
