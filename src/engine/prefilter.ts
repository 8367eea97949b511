/**
 * Literal prefilters for the signal patterns (issue #10): for a regular expression of a signal
 * book, strings one of which every match must contain, so that one Aho–Corasick pass over a
 * sentence tells which patterns can match there and the others are never run.
 *
 * `requiredLiterals` is the simple reading: a literal run or a mandatory group. `prefilterLiterals`
 * reads further: a small character class ([wｗ], [：:], \d), an escaped character (\() and a group
 * that matches one of a few fixed strings ((?:こう|そう)) stand for their strings, and adjacent ones
 * multiply (こうぜ, こうよ, そうぜ …; やりまん, ヤリマン …), so a pattern such as `[？?]\s*$` or
 * `(?:こう|そう)(?:ぜ|よ)` is run only on the few sentences that hold one of its strings.
 *
 * Both are sound by construction: anything they cannot read (a range, `.`, a lookaround, an
 * optional part) is stepped over and never required. tests/engine/prefilter.test.ts checks every
 * match of every built-in pattern on the book examples.
 */

/**
 * Walks a regex source outside escapes and character classes, calling `visit` with each character
 * and the group depth before it; stops when `visit` returns true.
 */
function walk(src: string, from: number, visit: (c: string, i: number, depth: number) => boolean): void {
  let depth = 0;
  let inClass = false;
  for (let i = from; i < src.length; i++) {
    const c = src[i] as string;
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      continue;
    }
    if (visit(c, i, depth)) return;
    if (c === '(') depth++;
    else if (c === ')') depth--;
  }
}

/** Index of the parenthesis that closes the one at `open`, or -1. */
function closing(src: string, open: number): number {
  let at = -1;
  walk(src, open, (c, i, depth) => {
    if (c === ')' && depth === 1) at = i;
    return at >= 0;
  });
  return at;
}

/** Splits at `|` outside groups and classes. */
function alternatives(src: string): string[] {
  const out: string[] = [];
  let start = 0;
  walk(src, 0, (c, i, depth) => {
    if (c === '|' && depth === 0) {
      out.push(src.slice(start, i));
      start = i + 1;
    }
    return false;
  });
  out.push(src.slice(start));
  return out;
}

const META = new Set(['\\', '.', '[', ']', '(', ')', '|', '?', '*', '+', '{', '}', '^', '$']);

/**
 * Literal strings one of which every match of a pattern must contain, or null when none can be
 * told (the pattern is then run on every sentence). Assertions, classes, escapes and optional
 * parts are stepped over; the first literal run or mandatory group decides.
 */
export function requiredLiterals(source: string): string[] | null {
  const out: string[] = [];
  for (const alt of alternatives(source)) {
    // Of the mandatory parts, the one whose shortest literal is longest filters best (らし, not た).
    const sets = requiredParts(alt);
    if (sets.length === 0) return null;
    out.push(...bestPart(sets));
  }
  return out;
}

/** A kanji counts as rarer than a kana; of equals, the part with fewer alternatives. */
function weight(set: readonly string[]): number {
  return Math.min(...set.map((x) => Array.from(x).length + (/[\u4e00-\u9fff]/u.test(x) ? 1 : 0))) * 100 - set.length;
}

function bestPart(sets: readonly string[][]): string[] {
  return sets.reduce((a, b) => (weight(b) > weight(a) ? b : a));
}

function quantifierEnd(src: string, at: number): { end: number; optional: boolean } {
  const q = quantifier(src, at);
  return { end: q.end, optional: q.min === 0 };
}

/** The quantifier at `at` (none is once): how often the element before it must and may occur, and where it ends. */
function quantifier(src: string, at: number): { end: number; min: number; max: number } {
  const q = src[at];
  const lazy = (end: number): number => end + (src[end] === '?' ? 1 : 0);
  if (q === '?') return { end: lazy(at + 1), min: 0, max: 1 };
  if (q === '*') return { end: lazy(at + 1), min: 0, max: Infinity };
  if (q === '+') return { end: lazy(at + 1), min: 1, max: Infinity };
  if (q === '{') {
    const close = src.indexOf('}', at);
    const m = /^\{(\d+)(,(\d*))?\}$/.exec(src.slice(at, close + 1));
    if (close < 0 || m === null) return { end: at, min: 1, max: 1 };
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    return { end: lazy(close + 1), min, max };
  }
  return { end: at, min: 1, max: 1 };
}

function requiredParts(alt: string): string[][] {
  const parts: string[][] = [];
  let i = 0;
  while (i < alt.length) {
    const c = alt[i] as string;
    if (c === '^' || c === '$') {
      i++;
      continue;
    }
    if (c === '(') {
      const end = closing(alt, i);
      if (end < 0) return parts;
      const q = quantifierEnd(alt, end + 1);
      if (!isAssertion(alt, i) && !q.optional) {
        const nested = requiredLiterals(groupInner(alt, i, end));
        if (nested !== null) parts.push(nested);
      }
      i = q.end;
      continue;
    }
    if (c === '[') {
      i = quantifierEnd(alt, classEnd(alt, i) + 1).end;
      continue;
    }
    if (c === '\\') {
      i = quantifierEnd(alt, escapeEnd(alt, i)).end;
      continue;
    }
    if (c === '.' || c === '|' || c === ')') {
      i = quantifierEnd(alt, i + 1).end;
      continue;
    }
    let lit = '';
    let j = i;
    while (j < alt.length && !META.has(alt[j] as string)) lit += alt[j++];
    const q = quantifierEnd(alt, j);
    if (q.optional || (alt[j] === '{' && q.end > j)) {
      // The quantifier binds the last character only.
      const chars = Array.from(lit);
      const kept = chars.slice(0, -1).join('');
      if (kept !== '') parts.push([kept]);
      i = q.end;
      continue;
    }
    if (lit !== '') parts.push([lit]);
    i = j === i ? j + 1 : j;
  }
  return parts;
}

function isAssertion(src: string, open: number): boolean {
  return /^\(\?<?[=!]/.test(src.slice(open, open + 4));
}

/** The source inside the group that opens at `open` and closes at `end`. */
function groupInner(src: string, open: number, end: number): string {
  const start = src.startsWith('(?:', open) ? open + 3 : src.startsWith('(?<', open) ? src.indexOf('>', open) + 1 : open + 1;
  return src.slice(start, end);
}

/** Index of the `]` that closes the class opening at `open`. */
function classEnd(src: string, open: number): number {
  let j = open + 1;
  while (j < src.length && src[j] !== ']') j += src[j] === '\\' ? 2 : 1;
  return j;
}

/** Index just past the escape that starts at `at` (a backslash). */
function escapeEnd(src: string, at: number): number {
  const e = src[at + 1] ?? '';
  const j = at + 2;
  if (/[pPuk]/.test(e) && (src[j] === '{' || src[j] === '<')) return src.indexOf(e === 'k' ? '>' : '}', j) + 1;
  // \u3042, \x41, \cM stand for one character: their digits are no literal.
  if (e === 'u') return j + 4;
  if (e === 'x') return j + 2;
  if (e === 'c') return j + 1;
  return j;
}

/** The most strings a run of adjacent fixed parts may multiply into. */
const PRODUCT_CAP = 64;
/** The most characters a class may have to count as its characters. */
const CLASS_CAP = 10;
const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
/** Characters that stand for themselves after a backslash (in a `u` pattern). */
const SYNTAX = new Set(['^', '$', '\\', '.', '*', '+', '?', '(', ')', '[', ']', '{', '}', '|', '/', '-']);

/** One element of a pattern: the strings it matches when they are few (else null), how often it occurs, where it ends. */
interface Element {
  strings: string[] | null;
  /** For a group that is no fixed string: literals one of which it contains (its own prefilter). */
  contains: string[] | null;
  min: number;
  max: number;
  end: number;
  /** A lookaround or anchor: matches no character. */
  zeroWidth: boolean;
}

/** The element that starts at `i` of `alt`; null when the source cannot be read there. */
function elementAt(alt: string, i: number): Element | null {
  const c = alt[i] as string;
  const code = alt.codePointAt(i) as number;
  if (c === '^' || c === '$') return { strings: null, contains: null, min: 1, max: 1, end: i + 1, zeroWidth: true };
  if (c === '(') {
    const end = closing(alt, i);
    if (end < 0) return null;
    const q = quantifier(alt, end + 1);
    if (isAssertion(alt, i)) return { strings: null, contains: null, min: 1, max: 1, end: q.end, zeroWidth: true };
    const inner = groupInner(alt, i, end);
    const strings = fixedStrings(inner);
    return { strings, contains: strings === null ? prefilterLiterals(inner) : null, ...q, zeroWidth: false };
  }
  if (c === '[') {
    const end = classEnd(alt, i);
    return { strings: classStrings(alt.slice(i + 1, end)), contains: null, ...quantifier(alt, end + 1), zeroWidth: false };
  }
  if (c === '\\') {
    const end = escapeEnd(alt, i);
    return { strings: escapeStrings(alt.slice(i, end)), contains: null, ...quantifier(alt, end), zeroWidth: false };
  }
  if (c === '.' || c === '|' || c === ')' || c === '{' || c === '}' || c === '?' || c === '*' || c === '+') {
    return { strings: null, contains: null, ...quantifier(alt, i + 1), zeroWidth: false };
  }
  const ch = String.fromCodePoint(code);
  return { strings: [ch], contains: null, ...quantifier(alt, i + ch.length), zeroWidth: false };
}

/** The characters of a class when it lists a few plainly ([wｗ], [：:]); null for ranges, negation or escapes. */
function classStrings(content: string): string[] | null {
  if (content === '' || content.startsWith('^') || content.includes('\\') || content.includes('[')) return null;
  const chars = Array.from(content);
  // A dash lists itself only first or last; between two characters it is a range.
  if (chars.slice(1, -1).includes('-')) return null;
  const set = [...new Set(chars)];
  return set.length <= CLASS_CAP ? set : null;
}

/** The characters an escape stands for: \d, an escaped syntax character, \uXXXX, \u{…}, \xHH; null for the others. */
function escapeStrings(escape: string): string[] | null {
  const e = escape[1] ?? '';
  if (e === 'd') return DIGITS;
  if (SYNTAX.has(e) && escape.length === 2) return [e];
  const hex = /^\\(?:u([0-9a-fA-F]{4})|u\{([0-9a-fA-F]+)\}|x([0-9a-fA-F]{2}))$/.exec(escape);
  if (hex !== null) return [String.fromCodePoint(parseInt((hex[1] ?? hex[2] ?? hex[3]) as string, 16))];
  return null;
}

/** a × b, or null past the cap. */
function product(a: readonly string[], b: readonly string[]): string[] | null {
  if (a.length * b.length > PRODUCT_CAP) return null;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return [...out];
}

/** Every string a regex source can match when they are few and fixed ((?:こう|そう)ぜ); else null. */
function fixedStrings(src: string): string[] | null {
  const out = new Set<string>();
  for (const alt of alternatives(src)) {
    let run: string[] | null = [''];
    let i = 0;
    while (i < alt.length && run !== null) {
      const e = elementAt(alt, i);
      if (e === null || e.zeroWidth || e.strings === null || e.min !== 1 || e.max !== 1) return null;
      run = product(run, e.strings);
      i = e.end;
    }
    if (run === null) return null;
    for (const s of run) out.add(s);
    if (out.size > PRODUCT_CAP) return null;
  }
  return [...out];
}

/**
 * Like `requiredLiterals`, reading small classes, escapes and fixed groups as their strings and
 * multiplying adjacent ones, so the literals are longer and fewer patterns run on a sentence.
 */
export function prefilterLiterals(source: string): string[] | null {
  // Every checker compiles the same books: read each source once.
  let known = PREFILTERS.get(source);
  if (known === undefined) PREFILTERS.set(source, (known = readPrefilter(source)));
  return known === null ? null : known.slice();
}
const PREFILTERS = new Map<string, string[] | null>();

function readPrefilter(source: string): string[] | null {
  const out = new Set<string>();
  for (const alt of alternatives(source)) {
    const sets = fixedRuns(alt);
    if (sets.length === 0) return null;
    for (const s of bestPart(sets)) out.add(s);
  }
  return [...out];
}

/** The parts every match of one alternative contains: runs of adjacent fixed elements, and what unfixed groups contain. */
function fixedRuns(alt: string): string[][] {
  const parts: string[][] = [];
  let run: string[] = [''];
  const finish = (): void => {
    if (!run.includes('')) parts.push(run);
    run = [''];
  };
  let i = 0;
  while (i < alt.length) {
    const e = elementAt(alt, i);
    if (e === null) break;
    i = e.end;
    if (e.zeroWidth || e.min === 0) {
      finish();
      continue;
    }
    if (e.strings === null) {
      finish();
      if (e.contains !== null && !e.contains.includes('')) parts.push(e.contains);
      continue;
    }
    const longer = product(run, e.strings);
    if (e.min === 1 && e.max === 1) {
      if (longer !== null) run = longer;
      else {
        finish();
        run = e.strings.slice();
      }
      continue;
    }
    // Repeated: the first repetition ends the run before it, the last begins the next.
    if (longer !== null) run = longer;
    else {
      finish();
      run = e.strings.slice();
    }
    finish();
    run = e.strings.slice();
  }
  finish();
  return parts;
}
