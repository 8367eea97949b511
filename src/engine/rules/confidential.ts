/**
 * 5-8-confidential （５）⑧「守秘義務に抵触する情報」 (地方公務員法34条): what staff learn in
 * their work about a person — consultations, health, welfare, tax, family, crime (MARKERS.md
 * B.4 C3, 要配慮個人情報) — and a pre-announcement date (正式発表は来月). Classification words,
 * leak phrasing, procurement and personnel terms are in dictionaries/confidential.json.
 */
import type { Rule } from '../context.ts';
import { people } from './people.ts';
import { CORRECTION } from './shared.ts';

const SENSITIVE = /認知症|病気|入院|通院|手術|療養|がん(?!ば)|癌|精神(?:疾患|障害|障がい|科|的に|を病)|うつ病|障害|障がい|介護|妊娠|生活保護|受給|滞納|所得|借金|離婚|DV|虐待|不倫|逮捕|前科|補導|懲戒|相談に来|相談にみえ|相談に見え|苦情を言って|窓口で[^。]{0,12}話して/u;
/** An unnamed but specific person met at work: 相談に来られた方, 窓口に来た人. */
const SPECIFIC_PERSON = /(?:ご?相談に(?:来られた|来た|みえた|見えた)|窓口に(?:来られた|来た)|来庁された|申請に(?:来られた|来た))(?:方|人|男性|女性|高齢者)/u;
const SPECIFIC_OCCASION = /先日|本日|今日|昨日|さっき|先ほど|今朝|この前|先週|の件|あの方|その方/u;
const CONSENT = /表彰|受賞|おめでとう|お祝い|インタビュー|取材|ご本人の了承|同意|紹介します|活躍|優勝|入賞/u;
/** The person speaks for themself in a feature (…と話す, …と笑顔), or holds a public role (講師, 教授, 理事長). */
const FEATURE = /と(?:話す|話します|語る|語ります|笑顔|振り返る|振り返ります|話してくれました)|さん[はが][^。]{0,40}[」』]と/u;
const PUBLIC_ROLE = /氏\s*[(（]|講師|講演|教授|理事長|院長|医師|弁護士|代表理事|会長/u;
/** A notice to everyone in a situation (妊娠中の方は, 転入した人は, 市では…補助): not a particular person. */
const CLASS_OF_PEOPLE = /(?:の方|の人|した人|する人|な人|の皆さん)(?:は|や|も|を対象|が対象|に)|対象[:：]|市では|町では/u;
/** C5: a disciplinary action or personnel change the city has already announced. */
const PUBLISHED = /公表しました|発表しました|公表されました|発表されました|公表した|公表します|掲載しています|掲載しました|お詫び申し上げます|事例|他県|他市|報道/u;
const PRE_ANNOUNCE = /正式(?:な)?発表は[^。]{0,10}(?:予定|来月|来週|後日|まだ)|(?:まだ|近く)(?:発表|公表)(?:され|し)て(?:い)?(?:ない|ません)|(?:発表|公表)前(?:です|なんです|だ)(?:が|けど)|未公表(?:です|だ)(?:が|けど)/gu;

/** C4: a password or PIN given with its value (advice about passwords is fine). */
const CREDENTIAL = /(?:パスワード|暗証番号|PW|パスコード|pass(?:word)?)\s*(?:は|:|：|=|→)\s*[A-Za-z0-9!#$%&*@._-]{4,}/giu;
const STANDALONE_SECRET = /(?:^|[^一-龥ぁ-んァ-ヶ])秘(?:$|[^一-龥ぁ-んァ-ヶ])|^秘$/u;

export const confidentialRule: Rule = {
  id: 'confidential',
  category: 'confidential',
  clause: '5-8-confidential',
  description: '職務上知り得た個人の事情（相談・健康・福祉・家族・犯罪）、公表前の情報',
  run(ctx) {
    // 『市長が入院している』という情報は事実ではありません: a rumour about a person, denied.
    const denied = CORRECTION.test(ctx.plain);
    for (const s of ctx.sentences) {
      if (denied) break;
      const sens = SENSITIVE.exec(s.text);
      if (sens === null) continue;
      const at = s.from + sens.index;
      for (const p of people(ctx, s.from, s.to)) {
        // An office holder only when they are the subject of the sensitive fact (市長が入院).
        const gap = p.to <= at ? ctx.plain.slice(p.to, at) : ctx.plain.slice(at + sens[0].length, p.from);
        if (!p.named && !/^(?:が|は|の)[^。、]{0,8}$/u.test(gap)) continue;
        if (p.named && Math.abs(at - p.from) > 50) continue;
        if (CONSENT.test(s.text) || PUBLISHED.test(s.text) || FEATURE.test(ctx.plain) || PUBLIC_ROLE.test(s.text) || CLASS_OF_PEOPLE.test(s.text)) continue;
        ctx.report({
          from: Math.min(p.from, at),
          to: Math.max(p.to, at + sens[0].length),
          severity: p.named ? 'block' : 'warn',
          message: '特定の人の健康・相談・福祉・家族などの事情は、職務上知り得た秘密で、要配慮個人情報でもあります。本人の同意なく発信すると守秘義務（地方公務員法34条）に反します。',
          suggestion: '個人が分かる記述と事情の記述を削除してください。取り上げる必要があるときは、本人の書面の同意を得てから所属長と相談してください。',
          detail: 'person-sensitive',
        });
        break;
      }
    }
    // C1: 秘 standing alone (㊙, 【秘】, (秘)) — not 秘書課, 便秘, 神秘.
    for (const m of ctx.matches(/秘/gu)) {
      // ㊙ (NFKC → 秘) is a classification mark wherever it stands; a plain 秘 only when standing alone.
      const fromMark = ctx.norm.original[ctx.norm.plainStart[m.index] as number] === '㊙';
      if (!fromMark && !STANDALONE_SECRET.test(ctx.plain.slice(Math.max(0, m.index - 1), m.index + 2))) continue;
      ctx.report({
        from: m.index,
        to: m.index + m[0].length,
        severity: 'block',
        message: '「秘」の表示は、秘密として扱う資料であることを示します。職務上知り得た秘密の発信は守秘義務（地方公務員法34条）に反します。',
        suggestion: '公表済みの内容だけを発信してください。',
        detail: 'classified-mark',
      });
    }
    for (const s of ctx.sentences) {
      const who = SPECIFIC_PERSON.exec(s.text);
      if (who === null) continue;
      const next = ctx.sentences.find((x) => x.from === s.to);
      const window = s.text + (next?.text ?? '');
      // One particular visit (先日…の件), not the service described in general (相談に来られた方には…ご案内しています).
      if (!SPECIFIC_OCCASION.test(window)) continue;
      if (!SENSITIVE.test(window) || CONSENT.test(window) || PUBLISHED.test(window)) continue;
      if (ctx.findings.some((f) => f.rule.endsWith(':person-sensitive') && f.from >= s.from && f.from < s.to)) continue;
      ctx.report({
        from: s.from + who.index,
        to: s.from + who.index + who[0].length,
        severity: 'warn',
        message: '窓口や相談で知った特定の人の事情（福祉・健康・税など）は、名前がなくても職務上知り得た秘密です。',
        suggestion: '個別の相談や申請の内容には触れず、制度の一般的な案内にしてください。',
        detail: 'consultation',
      });
    }
    for (const [re, message, suggestion, detail] of [
      [CREDENTIAL, 'パスワードや暗証番号そのものを公開すると、不正アクセスなど安全を損ないます。', 'パスワードを削除し、必要な人には個別に安全な方法で伝えてください。', 'credential'],
      [PRE_ANNOUNCE, '正式な発表の前に内容を知らせることは、公表前の情報の漏えいにあたります。', '正式な発表を待ち、発表された内容をそのまま発信してください。', 'pre-announcement'],
    ] as const) {
      for (const m of ctx.matches(re)) ctx.report({ from: m.index, to: m.index + m[0].length, severity: 'block', message, suggestion, detail });
    }
  },
};
