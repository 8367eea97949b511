/**
 * The normaliser (MARKERS.md B.1). It never changes what the user sees: it builds two views of
 * the original text, each with a map back to it, so every finding's span is in the original.
 *
 * - `plain`: NFKC per grapheme cluster, zero-width and variation characters removed, dashes
 *   between digits unified to `-` (N1, N5, N15). Regex and grammar rules run on this view.
 * - `key`: the matching key for term lists: hiragana folded to katakana, Latin lower-cased, masks
 *   unified to `○`, spacing / punctuation / a pictograph inside a word removed, look-alike
 *   characters mapped inside katakana runs, small vowels dropped, elongation dropped after
 *   hiragana and at a word's end but kept (one ー for a run) inside a katakana word, where it is
 *   a letter: ブース is not ブス (N2, N4, N6–N9, N12, issue #7). Term lists are matched on this
 *   view only.
 */

export interface NormalizedText {
  readonly original: string;
  readonly plain: string;
  /** For each UTF-16 unit of `plain`, the start of its source cluster in `original`. */
  readonly plainStart: Int32Array;
  /** For each UTF-16 unit of `plain`, the end of its source cluster in `original`. */
  readonly plainEnd: Int32Array;
  readonly key: string;
  /** For each UTF-16 unit of `key`, the index in `plain` it came from. */
  readonly keyToPlain: Int32Array;
}

/** Zero-width and variation characters (N5) plus soft hyphen and the Mongolian vowel separator. */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF\uFE00-\uFE0F]|\uDB40[\uDD00-\uDDEF]/gu;
/** Marks that belong to the cluster before them (combining marks, half-width (semi-)voiced marks). */
const JOINS_PREVIOUS = /^[\p{M}\uFF9E\uFF9F\u3099\u309A]$/u;
const DIGIT = /^[0-9]$/;
/** Characters used as dashes between digits in phone numbers and postal codes (N15). */
const DIGIT_DASHES = new Set(['‐', '‑', '‒', '–', '—', '―', '−', 'ー', '－', 'ｰ', '-']);

function isLoneSurrogate(cp: number): boolean {
  return cp >= 0xd800 && cp <= 0xdfff;
}

/** Code points NFKC leaves alone: printable ASCII, hiragana, full-width katakana, common CJK ideographs, common punctuation. */
function isStable(cp: number): boolean {
  return (
    (cp >= 0x21 && cp <= 0x7e) ||
    cp === 0x0a ||
    (cp >= 0x3041 && cp <= 0x3096) ||
    (cp >= 0x30a1 && cp <= 0x30fa) ||
    cp === 0x30fc ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3001 && cp <= 0x3003) ||
    (cp >= 0x3005 && cp <= 0x3007) ||
    (cp >= 0x3008 && cp <= 0x3011)
  );
}

/**
 * Splits `text` into clusters (a code point and the marks that join it) and NFKC-normalises each
 * one, recording where it came from. Normalising cluster by cluster keeps the offset map exact.
 */
function buildPlain(text: string): { plain: string; start: Int32Array; end: Int32Array } {
  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  while (i < text.length) {
    const clusterStart = i;
    const first = text.codePointAt(i) as number;
    i += first > 0xffff ? 2 : 1;
    while (i < text.length) {
      const cp = text.codePointAt(i) as number;
      // Nothing below U+0300, and no kana or kanji, joins the character before it.
      if (cp < 0x0300 || (cp >= 0x3041 && cp <= 0x3096) || (cp >= 0x30a1 && cp <= 0x30fc) || (cp >= 0x4e00 && cp <= 0x9fff)) break;
      const ch = String.fromCodePoint(cp);
      if (!JOINS_PREVIOUS.test(ch) && !(cp >= 0xfe00 && cp <= 0xfe0f)) break;
      i += ch.length;
    }
    // Fast path: most characters of Japanese prose are already NFKC-stable and visible.
    if (i - clusterStart === 1 && isStable(first)) {
      out.push(text[clusterStart] as string);
      starts.push(clusterStart);
      ends.push(i);
      continue;
    }
    const cluster = text.slice(clusterStart, i);
    // A lone surrogate is replaced (same length) so nothing downstream (kuromoji) sees broken UTF-16.
    const normalised = (isLoneSurrogate(first) ? '\uFFFD' : cluster.normalize('NFKC')).replace(INVISIBLE, '');
    for (let k = 0; k < normalised.length; k++) {
      out.push(normalised[k] as string);
      starts.push(clusterStart);
      ends.push(i);
    }
  }
  const plainChars = out;
  // N15: a dash between two digits is a separator in a number.
  for (let k = 1; k + 1 < plainChars.length; k++) {
    const c = plainChars[k] as string;
    if (DIGIT_DASHES.has(c) && DIGIT.test(plainChars[k - 1] as string) && DIGIT.test(plainChars[k + 1] as string)) {
      plainChars[k] = '-';
    }
  }
  return { plain: plainChars.join(''), start: Int32Array.from(starts), end: Int32Array.from(ends) };
}

const MASKS = new Set(['○', '◯', '〇', '●', '×', '✕', '✖', '＊', '*', '□', '■', '△', '▲', '◎', '◇', '◆']);
export const MASK = '○';
/** Removed inside a word (between two word characters) in the key (N4). */
const INNER_SEPARATORS = /^[\s.,・/\\\-_|'"`~^:;、。･]$/u;
const PICTOGRAPH = /^\p{Extended_Pictographic}$/u;
/** Look-alike kanji/symbols for katakana, applied only next to katakana (N8) and Bopomofo (N9, from MosasoM/inappropriate-words-ja, MIT). */
const LOOKALIKE: Record<string, string> = {
  力: 'カ', 工: 'エ', 口: 'ロ', 二: 'ニ', 八: 'ハ', 卜: 'ト', 夕: 'タ', 一: 'ー', 匕: 'ヒ', 歹: 'タ',
  ㄆ: 'ヌ', ㄡ: 'ヌ', ㄊ: 'ム', ㄙ: 'ム', ㄋ: 'ロ', ㄌ: 'カ', ㄎ: 'チ', ㄘ: 'チ', ㄑ: 'ク', ㄒ: 't', ㄚ: 'y',
  ㄛ: 'サ', ㄜ: 'サ', ㄝ: 'セ', ㆥ: 'セ', ㄟ: 'ヘ', ㄦ: 'ル', ㆲ: 'エ', ㄨ: 'メ',
};
const SMALL_VOWELS = new Set(['ァ', 'ィ', 'ゥ', 'ェ', 'ォ']);
const ELONGATION = new Set(['ー', '〜', '～', '~']);

export function isKatakana(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return (c >= 0x30a1 && c <= 0x30fa) || c === 0x30fc;
}
export function isHiragana(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c >= 0x3041 && c <= 0x3096;
}
export function isKana(ch: string): boolean {
  return isKatakana(ch) || isHiragana(ch);
}
export function isKanji(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || c === 0x3005 || (c >= 0xf900 && c <= 0xfaff);
}
function isBopomofo(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return (c >= 0x3100 && c <= 0x312f) || (c >= 0x31a0 && c <= 0x31bf);
}
/** A character that can stand inside a Japanese word, for the N4/N6 "inside a word" test. */
function isWordChar(ch: string): boolean {
  return isKana(ch) || isKanji(ch) || MASKS.has(ch) || ch === 'ー' || isBopomofo(ch) || /^[a-zA-Z]$/.test(ch);
}

function foldChar(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 0x3041 && c <= 0x3096) return String.fromCharCode(c + 0x60);
  if (c >= 0x41 && c <= 0x5a) return String.fromCharCode(c + 0x20);
  if (MASKS.has(ch)) return MASK;
  return ch;
}

function buildKey(plain: string): { key: string; toPlain: Int32Array } {
  const keyChars: string[] = [];
  const toPlain: number[] = [];
  // Pass 1: which plain characters are dropped as separators inside a word (N4, N6).
  const n = plain.length;
  const drop = new Uint8Array(n);
  let k = 0;
  while (k < n) {
    const ch = plain[k] as string;
    const code = plain.charCodeAt(k);
    // Kana, kanji and letters are never separators: skip the regex tests for them.
    if ((code >= 0x3041 && code <= 0x30fa) || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) {
      k++;
      continue;
    }
    const removable = INNER_SEPARATORS.test(ch) || PICTOGRAPH.test(ch) || isSurrogatePictograph(plain, k);
    if (!removable) {
      k++;
      continue;
    }
    let j = k;
    let pictographs = 0;
    while (j < n) {
      const cj = plain[j] as string;
      if (INNER_SEPARATORS.test(cj)) {
        j++;
      } else if (PICTOGRAPH.test(cj)) {
        pictographs++;
        j++;
      } else if (isSurrogatePictograph(plain, j)) {
        pictographs++;
        j += 2;
      } else break;
    }
    const before = k > 0 ? (plain[k - 1] as string) : '';
    const after = j < n ? (plain[j] as string) : '';
    // Only a short run between two word characters is an evasion; 。 and 、 end a clause, never drop them.
    const runText = plain.slice(k, j);
    const clauseEnd = /[、。\n\r]/.test(runText);
    if (!clauseEnd && before && after && isWordChar(before) && isWordChar(after) && j - k <= 4 && pictographs <= 1) {
      for (let x = k; x < j; x++) drop[x] = 1;
    }
    k = j;
  }
  // Pass 2: fold, map look-alikes next to katakana, drop small vowels after kana and elongation where it is emphasis.
  for (let i = 0; i < n; i++) {
    if (drop[i]) continue;
    let ch = plain[i] as string;
    const mapped = LOOKALIKE[ch];
    if (mapped !== undefined) {
      const prev = prevKept(plain, drop, i);
      const next = nextKept(plain, drop, i);
      if (isBopomofo(ch) || (prev !== '' && isKatakana(prev)) || (next !== '' && isKatakana(next))) ch = mapped;
    }
    ch = foldChar(ch);
    const last = keyChars.length > 0 ? (keyChars[keyChars.length - 1] as string) : '';
    if (last !== '' && isKatakana(last) && last !== 'ー') {
      if (ELONGATION.has(ch)) {
        // Issue #7: inside a katakana word ー is a letter (ブース is not ブス, ビール not ビル), so a
        // run of it is kept as one ー; after hiragana (ばーか) or at a word's end (バカーー) it is
        // emphasis and dropped.
        const lastPlain = plain[toPlain[toPlain.length - 1] as number] as string;
        if (!isHiragana(lastPlain) && isKatakanaLetter(nextAfterElongation(plain, drop, i))) {
          keyChars.push('ー');
          toPlain.push(i);
          while (i + 1 < n && (drop[i + 1] || ELONGATION.has(plain[i + 1] as string))) i++;
        }
        continue;
      }
      if (SMALL_VOWELS.has(ch)) continue;
      if (ch === 'ッ' && last === 'ッ') continue;
    }
    if (ch === 'ー' && last === '') continue;
    keyChars.push(ch);
    toPlain.push(i);
  }
  return { key: keyChars.join(''), toPlain: Int32Array.from(toPlain) };
}

/** A katakana letter, not the prolonged-sound mark. */
function isKatakanaLetter(ch: string): boolean {
  return ch !== '' && ch !== 'ー' && isKatakana(ch);
}

/** The first character after the run of elongation marks (and dropped separators) that starts at `i`. */
function nextAfterElongation(s: string, drop: Uint8Array, i: number): string {
  let j = i;
  while (j < s.length && (drop[j] || ELONGATION.has(s[j] as string))) j++;
  return j < s.length ? (s[j] as string) : '';
}

function isSurrogatePictograph(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return false;
  return PICTOGRAPH.test(String.fromCodePoint(s.codePointAt(i) as number));
}
function prevKept(s: string, drop: Uint8Array, i: number): string {
  for (let j = i - 1; j >= 0; j--) if (!drop[j]) return s[j] as string;
  return '';
}
function nextKept(s: string, drop: Uint8Array, i: number): string {
  for (let j = i + 1; j < s.length; j++) if (!drop[j]) return s[j] as string;
  return '';
}

export function normalize(original: string): NormalizedText {
  const { plain, start, end } = buildPlain(original);
  const { key, toPlain } = buildKey(plain);
  return { original, plain, plainStart: start, plainEnd: end, key, keyToPlain: toPlain };
}

/** The matching key of a dictionary form: the same folding the text gets. */
export function keyOf(form: string): string {
  return normalize(form).key;
}

/** Maps a half-open range of `plain` to the original text. An empty or out-of-range span is clamped. */
export function plainSpanToOriginal(norm: NormalizedText, from: number, to: number): { start: number; end: number } {
  const n = norm.plain.length;
  if (n === 0) return { start: 0, end: 0 };
  const a = Math.max(0, Math.min(from, n - 1));
  const b = Math.max(a, Math.min(to - 1, n - 1));
  return { start: norm.plainStart[a] as number, end: norm.plainEnd[b] as number };
}

/** Maps a half-open range of `key` to the original text. */
export function keySpanToOriginal(norm: NormalizedText, from: number, to: number): { start: number; end: number } {
  const a = norm.keyToPlain[from] as number;
  const b = norm.keyToPlain[Math.max(from, to - 1)] as number;
  return { start: norm.plainStart[a] as number, end: norm.plainEnd[b] as number };
}
