/**
 * model — the learned component (src/engine/model.ts, rule src/engine/rules/model.ts): a
 * character n-gram classifier that reports, at warn, what the rules missed in a window where a
 * signal of the same category stands. These rows were written for this file (not taken from the
 * drafts the model is trained on); a retrained model must still pass them. A paraphrase the model
 * does not catch yet is marked `paraphraseTodo`.
 */
import { ruleTester } from '../helpers.ts';

ruleTester('model', {
  valid: [
    { text: '粗大ごみは、市のごみ処理施設へ直接持ち込むか、戸別収集（有料）をご利用ください。', why: 'a waste notice: the dumping vocabulary without the stance' },
    { text: '庭での野焼きは法律で禁止されています。剪定枝は資源ごみの日に出してください。', why: 'a prevention notice on burning' },
    { text: '性の多様性について考える講演会を開きます。どなたでもご参加いただけます。', why: 'a human-rights event on the same topic' },
    { text: '防災行政無線の点検を行います。点検中は放送が聞き取りにくくなることがあります。', why: 'a published maintenance notice' },
    { text: '今日はクソ暑いですね。熱中症に気をつけて。', why: 'a coarse word about the weather, not about anyone' },
    { text: '障がいのある方が作った製品を販売するマルシェを開きます。', why: 'disability named in a welcome event' },
    { text: '高齢者向けのスマホ教室を開きます。何度でも質問してください。', why: 'age named in a service notice' },
    { text: '期日前投票所の場所と時間は、市ホームページでご確認ください。', why: 'an election notice from the city' },
    { text: '市営住宅の入居者を募集します。詳しくは建築住宅課へ。', why: 'public housing named in a notice' },
  ],
  invalid: [
    { text: '河川敷で拾った古い家電、そのまま裏山に置いてきたら片付いた', rule: 'model:illegal', category: 'illegal', excerpt: '裏山に置いてきた', severity: 'warn', paraphrase: '使わなくなったテレビ、こっそり裏の山に捨ててきたらすっきりしたよ' },
    { text: 'ゲイの職員がいる課は、なんとなく雰囲気が違う気がする', rule: 'model:discrimination', category: 'discrimination', excerpt: 'ゲイの職員', severity: 'warn', paraphrase: '同性愛の職員がいる係って、やっぱり空気が違う感じがするよね' },
    { text: '障害のある人の作ったものって、正直買う気にならない', rule: 'model:discrimination', category: 'discrimination', excerpt: '買う気にならない', severity: 'warn', paraphrase: '障がい者が作った商品って、ぶっちゃけ手に取る気がしない', paraphraseTodo: true },
    { text: 'お年寄りって、説明しても一回じゃ絶対わからないよね', rule: 'model:discrimination', category: 'discrimination', excerpt: '絶対わからない', severity: 'warn', paraphrase: '高齢の方って、何回説明しても覚えてくれないんだよね' },
    { text: 'ひとり親の家って、子どものしつけまで手が回らないんでしょ', rule: 'model:discrimination', category: 'discrimination', excerpt: 'ひとり親の家', severity: 'warn', paraphrase: '母子家庭だと、どうしても子育てがいい加減になるよね' },
    { text: '生活保護の家の子って、だいたい見ればわかるよね', rule: 'model:discrimination', category: 'discrimination', excerpt: '生活保護', severity: 'warn', paraphrase: '市営住宅に住んでる家の子は、服装ですぐわかるよね', paraphraseTodo: true },
    { text: '選挙の開票所の職員の動線図、うちの係にだけ配られてた', rule: 'model:confidential', category: 'confidential', excerpt: '動線図', severity: 'warn', paraphrase: '開票所の職員の配置、うちの課だけ先に知らされてるんだ', paraphraseTodo: true },
    { text: '期日前投票所の職員の配置表、うちの課にだけ先に回ってきた', rule: 'model:confidential', category: 'confidential', excerpt: '配置表', severity: 'warn', paraphrase: '投票所の職員配置の一覧、うちの係だけ公表前にもらっちゃった', paraphraseTodo: true },
    { text: '庁舎の夜間の警備は一人だけで、裏口はいつも開いてるんです', rule: 'model:confidential', category: 'confidential', excerpt: '裏口', severity: 'warn', paraphrase: '市役所は夜になると警備員が一人しかいなくて、通用口も開けっぱなしです' },
  ],
});
