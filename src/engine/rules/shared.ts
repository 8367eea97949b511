/** Context predicates shared by rules (cf. textlint-rule-no-doubled-joshi's token-utils). */
import type { RuleContext } from '../context.ts';

/** An apology in the post: the post reports an error of the account, it does not commit one. */
const APOLOGY = /お詫び|おわび|謝罪|申し訳|すみません|失礼いたしました/u;
/** The quote is what someone else said or wrote: 「…」とのご意見, 「…」と表現した, 「…」って書いてあった. */
const REPORTED_AFTER_QUOTE = /^(?:と|って|という|との)(?:の)?(?:ご意見|意見|声|表現|不適切|書き込み|投稿|記述|発言|お叱り|指摘|苦情|書いて|言われ|呼ば|いう理由|理由)/u;

/** The quoted word is talked about as a word (「バカ」などの言葉でのいじめをなくそう). */
const MENTIONED_AS_WORD = /^(?:など|といった|という|とか|等)(?:の)?(?:言葉|表現|悪口|暴言|呼び方|書き込み)/u;

/** A span inside 「…」 that reports someone else's words rather than saying them. */
export function isQuotedReport(ctx: RuleContext, from: number, to: number): boolean {
  const q = ctx.quoteAround(from);
  if (q === null || to > q.to) return false;
  // 「バカ」「アホ」などの言葉: skip the quotes that follow, then read what is said of them.
  const after = ctx.plain.slice(q.to, q.to + 40).replace(/^(?:[、・や]?「[^」]{0,12}」)+/u, '').slice(0, 14);
  return REPORTED_AFTER_QUOTE.test(after) || MENTIONED_AS_WORD.test(after) || APOLOGY.test(ctx.plain);
}

/** Cues that the sentence warns against, forbids or condemns what it mentions (MARKERS.md B.6 I1). */
export const PROHIBITION = /ないでください|ないで下さい|ないように|禁止|犯罪です|犯罪となり|違法です|法律で|罰則|罰金|懲役|取締りを?強化|取り締まりを?強化|取締りが強化|注意|ご注意|根絶|撲滅|しない・させない|させない|許さない|やめましょう|やめてください|防止|未然に|通報|ご連絡ください|相談|絶対にありません|逮捕|容疑/u;


/** Counter-speech: the sentence or post speaks against discrimination (MARKERS.md B.7). */
export const COUNTER_SPEECH = /差別(?:を|は|や偏見|や偏見を|のない|をなくそう|をなくし|の解消|解消|禁止|は許され)|偏見のない|偏見をなく|人権週間|人権侵害|人権啓発|啓発|相談窓口|を理由とした|を理由に|という理由で|だからという理由|共生|多文化|誰もが|ともに|一緒に楽しめ|もない方も/u;
