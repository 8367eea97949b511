/**
 * terms — the word lists of dictionaries/ (every category), matched on the normalised key with
 * the evasions of MARKERS.md B.1, escalated with a target and dropped in a false-positive
 * context. Every entry's own examples are checked by tests/engine/meta.test.ts.
 */
import { ruleTester } from '../helpers.ts';

ruleTester('terms', {
  valid: [
    { text: '子ども会でババ抜き大会を開きました。', why: 'ババ抜き is a card game, not ババア' },
    { text: '地域の夏祭りで馬鹿囃子の練習が始まりました。', why: '馬鹿囃子 (fp of insult.baka)' },
    { text: '木瓜（ボケ）の花が公園で咲いています。', why: 'ボケ the flower' },
    { text: '酒かすを使った郷土料理の教室を開きます。', why: '酒かす (fp of insult.kasu)' },
    { text: '準備ばかりで大変でしたが、無事に終わりました。', why: 'ばかり is not ばか (token boundary)' },
    { text: '夏休みはバカンスの季節です。', why: 'バカンス (katakana boundary)' },
    { text: '協力していただいた皆さんに感謝します。', why: '協力 — 力 is mapped to カ only next to katakana' },
    { text: '乳がん検診（乳房エックス線検査）の受付を開始しました。', why: '乳房 in a screening notice (P1 FP)' },
    { text: '介護教室で体位変換のコツを学びました。', why: '体位変換 (P1 FP)' },
    { text: '郷土作家の処女作を図書館で展示しています。', why: '処女作 (P1 FP)' },
    { text: '紙くずは燃やせるごみに出してください。', why: 'くず = scrap, not a person' },
    { text: 'タヒチの写真展を開催します。', why: 'タヒチ is not タヒ(死)' },
    { text: '糖質制限の料理教室を開催します。', why: '糖質 in a diet context' },
    { text: '消毒用エタノールを各施設に配布しました。', why: 'エタノール' },
    { text: '部落差別の解消に向けた講演会を開きます。', why: 'counter-discrimination event' },
    { text: '土方歳三の企画展を開催しています。', why: '土方歳三 is a person' },
    { text: 'アホウドリの生態についての講演会を開きます。', why: 'アホウドリ (fp of insult.aho)' },
  ],
  invalid: [
    { text: '窓口に来た人、ほんとバカだよね。', rule: 'terms:insult.baka', category: 'insult', excerpt: 'バカ', severity: 'block', paraphrase: '窓口に来た人、本当に馬鹿ですね。' },
    { text: '議員のくせにﾊﾞｶじゃないの。', rule: 'terms:insult.baka', category: 'insult', excerpt: 'ﾊﾞｶ', paraphrase: '議員なのにばかなんじゃないですか。' },
    { text: '市民はバ カばかり。', rule: 'terms:insult.baka', category: 'insult', excerpt: 'バ カ', paraphrase: '市民って、バ・カばっかり。' },
    { text: 'お前はア　ホか。', rule: 'terms:insult.aho', category: 'insult', excerpt: 'ア　ホ', paraphrase: 'あんた、あ ほなの？', paraphraseTodo: true },
    { text: '職員のバ\u200bカさ加減にはあきれる。', rule: 'terms:insult.baka', category: 'insult', excerpt: 'バ\u200bカ', paraphrase: '職員があまりにバ\u200bカで呆れます。' },
    { text: 'あいつはバ🍀カだ。', rule: 'terms:insult.baka', category: 'insult', excerpt: 'バ🍀カ', paraphrase: 'あの人はバ🌸カです。' },
    { text: '隣町の職員は馬○ばかり。', rule: 'terms:insult.baka', category: 'insult', excerpt: '馬○', severity: 'warn', paraphrase: '隣の町の職員は〇鹿ばっかりだ。', paraphraseTodo: true },
    { text: 'キ〇ガイみたいに電話してくる人がいる。', rule: 'terms:discrimination.kichigai', category: 'discrimination', excerpt: 'キ〇ガイ', severity: 'warn', paraphrase: '気〇いみたいに何度も電話をかけてくる人がいます。' },
    { text: 'お前、ばーか。', rule: 'terms:insult.baka', category: 'insult', excerpt: 'ばーか', paraphrase: 'おまえ、バーカ！' },
    { text: '窓口の人、バ力なの？', rule: 'terms:insult.baka', category: 'insult', excerpt: 'バ力', paraphrase: '窓口のやつ、バ力すぎる。' },
    { text: 'あの客、死ねばいいのに。', rule: 'terms:insult.shine', category: 'insult', excerpt: '死ね', severity: 'block', paraphrase: 'あの客には死んでほしい。' },
    { text: 'あのクソ職員、また遅刻してる。', rule: 'terms:insult.kuso', category: 'insult', excerpt: 'クソ', severity: 'block', paraphrase: 'あのくそ職員がまた遅刻しています。', paraphraseTodo: true },
    { text: '近所の老害がまた騒いでいる。', rule: 'terms:insult.jiji', category: 'discrimination', excerpt: '老害', paraphrase: '近所のじじいがまたうるさく騒いでます。' },
    { text: 'ここだけの話、来年度の採用人数は大幅に減ります。', rule: 'terms:confidential.leak-phrase', category: 'confidential', excerpt: 'ここだけの話', severity: 'block', paraphrase: 'オフレコですが、来年度の採用人数はかなり減ります。' },
    { text: '入札の予定価格は3,200万円です。', rule: 'terms:confidential.procurement', category: 'confidential', excerpt: '予定価格', paraphrase: '今回の工事入札、上限の予定額は3,200万円です。', paraphraseTodo: true },
    { text: '祭りの後はパパ活の相手探しにどうぞ。', rule: 'terms:public_order.sexual', category: 'public_order', excerpt: 'パパ活', paraphrase: 'お祭り帰りにパパ活のお相手を見つけてみませんか。' },
  ],
});
