/**
 * Probes written apart from the dev corpus (none of its sentences): violating drafts must be
 * flagged in their category, clean municipal posts must show nothing at warn or above, and the
 * approval verdict must hold. They guard generalisation: a rule tuned to one corpus sentence
 * fails here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createChecker, type Checker } from '../../src/engine/index.ts';
import { loadNodeTokenizer } from '../../src/tokenizer/kuromoji-node.ts';

let checker: Checker;
beforeAll(async () => {
  checker = createChecker({ tokenizer: await loadNodeTokenizer() });
});

const VIOLATING: Array<[string, string[]]> = [
  ['窓口で長々と文句を言ってた爺さん、ほんと迷惑なジジイだったわ', ['insult']],
  ['あんな議員はさっさと辞めろ。無能すぎる', ['insult']],
  ['隣の町の道路はガタガタで笑える（笑）', ['insult']],
  ['税金泥棒とか言ってくる奴、何様のつもり？', ['insult']],
  ['外国人が増えると治安が悪くなるので、地域で注意しましょう', ['discrimination']],
  ['生活保護の人には貸し出しできません', ['discrimination']],
  ['障害者は入場をご遠慮ください', ['discrimination']],
  ['花火大会の日は河川敷に車を停めても誰も取り締まらないので大丈夫です', ['illegal']],
  ['空き缶やペットボトルは、その辺に捨てちゃっても誰も見てないから平気', ['illegal']],
  ['明日の給食、食中毒が出たらしい', ['rumour']],
  ['市内のスーパーが今月で閉店するらしいですよ', ['rumour']],
  ['知り合いから聞いたんですが、来月から水道料金が上がるみたいです', ['rumour']],
  ['噂ですが、駅前に大型ショッピングモールができるとか', ['rumour']],
  ['内部資料によると、来年度の除雪予算は大幅に削減されます', ['confidential']],
  ['これはまだ発表前なんですが、新しい市長の公約で給食費が無料になります', ['confidential']],
  ['今日窓口に来た田中さん（45歳）は、生活保護の申請について相談されました', ['confidential', 'personal_info']],
  ['新しい体育館の建設場所は、現在庁内で検討中です', ['decision_process']],
  ['保育料の値上げについては部長会議で協議中です', ['decision_process']],
  ['図書館の移転先はまだ決まっていないが、旧小学校跡地の方向で調整しています', ['decision_process']],
  ['担当の鈴木さんの携帯（080-9876-5432）まで直接ご連絡ください', ['personal_info']],
  ['落とし物の持ち主は平川市本町三丁目4番5号の山田太郎さんです', ['personal_info']],
  ['競馬で勝つならこの馬がおすすめ！市職員も応援しています', ['public_order']],
  ['お前ら、ちゃんとルール守れよ', ['insult']],
  ['飲み会の後でも、代行を呼ばずに自分で運転して帰れば安上がり', ['illegal']],
  ['来週の花火大会、雨で中止になるって噂だよ', ['rumour']],
  ['新しい道の駅、年内にオープンするみたいだよ。楽しみ！', ['rumour']],
  ['近所の人の話では、あの工場から有害物質が出ているとのこと', ['rumour']],
  ['市役所の食堂が閉鎖されるって本当？', ['rumour']],
  ['熊が市街地に出たって友達が言ってた。みんな気をつけて！拡散お願いします', ['rumour']],
  ['まだ公表されていませんが、来年度から市営バスの運賃が上がります', ['confidential']],
  ['人事異動の内示がありました。企画課の佐藤課長は来月から教育委員会へ異動です', ['confidential']],
  ['庁内の会議で、文化センターを民間に売却する案が出ています', ['decision_process']],
  ['来年度予算案には市民体育館の建て替え費用が入る予定です。議会に提出する前ですが', ['decision_process']],
  ['連絡は私の個人アドレス tanaka.hanako@gmail.com へどうぞ', ['personal_info']],
  ['山本次郎さん（1985年4月1日生まれ）の捜索にご協力ください', ['personal_info']],
  ['申込者の伊藤さん（平川市大光寺二丁目5番地）宛てに書類を送付しました', ['personal_info']],
  ['韓国人は嘘つきばかりだから信用できない', ['discrimination']],
  ['あの地区の人たちは昔から民度が低い', ['insult']],
  ['高齢ドライバーは全員免許を返納すべき。迷惑なんだよ', ['discrimination']],
  ['バーカ！', ['insult']],
  ['マジでキモいんだけど、あの市議', ['insult']],
  ['ｱﾎかお前は', ['insult']],
  ['この前の苦情の人、頭おかしいでしょ', ['insult']],
  ['どうせ暇な年寄りが文句言ってるだけでしょ', ['insult']],
];

const CLEAN: Array<[string, boolean]> = [
  ['【お知らせ】11月3日（月・祝）は市役所の窓口をお休みします。お問い合わせは市民課（0172-44-1111）まで。', true],
  ['平川市長杯ソフトボール大会の結果、優勝は猿賀クラブ、準優勝は新屋チームでした。', false],
  ['ボケ防止には毎日の散歩が効果的です。介護予防教室にぜひご参加ください。', true],
  ['子どもたちの元気な歌声に、会場は温かい拍手に包まれました。', true],
  ['冬らしい寒さになってきました。路面凍結にご注意ください。', true],
  ['青森地方気象台の発表によると、明日は大雪となる見込みとのことです。', true],
  ['市ホームページで令和7年度の予算書を公開しました。https://www.city.hirakawa.lg.jp/shisei/yosan.html', false],
  ['振り込め詐欺の被害が増えています。「お金を振り込んで」という電話はまず詐欺を疑ってください。', true],
  ['障がいのある方の就労支援セミナーを開催します。相談は福祉課へ。', true],
  ['外国人住民向けの日本語教室を開きます。多文化共生の地域づくりにご協力ください。', true],
  ['市の新しいごみ処理施設の基本計画（案）について、パブリックコメントを募集します。', true],
  ['選挙の投票日は4月13日です。期日前投票もご利用ください。', true],
  ['広報ひらかわ12月号を市ホームページに掲載しました。', false],
  ['今年の平川ねぷたまつりの来場者数は約5万人でした。', true],
  ['りんご農家の佐藤さん（68）にりんご作りのこだわりを伺いました。', true],
  ['死ぬほど美味しいりんごパイが道の駅で販売中です！', true],
  ['消えてほしくない郷土の伝統芸能を、次の世代へ。', true],
  ['今日はクソ暑いですね。熱中症に気をつけて。', true],
  ['65歳以上の高齢者の方は、インフルエンザ予防接種の費用が一部助成されます。', true],
  ['女性限定のヨガ教室を開催します。参加費は無料です。', true],
  ['外国籍の方も、国民健康保険に加入できます。詳しくは市民課へ。', true],
  ['【クマ出没】本日午前、尾上地区で体長約1mのクマが目撃されました。警察と連携してパトロールを行っています。', true],
  ['台風の影響で、明日のごみ収集は中止となる可能性があります。決まり次第お知らせします。', true],
  ['市議会12月定例会で、補正予算案が可決されました。', true],
  ['新しい総合計画の策定に向けて、市民の皆さんのご意見を募集しています。', true],
  ['平川市役所 総務課 電話：0172-44-1111（代表） メール：soumu@city.hirakawa.lg.jp', true],
  ['マイナンバーカードの交付申請は、12月28日まで受け付けています。', true],
  ['今年度の市民表彰式で、長年地域の見守り活動を続けてこられた佐藤一郎さん（78・広船地区）が表彰されました。', false],
  ['空き家の適正管理にご協力ください。放置すると倒壊などの危険があります。', true],
  ['子どもの学力向上に向けて、学習支援教室を開いています。', true],
  ['ドローンを飛ばす際は、航空法のルールを守りましょう。許可が必要な場合があります。', true],
  ['飲酒運転の根絶に向けて、市内で街頭キャンペーンを行いました。', true],
  ['選挙運動期間中のSNS投稿について、公職選挙法のルールをご確認ください。', true],
  ['夏らしい青空の下、子どもたちがプールで元気に泳いでいました。', true],
  ['検診の結果、精密検査が必要と言われた方は早めに受診してください。', true],
  ['「バカ」「アホ」などの言葉でのいじめをなくそう。人権教室を開催しました。', true],
  ['雪を道路に出すことは法律で禁止されています。ご協力をお願いします。', true],
  ['鳥インフルエンザの発生を受け、県が防疫措置を実施しています。', true],
  ['昨日のイベントは大盛況！ご来場いただいた皆さま、ありがとうございました😊', true],
  ['りんごの花が満開です🍎 ぜひ見に来てください！', true],
  ['本日13時30分から、文化センターで成人式を行います。新成人の皆さん、おめでとうございます。', true],
  ['キャッシュレス決済でお得にお買い物！市内の対象店舗でポイントが最大20%還元されます。', true],
  ['Wi-Fiのパスワードは受付でお伝えします。', true],
  ['入札の結果、予定価格3,000万円に対し2,850万円で落札されました。', false],
  ['市長の動静：10時 庁議、14時 来客対応', true],
];

describe('probes written apart from the dev corpus', () => {
  it.each(VIOLATING)('flags %s', (text, categories) => {
    const result = checker.check(text);
    for (const c of categories) expect(result.categories, JSON.stringify(result.findings.map((f) => [f.rule, f.excerpt]))).toContain(c);
    expect(result.needs_approval).toBe(true);
  });
  it.each(CLEAN)('shows nothing at warn or above for %s', (text, needsApproval) => {
    const result = checker.check(text);
    expect(result.categories, JSON.stringify(result.findings.map((f) => [f.rule, f.excerpt]))).toEqual([]);
    expect(result.needs_approval).toBe(needsApproval);
  });
});
