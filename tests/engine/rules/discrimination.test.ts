/**
 * discrimination — 5-8-discrimination （５）⑧「人種、思想、信条等の差別又は差別を助長させる情報」:
 * a protected attribute with a negative predicate (MARKERS.md B.7 DS1–DS5). Naming a group is
 * not discrimination; counter-speech is not either.
 */
import { ruleTester } from '../helpers.ts';

ruleTester('discrimination', {
  valid: [
    { text: '高齢者の方は特殊詐欺に要注意です。', why: 'the group is the one at risk, not the threat' },
    { text: '人権週間にあわせ、差別や偏見のない明るい地域づくりを進めましょう。', why: 'counter-speech (人権週間…差別や偏見のない)' },
    { text: '外国人住民のための生活相談窓口を開設しました。', why: 'a service for a group' },
    { text: '障がいのある方もない方も一緒に楽しめるボッチャ大会を開きます。', why: 'inclusive event' },
    { text: '『外国人だから』という理由で入居を断ることは人権侵害です。', why: 'quotes the prejudice to condemn it' },
    { text: '技能実習生の皆さんが、りんごの収穫を手伝ってくれました。', why: 'positive mention of a group' },
    { text: '高齢者の方を対象とした健康教室を開催します。', why: 'a target audience' },
    { text: '認知症の方とその家族を支える認知症カフェを開いています。', why: 'support service' },
    { text: '留学生との交流会に多くの市民が参加しました。', why: 'exchange event' },
    { text: '女性の活躍推進セミナーを開催します。', why: 'gender named without a stereotype' },
    { text: 'LGBTについて理解を深める講演会を開きます。', why: 'awareness event' },
  ],
  invalid: [
    { text: '移民が来てから町が物騒になった。', rule: 'discrimination:criminalisation', category: 'discrimination', excerpt: '移民', paraphrase: '移民が住みつくようになってから、この町は危なくなった。', paraphraseTodo: true },
    { text: '信者の人とは関わらない方がいいよ。', rule: 'discrimination:exclusion', category: 'discrimination', excerpt: '信者', paraphrase: '信者とは付き合わないほうがいいですよ。' },
    { text: '新興宗教の人は要注意です。', rule: 'discrimination:group-warning', category: 'discrimination', excerpt: '新興宗教', paraphrase: '新興宗教をやっている人には気をつけてください。', paraphraseTodo: true },
    { text: '外国人は日本から出ていけ。', rule: 'discrimination:exclusion', category: 'discrimination', excerpt: '外国人は日本から出ていけ', severity: 'block', paraphrase: '外国人は自分の国へ帰れ。' },
    { text: '在日の人はこの地区に住ませるな。', rule: 'discrimination:exclusion', category: 'discrimination', excerpt: '住ませるな', severity: 'block', paraphrase: '在日の人をこの地区に住まわせないでください。' },
    { text: '生活保護の人と外国籍の人の入居はお断りします。', rule: 'discrimination:exclusion', category: 'discrimination', excerpt: 'お断り', paraphrase: '外国籍の方と生活保護を受けている方の入居はご遠慮いただいています。', paraphraseTodo: true },
    { text: '実習生が増えてから、このあたりの治安が悪くなった。', rule: 'discrimination:criminalisation', category: 'discrimination', excerpt: '治安が悪', paraphrase: '実習生が多くなって以来、この辺は治安が悪化しました。' },
    { text: '中国人って本当にマナーが悪い。', rule: 'discrimination:generalisation', category: 'discrimination', excerpt: '中国人って', paraphrase: '中国人はほんとにマナーがなってないですね。', paraphraseTodo: true },
    { text: '近くに障害者施設ができるらしくて不安です。', rule: 'discrimination:stigma', category: 'discrimination', excerpt: '障害者', paraphrase: '近所に障がい者の施設ができるそうで、心配です。' },
    { text: '女性職員は細かい作業が得意なので受付をお願いしています。', rule: 'discrimination:stereotype', category: 'discrimination', excerpt: '女性', severity: 'warn', paraphrase: '女の職員は細かい仕事に向いているから、受付を任せています。', paraphraseTodo: true },
    { text: 'ホームレスは駆除すべきだ。', rule: 'discrimination:dehumanisation', category: 'discrimination', excerpt: '駆除', paraphrase: '路上生活者は駆除しなければいけません。', paraphraseTodo: true },
    { text: '難民はみんなルールを守らない。', rule: 'discrimination:inferiority', category: 'discrimination', excerpt: '守らない', paraphrase: '難民は決まりを守らない人ばかりです。' },
    { text: '外国人の窃盗団が出没しているので見張りましょう。', rule: 'discrimination:criminalisation', category: 'discrimination', excerpt: '窃盗団', paraphrase: '外国人の泥棒グループがうろついているので、監視してください。' },
  ],
});
