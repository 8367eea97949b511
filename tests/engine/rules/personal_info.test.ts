/**
 * personal_info — 5-5-personal-info （５）⑤「個人情報の漏えいに注意すること」: a private
 * person's phone, e-mail, address, birth date, My Number, card number, or a named person with
 * age/district and a sensitive fact (B.10). Public contact details are not personal information.
 */
import { ruleTester } from '../helpers.ts';

ruleTester('personal_info', {
  valid: [
    { text: 'お問い合わせは平川市役所（電話0172-44-1111）まで。', why: 'the city switchboard number' },
    { text: 'みんなの人権110番（0570-003-110）でも相談を受け付けています。', why: 'a public 0570 service' },
    { text: '平川市の法人番号は6000020022101です。', why: 'a valid 13-digit 法人番号, not a card or My Number' },
    { text: '昭和30年4月2日から昭和31年4月1日までに生まれた方が対象です。', why: 'an eligibility range, not a birth date' },
    { text: '申込は観光協会（0172-55-1234）へ。', why: 'an organisation number given as where to apply' },
    { text: '詳しくは健康推進課 kenkou@city.hirakawa.lg.jp までお寄せください。', why: 'a city lg.jp address' },
    { text: '〒036-0104 青森県平川市柏木町藤山25-6', why: 'city hall address' },
    { text: '受付時間は13時30分から16時45分までです。', why: 'times, not numbers' },
    { text: '決勝は3対2で平賀中学校が勝ちました。', why: 'a score' },
    { text: '山田花子さん（52・温水）が語る、りんご作りの魅力。', why: 'an interview feature: at most an info reminder', only: undefined },
    { text: 'マイナンバーカードの交付申請を受け付けています。', why: 'the word マイナンバーカード is not PII' },
    { text: '受付番号123456789012の方は2番窓口へどうぞ。', why: '12 digits with an invalid My Number check digit, no マイナンバー nearby' },
  ],
  invalid: [
    { text: '鈴木さん宅は平川市本町120番地です。', rule: 'personal_info:address', category: 'personal_info', excerpt: '平川市本町120番地', severity: 'block', paraphrase: '平川市本町120番地に鈴木さんの家があります。' },
    { text: '落とし物の財布の持ち主の鈴木さんの携帯は090-1234-5678です。', rule: 'personal_info:phone', category: 'personal_info', excerpt: '090-1234-5678', severity: 'block', paraphrase: '財布を落とした鈴木さんのケータイ番号は09012345678です。' },
    { text: '迷い犬を保護しています。飼い主の方は080-9876-5432まで。', rule: 'personal_info:phone', category: 'personal_info', excerpt: '080-9876-5432', severity: 'warn', paraphrase: '迷子の犬を預かっています。飼い主さんは080(9876)5432へご連絡ください。', paraphraseTodo: true },
    { text: '田中様のご自宅の電話番号は0172-55-9876です。', rule: 'personal_info:phone', category: 'personal_info', excerpt: '0172-55-9876', severity: 'block', paraphrase: '田中さんの家の電話は０１７２（５５）９８７６です。', paraphraseTodo: true },
    { text: '０９０－１２３４－５６７８へ折り返しお願いします。', rule: 'personal_info:phone', category: 'personal_info', excerpt: '０９０－１２３４－５６７８', paraphrase: '折り返しは090 1234 5678までお願いいたします。', paraphraseTodo: true },
    { text: '申請書の個人番号欄に123456789018と記入されていました。', rule: 'personal_info:my-number', category: 'personal_info', excerpt: '123456789018', severity: 'block', paraphrase: '申請書のマイナンバーの欄には1234 5678 9018と書いてありました。' },
    { text: '私用のアドレス taro.yamada1985@gmail.com に送ってください。', rule: 'personal_info:email', category: 'personal_info', excerpt: 'taro.yamada1985@gmail.com', severity: 'block', paraphrase: 'プライベートのメールアドレス（taro.yamada1985＠gmail.com）宛てにお送りください。' },
    { text: '昭和25年3月3日生まれの佐藤花子さんです。', rule: 'personal_info:birth-date', category: 'personal_info', excerpt: '昭和25年3月3日生まれ', severity: 'block', paraphrase: '佐藤花子さんの生年月日は1950年3月3日です。', paraphraseTodo: true },
    { text: '山田太郎さん（82・尾上地区）が認知症で介護を受けています。', rule: 'personal_info:person', category: 'personal_info', excerpt: '山田太郎さん', severity: 'block', paraphrase: '尾上地区にお住まいの山田太郎さん（82歳）は、認知症のため介護サービスを利用しています。' },
    { text: 'カード番号 4111 1111 1111 1111 を控えました。', rule: 'personal_info:card', category: 'personal_info', excerpt: '4111 1111 1111 1111', severity: 'block', paraphrase: 'クレジットカードの番号4111-1111-1111-1111をメモしておきました。' },
    { text: '鈴木さんの住所は平川市本町120番地です。', rule: 'personal_info:address', category: 'personal_info', excerpt: '平川市本町120番地', severity: 'block', paraphrase: '鈴木さんの住まいは平川市本町百二十番地です。' },
    { text: '鈴木さんのお宅は平川市本町120番地にあります。', rule: 'personal_info:address', category: 'personal_info', excerpt: '平川市本町120番地', severity: 'block', paraphrase: '鈴木さんは平川市本町１２０番地に住んでいます。' },
  ],
});
