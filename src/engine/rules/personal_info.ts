/**
 * 5-5-personal-info （５）⑤「個人情報の漏えいに注意すること」: a private person's phone number,
 * e-mail, home address, birth date, My Number, card number, or a named person with age, district
 * and health or welfare facts (MARKERS.md B.10). Public contact details are not personal
 * information: the city's own numbers, public services (0120/0570…), and any number or address
 * given for an organisation (…課, …センター, 事務局) or as where to ask.
 */
import type { Rule, RuleContext } from '../context.ts';
import { people } from './people.ts';

/** The city's own published contact details (from the guideline itself). */
const CITY_NUMBERS = new Set(['0172-44-1111', '0172-44-8619']);
const CITY_ADDRESS = /柏木町藤山25-6|柏木町藤山二十五/u;
const PUBLIC_SERVICE = /^(?:0120|0800|0570|0180|0990)/;
const ORG = /課|係|室|センター|窓口|事務局|協会|警察|署|代表|問い?合わせ|問合せ|申込|申し込み|連絡先|市役所|役場|庁舎|館|所|組合|病院|学校|園|会|局|事務所|株式会社|\(株\)|団|クラブ|協議会|支所|本部|店|ホール|施設|FAX|ファクス|ファックス|番|ダイヤル|ホットライン|相談/u;
const WHERE_TO_ASK = /問い?合わせ|問合せ|申込|申し込み|連絡先|お気軽に|までご連絡|へご連絡|まで|へ/u;
/** The end of an organisation's name (支援センター, いのちの電話協会, 相談ダイヤル): whose number it is. */
const ORG_NAME = /センター|協会|事務局|ホットライン|ダイヤル|相談室|相談所|窓口|課|署|病院|学校|株式会社|組合|協議会|本部|施設|支援室/u;
const PRIVATE = /さん方|さん|様方|様|氏|宅|ご家族|家族|私用|個人|プライベート|携帯|自宅|本人|持ち主|被害者/u;

const PHONE = /(?<![\d-])(?:0\d{1,4}-\d{1,4}-\d{3,4}|\(0\d{1,4}\)\d{1,4}-\d{3,4}|0[5789]0\d{8}|0\d{9})(?![\d-])/gu;
const MY_NUMBER = /(?<![\d-])\d{4}[ -]?\d{4}[ -]?\d{4}(?![\d-])/gu;
/** E-mail addresses, found from each @ outwards (a regex scan from every position is quadratic on long runs of a.a.a.). */
function emails(plain: string): Array<{ index: number; text: string }> {
  const out: Array<{ index: number; text: string }> = [];
  const local = /[A-Za-z0-9._%+-]/;
  const domain = /[A-Za-z0-9.-]/;
  let at = plain.indexOf('@');
  let lastEnd = 0;
  while (at >= 0) {
    let a = at;
    while (a > lastEnd && at - a < 64 && local.test(plain[a - 1] as string)) a--;
    let b = at + 1;
    while (b < plain.length && b - at < 255 && domain.test(plain[b] as string)) b++;
    const candidate = plain.slice(a, b).replace(/[.-]+$/, '');
    if (a < at && /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/.test(candidate)) {
      out.push({ index: a, text: candidate });
      lastEnd = a + candidate.length;
    }
    at = plain.indexOf('@', at + 1);
  }
  return out;
}
const BIRTH = /(?:(?:明治|大正|昭和|平成|令和)\s?(?:元|\d{1,2})|\d{4})年\s?\d{1,2}月\s?\d{1,2}日\s?(?:生まれ|生)(?!活|産|徒|協)/gu;
const ADDRESS = /[一-龥]{1,6}(?:市|町|村|区)[一-龥ぁ-んァ-ヶ]{0,10}?(?:[0-9一二三四五六七八九十]+丁目)?\s?[0-9一二三四五六七八九十]+(?:番地?|-)[0-9一二三四五六七八九十]*(?:号|-\d+)?/gu;
/** The lot at the end of an ADDRESS match: 三丁目5番地, 123番地, 1-2-3, 1番2号. */
const LOT = /\s?(?:[0-9一二三四五六七八九十]+丁目)?\s?[0-9一二三四五六七八九十]+(?:番地?|-)[0-9一二三四五六七八九十]*(?:号|-\d+)?$/u;
/** An address down to the lot, cut to its district (平川市本町1-2-3 → 平川市本町): the 地区名まで the suggestion asks for. */
export function districtOf(address: string): string | null {
  const district = address.replace(LOT, '');
  return district !== address && /[一-龥ぁ-んァ-ヶ]$/u.test(district) ? district : null;
}
const FACILITY = /(?:館|センター|庁舎|役所|役場|公民館|学校|園|所|病院|ホール|会場|事務局|施設)[\s:：（(]*$/u;
const CARD = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/gu;
const AGE_OR_DISTRICT = /\d{1,3}歳|[一-龥]{1,4}地区|[一-龥]{1,4}町内/u;
const SENSITIVE = /認知症|病気|入院|通院|介護|障害|障がい|生活保護|滞納|離婚|虐待|逮捕|相談/u;
const CONSENT = /表彰|受賞|おめでとう|お祝い|インタビュー|取材|活躍|優勝|入賞/u;

/** My Number check digit (総務省令): weights 2..7, 2..6 from the right over 11 digits. */
export function isValidMyNumber(digits: string): boolean {
  if (!/^\d{12}$/.test(digits)) return false;
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const p = Number(digits[11 - n]);
    const q = n <= 6 ? n + 1 : n - 5;
    sum += p * q;
  }
  const r = sum % 11;
  const check = r <= 1 ? 0 : 11 - r;
  return check === Number(digits[11]);
}

/** 法人番号 check digit: the first digit is 9 − (Σ Pn·Qn mod 9), Qn = 1 (odd n), 2 (even n). */
export function isValidCorporateNumber(digits: string): boolean {
  if (!/^\d{13}$/.test(digits)) return false;
  let sum = 0;
  for (let n = 1; n <= 12; n++) sum += Number(digits[13 - n]) * (n % 2 === 1 ? 1 : 2);
  return Number(digits[0]) === 9 - (sum % 9);
}

export function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Labelled or given as where to ask: 【電話】, 電話:, E-mail, 詳しくは…へ, …まで. */
const CONTACT_LABEL = /(?:【(?:電話|TEL|Tel|FAX|ファクス|E-?mail|Eメール|メール)】|(?:電話|TEL|Tel|E-?mail|Eメール|メール)\s*[:：]?)\s*$/u;
function isContactPoint(ctx: RuleContext, at: number, length: number): boolean {
  const after = ctx.plain.slice(at + length, at + length + 4);
  // A bare 'call 090-… ' is still someone's number; a labelled one, or one a notice gives for its questions, is a contact point.
  return CONTACT_LABEL.test(before(ctx, at, 12)) || (/^\s*(?:へ|まで|に(?:電話|連絡|お問い?合わせ)|で(?:受付|申し込|お申し込))/u.test(after) && /詳しくは|問い?合わせ|問合せ|申し?込み?[:：は]/u.test(before(ctx, at, 40)));
}

/** Where the last match of `re` in `text` starts, or -1. */
function lastIndex(re: RegExp, text: string): number {
  let at = -1;
  for (const m of text.matchAll(new RegExp(re.source, 'gu'))) at = m.index;
  return at;
}

function before(ctx: RuleContext, at: number, n: number): string {
  return ctx.plain.slice(Math.max(0, at - n), at);
}

export const personalInfoRule: Rule = {
  id: 'personal_info',
  category: 'personal_info',
  clause: '5-5-personal-info',
  description: '個人の電話番号・メール・住所・生年月日・マイナンバー・カード番号、個人と事情の組合せ',
  run(ctx) {
    const suggestion = '個人の連絡先や番号は削除し、市の担当課の連絡先（代表 0172-44-1111 など）を案内してください。';
    for (const m of ctx.matches(PHONE)) {
      const number = m[0];
      // A number given as where to ask (【電話】…へ, 詳しくは…まで): a contact point published for that purpose.
      if (isContactPoint(ctx, m.index, number.length)) continue;
      const digits = number.replace(/\D/g, '');
      if (digits.length < 10 || digits.length > 11) continue;
      if (CITY_NUMBERS.has(number) || PUBLIC_SERVICE.test(digits)) continue;
      const ctxBefore = before(ctx, m.index, 25);
      const mobile = /^0[5789]0/.test(digits);
      // 性暴力被害者支援センター 017-…: an organisation named after the private word is the number's owner.
      const isPrivate = PRIVATE.test(ctxBefore) && lastIndex(PRIVATE, ctxBefore) >= lastIndex(ORG_NAME, ctxBefore);
      const isOrg = ORG.test(ctxBefore) || ORG.test(ctx.plain.slice(m.index + number.length, m.index + number.length + 6));
      let severity: 'info' | 'warn' | 'block';
      if (isPrivate && !WHERE_TO_ASK.test(before(ctx, m.index, 12))) severity = 'block';
      else if (isPrivate) severity = 'info';
      else if (isOrg || !mobile) continue; // an unattributed landline in a notice is a contact number
      else severity = 'warn';
      ctx.report({ from: m.index, to: m.index + number.length, severity, message: '個人の電話番号です。本人の同意なく公開すると個人情報の漏えいになります。', suggestion, detail: 'phone' });
    }
    for (const m of ctx.matches(MY_NUMBER)) {
      const digits = m[0].replace(/\D/g, '');
      const near = /個人番号|マイナンバー/u.test(ctx.plain.slice(Math.max(0, m.index - 15), m.index + m[0].length + 5));
      if (isValidMyNumber(digits)) {
        ctx.report({ from: m.index, to: m.index + m[0].length, severity: 'block', message: 'マイナンバー（個人番号）です。個人番号の公開は番号法で厳しく制限されています。', suggestion: '番号を削除してください。', detail: 'my-number' });
      } else if (near) {
        ctx.report({ from: m.index, to: m.index + m[0].length, severity: 'warn', message: 'マイナンバー（個人番号）らしき番号です。', suggestion: '番号を削除してください。', detail: 'my-number' });
      }
    }
    for (const m of ctx.matches(CARD)) {
      const digits = m[0].replace(/\D/g, '');
      if (digits.length < 13 || !luhn(digits) || isValidCorporateNumber(digits)) continue;
      if (!/カード|口座|クレジット/u.test(ctx.plain.slice(Math.max(0, m.index - 20), m.index + m[0].length + 10))) continue;
      ctx.report({ from: m.index, to: m.index + m[0].length, severity: 'block', message: 'カード番号・口座番号です。', suggestion: '番号を削除してください。', detail: 'card' });
    }
    for (const e of emails(ctx.plain)) {
      const m = { index: e.index, 0: e.text };
      const domain = (m[0].split('@')[1] ?? '').toLowerCase();
      if (/(?:^|\.)(?:lg|go|ed|ac)\.jp$/.test(domain)) continue;
      const around = before(ctx, m.index, 30);
      const isPrivate = /私用|個人|プライベート|自宅/u.test(around);
      if (!isPrivate && isContactPoint(ctx, m.index, m[0].length)) continue;
      if (!isPrivate && ORG.test(around)) continue;
      ctx.report({ from: m.index, to: m.index + m[0].length, severity: isPrivate ? 'block' : 'warn', message: '個人のメールアドレスです。公開すると個人情報の漏えいや迷惑メールの原因になります。', suggestion: '市の公式の問い合わせ先（担当課の lg.jp アドレス）にしてください。', detail: 'email' });
    }
    // Person names are looked for only around what needs them (tokenizing the whole post for names is the slow part).
    const nearPerson = (at: number): boolean => people(ctx, Math.max(0, at - 40), Math.min(ctx.plain.length, at + 40)).some((p) => p.named);
    for (const m of ctx.matches(BIRTH)) {
      // 平成30年4月2日〜令和2年4月1日生まれの子ども: who may take part, not someone's birthday.
      if (/[〜~～?？から]\s*$/u.test(before(ctx, m.index, 2)) || /^の(?:子|子ども|子供|児童|方|人|者)/u.test(ctx.plain.slice(m.index + m[0].length, m.index + m[0].length + 4))) continue;
      ctx.report({ from: m.index, to: m.index + m[0].length, severity: nearPerson(m.index) ? 'block' : 'warn', message: '個人の生年月日です。氏名などと組み合わさると個人が特定されます。', suggestion: '生年月日を削除してください（年齢を伝える必要があれば「100歳」など）。', detail: 'birth-date' });
    }
    for (const m of ctx.matches(ADDRESS)) {
      if (CITY_ADDRESS.test(m[0])) continue;
      if (!nearPerson(m.index)) continue;
      // A facility's address (…センター 平川市…) is public even with a name nearby.
      if (FACILITY.test(before(ctx, m.index, 8))) continue;
      const district = districtOf(m[0]);
      ctx.report({ from: m.index, to: m.index + m[0].length, severity: 'block', message: '個人の住所です。氏名と住所の組合せは、個人情報の漏えいにあたります。', suggestion: '住所を削除してください（地区名までにとどめる）。', detail: 'address', ...(district !== null ? { replacement: district } : {}) });
    }
    const persons = ctx.sentences
      .filter((s) => AGE_OR_DISTRICT.test(s.text))
      .flatMap((s) => people(ctx, s.from, s.to).filter((p) => p.named));
    for (const p of persons) {
      const s = ctx.sentenceAt(p.from);
      const window = ctx.plain.slice(p.from, Math.min(s.to, p.to + 30));
      if (!AGE_OR_DISTRICT.test(window)) continue;
      const sensitive = SENSITIVE.test(s.text) && !CONSENT.test(s.text);
      ctx.report({
        from: p.from,
        to: p.to,
        severity: sensitive ? 'block' : 'info',
        message: sensitive
          ? '個人が特定できる記述（氏名・年齢・地区）と、その人の事情が一緒に書かれています。'
          : '個人の氏名と年齢・地区が書かれています。掲載について本人の同意を得ているか確認してください。',
        suggestion: sensitive ? '氏名・年齢・地区を削除するか、本人の同意を確認してください。' : '本人の同意を得ていれば、このままで構いません。',
        detail: 'person',
      });
    }
  },
};
