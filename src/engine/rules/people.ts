/**
 * Who a sentence is about: a named person (山本さん, 佐藤花子さん, 高橋さん方) or an office
 * holder (市長, 職員). Shared by the confidential and personal-information rules.
 */
import type { RuleContext } from '../context.ts';

export interface PersonRef {
  from: number;
  to: number;
  /** A private person named with さん/様/氏 … (not an office holder). */
  named: boolean;
}

const NOT_A_PERSON = /^(?:皆|赤|みな|業者|農家|お客|住民|市民|町民|お母|お父|お子|ボランティア|学生|生徒|職員|選手|参加者|利用者|生産者|地域|家族|ご家族|奥|旦那|ご主人|隣|近所|大家|店員|運転手|皆様|お客様|各位|客|同|多|模|仕|苦労|神|仏|各|貴|殿|王|姫|子|孫|親|弟|兄|姉|妹|息子|娘|先生|社長|会長)$/u;
const HONORIFIC = /([一-龥々]{1,5}|[ァ-ヶー]{2,8})(さん方|さん宅|さん|様方|様宅|様|氏|くん|君|ちゃん)(?![一-龥])/gu;
const KANA_NAME = /(?<![ぁ-ん])((?:[ぁ-ゖ]{2,5}))(ちゃん|くん)(?![ぁ-ん])/gu;
const INITIAL = /(?<![A-Za-z])[A-Z](?:\.|・)?(?:さん|君|くん|ちゃん|氏|様)/gu;
/** 山田（68・本町）, 田中さん(45) — a name with an age in brackets, the way a newsletter identifies a private person. */
const BRACKET_AGE = /[一-龥々ァ-ヶー]{1,6}(?:さん|氏)?[（(]\d{1,3}(?:歳)?(?:[・、,][^（()）]{1,8})?[）)]/gu;
const AGED_PERSON = /\d{1,3}歳(?:の|代の)?(?:男性|女性|男児|女児|男の子|女の子|会社員|無職|主婦|高校生|中学生|小学生|大学生|息子|娘|母親|父親|夫|妻|方)/gu;
const NAME_PATTERNS: Array<{ re: RegExp; named: boolean; isName: (m: RegExpExecArray) => boolean }> = [
  { re: HONORIFIC, named: true, isName: (m) => !NOT_A_PERSON.test(m[1] as string) && !/(?:地区|[市県])$/u.test(m[1] as string) },
  { re: KANA_NAME, named: true, isName: (m) => !NOT_A_PERSON.test(m[1] as string) },
  { re: INITIAL, named: true, isName: () => true },
  { re: BRACKET_AGE, named: true, isName: () => true },
  { re: AGED_PERSON, named: false, isName: () => true },
];
const OFFICE = /市長|副市長|町長|村長|議員|議長|職員|課長|部長|係長|校長|教頭|先生|所長|館長|園長/gu;

export function people(ctx: RuleContext, from = 0, to = ctx.plain.length): PersonRef[] {
  const out: PersonRef[] = [];
  const slice = ctx.plain.slice(from, to);
  const sentences = ctx.sentences.filter((s) => s.to > from && s.from < to);
  const tokenized = ctx.hasTokenizer;
  if (tokenized) {
    for (const s of sentences) {
      const tokens = ctx.tokens(s) ?? [];
      tokens.forEach((t, i) => {
        const next = tokens[i + 1];
        if (t.pos1 === '固有名詞' && t.pos2 === '人名' && next !== undefined && next.pos2 === '人名' && next.pos1 === '接尾') {
          let start = t.from;
          const prev = tokens[i - 1];
          if (prev !== undefined && prev.pos1 === '固有名詞' && prev.pos2 === '人名') start = prev.from;
          if (t.from >= from && next.to <= to) out.push({ from: start, to: next.to, named: true });
        }
      });
    }
  }
  // Names with an honorific, then the private people that pattern misses (さくらちゃん, K君, 田中さん（68・本町）,
  // 72歳の男性), each unless an earlier one already covers the place.
  let m: RegExpExecArray | null;
  for (const { re, named, isName } of NAME_PATTERNS) {
    re.lastIndex = 0;
    while ((m = re.exec(slice)) !== null) {
      if (!isName(m)) continue;
      const a = from + m.index;
      const b = a + m[0].length;
      if (out.some((p) => p.from < b && a < p.to)) continue;
      out.push({ from: a, to: b, named });
    }
  }
  OFFICE.lastIndex = 0;
  while ((m = OFFICE.exec(slice)) !== null) out.push({ from: from + m.index, to: from + m.index + m[0].length, named: false });
  return out.sort((x, y) => x.from - y.from);
}
