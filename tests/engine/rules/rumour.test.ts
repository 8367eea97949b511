/**
 * rumour — 5-8-rumour （５）⑧「単なる噂や噂を助長させる情報」 (MARKERS.md B.3).
 * らしい/そう are decided by POS with the tokenizer and by the preceding kana without it.
 */
import { ruleTester } from '../helpers.ts';

ruleTester('rumour', {
  valid: [
    { text: '給食センターが閉鎖されるという話がありますが、そのような予定はありません。来年度も通常どおり運営します。', why: 'a rumour named in order to correct it' },
    { text: '「らしい」「みたい」という情報だけで通報をためらわないでください。', why: 'words quoted as words' },
    { text: '停電が発生しているようです。原因は現在確認中です。', why: 'an official holding statement' },
    { text: '明日は雪が降るようです。', why: 'inference without a harmful topic' },
    { text: '分からないこと聞いてもいいですか。', why: 'the と of こと is not the quotative particle' },
    { text: '子どもたちが市長に気になること聞いてみました！', why: 'こと + 聞く: asking, not hearsay' },
    { text: '春らしい陽気に誘われて、弘前公園にもたくさんの人が訪れました。', why: 'noun + らしい + noun is "typical of" (R1 FP)' },
    { text: '子どもらしい元気な歌声が体育館に響きました。', why: '子どもらしい = childlike, not hearsay' },
    { text: '平川市らしさを発信するロゴマークが決まりました。', why: 'らしさ is a noun ("-ness")' },
    { text: '職員らしからぬ言動はありませんでした。', why: 'らしからぬ is typical-of negated' },
    { text: '明日は午後から雪が降りそうです。お出かけの際はご注意ください。', why: '様態そう (looks like), not 伝聞 (R2 FP)' },
    { text: '今年のりんごは甘くておいしそうです。', why: 'adjective stem + 様態そう' },
    { text: '青森地方気象台によると、今夜から強い風が吹くとのことです。', why: 'とのこと with an official source (R5 FP)' },
    { text: '平川警察署によると、国道7号で事故があったとのことです。', why: 'police as the named source' },
    { text: '実行委員会から連絡があり、雨天のため延期とのことです。', why: 'the organiser is the source' },
    { text: '「スイカ割りが楽しかったらしいよ」と話す子どもたちの笑顔が印象的でした。', why: "a child's words quoted in an event report" },
    { text: 'SNSで「浄水場が停止した」という噂が広がっていますが、そのような事実はありません。', why: 'a debunk is counter-rumour (R4 FP)' },
    { text: '素晴らしい演奏に大きな拍手が送られました。', why: '素晴らしい contains らしい inside a word' },
    { text: 'めずらしい渡り鳥が大池に飛来しています。', why: 'めずらしい contains らしい inside a word' },
    { text: '雪が少なくて、除雪車の出番はまだなさそうです。', why: 'なさそう is 様態' },
  ],
  invalid: [
    { text: '浄水場の水に毒が入ったみたいです。', rule: 'rumour:inference', category: 'rumour', excerpt: 'みたいです', paraphrase: '浄水場の水に毒が混入したようです。' },
    { text: '市民体育館の改修工事が遅れているらしいです。', rule: 'rumour:rashii', category: 'rumour', excerpt: 'らしい', severity: 'warn', paraphrase: '市民体育館の改修、工事が遅れてるらしいよ。' },
    { text: '駅前の商店街で火事があったらしい。', rule: 'rumour:rashii', category: 'rumour', excerpt: 'らしい', paraphrase: '駅前商店街で火災が起きたらしいです。' },
    { text: 'あの店、来月で閉店するそうだよ。', rule: 'rumour:sou', category: 'rumour', excerpt: 'そうだ', paraphrase: 'あのお店は来月いっぱいで店じまいするそうです。' },
    { text: '平賀地区で断水しているそうです。', rule: 'rumour:sou', category: 'rumour', excerpt: 'そうです', paraphrase: '平賀地区が断水中だそうだ。' },
    { text: '来年から除雪の回数が減るって言ってた。', rule: 'rumour:hearsay', category: 'rumour', excerpt: 'って言ってた', paraphrase: '来年度から除雪の回数が少なくなると言っていました。', paraphraseTodo: true },
    { text: 'ネットで見たけど、花火大会が中止になるんだって。', rule: 'rumour:hearsay', category: 'rumour', excerpt: 'んだって', paraphrase: 'ネット情報だけど、花火大会がなくなるんだってさ。', paraphraseTodo: true },
    { text: '猿賀神社の近くにクマが出たという話です。', rule: 'rumour:second-hand', category: 'rumour', excerpt: 'という話', paraphrase: '猿賀神社の近くで熊が出たって聞きました。' },
    { text: '柏木町の病院が閉院するとのことです。', rule: 'rumour:second-hand', category: 'rumour', excerpt: 'とのこと', paraphrase: '柏木町の病院は閉院すると聞いています。' },
    { text: '川が決壊しそうだとの情報です。拡散お願いします！', rule: 'rumour:amplify', category: 'rumour', excerpt: '拡散お願い', paraphrase: '川の堤防が切れそうとの情報あり。拡散希望！' },
    { text: '関係者によると、給食センターで食中毒が出たとか。', rule: 'rumour:unverified', category: 'rumour', excerpt: '関係者によると', paraphrase: '関係者の話では、給食センターで食中毒があったそうです。' },
    { text: '真偽不明ですが、浄水場にトラブルがあった模様。', rule: 'rumour:unverified', category: 'rumour', excerpt: '真偽不明', paraphrase: '本当かどうかわかりませんが、浄水場で何かトラブルがあったようです。', paraphraseTodo: true },
    { text: '市民プールが閉鎖されるって本当？', rule: 'rumour:question', category: 'rumour', excerpt: 'って本当？', paraphrase: '市民プールが閉鎖になるというのは本当ですか？', paraphraseTodo: true },
    { text: '北口のコンビニに強盗が入ったとうわさになっています。', rule: 'rumour:uwasa', category: 'rumour', excerpt: 'うわさ', paraphrase: '北口のコンビニに強盗が入ったと噂されています。' },
    // 名詞 + らしい at the end is ambiguous: a low-confidence hearsay with POS, nothing from the kana fallback.
    { text: '今年の雪まつりは中止らしいよ。', rule: 'rumour:rashii', category: 'rumour', excerpt: 'らしい', only: 'tokenizer', paraphrase: '今年の雪まつり、中止になったらしいです。' },
  ],
});
