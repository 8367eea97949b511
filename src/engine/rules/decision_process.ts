/**
 * 5-8-decision-process （５）⑧「重要施策の意思形成過程における情報」 (cf. 情報公開法5条5号):
 * stage words (検討中, 調整中, 協議中, 内定, 素案, 未定稿, 〜の方向で, 候補地) about a measure
 * not yet announced, internal meetings, items before council, and speculation about an outcome
 * (廃止になりそう) (MARKERS.md B.5 D1–D6). Not once it is public: 公表, 意見募集, パブリック
 * コメント, 傍聴, or an outcome (決定しました, 可決されました, 策定しました).
 */
import type { Rule } from '../context.ts';

const STAGE = /検討中|検討して(?:い|お)|検討を進め|調整中|調整して(?:い|お)|協議中|協議して(?:い|お)|内々定|内定|素案|原案|たたき台|叩き台|未定稿|草案|方向で(?:調整|検討|進め)|方向みたい|方向らしい|方向です|方針を固め|候補地|候補に挙が|候補にあが|まだ決まっていない(?:が|けど)/gu;
/** D2: an internal meeting as the source of what is being decided (not a schedule line 「10時 庁議」). */
const VENUE = /(?:庁内会議|庁議|部長会議|幹部会議|庁内の検討会議|庁内検討会議|(?:庁内|内部|幹部)の(?:会議|検討会|打ち合わせ))(?:で|において|の結果|では)[、]?[^。]{0,30}(?:検討|協議|議論|話し合|決ま|方針|案|確認|出た|固ま)|内部で検討/gu;
const BEFORE_COUNCIL = /(?:予算案|条例案|計画案|議案)[^。]{0,20}(?:前|予定|提出予定|出る前|出す前)|議会に出る前|先にお知らせ(?:します|しておきます)/gu;
const OUTCOME_SPECULATION = /(?:廃止|統合|統廃合|移転|民営化|値上げ|閉鎖|中止|削減|決ま|なくな)(?:に|と)?(?:なり|され|し|り)?そう(?:です|だ|な|$|。)|(?:廃止|統合|移転|民営化|値上げ)(?:される|になる|の)?(?:見通し|みたい|かも)/gu;
const LEAK = /正式(?:な)?発表は|まだ公表しないで|公表前|発表前|ここだけの話|内緒/u;
const PUBLISHED = /公表|公開し|公開中|意見募集|ご意見を募集|意見を募集|パブリックコメント|パブコメ|傍聴|決定しました|決まりました|可決|議決|策定しました|策定しています|発表しました|を経て/u;
/** The post opens the process to the public (意見交換会, 公聴会, 閲覧, 意見を聞かせて): it is the announcement, not a leak. */
const OPEN_PROCESS = /意見交換会|公聴会|閲覧|縦覧|説明会|意見を(?:聞|お聞|募|伺)|ご意見を|サウンディング|市HPで公開|ホームページで公開|募集/u;
const NOT_A_MEASURE = /検討して(?:おき|み)ましょう|検討してお(?:いて|き)|ご検討ください|ご検討を|ご検討いただ|検討してみて|検討してください/u;

export const decisionProcessRule: Rule = {
  id: 'decision_process',
  category: 'decision_process',
  clause: '5-8-decision-process',
  description: '公表前の施策の検討段階・庁内会議・議会提出前・結果の予想',
  run(ctx) {
    const first = ctx.findings.length;
    const report = (from: number, to: number, detail: string, message: string): void =>
      ctx.report({
        from,
        to,
        severity: 'warn',
        message,
        suggestion: '市として決定・公表された内容だけを、公表資料（市ホームページ等）へのリンクとともに発信してください。',
        detail,
      });
    for (const [re, detail, message] of [
      [STAGE, 'stage', '施策がまだ検討・調整の段階にあることを示す言葉です。意思形成過程の情報を公表前に発信すると、誤解や憶測を招きます。'],
      [VENUE, 'venue', '庁内会議など内部の検討の場の情報です。公表前の意思形成過程にあたります。'],
      [BEFORE_COUNCIL, 'before-council', '議会に提出する前の案の内容です。議会の審議の前に発信すると、意思形成過程の情報の漏えいにあたります。'],
      [OUTCOME_SPECULATION, 'speculation', '施策の結果を予想して伝える言い方です。決まっていない結果の発信は、意思形成過程の情報と誤解を招きます。'],
    ] as const) {
      for (const m of ctx.matches(re)) {
        const s = ctx.sentenceAt(m.index);
        // 〜が正式に決まりました。校名は…で検討していきます: the next step of a published decision.
        const previous = ctx.sentenceAt(s.from - 1);
        if (PUBLISHED.test(s.text) || (previous.to === s.from && PUBLISHED.test(previous.text)) || NOT_A_MEASURE.test(s.text) || OPEN_PROCESS.test(ctx.plain)) continue;
        report(m.index, m.index + m[0].length, detail, message);
      }
    }
    // D4: a stage word together with leak phrasing (議会に出る前, 先にお知らせ, 正式発表は…) is block-level;
    // the category's default sensitivity (warn) caps it unless a supervisor raises it.
    const mine = ctx.findings.slice(first);
    if (mine.some((f) => f.rule.endsWith(':stage')) && (mine.some((f) => f.rule.endsWith(':before-council')) || LEAK.test(ctx.plain))) {
      for (const f of mine) f.severity = 'block';
    }
  },
};
