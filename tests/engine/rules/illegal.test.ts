/**
 * illegal — 5-8-illegal （５）⑧「違法行為又は違法行為をあおる情報」: an act with incitement or
 * assurance (I1 × I2), and an official account campaigning for a candidate (I3). Warnings and
 * campaigns against crime cancel it.
 */
import { ruleTester } from '../helpers.ts';

ruleTester('illegal', {
  valid: [
    { text: '不法投棄は犯罪です。見つけた場合は環境課までご連絡ください。', why: 'a warning, not incitement (I1 FP)' },
    { text: '飲酒運転は「しない・させない・許さない」を合言葉に、交通安全運動を実施します。', why: 'the national campaign slogan' },
    { text: '道路への雪捨ては法律で禁止されています。', why: 'prohibition' },
    { text: 'イベント会場周辺での路上駐車はご遠慮ください。', why: 'asks people not to park' },
    { text: 'りんご園の果実を無断で持ち帰らないでください。', why: '〜ないでください cancels' },
    { text: '会場上空でのドローンの飛行は禁止です。', why: 'prohibition of drones' },
    { text: '期日前投票は市役所本庁舎で受け付けています。', why: 'neutral election information (I3 FP)' },
    { text: '雨でも大丈夫な屋内イベントです。', why: '大丈夫 without an illegal act' },
    { text: 'チケットの転売は禁止されています。', why: 'resale named in a prohibition' },
    { text: '特殊詐欺にご注意ください。', why: 'crime-prevention notice' },
  ],
  invalid: [
    { text: '余ったごみは畑で燃やしてもバレないよ。', rule: 'illegal:burning', category: 'illegal', excerpt: 'ごみは畑で燃やしてもバレない', paraphrase: '残ったゴミは畑で焼いちゃっても見つからないですよ。' },
    { text: '古い家電は山に置いていっても誰も見てないから大丈夫。', rule: 'illegal:dumping', category: 'illegal', excerpt: '置いていっても', severity: 'block', paraphrase: '使わなくなった家電は、山に捨ててきても誰にも見られないので大丈夫でしょう。' },
    { text: '祭りの日は会場の近くの道に停めちゃおう。', rule: 'illegal:parking', category: 'illegal', excerpt: '停めちゃおう', paraphrase: 'お祭りの日は、会場そばの道路に路上駐車しましょう。' },
    { text: 'ちょっと飲んでも近所なら車で帰っても平気です。', rule: 'illegal:drunk-driving', category: 'illegal', excerpt: '車で帰っても平気', paraphrase: '少しお酒を飲んだくらいなら、近くだし運転して帰っても大丈夫だよ。' },
    { text: '除雪した雪は側溝に捨てちゃえば楽ですよ。', rule: 'illegal:snow', category: 'illegal', excerpt: '側溝に捨て', paraphrase: '雪かきで出た雪は道路に捨てちゃって構いません。' },
    { text: '落ちてるりんごは取っても大丈夫だよ。', rule: 'illegal:theft', category: 'illegal', excerpt: '取っても大丈夫', paraphrase: '人の畑に落ちてるりんごなら、拾って帰っても平気です。', paraphraseTodo: true },
    { text: 'このサイトなら新作映画が無料で全部見られるよ。', rule: 'illegal:piracy', category: 'illegal', excerpt: '無料で全部', paraphrase: 'このサイトで、公開中の映画がタダで見放題です。' },
    { text: '花火大会はドローンを飛ばしても許可とか気にせず大丈夫。', rule: 'illegal:drone', category: 'illegal', excerpt: 'ドローン', paraphrase: '花火大会の会場でも、許可なしでドローンを飛ばして問題ありません。' },
    { text: '余ったゴミを燃やしてもバレないよ。', rule: 'illegal:burning', category: 'illegal', excerpt: 'ゴミを燃やしてもバレない', paraphrase: 'いらないゴミは燃やしちゃえば、ばれませんよ。' },
    { text: '〇〇候補に一票をお願いします！', rule: 'illegal:election', category: 'illegal', excerpt: '候補に一票', severity: 'block', paraphrase: '次の選挙では〇〇さんに投票してください！' },
    { text: '私たちは△△党を全力で応援しています。', rule: 'illegal:election', category: 'illegal', excerpt: '全力で応援', paraphrase: '平川市は△△党を全面的に支持します。', paraphraseTodo: true },
  ],
});
