/**
 * insult — 5-8-insult （５）⑧「侮蔑、誹謗、中傷や不敬な言い方を含む情報」: mockery (S3), mock
 * politeness (S4), disrespect to the imperial family (S5), sneering labels. Insult words
 * themselves are the `terms` rule's.
 */
import { ruleTester } from '../helpers.ts';

ruleTester('insult', {
  valid: [
    { text: '工事の音がうるさいとのご意見をいただきました。', why: 'noise reported, no person judged' },
    { text: '天皇皇后両陛下のご来県を心より歓迎いたします。', why: 'honorifics present (S5 FP)' },
    { text: '天皇誕生日は祝日のため、市役所は閉庁します。', why: '天皇誕生日 is a holiday name' },
    { text: '市民の皆さんの笑顔があふれる一日となりました。', why: '笑顔 is not （笑）' },
    { text: '除雪作業へのご協力ありがとうございました（笑顔で作業する職員の写真）。', why: '（笑顔…） is not the mockery cue （笑）' },
    { text: 'お問い合わせの多かった点について、窓口でご説明いたします。', why: 'honorific notice with no negated ability' },
    { text: '隣町との合同防災訓練を実施しました。', why: 'another municipality named without mockery' },
    { text: 'このラーメン、草が生えるほどおいしいと評判です。', why: '草 not at a clause end after kana, and no mocked target' },
    { text: '木瓜（ボケ）の花が見頃を迎えています。', why: 'ボケ the flower (not this rule, and not any rule)' },
    { text: '夏祭りでは地元の保存会による馬鹿囃子が披露されます。', why: '馬鹿囃子 is a festival music' },
    { text: '春の叙勲で市内から3名が受章されました。', why: 'plain result announcement' },
  ],
  invalid: [
    { text: '駅前で騒いでる連中、ほんとうるさい。', rule: 'insult:judged', category: 'insult', excerpt: '連中、ほんとうるさい', paraphrase: '駅前で騒いでいるやつら、本当にうるさいです。', paraphraseTodo: true },
    { text: '今度の担当、使えない奴ばかりだ。', rule: 'insult:judged', category: 'insult', excerpt: '使えない奴', paraphrase: '新しい担当者は役に立たない人ばかりです。' },
    { text: '隣町の除雪、まだ終わってないの草。', rule: 'insult:mockery', category: 'insult', excerpt: '草', severity: 'warn', paraphrase: '隣町の除雪まだ終わってないとか草生える', paraphraseTodo: true },
    { text: 'さすがですね、あの議員（笑）', rule: 'insult:mockery', category: 'insult', excerpt: '（笑）', paraphrase: 'あの議員、さすがだわｗ' },
    { text: '問い合わせの人たち、ほんとにｗｗｗ', rule: 'insult:mockery', category: 'insult', excerpt: 'ｗｗｗ', paraphrase: '問い合わせてくる人たちって、ほんと笑っちゃう', paraphraseTodo: true },
    { text: '書類の書き方もおできにならない方のために、もう一度ご説明します。', rule: 'insult:mock-polite', category: 'insult', excerpt: 'おできにならない', paraphrase: '書類もろくにお書きになれない方のために、改めてご説明いたします。', paraphraseTodo: true },
    { text: 'わざわざ窓口までお越しいただかなくても、ホームページを読めば分かります。', rule: 'insult:mock-polite', category: 'insult', excerpt: 'いただかなくても', paraphrase: 'ホームページをお読みになれば分かることですので、わざわざ窓口にいらっしゃる必要はございません。', paraphraseTodo: true },
    { text: '天皇が来るから道路が通行止めになる。', rule: 'insult:imperial', category: 'insult', excerpt: '天皇', paraphrase: '天皇夫婦がやって来るせいで道路が通行止めです。', paraphraseTodo: true },
    { text: 'ヤバい住民がまた騒いでいる。', rule: 'insult:sneer', category: 'insult', excerpt: 'ヤバい住民', paraphrase: 'やばい住人がまた騒いでます。', paraphraseTodo: true },
    { text: '民度の低い客が多くて困ります。', rule: 'insult:sneer', category: 'insult', excerpt: '民度の低い客', paraphrase: '民度が低い客ばっかりで困る。' },
    { text: '除雪が遅いって苦情の電話、今日も10件目🤣', rule: 'insult:mockery', category: 'insult', excerpt: '🤣', paraphrase: '「除雪が遅い」というクレームの電話が今日だけで10件😂' },
  ],
});
