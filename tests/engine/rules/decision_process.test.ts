/**
 * decision_process — 5-8-decision-process （５）⑧「重要施策の意思形成過程における情報」:
 * stage words, internal meetings, items before council, speculation about an outcome
 * (MARKERS.md B.5). Not once published or decided.
 */
import { ruleTester } from '../helpers.ts';

ruleTester('decision_process', {
  valid: [
    { text: 'ぜひ一度、ご家庭の防災計画をご検討ください。', why: 'ご検討ください is addressed to residents (D1 FP)' },
    { text: '総合計画の素案を公表し、パブリックコメントを募集しています。', why: 'the draft is published for comment' },
    { text: '学校給食費の無償化が市議会で可決されました。', why: 'an outcome (可決)' },
    { text: '検討委員会を開催します（公開・傍聴可）。', why: 'a public meeting' },
    { text: '十分な検討を経て、新庁舎の建設場所を決定しました。', why: 'decided' },
    { text: '第3次平川市総合計画を策定しました。', why: '策定しました' },
    { text: '来年度予算案を市議会に提出しました。', why: 'after submission (D3 FP)' },
    { text: '午後から雨が降りそうです。', why: 'speculation about weather, not a measure' },
    { text: '都市計画マスタープランの原案を公開中です。ご意見をお寄せください。', why: 'published draft' },
  ],
  invalid: [
    { text: '市民バスは民営化の見通しです。', rule: 'decision_process:speculation', category: 'decision_process', excerpt: '民営化の見通し', paraphrase: '市民バスは民営化される見込みです。', paraphraseTodo: true },
    { text: '新庁舎の建設場所は現在検討中です。', rule: 'decision_process:stage', category: 'decision_process', excerpt: '検討中', severity: 'warn', paraphrase: '新庁舎をどこに建てるかは、まだ検討している段階です。' },
    { text: '市民プールの廃止について、庁内会議で協議しています。', rule: 'decision_process:venue', category: 'decision_process', excerpt: '庁内会議', paraphrase: '市民プールを廃止するかどうか、庁内の会議で話し合っています。' },
    { text: '市民プールの廃止について、担当課で調整中です。', rule: 'decision_process:stage', category: 'decision_process', excerpt: '調整中', paraphrase: '市民プールの廃止は、担当課が調整を進めているところです。', paraphraseTodo: true },
    { text: '小学校の統廃合の素案がまとまりました。', rule: 'decision_process:stage', category: 'decision_process', excerpt: '素案', paraphrase: '小学校統廃合のたたき台ができました。' },
    { text: '図書館の移転先は猿賀地区が候補地に挙がっています。', rule: 'decision_process:stage', category: 'decision_process', excerpt: '候補地', paraphrase: '図書館の移転先として、猿賀地区が候補になっています。', paraphraseTodo: true },
    { text: '来年度から公民館の使用料を値上げする方向で調整しています。', rule: 'decision_process:stage', category: 'decision_process', excerpt: '方向で調整', paraphrase: '公民館の使用料は、来年度から値上げする方向で検討中です。' },
    { text: '部長会議で出た話ですが、バス路線が縮小されます。', rule: 'decision_process:venue', category: 'decision_process', excerpt: '部長会議', paraphrase: '部長会で聞いた話だけど、バス路線が縮小されるよ。', paraphraseTodo: true },
    { text: '条例案は議会に出る前なので、まだ内緒です。', rule: 'decision_process:before-council', category: 'decision_process', excerpt: '議会に出る前', paraphrase: '議会に提出する前の条例案なので、まだ秘密です。', paraphraseTodo: true },
    { text: '中央公民館は廃止になりそうです。', rule: 'decision_process:speculation', category: 'decision_process', excerpt: '廃止になりそう', paraphrase: '中央公民館は廃止されるかもしれません。' },
    { text: '市民バスは民営化される見通しです。', rule: 'decision_process:speculation', category: 'decision_process', excerpt: '民営化される見通し', paraphrase: '市民バスを民営化する方向で話が進んでいます。', paraphraseTodo: true },
  ],
});
