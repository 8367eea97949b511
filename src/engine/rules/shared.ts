/** Context predicates shared by rules (cf. textlint-rule-no-doubled-joshi's token-utils). */
import type { RuleContext } from '../context.ts';
import { BUILTIN_SIGNAL_BOOKS } from '../../dictionary/builtin-signals.ts';

/** A literal as a regex source. */
function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The terms and patterns of built-in signals as one regex over `plain`, for the older code rules
 * that must honour the same cancellers as the combos (one list of corrections, not two).
 */
export function signalRegex(names: readonly string[]): RegExp {
  const parts: string[] = [];
  for (const book of BUILTIN_SIGNAL_BOOKS) {
    for (const s of book.signals) {
      if (!names.includes(s.name)) continue;
      for (const t of s.terms) parts.push(escapeRegExp(t));
      parts.push(...s.patterns);
    }
  }
  if (parts.length === 0) throw new Error(`no built-in signal named ${names.join(', ')}`);
  return new RegExp(parts.map((p) => `(?:${p})`).join('|'), 'u');
}

/** The words a built-in signal's hits may not follow (its `notBefore`), as a regex for the end of a text. */
export function notBeforeRegex(name: string): RegExp {
  const forms = BUILTIN_SIGNAL_BOOKS.flatMap((b) => b.signals.filter((s) => s.name === name).flatMap((s) => s.notBefore));
  if (forms.length === 0) throw new Error(`no notBefore forms for built-in signal ${name}`);
  return new RegExp(`(?:${forms.map(escapeRegExp).join('|')})$`, 'u');
}

/** The post corrects or denies a rumour, or teaches how not to spread one (the combos' ru_correction and denial). */
export const CORRECTION = signalRegex(['ru_correction', 'denial']);

/** An apology in the post: the post reports an error of the account, it does not commit one. */
const APOLOGY = /お詫び|おわび|謝罪|申し訳|すみません|失礼いたしました/u;
/** The quote is what someone else said or wrote: 「…」とのご意見, 「…」と表現した, 「…」って書いてあった. */
const REPORTED_AFTER_QUOTE = /^(?:と|って|という|との)(?:の)?(?:ご意見|意見|声|表現|不適切|メッセージ|お問い合わせ|問い合わせ|ご質問|質問|ご要望|要望|依頼|書き込み|投稿|記述|発言|お叱り|指摘|苦情|書いて|言われ|呼ば|いう理由|理由)/u;

/** The quoted word is talked about as a word (「バカ」などの言葉でのいじめをなくそう, 「ガイジ」といったスラングは差別語です, 「無能」などと罵る). */
const MENTIONED_AS_WORD = /^(?:など|といった|という|とか|等|って|だと)?(?:と|の)?(?:言葉|示す|示し|指す|呼ぶ|表現|悪口|暴言|呼び方|書き込み|投稿|スラング|ネットスラング|差別語|蔑称|言い方|単語|張り紙|貼り紙|落書き|看板|罵|ののし|言って|言った|言う|言わ|呼んで|呼ば|書き込|書いて|言われ|発言|誤った|根拠のない|うわさ|噂|デマ|情報|メール|連絡|電話|手紙|はがき|文書|チラシ|叫|排除|攻撃|非難|する|し)/u;
/** 「〜のくせに」「どうせ〜」など、相手を見下す表現: quotes listed as examples of a kind of wording. */
const LISTED_AS_WORDS = /^(?:など|といった|のような)、?[^。「」]{0,10}?(?:表現|言葉|言い方|書き込み|呼び方)/u;
/** A short quote that is the topic or object of the sentence (「ここだけの話」はどこにでも広まる): a phrase being talked about. */
const QUOTE_AS_TOPIC = /^(?:は|も|を|が|の(?!ですが))/u;

/** A span inside 「…」 that reports someone else's words rather than saying them. */
export function isQuotedReport(ctx: RuleContext, from: number, to: number): boolean {
  const q = ctx.quoteAround(from);
  if (q === null || to > q.to) return false;
  // 「バカ」「アホ」などの言葉: skip the quotes that follow, then read what is said of them.
  const after = ctx.plain.slice(q.to, q.to + 40).replace(/^(?:[、・や]?(?:「[^」]{0,12}」|『[^』]{0,12}』))+/u, '').slice(0, 14);
  const shortQuote = q.to - q.from <= 17;
  return REPORTED_AFTER_QUOTE.test(after) || MENTIONED_AS_WORD.test(after) || LISTED_AS_WORDS.test(after) || (shortQuote && QUOTE_AS_TOPIC.test(after)) || APOLOGY.test(ctx.plain);
}

/** Cues that the sentence warns against, forbids or condemns what it mentions (MARKERS.md B.6 I1). */
export const PROHIBITION = /ないでください|ないで下さい|ないように|禁止|犯罪です|犯罪となり|違法です|法律で|罰則|罰金|懲役|取締りを?強化|取り締まりを?強化|取締りが強化|注意|ご注意|根絶|撲滅|しない・させない|させない|許さない|やめましょう|やめてください|防止|未然に|通報|ご連絡ください|相談|絶対にありません|逮捕|容疑/u;


/** Counter-speech: the sentence or post speaks against discrimination (MARKERS.md B.7). */
export const COUNTER_SPEECH = /根拠はありません|根拠のない|という考え方|偏見です|誤解です|差別(?:を|は|や偏見|や偏見を|のない|をなくそう|をなくし|の解消|解消|禁止|は許され)|偏見のない|偏見をなく|人権週間|人権侵害|人権啓発|啓発|相談窓口|を理由とした|を理由に|という理由で|だからという理由|共生|多文化|誰もが|ともに|一緒に楽しめ|もない方も/u;
