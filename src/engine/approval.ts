/**
 * The approval verdict of (4)③ (4-3-approval) for the whole post. Every post needs the section
 * head's approval, except (4-3-exempt-published) a re-post of what the city website or
 * 広報ひらかわ already published, and (4-3-exempt-facts) a post of established facts only, such
 * as event or competition results. A post with any finding at warn or above is never exempt
 * (MARKERS.md B.11), nor is one that adds new commentary to a city link.
 */
import type { ApprovalEvidence, Exemption, Finding } from '../shared/types.ts';
import type { RuleContext } from './context.ts';
import { isCityHost, isShortener } from './urls.ts';

export interface ApprovalDecision {
  needsApproval: boolean;
  exemption: Exemption | null;
  evidence: ApprovalEvidence;
}

/** Words that point to a page of the city website. */
const CITY_PAGE_POINTER = /市HP|市ホームページ|ホームページ|掲載|公開し|公表|再掲|更新|こちら|ご覧|ご確認|確認ください|詳しくは|詳細は/gu;
/** 広報ひらかわ named as the source. */
const KOHO = /広報ひらかわ|広報平川|広報ヒラカワ/gu;
/** Result markers: established facts (4-3-exempt-facts). */
/** Words that name a result or a prize (4-3-exempt-facts). */
const RESULT_WORDS = '結果|準?優勝|準?グランプリ|特選|佳作|入賞|第?\\d+位|金賞|銀賞|銅賞|大賞|最優秀|優秀賞|記録|成績|入選';
const RESULT_MARKERS = new RegExp(`${RESULT_WORDS}|順位|閉幕|閉会|終了しました|受賞|投票率|当選|表彰され`, 'gu');
/** Opinion, evaluation, speculation or new commentary: the post is no longer "facts only" nor a plain re-post. */
const COMMENTARY = /思います|思う|と思|残念|ひどい|酷い|おかしい|おかしかった|べき|てほしい|て欲しい|[(（]笑[)）]|[!！][?？]|[?？][!！]|正直|納得|不満|許せ|かもしれ|かも|だろう|でしょう|みたい|らしい|そうです|だそう|っぽい|広がって|出回って|事実はありません|事実ではありません|デマ|お詫び|おわび|ご意見をいただ|とのご意見|ご批判|お叱り|申し訳|ちゃんと|困ります|困っています|迷惑|が悪い(?!場合|時|とき|日)/gu;
/** Asking the reader to act: an announcement, not a report of facts. */
const SOLICITATION = /ましょう|ませんか|ぜひ|募集|開催します|申込|受付|(?<!ご確認|ご覧|確認|ご参照|参照)ください/gu;

/** A sentence that only reports: past tense, a ranked or numbered result line, a heading. */
const PAST = /(?:ました|でした|った|した|だった|れた|きた|ました!|でした!|ませんでした)[。!！]*\s*$|(?:決定|確定|終了|閉幕|閉会)[。!！]*\s*$/u;
const RESULT_LINE = new RegExp(`${RESULT_WORDS}|[\\d０-９]+(?:点|秒|分|票|人|名|チーム|組)`, 'u');
/** Formulaic closings and thanks do not make a post more than facts. */
const GREETING = /^(?:(?:選手|出場者|参加者|関係者|ご来場|ご参加|皆|みな)[^。]{0,12}[、,]?\s*)?(?:お疲れ(?:さま|様)でした|おめでとうございます|ありがとうございました|ありがとうございます|感謝申し上げます|ご声援ありがとうございました|おめでとう|おめでとうございました)[。!！]*\s*$/u;
/** Announcing, asking or predicting: 発表は後日, 次回は, 予定, ください, 〜します (not yet done). */
const NOT_YET = /後日|(?:の|する|行う|開催|実施|発表|公表|決定)予定|予定(?:です|でございます|しています|しております|だ)|今後|次回|来年度?|来月|来週|お待ちして|ください|ましょう|ませんか|募集|受付|申込|申し込み|(?:発表|公表|お知らせ|表彰)(?:は|を)[^。]{0,8}(?:します|いたします|予定|後日)|(?<!結果を|結果について|ご報告|報告)(?:します|いたします|ます)[。!！]*\s*$/u;
const LEAD_IN = /結果を(?:お知らせ|ご報告|報告)(?:します|いたします)/u;

function nonFactSentences(ctx: RuleContext): string[] {
  const out: string[] = [];
  for (const s of ctx.sentences) {
    // Links, hashtags and brackets are not sentences of their own.
    let text = s.text;
    for (const u of ctx.urls) if (u.from >= s.from && u.to <= s.to) text = text.replace(u.url, '');
    text = text.replace(/[#＃][^\s#＃。]+/gu, '').replace(/【[^】]*】/gu, '').trim();
    // A closing bracket remark (前回比+1.2ポイント) belongs to the sentence before it.
    text = text.replace(/[（(][^（()）]*[）)]\s*([。!！]*)\s*$/u, '$1').trim();
    if (text === '' || /^[。、!！?？\s]+$/u.test(text)) continue;
    if (GREETING.test(text) || LEAD_IN.test(text)) continue;
    if (NOT_YET.test(text)) {
      out.push(text);
      continue;
    }
    if (PAST.test(text) || RESULT_LINE.test(text)) continue;
    out.push(text);
  }
  return out;
}

function clip(text: string): string {
  return text.length > 30 ? `${text.slice(0, 30)}…` : text;
}

function found(ctx: RuleContext, re: RegExp): string[] {
  return [...new Set(ctx.matches(re).map((m) => m[0]))];
}

/** `cityDomains`: domains the supervisor registered as the city's own (市のドメイン), besides the city's host. */
export function decideApproval(ctx: RuleContext, findings: readonly Finding[], cityDomains: readonly string[] = []): ApprovalDecision {
  const serious = findings.filter((f) => f.severity === 'warn' || f.severity === 'block');
  const urls = ctx.urls.map((u) => u.url);
  const needs = (reason: string, markers: string[] = []): ApprovalDecision => ({
    needsApproval: true,
    exemption: null,
    evidence: { clause: '4-3-approval', reason, urls, markers },
  });
  if (serious.length > 0) {
    const cats = [...new Set(serious.map((f) => f.clause))].join('、');
    return needs(`指摘事項（${cats}）がある投稿は、所属長の了承が必要です。`);
  }
  const commentary = found(ctx, COMMENTARY);
  const nonCity = ctx.urls.filter((u) => !isCityHost(u.host, cityDomains));
  const shorteners = nonCity.filter((u) => isShortener(u.host));

  // 4-3-exempt-published
  const koho = found(ctx, KOHO);
  const pointers = found(ctx, CITY_PAGE_POINTER);
  const cityUrls = ctx.urls.filter((u) => isCityHost(u.host, cityDomains)).map((u) => u.url);
  const allCity = ctx.urls.length > 0 && nonCity.length === 0;
  if (commentary.length === 0 && nonCity.length === 0 && (koho.length > 0 || (allCity && pointers.length > 0))) {
    return {
      needsApproval: false,
      exemption: 'published',
      evidence: {
        clause: '4-3-exempt-published',
        reason:
          koho.length > 0
            ? '広報ひらかわで既に周知した内容の再発信のため、了承は不要です。'
            : `リンク先がすべて市ホームページ（${cityUrls.join('、')}）で、その内容を再発信する投稿のため、了承は不要です。`,
        urls: cityUrls,
        markers: [...koho, ...pointers],
      },
    };
  }

  // 4-3-exempt-facts: a property of the whole post — every sentence reports an outcome (or is a
  // greeting, a heading, a hashtag), none announces, asks or predicts; a result word alone is not enough.
  const results = found(ctx, RESULT_MARKERS);
  const solicitation = found(ctx, SOLICITATION);
  const notFacts = results.length > 0 ? nonFactSentences(ctx) : [];
  if (results.length > 0 && notFacts.length === 0 && commentary.length === 0 && solicitation.length === 0 && nonCity.length === 0) {
    return {
      needsApproval: false,
      exemption: 'facts',
      evidence: {
        clause: '4-3-exempt-facts',
        reason: `結果など既成の事実のみの投稿のため、了承は不要です（${results.join('、')}）。`,
        urls: cityUrls,
        markers: results,
      },
    };
  }

  if (results.length > 0 && notFacts.length > 0 && commentary.length === 0 && nonCity.length === 0) {
    return needs(`結果の言葉（${results.join('、')}）はありますが、結果の報告ではない文（「${clip(notFacts[0] as string)}」）を含むため、「既成の事実のみ」に当たりません。`, notFacts.map(clip));
  }
  if (shorteners.length > 0) return needs('短縮URLはリンク先を確認できないため、市ホームページの再発信とはみなせません。', shorteners.map((u) => u.host));
  if (nonCity.length > 0) {
    return needs(`市ホームページ以外のリンク（${nonCity.map((u) => u.host).join('、')}）を含むため、再発信の例外に当たりません。`, nonCity.map((u) => u.host));
  }
  if (commentary.length > 0 && (results.length > 0 || cityUrls.length > 0 || koho.length > 0)) {
    return needs(`結果や市ホームページの内容に、意見・推測・新たな説明（${commentary.join('、')}）が加わっているため、例外に当たりません。`, commentary);
  }
  if (/市HP|市ホームページ/u.test(ctx.plain) && cityUrls.length === 0) {
    return needs('「市HP」とありますが、市ホームページへのリンクも広報ひらかわの記載もないため、再発信かどうか確認できません。', found(ctx, /市HP|市ホームページ/gu));
  }
  return needs('新たな内容の発信のため、原則どおり所属長の了承が必要です（市ホームページ・広報ひらかわの再発信や、結果のみの投稿ではありません）。');
}
