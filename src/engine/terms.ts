/**
 * The term index: every form of every entry and every signal term, folded to its key, in one
 * Aho–Corasick automaton. A hit must stand at a word boundary where the form is kana or Latin
 * (バカ in バカンス or ばかり is no hit; ばかすぎ is, when the tokenizer confirms the boundary), and
 * no false-positive context of its entry may stand nearby (ボケ next to 木瓜 or 花).
 */
import type { Dictionary, DictionaryEntry } from '../dictionary/types.ts';
import { isHiragana, isKatakana, keyOf, MASK, type NormalizedText } from './normalize.ts';
import { maskedVariants, PatternMatcher } from './matcher.ts';
import type { SignalHit, TermHit } from './context.ts';

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
}
interface SignalPattern {
  kind: 'signal';
  signal: string;
  term: string;
  needsBoundary: boolean;
}
type Pattern = TermPattern | SignalPattern;

const FP_WINDOW = 12;
const TRAILING_DROPPED = new Set(['ー', '〜', '～', '~', 'ァ', 'ィ', 'ゥ', 'ェ', 'ォ', 'ぁ', 'ぃ', 'ぅ', 'ぇ', 'ぉ']);
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
          const earlier = byKey.get(key);
          if (earlier !== undefined) {
            // ばか and バカ both listed: either script is the word.
            if (earlier.script !== null && isKanaOnly(key) && isSingleScript(form) && scriptOf(form) !== earlier.script) earlier.script = null;
            continue;
          }
          if (seen.has(key)) continue;
          seen.add(key);
          const needsBoundary = isLatinOnly(key) || isKanaOnly(key);
          const script = key.length <= 2 && isSingleScript(form) && isKanaOnly(key) ? scriptOf(form) : null;
          const openEnd = !isSingleScript(form) && isHiragana(Array.from(form).at(-1) ?? '');
          const pattern: TermPattern = { kind: 'entry', entry, list: d, masked: false, needsBoundary, script, openEnd };
          byKey.set(key, pattern);
          add(key, pattern);
          if (!isLatinOnly(key)) {
            for (const v of maskedVariants(key)) {
              if (seen.has(v)) continue;
              seen.add(v);
              add(v, { kind: 'entry', entry, list: d, masked: true, needsBoundary, script: null, openEnd: false });
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
   * Finds term and signal hits. `isTokenBoundary` is asked about kana hits that touch kana of the
   * same script (a token boundary from the tokenizer); without a tokenizer it answers false.
   */
  scan(norm: NormalizedText, isTokenBoundary: (plainFrom: number, plainTo: number) => boolean): { terms: TermHit[]; signals: SignalHit[] } {
    const terms: TermHit[] = [];
    const signals: SignalHit[] = [];
    const { key, keyToPlain, plain } = norm;
    for (const hit of this.matcher.findAll(key)) {
      const p = this.patterns[hit.pattern] as Pattern;
      const from = keyToPlain[hit.from] as number;
      const lastPlain = keyToPlain[hit.to - 1] as number;
      let to = lastPlain + (isHighSurrogate(plain.charCodeAt(lastPlain)) ? 2 : 1);
      // The key dropped elongation and small vowels (クレーマー → クレマ): the hit takes them back.
      while (to < plain.length && TRAILING_DROPPED.has(plain[to] as string) && (to + 1 >= plain.length || !(isKatakana(plain[to + 1] as string) && plain[to] !== 'ー'))) to++;
      if (p.needsBoundary && !this.bounded(plain, from, to, p.kind === 'entry' && p.openEnd, isTokenBoundary)) continue;
      if (p.kind === 'signal') {
        signals.push({ signal: p.signal, term: p.term, from, to });
        continue;
      }
      if (p.script !== null && !writtenIn(plain.slice(from, to), p.script)) continue;
      if (this.inFalsePositiveContext(norm, p.entry, hit.from, hit.to)) continue;
      terms.push({ entry: p.entry, list: p.list, from, to, masked: p.masked });
    }
    return { terms: dropContained(terms), signals };
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
    return isTokenBoundary(from, to);
  }

  private inFalsePositiveContext(norm: NormalizedText, entry: DictionaryEntry, keyFrom: number, keyTo: number): boolean {
    const fps = this.fpKeys.get(entry);
    if (fps === undefined || fps.length === 0) return false;
    const windowFrom = Math.max(0, keyFrom - FP_WINDOW);
    const windowText = norm.key.slice(windowFrom, Math.min(norm.key.length, keyTo + FP_WINDOW));
    return fps.some((fp) => windowText.includes(fp));
  }
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
