/**
 * The term index: every form of every entry and every signal term, folded to its key, in one
 * Aho–Corasick automaton. A hit must stand at a word boundary where the form is kana or Latin
 * (バカ in バカンス or ばかり is no hit; ばかすぎ is, when the tokenizer confirms the boundary), and
 * no false-positive context of its entry may stand nearby (ボケ next to 木瓜 or 花).
 *
 * Token-aware edges (issue #7): a hit is a term only where the term is a word of the text.
 * - a kanji edge that touches another kanji is inside a compound: a one-kanji form there is never
 *   the term (糞 in 鶏糞, 唖 in 唖然), a form ending in a bare stem after kana (ぶっ殺, 頭が悪) is not
 *   before a kanji (頭が悪化), and any other form needs the tokenizer to confirm the word edge
 *   (気違い is no hit in 雰囲気違い, 土人 none in 郷土人形); without the tokenizer it stands;
 * - a form that begins with a name suffix (市ね, 氏ね) is no hit right after a name (平川市ね、,
 *   山田氏ね、) unless a command ending follows (全員氏ねよ, 全員市ね！);
 * - a mixed form with a one-kana tail (死ね, 市ね, キモい) that runs on into hiragana must run on
 *   into a particle or auxiliary (死ねよ, 死ねば, キモいし), not into more of a word (市ねんきん);
 *   an imperative tail (ね, れ, え …) followed by る, た, ない … is a potential verb (死ねる, 死ねた),
 *   never the imperative insult; other continuations need the tokenizer;
 * - a mixed kana form keeps its katakana (ヤリたい is slang, やりたい is not);
 * - a short form spelled with trailing elongation (うぜー, ジジィ) needs it in the text (こうぜ).
 */
import type { Dictionary, DictionaryEntry } from '../dictionary/types.ts';
import { isHiragana, isKanji, isKatakana, keyOf, MASK, type NormalizedText } from './normalize.ts';
import { maskedVariants, PatternMatcher } from './matcher.ts';
import { splitSentences, type Sentence, type SignalHit, type TermHit } from './context.ts';

interface TermPattern {
  kind: 'entry';
  entry: DictionaryEntry;
  list: Dictionary;
  masked: boolean;
  /** Kana- or Latin-only form: needs a word boundary. */
  needsBoundary: boolean;
  /** A katakana stem with hiragana okurigana (キモい, タヒん): it may run on into its conjugation. */
  openEnd: boolean;
  /** For a short kana form, the script it must be written in (エタ is no hit in 間違えた). */
  script: 'hiragana' | 'katakana' | null;
  /** For a form mixing katakana and hiragana (ヤリたい), which of its kana letters must be katakana. */
  katakanaAt: boolean[] | null;
  /** A short form spelled with a trailing elongation or small vowel (うぜー, ジジィ): the text needs one too. */
  needsTrail: boolean;
  /** The hiragana tail of a mixed form when it is one character (ね of 死ね, い of キモい), else ''. */
  tail: string;
  /** The form begins with a name-suffix kanji (市ね, 氏ね). */
  suffixHead: boolean;
  /** The form is a single kanji (糞, 唖). */
  singleKanji: boolean;
  /** The form ends in a kanji stem after kana (ぶっ殺, 頭が悪, 風俗に行): its okurigana must follow. */
  stemEnd: boolean;
}
interface SignalPattern {
  kind: 'signal';
  signal: string;
  term: string;
  needsBoundary: boolean;
}
type Pattern = TermPattern | SignalPattern;

/** How far (key characters either side) an entry's `fp` words cancel a hit: 〜休職中の職員に関する…お問い合わせには、…お答えできません. */
const FP_WINDOW = 40;
const TRAILING_DROPPED = new Set(['ー', '〜', '～', '~', 'ァ', 'ィ', 'ゥ', 'ェ', 'ォ', 'ぁ', 'ぃ', 'ぅ', 'ぇ', 'ぉ']);
/** Kanji that attach to the name before them as a suffix (弘前市, 山田氏): after a name they begin no evasion. */
const NAME_SUFFIX_KANJI = new Set(['市', '区', '町', '村', '氏', '様', '君']);
/** What marks a command after a form that begins with a name suffix (全員氏ね。, 全員氏ねよ): the end, よ, や, ！. */
const COMMAND_END = /^(?:$|[\s。.!！?？」』)）]|よ|や|ぇ|ー)/u;
/** え-row kana: a godan verb's imperative (死ね, 黙れ, 迷え), which is also the stem of its potential verb (死ねる). */
const IMPERATIVE_TAIL = new Set(['え', 'け', 'げ', 'せ', 'ぜ', 'て', 'で', 'ね', 'へ', 'べ', 'ぺ', 'め', 'れ']);
/** What makes an imperative tail a potential verb: 死ねる, 死ねた, 死ねて, 死ねない, 死ねます, 死ねず, 死ねん, 死ねそう. */
const POTENTIAL_ENDING = /^(?:る|れ|た|て|な[いかくけ]|ま[すせし]|ず|ぬ|ん|そう)/u;
/** Particles and auxiliaries an insult runs on into (死ねよ, 死ねば, 死ねって, タヒんで, キモいし, キモいんだけど). */
const INSULT_CONTINUATION = /^(?:よ|ぞ|ぜ|わ|ね|な|さ|や|ゃ|か|が|の|ん|っ|と|て|で|だ|じ|ど|ば|し|も|に|を|は|へ|ぇ|ぉ|ぁ|え|お|あ)/u;
/** Intensifiers that run straight into an insult in kana (ほんとうざい, マジきもい): a word boundary all the same. */
const INTENSIFIER_BEFORE = /(?:ほんと|ほんとう|本当|マジ|まじ|まじで|超|めっちゃ|めちゃ|すごく|とても|ガチ|ガチで|クソ|くそ|まあ|なんか)$/u;

function isLatinOnly(s: string): boolean {
  return /^[a-z]+$/.test(s);
}
function isKanaOnly(s: string): boolean {
  return s.length > 0 && Array.from(s).every((c) => isKatakana(c) || c === MASK);
}

export class TermIndex {
  private readonly patterns: Pattern[] = [];
  private readonly matcher: PatternMatcher;
  private readonly fpKeys = new Map<DictionaryEntry, string[]>();

  constructor(dictionaries: readonly Dictionary[]) {
    const keys: string[] = [];
    const add = (key: string, p: Pattern): void => {
      if (key.length === 0) return;
      keys.push(key);
      this.patterns.push(p);
    };
    for (const d of dictionaries) {
      for (const entry of d.entries) {
        this.fpKeys.set(entry, (entry.fp ?? []).map(keyOf).filter((k) => k.length > 0));
        const seen = new Set<string>();
        const byKey = new Map<string, TermPattern>();
        for (const form of entry.forms) {
          const key = keyOf(form);
          const pattern = formPattern(form, key, entry, d);
          const earlier = byKey.get(key);
          if (earlier !== undefined) {
            // Two forms with one key (ばか and バカ, キモい and キモイ): either spelling is the word.
            relaxInto(earlier, pattern);
            continue;
          }
          if (seen.has(key)) continue;
          seen.add(key);
          byKey.set(key, pattern);
          add(key, pattern);
          if (!isLatinOnly(key)) {
            for (const v of maskedVariants(key)) {
              if (seen.has(v)) continue;
              seen.add(v);
              add(v, { ...pattern, masked: true, script: null, openEnd: false, katakanaAt: null, needsTrail: false });
            }
          }
        }
      }
      for (const s of d.signals ?? []) {
        for (const term of s.terms) {
          const key = keyOf(term);
          add(key, { kind: 'signal', signal: s.name, term, needsBoundary: isLatinOnly(key) });
        }
      }
    }
    this.matcher = new PatternMatcher(keys);
  }

  /**
   * Finds term and signal hits. `isTokenBoundary(from, to)` answers whether a token of the
   * tokenizer starts at `from` and one ends at `to` (so `(p, p)` asks for a word edge at `p`);
   * without a tokenizer it answers false. `hasTokenizer` says which of the two it is; when it is
   * not given, the index asks `isTokenBoundary` about a whole sentence once (always true with a
   * tokenizer).
   */
  scan(
    norm: NormalizedText,
    isTokenBoundary: (plainFrom: number, plainTo: number) => boolean,
    hasTokenizer?: boolean,
  ): { terms: TermHit[]; signals: SignalHit[] } {
    const terms: TermHit[] = [];
    const signals: SignalHit[] = [];
    const { key, keyToPlain, plain } = norm;
    let tokenizerKnown = hasTokenizer;
    let sentences: Sentence[] | null = null;
    const tokenizerPresent = (at: number): boolean => {
      if (tokenizerKnown === undefined) {
        sentences ??= splitSentences(plain);
        const s = sentences.find((x) => at >= x.from && at < x.to);
        tokenizerKnown = s !== undefined && isTokenBoundary(s.from, s.to);
      }
      return tokenizerKnown;
    };
    for (const hit of this.matcher.findAll(key)) {
      const p = this.patterns[hit.pattern] as Pattern;
      const from = keyToPlain[hit.from] as number;
      const lastPlain = keyToPlain[hit.to - 1] as number;
      let to = lastPlain + (isHighSurrogate(plain.charCodeAt(lastPlain)) ? 2 : 1);
      // The key dropped trailing elongation and small vowels (クレーマー → クレーマ): the hit takes
      // them back, unless the word runs on after them (then they are inside it).
      let end = to;
      while (end < plain.length && TRAILING_DROPPED.has(plain[end] as string)) end++;
      const trailed = end > to && !isKatakanaLetter(plain[end] ?? '');
      if (trailed) to = end;
      if (p.needsBoundary && !this.bounded(plain, from, to, p.kind === 'entry' && p.openEnd, isTokenBoundary)) continue;
      if (p.kind === 'signal') {
        signals.push({ signal: p.signal, term: p.term, from, to });
        continue;
      }
      if (p.needsTrail && !trailed) continue;
      if (p.script !== null && !writtenIn(plain.slice(from, to), p.script)) continue;
      if (p.katakanaAt !== null && !keepsKatakana(plain.slice(from, to), p.katakanaAt)) continue;
      if (!this.wordEdges(plain, from, to, p, isTokenBoundary, tokenizerPresent)) continue;
      if (this.inFalsePositiveContext(norm, p.entry, hit.from, hit.to)) continue;
      terms.push({ entry: p.entry, list: p.list, from, to, masked: p.masked });
    }
    return { terms: dropContained(terms), signals };
  }

  /** Issue #7: is the hit a word of the text, not a piece of a compound or of a longer kana word? */
  private wordEdges(
    plain: string,
    from: number,
    to: number,
    p: TermPattern,
    isTokenBoundary: (a: number, b: number) => boolean,
    tokenizerPresent: (at: number) => boolean,
  ): boolean {
    const before = from > 0 ? (plain[from - 1] as string) : '';
    const after = to < plain.length ? (plain[to] as string) : '';
    // After a name, 市/氏 is its suffix and ね a sentence particle (平川市ね、山田氏ね、), unless what
    // follows marks a command: the end, よ, ！ (全員氏ねよ).
    if (p.suffixHead && before !== '' && (isKanji(before) || isKatakana(before)) && !COMMAND_END.test(plain.slice(to, to + 1))) return false;
    const leftJoin = before !== '' && isKanji(before) && isKanji(plain[from] as string);
    const rightJoin = after !== '' && isKanji(after) && isKanji(plain[to - 1] as string);
    if (leftJoin || rightJoin) {
      if (p.singleKanji) return false;
      if (rightJoin && p.stemEnd) return false;
      if (tokenizerPresent(from)) {
        if (leftJoin && !isTokenBoundary(from, from)) return false;
        if (rightJoin && !isTokenBoundary(to, to)) return false;
      }
    }
    if (p.tail !== '' && isHiragana(after)) {
      const rest = plain.slice(to, to + 3);
      if (IMPERATIVE_TAIL.has(p.tail) && POTENTIAL_ENDING.test(rest)) return false;
      if (!INSULT_CONTINUATION.test(rest) && !isTokenBoundary(to, to)) return false;
    }
    return true;
  }

  private bounded(plain: string, from: number, to: number, openEnd: boolean, isTokenBoundary: (a: number, b: number) => boolean): boolean {
    const first = plain[from] as string;
    const last = plain[to - 1] as string;
    const before = from > 0 ? (plain[from - 1] as string) : '';
    const after = to < plain.length ? (plain[to] as string) : '';
    const latin = /[a-zA-Z]/;
    if (latin.test(first)) return !latin.test(before) && !latin.test(after);
    const sameScript = (a: string, b: string): boolean => b !== '' && ((isHiragana(a) && isHiragana(b)) || (isKatakana(a) && isKatakana(b)));
    const leftOpen = sameScript(first, before) && !INTENSIFIER_BEFORE.test(plain.slice(Math.max(0, from - 4), from));
    const rightOpen = !openEnd && (sameScript(last, after) || (isKatakana(last) && after === 'ー'));
    if (!leftOpen && !rightOpen) return true;
    if (isTokenBoundary(from, to)) return true;
    // A word spaced out to evade (あ ほなの) is no word to the tokenizer either (あ| |ほな|の): its
    // right edge is judged by what follows, as for a mixed form's tail.
    return !leftOpen && isSpacedOut(plain, from, to) && INSULT_CONTINUATION.test(plain.slice(to, to + 3));
  }

  private inFalsePositiveContext(norm: NormalizedText, entry: DictionaryEntry, keyFrom: number, keyTo: number): boolean {
    const fps = this.fpKeys.get(entry);
    if (fps === undefined || fps.length === 0) return false;
    const windowFrom = Math.max(0, keyFrom - FP_WINDOW);
    const windowText = norm.key.slice(windowFrom, Math.min(norm.key.length, keyTo + FP_WINDOW));
    return fps.some((fp) => windowText.includes(fp));
  }
}

/** What a form asks of a hit, before forms with the same key are merged. */
function formPattern(form: string, key: string, entry: DictionaryEntry, list: Dictionary): TermPattern {
  const chars = Array.from(form.normalize('NFKC'));
  const last = chars.at(-1) ?? '';
  const single = isSingleScript(form);
  const kanaOnly = isKanaOnly(key);
  let tailLength = 0;
  while (tailLength < chars.length && isHiragana(chars[chars.length - 1 - tailLength] as string)) tailLength++;
  const beforeLast = chars.at(-2) ?? '';
  return {
    kind: 'entry',
    entry,
    list,
    masked: false,
    needsBoundary: isLatinOnly(key) || kanaOnly,
    script: key.length <= 2 && single && kanaOnly ? scriptOf(form) : null,
    openEnd: !single && isHiragana(last),
    katakanaAt: kanaOnly && !single ? kanaLetters(form).map((c) => isKatakana(c)) : null,
    needsTrail: TRAILING_DROPPED.has(last) && key.length <= 3 && !key.endsWith(last),
    tail: !single && tailLength === 1 && tailLength < chars.length ? last : '',
    suffixHead: NAME_SUFFIX_KANJI.has(chars[0] ?? '') && chars.length > 1 && !chars.slice(1).every((c) => isKanji(c)),
    singleKanji: chars.length === 1 && isKanji(last),
    stemEnd: chars.length > 1 && isKanji(last) && isKana(beforeLast),
  };
}

/** Forms with one key: the hit is the word when any of them would accept it. */
function relaxInto(earlier: TermPattern, other: TermPattern): void {
  if (earlier.script !== other.script) earlier.script = null;
  if (other.katakanaAt === null || earlier.katakanaAt?.join() !== other.katakanaAt.join()) earlier.katakanaAt = null;
  earlier.needsTrail &&= other.needsTrail;
  if (earlier.tail !== other.tail) earlier.tail = '';
  earlier.suffixHead &&= other.suffixHead;
  earlier.stemEnd &&= other.stemEnd;
  earlier.openEnd ||= other.openEnd;
}

/** Kana letters of a text, without the marks the key may drop (ー, small vowels). */
function kanaLetters(text: string): string[] {
  return Array.from(text.normalize('NFKC')).filter((c) => (isHiragana(c) || isKatakana(c)) && !TRAILING_DROPPED.has(c));
}

/** Where a mixed form has katakana, the text has katakana too (ヤリたい, not やりたい). */
function keepsKatakana(text: string, katakanaAt: boolean[]): boolean {
  const letters = kanaLetters(text);
  if (letters.length !== katakanaAt.length) return true;
  return katakanaAt.every((k, i) => !k || isKatakana(letters[i] as string));
}

/** The hit holds a separator or pictograph the key dropped (バ カ, あ ほ, バ🍀カ): an N4/N6 evasion. */
function isSpacedOut(plain: string, from: number, to: number): boolean {
  for (const c of plain.slice(from, to)) {
    if (!(isKana(c) || isKanji(c) || c === MASK || /[a-zA-Z0-9]/.test(c))) return true;
  }
  return false;
}

function isKana(ch: string): boolean {
  return isHiragana(ch) || isKatakana(ch);
}

function isKatakanaLetter(ch: string): boolean {
  return ch !== '' && ch !== 'ー' && isKatakana(ch);
}

/** A form written in one kana script only (バカ, しね); mixed forms (タヒん) are their own boundary. */
function isSingleScript(form: string): boolean {
  const chars = Array.from(form.normalize('NFKC')).filter((c) => c !== 'ー');
  return chars.every((c) => isKatakana(c)) || chars.every((c) => isHiragana(c));
}

function scriptOf(form: string): 'hiragana' | 'katakana' {
  return Array.from(form.normalize('NFKC')).some((c) => isHiragana(c)) ? 'hiragana' : 'katakana';
}

function writtenIn(text: string, script: 'hiragana' | 'katakana'): boolean {
  return Array.from(text).every((c) => !(isHiragana(c) || isKatakana(c)) || c === 'ー' || (script === 'hiragana' ? isHiragana(c) : isKatakana(c)));
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Of overlapping hits of one category keep the longest (unmasked beats masked): a sweep, not a pairwise scan. */
function dropContained(hits: TermHit[]): TermHit[] {
  const byCategory = new Map<string, TermHit[]>();
  for (const h of hits) {
    const key = h.entry.categories?.[0] ?? '';
    const list = byCategory.get(key);
    if (list === undefined) byCategory.set(key, [h]);
    else list.push(h);
  }
  const kept: TermHit[] = [];
  for (const list of byCategory.values()) {
    list.sort((a, b) => a.from - b.from || b.to - a.to || Number(a.masked) - Number(b.masked));
    let reach = -1;
    for (const h of list) {
      if (h.to <= reach) continue; // inside a longer (or equal, earlier-sorted) hit
      kept.push(h);
      reach = Math.max(reach, h.to);
    }
  }
  return kept.sort((a, b) => a.from - b.from);
}
