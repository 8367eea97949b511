/**
 * 5-8-illegal （５）⑧「違法行為又は違法行為をあおる情報」: an illegal act (I1) together with
 * incitement or assurance grammar (I2: 〜ちゃおう, 〜ても大丈夫, バレない, 取り締まりない) in the
 * same sentence, often with no crime noun at all; and an official account campaigning for a
 * candidate (I3, 公職選挙法136条の2・地方公務員法36条). Warnings and campaigns against crime
 * (不法投棄は犯罪です, 飲酒運転は「しない・させない・許さない」) cancel it (PROHIBITION).
 */
import type { Rule } from '../context.ts';
import { PROHIBITION } from './shared.ts';

interface Act {
  kind: string;
  what: string;
  law: string;
  re: RegExp;
}

const ACTS: Act[] = [
  { kind: 'dumping', what: 'ごみの不法投棄', law: '廃棄物処理法16条', re: /不法投棄|(?:ゴミ|ごみ|粗大ごみ|家電|空き缶|空き瓶|ペットボトル|吸い殻|たばこ|タバコ|タイヤ|廃材|残土)[^。]{0,20}(?:置いて|捨て|放置)|(?:その辺|そこら|道端|空き地|山|川|海|畑)に(?:ポイ)?捨て|ポイ捨て/u },
  { kind: 'snow', what: '道路や側溝への雪捨て', law: '道路交通法76条3項・道路法43条', re: /(?:道路|道|側溝|水路|川|歩道)[^。]{0,8}(?:雪を?|に)?捨て|雪を[^。]{0,8}(?:道路|側溝|水路|川)/u },
  { kind: 'parking', what: '違法駐車', law: '道路交通法44条・45条', re: /路駐|路上駐車|違法駐車|駐禁|(?:道|道路|路上|歩道|会場の近く|河川敷|空き地|私有地|交差点|消火栓|バス停)[^。]{0,10}(?:停め|とめ|止め|駐車)|車を(?:停め|止め|とめ)/u },
  { kind: 'drunk-driving', what: '飲酒運転', law: '道路交通法65条', re: /飲酒運転|酒気帯び|飲んで(?:も|から)?[^。]{0,20}(?:運転|車で|ハンドル|乗って帰)|(?:酒|ビール|一杯|飲み会|飲酒|飲んだ)[^。]{0,25}(?:運転|車で帰|ハンドル)/u },
  { kind: 'unlicensed', what: '無免許運転', law: '道路交通法64条', re: /無免許/u },
  { kind: 'theft', what: '窃盗', law: '刑法235条', re: /万引き|盗ん|盗って|(?:もい|取っ|採っ|持って帰っ|持ち帰っ)(?:て|で)?も/u },
  { kind: 'trespass', what: '不法侵入', law: '刑法130条・軽犯罪法', re: /不法侵入|私有地に入|立ち?入り?禁止[^。]{0,8}入|規制線の?(?:中|内|向こう)?に入|フェンスを越え|柵を越え/u },
  { kind: 'piracy', what: '著作権侵害（海賊版）', law: '著作権法119条', re: /違法ダウンロード|海賊版|無料で(?:全部|全話)|タダで(?:見|読)/u },
  { kind: 'drone', what: '無許可のドローン飛行', law: '航空法132条', re: /ドローン[^。]{0,20}(?:許可|上空|会場|飛ば)/u },
  { kind: 'burning', what: '野焼き', law: '廃棄物処理法16条の2', re: /野焼き|(?:ごみ|ゴミ|廃材|タイヤ|ビニール|プラスチック|家電)[^。]{0,10}燃や/u },
  { kind: 'resale', what: 'チケットの不正転売', law: 'チケット不正転売禁止法', re: /転売/u },
  { kind: 'gambling', what: '賭博', law: '刑法185条', re: /オンラインカジノ|闇カジノ|賭け麻雀|賭博/u },
  { kind: 'drugs', what: '薬物', law: '麻薬及び向精神薬取締法等', re: /大麻|覚醒剤|覚せい剤|危険ドラッグ|MDMA/u },
  { kind: 'dark-job', what: '闇バイト', law: '刑法（詐欺・強盗等）', re: /闇バイト|受け子|出し子/u },
];

/** I2: incitement, assurance, evasion. */
const INCITEMENT = /ても(?:大丈夫|平気|OK|いい|問題ない|構わない|かまわない)|て(?:大丈夫|平気|OK)(?:です|だ|だよ|ですよ)|何も言わない|言われない|し放題|撮り放題|取り放題|やりたい放題|誰も(?:取り締まら|見て|気づか|注意し|来)ない|ば安上がり|安上がり|呼ばずに|ちゃえば|ればいい(?:よ|じゃん|んです)|でも(?:大丈夫|平気|OK|いい|問題ない)|から大丈夫|なら大丈夫|バレない|ばれない|バレへん|捕まらない|つかまらない|取り?締まり(?:が|は)?(?:ない|なし|来ない)|取締り(?:が|は)?ない|誰も見てない|誰も見ていない|ちゃおう|ちゃえ|しちゃえ|ちゃいましょう|しよう|すれば楽|ば楽|楽ですよ|裏技|裏ワザ|抜け道|気にせず|自己責任で|見られるよ|見られます|みんなやって|どうぞ/u;

/** I3: endorsement of a candidate or party by the official account. */
const ELECTION = /(?:候補|候補者|党)[^。]{0,10}(?:に一票|へ一票|に投票を|へ投票を|を応援|応援して|を支持|に清き一票)|(?:一票を|投票を)(?:お願い|！|!)[^。]{0,20}(?:候補|党)|(?:候補|党)[^。]{0,20}(?:全力で応援|応援しています)/u;

export const illegalRule: Rule = {
  id: 'illegal',
  category: 'illegal',
  clause: '5-8-illegal',
  description: '違法行為 × あおり・安心させる言い方、公式アカウントによる選挙運動',
  run(ctx) {
    for (const s of ctx.sentences) {
      if (PROHIBITION.test(s.text)) continue;
      const incite = INCITEMENT.exec(s.text);
      if (incite === null) continue;
      for (const act of ACTS) {
        const m = act.re.exec(s.text);
        if (m === null) continue;
        const from = s.from + Math.min(m.index, incite.index);
        const to = s.from + Math.max(m.index + m[0].length, incite.index + incite[0].length);
        ctx.report({
          from,
          to,
          severity: 'block',
          message: `${act.what}をあおる・容認する表現です（${act.law}）。違法行為をあおる情報はガイドライン（５）⑧で禁止されています。`,
          suggestion: `${act.what}はしないよう呼びかける内容に書き換えてください（例:「〜は法律で禁止されています」）。`,
          detail: act.kind,
        });
        break;
      }
    }
    for (const m of ctx.matches(new RegExp(ELECTION.source, 'gu'))) {
      ctx.report({
        from: m.index,
        to: m.index + m[0].length,
        severity: 'block',
        message: '公式アカウントで特定の候補者・政党を応援することは、公務員の地位を利用した選挙運動（公職選挙法136条の2）や政治的行為の制限（地方公務員法36条）に反するおそれがあります。',
        suggestion: '投票日・期日前投票・投票所など、中立的な選挙情報だけを発信してください。',
        detail: 'election',
      });
    }
  },
};
