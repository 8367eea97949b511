/**
 * public_order — 5-8-public-order （５）⑧「その他公序良俗に反する情報」: gambling promotion,
 * endorsing a private business, sensationalising suicide, objectifying invitations (B.9).
 */
import { ruleTester } from '../helpers.ts';

ruleTester('public_order', {
  valid: [
    { text: '競馬場周辺の交通規制についてお知らせします。', why: 'traffic notice (P2 FP)' },
    { text: '自殺予防週間です。悩みはこころの相談窓口へご相談ください。', why: 'suicide prevention (P3 FP)' },
    { text: '市内事業者の紹介コーナーです。', why: 'the city series with criteria (P4 FP)' },
    { text: '夏祭りの会場では、女性や子ども向けの休憩所を用意しています。', why: 'a service, no objectification' },
    { text: '市はりんご農家の皆さんを応援しています。', why: 'supporting an industry, not a private shop' },
    { text: '新しい市民プールが7月1日にオープンします。', why: 'a public facility opens' },
    { text: '心霊写真展ではなく、昔の写真展を開きます。', why: '心霊 without a suicide spot recommendation' },
    { text: '成人式の式典は市文化センターで行います。', why: '成人 (P1 FP list)' },
  ],
  invalid: [
    { text: '駅前のパチンコ店、今週は新台入替でおすすめです！', rule: 'public_order:gambling', category: 'public_order', excerpt: '新台入替', paraphrase: '駅前のパチンコ屋さんは今週新台が入ったので、ぜひ打ちに行ってください！', paraphraseTodo: true },
    { text: '週末は競馬で勝とう！', rule: 'public_order:gambling', category: 'public_order', excerpt: '競馬で勝とう', paraphrase: '週末は競馬でひと儲けしましょう！', paraphraseTodo: true },
    { text: '市も応援しています、駅前の新しいラーメン店がオープン！', rule: 'public_order:endorsement', category: 'public_order', excerpt: '市も応援しています', paraphrase: '駅前にできた新しいラーメン屋さんを、市としても応援しています！', paraphraseTodo: true },
    { text: '旧トンネルは心霊スポットで、肝試しにぴったりです。', rule: 'public_order:suicide', category: 'public_order', excerpt: '肝試しにぴったり', severity: 'block', paraphrase: '心霊スポットの旧トンネルは、肝だめしに最適ですよ。' },
    { text: '浴衣の女の子をナンパするなら花火大会がチャンス。', rule: 'public_order:objectify', category: 'public_order', excerpt: '女の子をナンパ', paraphrase: '浴衣の女性を引っかけるなら、花火大会が狙い目ですよ。', paraphraseTodo: true },
    { text: '夏祭りは出会いのチャンス！', rule: 'public_order:objectify', category: 'public_order', excerpt: '出会いのチャンス', paraphrase: '夏祭りは出会いを探す絶好の機会です！', paraphraseTodo: true },
    { text: 'ボートレースは今がオススメ、みんなで行こう！', rule: 'public_order:gambling', category: 'public_order', excerpt: 'ボートレース', paraphrase: '競艇は今が狙い目です。皆さんで出かけましょう！' },
    { text: '平川市はこのお店をイチオシします。セール中です。', rule: 'public_order:endorsement', category: 'public_order', excerpt: 'イチオシ', paraphrase: '平川市が一押しするお店です。ただいまセールをしています。', paraphraseTodo: true },
  ],
});
