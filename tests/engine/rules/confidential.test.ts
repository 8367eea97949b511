/**
 * confidential — 5-8-confidential （５）⑧「守秘義務に抵触する情報」 (地方公務員法34条): a person
 * with a sensitive fact (C3), a standalone 秘 mark (C1) and a pre-announcement date. The word
 * lists (部外秘, ここだけの話, 予定価格 …) are the `terms` rule's.
 */
import { ruleTester } from '../helpers.ts';

ruleTester('confidential', {
  valid: [
    { text: 'ご相談に来られた方には、生活保護の制度を丁寧にご案内しています。相談件数は昨年より増えました。', why: 'a general statement about everyone who comes, with no individual fact' },
    { text: '本日、職員の懲戒処分を公表しました。', why: 'a disciplinary action already announced (C5)' },
    { text: '秘書課からのお知らせです。', why: '秘 inside a word (C1 FP)' },
    { text: '便秘予防の食事について栄養士がお話しします。', why: '便秘' },
    { text: '神秘的な雪景色を撮影しました。', why: '神秘' },
    { text: '審議会は非公開で開催します。', why: 'announcing a closed meeting is public information' },
    { text: '個人情報は厳重に管理します。', why: 'a statement of policy' },
    { text: '相談件数は昨年度1,200件でした。', why: 'anonymous statistics (C3 FP)' },
    { text: '山田花子さんが県の表彰を受賞されました。おめでとうございます。', why: 'consent-based award feature' },
    { text: 'パスワードは他人に教えないでください。', why: 'security advice' },
    { text: '開札結果を市ホームページで公表しました。', why: 'after the opening of bids' },
    { text: '市長が市内の小学校を訪問しました。', why: 'an office holder without a sensitive fact' },
  ],
  invalid: [
    { text: '先日ご相談に来られた方の件、生活保護の申請が通りました。', rule: 'confidential:consultation', category: 'confidential', excerpt: 'ご相談に来られた方', paraphrase: '先週相談に見えた方ですが、生活保護の受給が決まりました。' },
    { text: '㊙の資料ですが、来年度の体育館の改修計画です。', rule: 'confidential:classified-mark', category: 'confidential', excerpt: '㊙', severity: 'block', paraphrase: '来年度の体育館改修計画、マル秘の資料なので取り扱い注意です。' },
    { text: '㊙資料です。', rule: 'confidential:classified-mark', category: 'confidential', excerpt: '㊙', severity: 'block', paraphrase: '極秘の書類です。' },
    { text: '窓口に来た木村さんは離婚の手続き中です。', rule: 'confidential:person-sensitive', category: 'confidential', excerpt: '木村さん', paraphrase: '窓口にいらした木村さんは、現在離婚の手続きをしています。' },
    { text: '【秘】庁内配布用', rule: 'confidential:classified-mark', category: 'confidential', excerpt: '秘', severity: 'block', paraphrase: '＜秘＞職員限り' },
    { text: '（秘）来年度の組織改編案', rule: 'confidential:classified-mark', category: 'confidential', excerpt: '秘', paraphrase: '次年度の機構改革案【秘】' },
    { text: '佐藤一郎さんが先週から認知症で入院しています。', rule: 'confidential:person-sensitive', category: 'confidential', excerpt: '佐藤一郎さん', severity: 'block', paraphrase: '佐藤一郎さんは、先週から認知症のため病院に入っておられます。' },
    { text: '昨日、高橋さんが生活保護の相談に来ました。', rule: 'confidential:person-sensitive', category: 'confidential', excerpt: '高橋さんが生活保護', severity: 'block', paraphrase: '高橋さんが、昨日生活保護のことで相談にいらっしゃいました。' },
    { text: '市長が入院したが、まだ発表されていない。', rule: 'confidential:person-sensitive', category: 'confidential', excerpt: '市長が入院', severity: 'warn', paraphrase: '市長が入院中だけど、まだ公表はされてないよ。' },
    { text: '市長が入院したが、まだ発表されていない。', rule: 'confidential:pre-announcement', category: 'confidential', excerpt: 'まだ発表されていない', paraphrase: 'まだ公表前ですが、市長が入院しました。' },
    { text: '正式発表は来月の予定ですが、新しい公園の名前が決まりました。', rule: 'confidential:pre-announcement', category: 'confidential', excerpt: '正式発表は来月', paraphrase: '新しい公園の名称が決定しました。正式な発表は来月になる予定です。' },
    { text: '発表前ですが、来年度の新規採用は大幅に減ります。', rule: 'confidential:pre-announcement', category: 'confidential', excerpt: '発表前ですが', paraphrase: '公表前ですが、来年度の新規採用はかなり少なくなります。' },
    { text: '窓口に来た工藤さんは離婚の手続き中です。', rule: 'confidential:person-sensitive', category: 'confidential', excerpt: '工藤さん', paraphrase: 'さっき窓口に来られた工藤さん、離婚手続きの真っ最中なんです。' },
    { text: '市長が入院したそうですが、まだ発表されていません。', rule: 'confidential:pre-announcement', category: 'confidential', excerpt: 'まだ発表されていません', paraphrase: '市長が入院されたと聞きましたが、公表はまだです。' },
  ],
});
