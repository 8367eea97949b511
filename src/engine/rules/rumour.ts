/**
 * 5-8-rumour （５）⑧「単なる噂や噂を助長させる情報」: hearsay and inference presented as
 * information (MARKERS.md B.3): verb + らしい (R1), 伝聞そう (R2), 〜って聞いた / 〜んだって (R3),
 * 噂 (R4), 〜とのこと / との情報 without an official source (R5), 拡散希望 (R6), 未確認 (R7),
 * 〜って本当？ (R9). Not: 春らしい・子どもらしい・らしさ (typical of), 降りそう (looks like),
 * 気象台によると〜とのこと (official source), a debunk (そのような事実はありません), a child's
 * words quoted in an event report.
 */
import type { PlainToken, Rule, RuleContext } from '../context.ts';
import { CORRECTION, notBeforeRegex, signalRegex } from './shared.ts';

/** 〜と聞きましたが、どうすればよいでしょうか: the writer asks about what they heard (the combos' ru_ask_source). */
const ASKS = signalRegex(['ru_ask_source']);

/** 素晴らしい, めずらしい, アホらしい: an adjective, not hearsay (the stems the hearsay signal ru_rashii may not follow). */
const RASHII_ADJECTIVE = notBeforeRegex('ru_rashii');

const DEBUNK = /事実(?:は|では)ありません|事実ではない|デマ|誤った情報|誤情報|根拠のない|惑わされ|ご注意ください|にご注意|偽の情報|フェイク|は誤りです|確認されていません|確認されておりません|把握していない|把握しておりません|発生していない|決まっていません|決定していません|予定はない|予定はありません|決定はしておりません|決定はしていません|決まっておりません|事実はございません|予定はございません|そのような決定/u;
const OFFICIAL_SOURCE = /(?:気象台|気象庁|警察|警察署|消防|消防署|県|国|[省庁]|市|町|村|JR|電力|保健所|役場|事務局|協会|センター|主催者|実行委員会|運営|会社|各社|事業者|機関|当局|担当課|学校|病院|大学|研究所)(?:[^。、]{0,12})?(?:によると|によれば|の発表|から発表|が発表|から連絡|からの連絡|から報告|の報告|に(?:問い合わせ|確認し|照会し)(?:た|まし))|(?:問い合わせた|確認した|照会した|確認しました)(?:ところ|が)/u;
const QUOTE_REPORTED = /^(?:と|って)(?:話|語|笑|言って|おっしゃ|教えて|答え|うれし|嬉し)/u;

/** The sentence names an official source (気象台によると) or says the city checked (県に確認したところ). */
function fromSource(ctx: RuleContext, index: number): boolean {
  return OFFICIAL_SOURCE.test(ctx.sentenceAt(index).text) || inDialogue(ctx, index);
}

/** A line of a dialogue or an interview (母：…, 健太：…, ナカムラ：…): a character's words, not the account's claim. */
function inDialogue(ctx: RuleContext, index: number): boolean {
  const lineStart = ctx.plain.lastIndexOf('\n', index) + 1;
  const upTo = ctx.plain.slice(Math.max(lineStart, index - 120), index);
  return /(?:^|[。\s])[一-龥ぁ-んァ-ヶー]{1,6}[：:][^：:]*$/u.test(upTo);
}

function inReportedQuote(ctx: RuleContext, index: number): boolean {
  const q = ctx.quoteAround(index);
  if (q === null) return false;
  return QUOTE_REPORTED.test(ctx.plain.slice(q.to, q.to + 8)) || /とのご意見|という声|という質問|という書き込み|という投稿|という噂|という情報|といった情報|という話|という内容|という誤った|などの情報|といった書き込み/u.test(ctx.plain.slice(q.to, q.to + 12));
}

function warn(ctx: RuleContext, from: number, to: number, message: string, detail: string, confidence = 0.9): void {
  ctx.report({
    from,
    to,
    severity: 'warn',
    confidence,
    message,
    suggestion: '確認できた事実だけを、出典（市・警察・気象台など）を示して書いてください。確認中なら「確認中です。分かり次第お知らせします」としてください。',
    detail,
  });
}

/** R1 with tokens: らしい after a predicate is hearsay; noun + らしい + noun is "typical of". */
function rashiiIsHearsay(tokens: PlainToken[], i: number): boolean | 'weak' {
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (prev === undefined) return false;
  if (prev.pos === '動詞' || prev.pos === '助動詞' || prev.pos === '形容詞') return true;
  if (prev.pos === '名詞' && prev.pos1 === '形容動詞語幹') return true;
  if (prev.pos === '助詞') return true; // 〜のらしい, 〜からしい
  // 平川らしい, 日本らしい: a proper noun + らしい is 'typical of', whatever follows.
  if (prev.pos === '名詞' && prev.pos1 === '固有名詞') return false;
  if (prev.pos === '名詞') {
    if (next !== undefined && (next.pos === '名詞' || next.pos === '動詞' || next.pos === '形容詞')) return false;
    return 'weak';
  }
  return false;
}

const HEARSAY_SOU = /(?:[うくすつぬむるぐぶ]|た|だ|ない|れる|られる)そう(?:です|だ|な(?!い)|で|よ)/gu;
const QUOTATIVE = /(?:(?<![こも])と|って|っていう)(?:聞[きいけ]|言って(?:た|いた|ました)|言われて(?:い|る))|って[^。、]{1,10}が?言って(?:た|いた|ました)|んだって(?=[。！!？?\s]|$|よ|ね)|だとか[。、]|みたいだよ/gu;
const RUMOUR_WORD = /噂|うわさ|ウワサ|風の便り/gu;
const SECOND_HAND = /(?<=[一-龥ァ-ヶるただいうくすつぬむぶぐずんよ）」])とのこと|との情報|という話|との話|という情報|との噂|という噂|って話(?=だ|です|が|を|も|、|。|$)/gu;
const AMPLIFY = /拡散希望|拡散お願い|拡散して|拡散を|【拡散】|拡散！|拡散!|RT希望|RTお願い|リツイート希望|シェアお願い|シェアして(?:ください|ね)/gu;
const UNVERIFIED = /未確認(?:情報|の情報|ですが|だけど)|真偽不明|詳細不明|ソース不明|ネットで見た|知り合いから聞いた|友達の友達|関係者によると|筋によると|情報筋/gu;
/** R8 inference about an R10 topic where a false report does harm (panic, 信用毀損). */
const INFERENCE = /みたい(?:です|だ|だよ|ですよ|。|$)|っぽい|かもしれない|ようです|ようだ/gu;
const HARM_TOPIC = /避難所|決壊|断水|停電|毒|暴動|略奪|窃盗団|食中毒|感染|流行|倒産|閉店|閉鎖|入院|事故|火事|火災|不審者|クマ|汚染|崩れ|倒壊/u;
const HOLDING = /確認中|調査中|によると|によれば|発表|お知らせします|予報|予想/u;
const QUESTION = /って(?:本当|ほんと|ホント|マジ)(?:なの|ですか)?[？?]/gu;

export const rumourRule: Rule = {
  id: 'rumour',
  category: 'rumour',
  clause: '5-8-rumour',
  description: '伝聞・推測・噂・出典のない又聞き・拡散の呼びかけ',
  run(ctx) {
    const first = ctx.findings.length;
    // A post that corrects a rumour or teaches how not to spread one names hearsay in order to stop it.
    const debunk = DEBUNK.test(ctx.plain) || CORRECTION.test(ctx.plain);
    // R1 らしい
    for (const m of ctx.matches(/らしい|らしかった/gu)) {
      if (debunk || inReportedQuote(ctx, m.index) || fromSource(ctx, m.index)) continue;
      if (RASHII_ADJECTIVE.test(ctx.plain.slice(Math.max(0, m.index - 4), m.index))) continue;
      const tokens = ctx.tokensAt(m.index);
      let verdict: boolean | 'weak';
      if (tokens !== null) {
        const i = tokens.findIndex((t) => t.from === m.index && t.pos === '助動詞');
        verdict = i < 0 ? false : rashiiIsHearsay(tokens, i);
      } else {
        verdict = /(?:[うくすつぬむるぐぶたいだ]|ない)$/u.test(ctx.plain.slice(Math.max(0, m.index - 2), m.index));
      }
      if (verdict === false) continue;
      warn(ctx, m.index, m.index + m[0].length, '「〜らしい」は伝聞・推測の言い方です。確認されていない話を公式に発信すると、噂を広げることになります。', 'rashii', verdict === 'weak' ? 0.5 : 0.9);
    }
    // R2 伝聞そう (IPADIC: そう/名詞,特殊,助動詞語幹 — 様態 is 名詞,接尾)
    for (const m of ctx.matches(HEARSAY_SOU)) {
      if (debunk || inReportedQuote(ctx, m.index) || fromSource(ctx, m.index)) continue;
      const at = m.index + m[0].indexOf('そう');
      const tokens = ctx.tokensAt(at);
      if (tokens !== null) {
        const t = tokens.find((x) => x.from === at && x.surface === 'そう');
        if (t === undefined || t.pos1 !== '特殊') continue;
      }
      warn(ctx, at, at + 2 + (m[0].length - m[0].indexOf('そう') - 2), '「〜そうです」は伝聞の言い方です。人から聞いた話をそのまま発信すると、噂を広げることになります。', 'sou');
    }
    // R3 quotative + hearing/saying, R4 噂, R5 second-hand without official source
    for (const m of ctx.matches(QUOTATIVE)) {
      if (debunk || inReportedQuote(ctx, m.index) || fromSource(ctx, m.index)) continue;
      if (ASKS.test(ctx.sentenceAt(m.index).text)) continue;
      // 〜と言われています after a general guideline (目安, 一般に): common knowledge, not a report of hearsay.
      if (/言われてい/u.test(m[0]) && /目安|一般に|一般的に|とされ|効果|期待|昔から|古くから|由来/u.test(ctx.sentenceAt(m.index).text)) continue;
      // 〜って言われてる橋: a relative clause naming something ("so-called"), not a report of hearsay.
      if (/^[一-龥ァ-ヶ]/u.test(ctx.plain.slice(m.index + m[0].length, m.index + m[0].length + 1))) continue;
      warn(ctx, m.index, m.index + m[0].length, '「〜と聞いた」「〜って言ってた」など、出どころが示されていない又聞きです。', 'hearsay');
    }
    for (const m of ctx.matches(RUMOUR_WORD)) {
      // 「噂」や「〜らしい」という話: the word quoted as a word.
      const q = ctx.quoteAround(m.index);
      if (debunk || (q !== null && q.to - q.from <= 8)) continue;
      warn(ctx, m.index, m.index + m[0].length, '噂として伝わっている話です。確認されていない噂の発信は、噂を助長します。', 'uwasa');
    }
    for (const m of ctx.matches(SECOND_HAND)) {
      const s = ctx.sentenceAt(m.index);
      if (debunk || OFFICIAL_SOURCE.test(s.text) || inDialogue(ctx, m.index)) continue;
      if (inReportedQuote(ctx, m.index)) continue;
      // 〜との情報が寄せられました: a report the city received (and acts on), not hearsay passed on.
      if (/^(?:が|を)(?:寄せられ|市に寄せ|受け|いただ)/u.test(ctx.plain.slice(m.index + m[0].length, m.index + m[0].length + 8))) continue;
      // 〜という話がありますが、…: a rumour named in order to correct it (counter-speech).
      if (/^(?:が|も)(?:ありますが|あるようですが|出回っていますが|出回っているようですが|広がっていますが|流れていますが|聞かれますが)/u.test(ctx.plain.slice(m.index + m[0].length, m.index + m[0].length + 14))) continue;
      // 「みたい」「っぽい」という情報: words quoted as words, not a report.
      if (ctx.plain[m.index - 1] === '」' && /「[^「」]{1,8}」$/u.test(ctx.plain.slice(Math.max(0, m.index - 10), m.index))) continue;
      warn(ctx, m.index, m.index + m[0].length, '「〜とのこと」「〜との情報」「〜という話」で、出典が示されていません。', 'second-hand');
    }
    for (const m of ctx.matches(AMPLIFY)) {
      warn(ctx, m.index, m.index + m[0].length, '「拡散希望」は、確認されていない情報を広げる呼びかけです。災害時のデマ（熊本地震のライオン騒動など）に典型的な言い方です。', 'amplify');
    }
    for (const m of ctx.matches(UNVERIFIED)) {
      // 未確認情報はお伝えしていません: the post says it does not pass such information on.
      if (/^(?:は|を|に)?(?:お伝えしてい|発信し|流し|惑わされ|ご注意|注意)/u.test(ctx.plain.slice(m.index + m[0].length, m.index + m[0].length + 10))) continue;
      warn(ctx, m.index, m.index + m[0].length, '未確認・出典不明の情報です。', 'unverified');
    }
    for (const m of ctx.matches(INFERENCE)) {
      const s = ctx.sentenceAt(m.index);
      const following = ctx.plain.slice(s.to, s.to + 40);
      if (!HARM_TOPIC.test(s.text) || HOLDING.test(s.text) || HOLDING.test(following) || debunk || inReportedQuote(ctx, m.index)) continue;
      warn(ctx, m.index, m.index + m[0].length, '確認されていない推測（〜みたい・〜っぽい）で、被害やパニックにつながる話題を伝えています。', 'inference', 0.8);
    }
    for (const m of ctx.matches(QUESTION)) {
      if (/という(?:ご)?質問|よくある質問|Q&A|回答/u.test(ctx.plain)) continue;
      warn(ctx, m.index, m.index + m[0].length, '「〜って本当？」と問いかける形でも、噂を広げることになります。', 'question');
    }
    // R6/R10: hearsay that is amplified (拡散希望) or about a harmful topic (決壊, 食中毒, 窃盗団 …) is
    // block-level; the category's default sensitivity (warn) caps it unless a supervisor raises it.
    const mine = ctx.findings.slice(first);
    const amplified = mine.some((f) => f.rule.endsWith(':amplify'));
    if (amplified || HARM_TOPIC.test(ctx.plain)) {
      for (const f of mine) if (f.confidence >= 0.8 && (amplified ? mine.length > 1 : !f.rule.endsWith(':amplify'))) f.severity = 'block';
    }
  },
};
