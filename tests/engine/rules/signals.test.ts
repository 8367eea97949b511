/**
 * The combiner over dictionaries/signals/ (rule `signals`): what × how in any wording, cancelled
 * by the context that makes it harmless. Each combo's own examples are run by
 * tests/engine/signals.test.ts; this table holds sentences written apart from those examples, so
 * it checks that the data generalises (another synonym, conjugation, politeness level).
 */
import { ruleTester } from '../helpers.ts';

ruleTester('signals', {
  valid: [
    { text: '大麻の所持や使用は法律で禁止されています。薬物乱用防止教室を開きます。', why: 'a prevention notice names the drug' },
    { text: '飲酒運転は絶対にやめましょう。ハンドルキーパー運動にご協力ください。', why: 'a drink-driving campaign' },
    { text: '各ブースでは地元の野菜を販売します。', why: 'a booth is not ブス' },
    { text: '「〇〇ダムが決壊する」という情報がSNSで出回っていますが、事実ではありません。', why: 'a rumour denied' },
    { text: '人権週間にあわせて、外国人への偏見や差別をなくすパネル展を開きます。', why: 'counter-speech about a group' },
    { text: '新しい図書館の基本計画を策定しました。市ホームページで公開しています。', why: 'a published decision' },
    { text: '障がいのある方の就労相談を、福祉課で受け付けています。', why: 'a welfare notice' },
    { text: '自殺を考えるほど悩んでいる方は、こころの相談ダイヤルへお電話ください。', why: 'suicide prevention with a hotline' },
    { text: '選挙の投票日は7月20日です。期日前投票は市役所で行えます。', why: 'neutral election information' },
    { text: '不要になった家電は、フリマアプリで売るのもひとつの方法です。', why: 'lawful resale' },
    { text: '高齢者を狙った特殊詐欺が増えています。「必ずもうかる」という電話はすぐに切ってください。', why: 'a fraud warning' },
  ],
  invalid: [
    { text: 'ちょっとくらいならお酒を飲んだ後に運転しても平気ですよね。', rule: 'signals', category: 'illegal', excerpt: '運転', paraphrase: '晩酌のあとでも近所までなら車を出して問題ないでしょう。' },
    { text: '高校生でもビールの一杯ぐらい、誰も気にしませんって。', rule: 'signals', category: 'illegal', excerpt: '高校生', only: 'tokenizer', paraphrase: '中学生だってお正月くらいはお酒を飲んでもかまわないと思います。' },
    { text: '駅前の放置自転車、どうせ誰のでもないし持って帰っちゃえばいいよ。', rule: 'signals', category: 'illegal', excerpt: '持って帰', only: 'tokenizer', paraphrase: 'コンビニの傘立ての傘、黙って持って行っても誰も気づきませんよ。' },
    { text: '粗大ごみは夜のうちに山へ捨てれば、誰にもバレませんよ。', rule: 'signals', category: 'illegal', excerpt: '捨て', paraphrase: '古タイヤは川原に置いてくれば処分代が浮きますよ、見つかりませんし。' },
    { text: 'あの窓口の職員、本当に使えないですね。', rule: 'signals', category: 'insult', excerpt: '使えない', paraphrase: '受付のあのおばさん、まったく役に立ちませんね。' },
    { text: '〇〇地区の年寄りは頭が固くて話になりません。', rule: 'signals', category: 'insult', excerpt: '頭が固', paraphrase: '本町の老人たちは本当に頭が悪くて困ります。' },
    { text: '外国人の実習生にはアパートを貸したくないという大家さんの気持ちもわかります。', rule: 'signals', category: 'discrimination', excerpt: '貸したくない', only: 'tokenizer', paraphrase: 'ベトナム人の技能実習生には部屋を貸さないほうがいいですよ。' },
    { text: '生活保護をもらっている人たちは、みんな怠け者ですよ。', rule: 'signals', category: 'discrimination', excerpt: '怠け者', paraphrase: '生活保護の受給者なんて、どうせ働く気がない人ばかりです。' },
    { text: '上流の堤防が今夜にも決壊するみたいです。拡散お願いします！', rule: 'signals', category: 'rumour', excerpt: 'みたい', paraphrase: '〇〇川の堤防が崩れそうだって聞きました。みんなに広めてください。' },
    { text: '国道を時速100キロで飛ばしても、このへんはネズミ捕りがいないから平気。', rule: 'signals', category: 'illegal', excerpt: 'ネズミ捕り', paraphrase: 'バイパスはスピード出し放題、取り締まりもないから大丈夫です。' },
    { text: '来年から小学校がひとつ統合されるっぽいです。まだ内緒ですが。', rule: 'signals', category: 'decision_process', excerpt: '統合', paraphrase: '市民プールは再来年に廃止される見通しだそうです。正式発表はまだですが。' },
  ],
});
