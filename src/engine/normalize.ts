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
 *
 * Issue #10: the work is done on character codes into typed arrays, linear in the text, and a
 * `Normalizer` (one per checker) re-normalises only the pieces of a text that changed since it
 * last saw them. A piece ends after 。 or a line break; nothing in either view looks across that
 * end except "is this the start of the text" (a leading ー is dropped there only), so the pieces
 * joined are exactly the whole text normalised at once (tests/engine/normalize-pieces.test.ts).
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
const PICTOGRAPH = /^\p{Extended_Pictographic}$/u;

/** Per-code-point answers of the two Unicode-property regexes above, filled as code points are met. */
class CodePointTable {
  private readonly bmp = new Uint8Array(0x10000);
  private readonly astral = new Map<number, boolean>();
  constructor(private readonly re: RegExp) {}
  has(cp: number): boolean {
    if (cp < 0x10000) {
      const known = this.bmp[cp] as number;
      if (known !== 0) return known === 1;
      const yes = this.re.test(String.fromCharCode(cp));
      this.bmp[cp] = yes ? 1 : 2;
      return yes;
    }
    let yes = this.astral.get(cp);
    if (yes === undefined) this.astral.set(cp, (yes = this.re.test(String.fromCodePoint(cp))));
    return yes;
  }
}
const JOINS = new CodePointTable(JOINS_PREVIOUS);
const PICTOGRAPHS = new CodePointTable(PICTOGRAPH);

/** Does the code point `cp` join the cluster before it? Nothing below U+0300, and no kana or kanji, does. */
function joinsPrevious(cp: number): boolean {
  if (cp < 0x0300 || (cp >= 0x3041 && cp <= 0x3096) || (cp >= 0x30a1 && cp <= 0x30fc) || (cp >= 0x4e00 && cp <= 0x9fff)) return false;
  return JOINS.has(cp) || (cp >= 0xfe00 && cp <= 0xfe0f);
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

/** NFKC of a one-code-point cluster without its invisible characters, by code point (most clusters are one). */
const SINGLE_NFKC = new Map<number, string>();
function nfkcCluster(cluster: string, first: number, single: boolean): string {
  // A lone surrogate is replaced (same length) so nothing downstream (kuromoji) sees broken UTF-16.
  if (first >= 0xd800 && first <= 0xdfff) return '\uFFFD';
  if (!single) return cluster.normalize('NFKC').replace(INVISIBLE, '');
  let out = SINGLE_NFKC.get(first);
  if (out === undefined) SINGLE_NFKC.set(first, (out = cluster.normalize('NFKC').replace(INVISIBLE, '')));
  return out;
}

/** Growable UTF-16 and offset buffers. */
class Buffers {
  codes: Uint16Array;
  a: Int32Array;
  b: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.codes = new Uint16Array(capacity);
    this.a = new Int32Array(capacity);
    this.b = new Int32Array(capacity);
  }
  push(code: number, a: number, b: number): void {
    if (this.length === this.codes.length) {
      const size = this.codes.length * 2 + 16;
      const codes = new Uint16Array(size);
      codes.set(this.codes);
      const na = new Int32Array(size);
      na.set(this.a);
      const nb = new Int32Array(size);
      nb.set(this.b);
      this.codes = codes;
      this.a = na;
      this.b = nb;
    }
    this.codes[this.length] = code;
    this.a[this.length] = a;
    this.b[this.length++] = b;
  }
}

function codesToString(codes: Uint16Array, length: number): string {
  // Short strings (dictionary forms, most pieces) are quicker built one character at a time.
  if (length <= 24) {
    let out = '';
    for (let i = 0; i < length; i++) out += String.fromCharCode(codes[i] as number);
    return out;
  }
  let out = '';
  for (let i = 0; i < length; i += 8192) out += String.fromCharCode.apply(null, codes.subarray(i, Math.min(length, i + 8192)) as unknown as number[]);
  return out;
}

function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
/** Characters used as dashes between digits in phone numbers and postal codes (N15): ‐ ‑ ‒ – — ― − ー － ｰ -. */
function isDigitDash(c: number): boolean {
  return (c >= 0x2010 && c <= 0x2015) || c === 0x2212 || c === 0x30fc || c === 0xff0d || c === 0xff70 || c === 0x2d;
}

/**
 * Splits `text` into clusters (a code point and the marks that join it) and NFKC-normalises each
 * one, recording where it came from. Normalising cluster by cluster keeps the offset map exact.
 */
function buildPlain(text: string): { plain: string; start: Int32Array; end: Int32Array } {
  const n = text.length;
  const out = new Buffers(n + 8);
  let i = 0;
  while (i < n) {
    const clusterStart = i;
    const first = text.codePointAt(i) as number;
    i += first > 0xffff ? 2 : 1;
    while (i < n) {
      const cp = text.codePointAt(i) as number;
      if (!joinsPrevious(cp)) break;
      i += cp > 0xffff ? 2 : 1;
    }
    // Fast path: most characters of Japanese prose are already NFKC-stable and visible.
    if (i - clusterStart === 1 && isStable(first)) {
      out.push(first, clusterStart, i);
      continue;
    }
    const single = i - clusterStart === (first > 0xffff ? 2 : 1);
    const normalised = nfkcCluster(text.slice(clusterStart, i), first, single);
    for (let k = 0; k < normalised.length; k++) out.push(normalised.charCodeAt(k), clusterStart, i);
  }
  const codes = out.codes;
  const length = out.length;
  // N15: a dash between two digits is a separator in a number.
  for (let k = 1; k + 1 < length; k++) {
    if (isDigitDash(codes[k] as number) && isDigitCode(codes[k - 1] as number) && isDigitCode(codes[k + 1] as number)) codes[k] = 0x2d;
  }
  return { plain: codesToString(codes, length), start: out.a.slice(0, length), end: out.b.slice(0, length) };
}

export const MASK = '○';
const MASK_CODE = 0x25cb;
/** ○◯〇●×✕✖＊*□■△▲◎◇◆ */
function isMask(c: number): boolean {
  return (
    c === 0x25cb || c === 0x25ef || c === 0x3007 || c === 0x25cf || c === 0xd7 || c === 0x2715 || c === 0x2716 || c === 0xff0a || c === 0x2a ||
    c === 0x25a1 || c === 0x25a0 || c === 0x25b3 || c === 0x25b2 || c === 0x25ce || c === 0x25c7 || c === 0x25c6
  );
}
/** Removed inside a word (between two word characters) in the key (N4): white space and . , ・ / \ - _ | ' " ` ~ ^ : ; 、 。 ･ */
function isInnerSeparator(c: number): boolean {
  switch (c) {
    case 0x09: case 0x0a: case 0x0b: case 0x0c: case 0x0d: case 0x20: case 0xa0: case 0x1680: case 0x2028: case 0x2029: case 0x202f: case 0x205f: case 0x3000: case 0xfeff:
    case 0x2e: case 0x2c: case 0x30fb: case 0x2f: case 0x5c: case 0x2d: case 0x5f: case 0x7c: case 0x27: case 0x22: case 0x60: case 0x7e: case 0x5e: case 0x3a: case 0x3b: case 0x3001: case 0x3002: case 0xff65:
      return true;
    default:
      return c >= 0x2000 && c <= 0x200a;
  }
}
/** 、。 and line breaks end a clause: a run holding one is never dropped. */
function isClauseEnd(c: number): boolean {
  return c === 0x3001 || c === 0x3002 || c === 0x0a || c === 0x0d;
}
/** Look-alike kanji/symbols for katakana, applied only next to katakana (N8) and Bopomofo (N9, from MosasoM/inappropriate-words-ja, MIT). */
const LOOKALIKE: Record<string, string> = {
  力: 'カ', 工: 'エ', 口: 'ロ', 二: 'ニ', 八: 'ハ', 卜: 'ト', 夕: 'タ', 一: 'ー', 匕: 'ヒ', 歹: 'タ',
  ㄆ: 'ヌ', ㄡ: 'ヌ', ㄊ: 'ム', ㄙ: 'ム', ㄋ: 'ロ', ㄌ: 'カ', ㄎ: 'チ', ㄘ: 'チ', ㄑ: 'ク', ㄒ: 't', ㄚ: 'y',
  ㄛ: 'サ', ㄜ: 'サ', ㄝ: 'セ', ㆥ: 'セ', ㄟ: 'ヘ', ㄦ: 'ル', ㆲ: 'エ', ㄨ: 'メ',
};
const LOOKALIKE_CODE = new Map<number, number>(Object.entries(LOOKALIKE).map(([from, to]) => [from.charCodeAt(0), to.charCodeAt(0)]));
const CHOON = 0x30fc;
/** ー 〜 ～ ~ */
function isElongation(c: number): boolean {
  return c === CHOON || c === 0x301c || c === 0xff5e || c === 0x7e;
}
/** ァィゥェォ */
function isSmallVowel(c: number): boolean {
  return c === 0x30a1 || c === 0x30a3 || c === 0x30a5 || c === 0x30a7 || c === 0x30a9;
}

function isKatakanaCode(c: number): boolean {
  return (c >= 0x30a1 && c <= 0x30fa) || c === CHOON;
}
function isHiraganaCode(c: number): boolean {
  return c >= 0x3041 && c <= 0x3096;
}
function isKanjiCode(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || c === 0x3005 || (c >= 0xf900 && c <= 0xfaff);
}
function isBopomofoCode(c: number): boolean {
  return (c >= 0x3100 && c <= 0x312f) || (c >= 0x31a0 && c <= 0x31bf);
}
/** A character that can stand inside a Japanese word, for the N4/N6 "inside a word" test. */
function isWordCode(c: number): boolean {
  return isKatakanaCode(c) || isHiraganaCode(c) || isKanjiCode(c) || isMask(c) || isBopomofoCode(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}
/** A katakana letter, not the prolonged-sound mark. */
function isKatakanaLetterCode(c: number): boolean {
  return c !== CHOON && isKatakanaCode(c);
}

export function isKatakana(ch: string): boolean {
  return isKatakanaCode(ch.charCodeAt(0));
}
export function isHiragana(ch: string): boolean {
  return isHiraganaCode(ch.charCodeAt(0));
}
export function isKana(ch: string): boolean {
  return isKatakana(ch) || isHiragana(ch);
}
export function isKanji(ch: string): boolean {
  return isKanjiCode(ch.charCodeAt(0));
}

function foldCode(c: number): number {
  if (c >= 0x3041 && c <= 0x3096) return c + 0x60;
  if (c >= 0x41 && c <= 0x5a) return c + 0x20;
  if (isMask(c)) return MASK_CODE;
  return c;
}

/** Is the UTF-16 unit at `i` the high half of a pictograph (😀)? */
function isSurrogatePictograph(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return false;
  return PICTOGRAPHS.has(s.codePointAt(i) as number);
}
/** A pictograph in one UTF-16 unit (☀, ©); a lone half of a pair is none. */
function isBmpPictograph(c: number): boolean {
  return !(c >= 0xd800 && c <= 0xdfff) && PICTOGRAPHS.has(c);
}

/** No key character yet: the start of the text, where a leading ー is dropped. */
const TEXT_START = -1;
/** Before a piece that follows 。 or a line break: a key character that is no katakana. */
const AFTER_PIECE = 0x0a;

function buildKey(plain: string, lastBefore: number = TEXT_START): { key: string; toPlain: Int32Array } {
  const n = plain.length;
  // Pass 1: which plain characters are dropped as separators inside a word (N4, N6).
  const drop = new Uint8Array(n);
  let k = 0;
  while (k < n) {
    const code = plain.charCodeAt(k);
    // Kana, kanji and letters are never separators: skip the tests for them.
    if ((code >= 0x3041 && code <= 0x30fa) || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) {
      k++;
      continue;
    }
    const removable = isInnerSeparator(code) || isBmpPictograph(code) || isSurrogatePictograph(plain, k);
    if (!removable) {
      k++;
      continue;
    }
    let j = k;
    let pictographs = 0;
    let clauseEnd = false;
    while (j < n) {
      const cj = plain.charCodeAt(j);
      if (isInnerSeparator(cj)) {
        if (isClauseEnd(cj)) clauseEnd = true;
        j++;
      } else if (isBmpPictograph(cj)) {
        pictographs++;
        j++;
      } else if (isSurrogatePictograph(plain, j)) {
        pictographs++;
        j += 2;
      } else break;
    }
    // Only a short run between two word characters is an evasion; 。 and 、 end a clause, never drop them.
    if (!clauseEnd && k > 0 && j < n && isWordCode(plain.charCodeAt(k - 1)) && isWordCode(plain.charCodeAt(j)) && j - k <= 4 && pictographs <= 1) {
      for (let x = k; x < j; x++) drop[x] = 1;
    }
    k = j;
  }
  // Pass 2: fold, map look-alikes next to katakana, drop small vowels after kana and elongation where it is emphasis.
  const keyCodes = new Uint16Array(n);
  const toPlain = new Int32Array(n);
  let length = 0;
  let last = lastBefore;
  for (let i = 0; i < n; i++) {
    if (drop[i]) continue;
    let ch = plain.charCodeAt(i);
    const mapped = LOOKALIKE_CODE.get(ch);
    if (mapped !== undefined && (isBopomofoCode(ch) || isKatakanaCode(prevKept(plain, drop, i)) || isKatakanaCode(nextKept(plain, drop, i)))) ch = mapped;
    ch = foldCode(ch);
    if (last !== TEXT_START && isKatakanaCode(last) && last !== CHOON) {
      if (isElongation(ch)) {
        // Issue #7: inside a katakana word ー is a letter (ブース is not ブス, ビール not ビル), so a
        // run of it is kept as one ー; after hiragana (ばーか) or at a word's end (バカーー) it is
        // emphasis and dropped.
        const lastPlain = plain.charCodeAt(toPlain[length - 1] as number);
        if (!isHiraganaCode(lastPlain) && isKatakanaLetterCode(nextAfterElongation(plain, drop, i))) {
          keyCodes[length] = CHOON;
          toPlain[length++] = i;
          last = CHOON;
          while (i + 1 < n && (drop[i + 1] || isElongation(plain.charCodeAt(i + 1)))) i++;
        }
        continue;
      }
      if (isSmallVowel(ch)) continue;
      if (ch === 0x30c3 && last === 0x30c3) continue;
    }
    if (ch === CHOON && last === TEXT_START) continue;
    keyCodes[length] = ch;
    toPlain[length++] = i;
    last = ch;
  }
  return { key: codesToString(keyCodes, length), toPlain: toPlain.slice(0, length) };
}

/** The first character after the run of elongation marks (and dropped separators) that starts at `i`, or -1. */
function nextAfterElongation(s: string, drop: Uint8Array, i: number): number {
  let j = i;
  while (j < s.length && (drop[j] || isElongation(s.charCodeAt(j)))) j++;
  return j < s.length ? s.charCodeAt(j) : -1;
}
function prevKept(s: string, drop: Uint8Array, i: number): number {
  for (let j = i - 1; j >= 0; j--) if (!drop[j]) return s.charCodeAt(j);
  return -1;
}
function nextKept(s: string, drop: Uint8Array, i: number): number {
  for (let j = i + 1; j < s.length; j++) if (!drop[j]) return s.charCodeAt(j);
  return -1;
}

export function normalize(original: string): NormalizedText {
  const { plain, start, end } = buildPlain(original);
  const { key, toPlain } = buildKey(plain);
  return { original, plain, plainStart: start, plainEnd: end, key, keyToPlain: toPlain };
}

/** The matching key of a dictionary form: the same folding the text gets. Remembered: every checker folds the same forms. */
export function keyOf(form: string): string {
  let key = KEYS.get(form);
  if (key === undefined) {
    if (KEYS.size >= 200_000) KEYS.clear();
    KEYS.set(form, (key = normalize(form).key));
  }
  return key;
}
const KEYS = new Map<string, string>();

/** One piece of a text, normalised on its own with offsets relative to the piece. */
interface Piece {
  originalLength: number;
  plain: string;
  start: Int32Array;
  end: Int32Array;
  key: string;
  toPlain: Int32Array;
}

/** Normalisation work, for the tests that count work (never time). */
export interface NormalizerWork {
  /** Pieces normalised (the others were kept from the text before). */
  piecesNormalised: number;
  /** Characters of the original normalised. */
  charsNormalised: number;
}

/** The last text a Normalizer saw, cut into pieces, with where each piece starts in each view. */
interface Cut {
  result: NormalizedText;
  pieces: Piece[];
  /** Start of each piece in the original, in `plain` and in `key`, and one past the last. */
  originalAt: Int32Array;
  plainAt: Int32Array;
  keyAt: Int32Array;
}

/**
 * normalize() for a checker: the same result, but a text is cut into pieces after 。 or a line
 * break, and a re-check after an edit normalises only the pieces that changed (issue #10): the
 * pieces before the edit are kept as they were, those after it are kept and moved, and the views
 * are spliced together.
 */
export class Normalizer {
  readonly work: NormalizerWork = { piecesNormalised: 0, charsNormalised: 0 };
  private last: Cut | null = null;

  normalize(original: string): NormalizedText {
    const last = this.last;
    const n = original.length;
    // What stays: the pieces that end (with the character after them) before the first change,
    // and those that start after the last change.
    let keepHead = 0;
    let tailFrom = -1;
    let delta = 0;
    if (last !== null) {
      const before = last.result.original;
      delta = n - before.length;
      const limit = Math.min(n, before.length);
      let prefix = 0;
      while (prefix < limit && before.charCodeAt(prefix) === original.charCodeAt(prefix)) prefix++;
      let suffix = 0;
      while (suffix < limit - prefix && before.charCodeAt(before.length - 1 - suffix) === original.charCodeAt(n - 1 - suffix)) suffix++;
      while (keepHead < last.pieces.length && (last.originalAt[keepHead + 1] as number) + 2 <= prefix) keepHead++;
      tailFrom = n - suffix;
    }
    const pieces: Piece[] = [];
    const at: number[] = [];
    for (let k = 0; k < keepHead; k++) {
      pieces.push((last as Cut).pieces[k] as Piece);
      at.push((last as Cut).originalAt[k] as number);
    }
    // New pieces from the first change on, until one starts where an old piece started in the unchanged tail.
    let from = keepHead > 0 ? ((last as Cut).originalAt[keepHead] as number) : 0;
    let resumeAt = -1;
    while (from < n) {
      if (last !== null && from > 0 && from >= tailFrom) {
        // Not the old first piece: it was normalised as the start of a text.
        const old = indexOf(last.originalAt, last.pieces.length, from - delta);
        if (old > 0) {
          resumeAt = old;
          break;
        }
      }
      const to = pieceEnd(original, from);
      pieces.push(this.piece(original.slice(from, to), from === 0));
      at.push(from);
      from = to;
    }
    const head = pieces.length;
    if (resumeAt >= 0) {
      const old = last as Cut;
      for (let k = resumeAt; k < old.pieces.length; k++) {
        pieces.push(old.pieces[k] as Piece);
        at.push((old.originalAt[k] as number) + delta);
      }
    }
    // Where each piece starts in each view.
    const count = pieces.length;
    const originalAt = new Int32Array(count + 1);
    const plainAt = new Int32Array(count + 1);
    const keyAt = new Int32Array(count + 1);
    for (let k = 0; k < count; k++) {
      const p = pieces[k] as Piece;
      originalAt[k] = at[k] as number;
      plainAt[k + 1] = (plainAt[k] as number) + p.plain.length;
      keyAt[k + 1] = (keyAt[k] as number) + p.key.length;
    }
    originalAt[count] = n;
    const plainLength = plainAt[count] as number;
    const keyLength = keyAt[count] as number;
    const plainStart = new Int32Array(plainLength);
    const plainEnd = new Int32Array(plainLength);
    const keyToPlain = new Int32Array(keyLength);
    let plain: string;
    let key: string;
    if (last === null || (keepHead === 0 && resumeAt < 0)) {
      // Nothing kept: fill piece by piece.
      const plains: string[] = [];
      const keys: string[] = [];
      for (let k = 0; k < count; k++) fill(pieces[k] as Piece, originalAt[k] as number, plainAt[k] as number, keyAt[k] as number, plainStart, plainEnd, keyToPlain, plains, keys);
      plain = plains.join('');
      key = keys.join('');
    } else {
      const old = last.result;
      // The head as it was.
      const headPlain = plainAt[keepHead] as number;
      const headKey = keyAt[keepHead] as number;
      plainStart.set(old.plainStart.subarray(0, headPlain));
      plainEnd.set(old.plainEnd.subarray(0, headPlain));
      keyToPlain.set(old.keyToPlain.subarray(0, headKey));
      const plains = [old.plain.slice(0, headPlain)];
      const keys = [old.key.slice(0, headKey)];
      // The changed pieces.
      for (let k = keepHead; k < head; k++) fill(pieces[k] as Piece, originalAt[k] as number, plainAt[k] as number, keyAt[k] as number, plainStart, plainEnd, keyToPlain, plains, keys);
      // The tail, moved.
      if (resumeAt >= 0) {
        const oldPlain = last.plainAt[resumeAt] as number;
        const oldKey = last.keyAt[resumeAt] as number;
        const newPlain = plainAt[head] as number;
        const newKey = keyAt[head] as number;
        const plainDelta = newPlain - oldPlain;
        for (let i = oldPlain, j = newPlain; i < old.plain.length; i++, j++) {
          plainStart[j] = (old.plainStart[i] as number) + delta;
          plainEnd[j] = (old.plainEnd[i] as number) + delta;
        }
        for (let i = oldKey, j = newKey; i < old.key.length; i++, j++) keyToPlain[j] = (old.keyToPlain[i] as number) + plainDelta;
        plains.push(old.plain.slice(oldPlain));
        keys.push(old.key.slice(oldKey));
      }
      plain = plains.join('');
      key = keys.join('');
    }
    const result: NormalizedText = { original, plain, plainStart, plainEnd, key, keyToPlain };
    this.last = { result, pieces, originalAt, plainAt, keyAt };
    return result;
  }

  private piece(text: string, atStart: boolean): Piece {
    this.work.piecesNormalised++;
    this.work.charsNormalised += text.length;
    const { plain, start, end } = buildPlain(text);
    const { key, toPlain } = buildKey(plain, atStart ? TEXT_START : AFTER_PIECE);
    return { originalLength: text.length, plain, start, end, key, toPlain };
  }
}

/** Copies a piece into the views at the given starts, its offsets made absolute. */
function fill(p: Piece, atOriginal: number, atPlain: number, atKey: number, plainStart: Int32Array, plainEnd: Int32Array, keyToPlain: Int32Array, plains: string[], keys: string[]): void {
  for (let i = 0; i < p.start.length; i++) {
    plainStart[atPlain + i] = (p.start[i] as number) + atOriginal;
    plainEnd[atPlain + i] = (p.end[i] as number) + atOriginal;
  }
  for (let i = 0; i < p.toPlain.length; i++) keyToPlain[atKey + i] = (p.toPlain[i] as number) + atPlain;
  plains.push(p.plain);
  keys.push(p.key);
}

/** The index of `value` in the first `count` entries of an increasing array, or -1. */
function indexOf(sorted: Int32Array, count: number, value: number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid] as number;
    if (v === value) return mid;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * Where the piece that starts at `from` ends: after a 。 or a line break that the next character
 * does not join (a combining mark after a line break belongs to it), or at the end of the text.
 */
function pieceEnd(text: string, from: number): number {
  const n = text.length;
  for (let i = from; i < n - 1; i++) {
    const c = text.charCodeAt(i);
    if ((c === 0x3002 || c === 0x0a) && !joinsPrevious(text.codePointAt(i + 1) as number)) return i + 1;
  }
  return n;
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
