/**
 * Combinations of signals (issue #7): each combo of dictionaries/signals/ says which groups of
 * signals must fire together — a kind (what), a stance (how) — and which cancellers make them
 * harmless (prevention, counter-speech, denial, a question). This rule is the small generic
 * matcher; what is forbidden is data with its own `hit`/`clean` examples, each tested. It reports
 * under the combo's own category and clause (5-8-illegal, 5-8-public-order …), and says which
 * signals fired (薬物 × 容認) so a supervisor can see why.
 */
import type { Combo } from '../../dictionary/types.ts';
import type { Category } from '../../shared/types.ts';
import { isCovered, type Rule, type RuleContext } from '../context.ts';
import type { SignalMatch } from '../signals.ts';
import { isQuotedReport } from './shared.ts';
import { people, type PersonRef } from './people.ts';

/** Hits grouped by signal name and by sentence index. */
class HitTable {
  private readonly bySignal = new Map<string, Map<number, SignalMatch[]>>();
  constructor(hits: readonly SignalMatch[], ctx: RuleContext) {
    for (const h of hits) {
      const i = ctx.sentenceIndexAt(h.from);
      let per = this.bySignal.get(h.signal);
      if (per === undefined) this.bySignal.set(h.signal, (per = new Map()));
      const list = per.get(i);
      if (list === undefined) per.set(i, [h]);
      else list.push(h);
    }
  }
  has(name: string): boolean {
    return this.bySignal.has(name);
  }
  in(names: readonly string[], sentence: number): SignalMatch[] {
    const out: SignalMatch[] = [];
    for (const n of names) out.push(...(this.bySignal.get(n)?.get(sentence) ?? []));
    return out;
  }
  sentencesOf(names: readonly string[]): number[] {
    const set = new Set<number>();
    for (const n of names) for (const i of this.bySignal.get(n)?.keys() ?? []) set.add(i);
    return [...set].sort((a, b) => a - b);
  }
}

function nearest(hits: readonly SignalMatch[], anchor: SignalMatch): SignalMatch {
  let best = hits[0] as SignalMatch;
  let d = Infinity;
  for (const h of hits) {
    const dist = Math.abs(h.from - anchor.from);
    if (dist < d) {
      d = dist;
      best = h;
    }
  }
  return best;
}

/** The anchor and one hit of every other group within reach of its sentence, or null when a group has none. */
function evidenceFor(ctx: RuleContext, groups: readonly (readonly string[])[], table: HitTable, anchor: SignalMatch, i: number, reach: number, n: number): SignalMatch[] | null {
  const chosen: SignalMatch[] = [anchor];
  for (const g of groups.slice(0, -1)) {
    let found: SignalMatch | null = null;
    for (let d = 0; d <= reach && found === null; d++) {
      for (const j of d === 0 ? [i] : [i - d, i + d]) {
        if (j < 0 || j >= n) continue;
        // Evidence may not be the anchor's own words (a signal in two groups), nor a quoted report.
        const hits = table.in(g, j).filter((h) => !(h.from === anchor.from && h.to === anchor.to) && !isQuotedReport(ctx, h.from, h.to));
        if (hits.length > 0) {
          found = nearest(hits, anchor);
          break;
        }
      }
    }
    if (found === null) return null;
    chosen.push(found);
  }
  return chosen;
}

const toKatakana = (s: string): string => s.replace(/[\u3041-\u3096]/gu, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));

/** The combo's word-for-word rewrite of exactly these words (hiragana and katakana alike), if it has one. */
function replacementFor(combo: Combo, words: string): string | undefined {
  if (combo.replacement === undefined) return undefined;
  const own = combo.replacement[words];
  if (own !== undefined) return own;
  const key = toKatakana(words);
  for (const [from, to] of Object.entries(combo.replacement)) if (toKatakana(from) === key) return to;
  return undefined;
}

function runCombo(ctx: RuleContext, combo: Combo, table: HitTable): void {
  if (combo.unlessPost.some((n) => table.has(n))) return;
  const groups = combo.when;
  if (!groups.every((g) => g.some((n) => table.has(n)))) return;
  const last = groups[groups.length - 1] as string[];
  const reach = combo.scope === 'adjacent' ? 1 : 0;
  const n = ctx.sentences.length;
  for (const i of table.sentencesOf(last)) {
    const anchors = table.in(last, i).filter((h) => !isQuotedReport(ctx, h.from, h.to));
    if (anchors.length === 0) continue;
    // Every anchor hit of the sentence is tried in turn: the first may be a kind word as well, with
    // no other evidence near it, while a later stance word completes the combo.
    let chosen: SignalMatch[] | null = null;
    for (const anchor of anchors) {
      chosen = evidenceFor(ctx, groups, table, anchor, i, reach, n);
      if (chosen !== null) break;
    }
    if (chosen === null) continue;
    // Cancellers are read in the same window as the evidence: the sentence, or one either side for `adjacent`.
    if (combo.unless.length > 0) {
      let cancelled = false;
      for (let j = i - reach; j <= i + reach && !cancelled; j++) if (j >= 0 && j < n && table.in(combo.unless, j).length > 0) cancelled = true;
      if (cancelled) continue;
    }
    const from = Math.min(...chosen.map((h) => h.from));
    const to = Math.max(...chosen.map((h) => h.to));
    // In group order: kind first, then stance (薬物 × 容認).
    const reasons = chosen.slice(1).concat(chosen.slice(0, 1)).map((h) => h.label);
    const replacement = replacementFor(combo, ctx.plain.slice(from, to));
    ctx.report({
      ...(replacement !== undefined ? { replacement } : {}),
      from,
      to,
      severity: combo.severity,
      confidence: combo.confidence,
      category: combo.category,
      clause: combo.clause,
      message: combo.message,
      suggestion: combo.suggestion,
      detail: combo.id,
      signals: reasons,
    });
  }
}

/**
 * The signals a combo may still read, given those found in the post before any lemma is
 * confirmed: a combo with a group none of whose signals was found cannot fire (`person` is looked
 * for later, so it may always be there), and the signals only such combos name need no lemma
 * confirmed.
 */
function liveSignals(ctx: RuleContext, found: ReadonlySet<string>): Set<string> {
  const live = new Set<string>();
  for (const c of ctx.combos) {
    if (!c.when.every((g) => g.some((n) => n === 'person' || found.has(n)))) continue;
    for (const g of c.when) for (const n of g) live.add(n);
    for (const n of c.unless) live.add(n);
    for (const n of c.unlessPost) live.add(n);
  }
  return live;
}

/**
 * The people of the post (people.ts) as far as the combos can use them, tokenizing only the
 * sentences where a person can complete one. A combo fires at an anchor sentence only when each
 * of its groups without `person` has a hit within its reach (the anchor group in the sentence
 * itself), so a person counts only within the reach of such an anchor (as evidence, or as a
 * canceller). The result is the whole-post result in those sentences: a name found by pattern
 * gives way to an overlapping name found by the tokenizer, so every sentence a found name
 * touches is tokenized too, until none is left out. Where no combo can use a person, none is
 * looked for. A combo this cannot bound (`person` in unlessPost, in two groups, or in its only
 * group) makes the whole post count.
 */
function peopleWhereUsed(ctx: RuleContext, hits: readonly SignalMatch[]): PersonRef[] {
  if (!ctx.hasTokenizer) return people(ctx);
  const n = ctx.sentences.length;
  const bySignal = new Map<string, Uint8Array>();
  for (const h of hits) {
    let marks = bySignal.get(h.signal);
    if (marks === undefined) bySignal.set(h.signal, (marks = new Uint8Array(n)));
    marks[ctx.sentenceIndexAt(h.from)] = 1;
  }
  const wanted = new Uint8Array(n);
  for (const c of ctx.combos) {
    const withPerson = c.when.filter((g) => g.includes('person')).length;
    if (withPerson === 0 && !c.unless.includes('person') && !c.unlessPost.includes('person')) continue;
    if (c.unlessPost.includes('person') || withPerson > 1 || withPerson === c.when.length) {
      return people(ctx);
    }
    const reach = c.scope === 'adjacent' ? 1 : 0;
    // Anchors: sentences where every group without a person is within reach (the last group in the sentence itself).
    const anchors = new Uint8Array(n).fill(1);
    c.when.forEach((g, gi) => {
      if (g.includes('person')) return;
      const has = new Uint8Array(n);
      for (const name of g) {
        const marks = bySignal.get(name);
        if (marks !== undefined) for (let i = 0; i < n; i++) has[i] = (has[i] as number) | (marks[i] as number);
      }
      const r = gi === c.when.length - 1 ? 0 : reach;
      for (let i = 0; i < n; i++) if (anchors[i] === 1 && !within(has, i, r)) anchors[i] = 0;
    });
    for (let i = 0; i < n; i++) if (anchors[i] === 1) for (let k = Math.max(0, i - reach); k <= Math.min(n - 1, i + reach); k++) wanted[k] = 1;
  }
  // No sentence where a combo could use a person: no person can change a finding.
  if (!wanted.includes(1)) return [];
  const view = ctx.withTokensOnlyIn((i) => wanted[i] === 1);
  for (let round = 1; ; round++) {
    // Names that keep reaching new sentences (a post of names): the whole post, in bounded work.
    if (round > 3) {
      return people(ctx);
    }
    const found = people(view);
    let grew = false;
    for (const p of found) {
      const last = ctx.sentenceIndexAt(Math.max(p.from, p.to - 1));
      for (let k = ctx.sentenceIndexAt(p.from); k <= last; k++) {
        if (wanted[k] === 1) continue;
        wanted[k] = 1;
        grew = true;
      }
    }
    if (!grew) return found;
  }
}

function within(marks: Uint8Array, i: number, reach: number): boolean {
  for (let k = Math.max(0, i - reach); k <= Math.min(marks.length - 1, i + reach); k++) if (marks[k] === 1) return true;
  return false;
}

/** What a signal is to the combos of each category: a kind (in a combo's first group: what is talked about) or a canceller. */
export interface SignalRoles {
  kind: Category[];
  /** In a combo's `unless`: cancels in the window that holds the evidence. */
  cancels: Category[];
  /** In a combo's `unlessPost`: cancels anywhere in the post. */
  cancelsPost: Category[];
}

const ROLES_BY_COMBOS = new WeakMap<readonly Combo[], Map<string, SignalRoles>>();
function signalRoles(combos: readonly Combo[]): Map<string, SignalRoles> {
  let map = ROLES_BY_COMBOS.get(combos);
  if (map !== undefined) return map;
  const roles = new Map<string, SignalRoles>();
  const add = (name: string, role: keyof SignalRoles, category: Category): void => {
    if (name === 'person') return;
    let r = roles.get(name);
    if (r === undefined) roles.set(name, (r = { kind: [], cancels: [], cancelsPost: [] }));
    if (!r[role].includes(category)) r[role].push(category);
  };
  for (const c of combos) {
    for (const n of c.when[0] ?? []) add(n, 'kind', c.category);
    for (const n of c.unless) add(n, 'cancels', c.category);
    for (const n of c.unlessPost) add(n, 'cancelsPost', c.category);
  }
  ROLES_BY_COMBOS.set(combos, (map = roles));
  return map;
}

export const signalsRule: Rule = {
  id: 'signals',
  category: 'illegal',
  clause: '5-8-illegal',
  description: '信号の組合せ（何を × どう言うか、打ち消す文脈）— dictionaries/signals/ のデータ',
  run(ctx) {
    const index = ctx.signalIndex;
    if (index === null) return;
    // A supervisor's term exception says those words are fine here: the signals inside them do not fire.
    const hits = index.scan(ctx, (found) => liveSignals(ctx, found)).filter((h) => {
      if (ctx.excepted.length === 0) return true;
      const { start, end } = ctx.toOriginal(h.from, h.to);
      return !isCovered(ctx.excepted, start, end);
    });
    // People are looked for (which may tokenize every sentence) only when a combo could use them.
    const present = new Set(hits.map((h) => h.signal));
    const needsPeople = ctx.combos.some((c) => c.when.some((g) => g.includes('person')) && c.when.every((g) => g.includes('person') || g.some((n) => present.has(n))));
    if (needsPeople) for (const p of peopleWhereUsed(ctx, hits)) hits.push({ signal: 'person', label: '人', from: p.from, to: p.to, text: ctx.plain.slice(p.from, p.to) });
    const table = new HitTable(hits, ctx);
    for (const combo of ctx.combos) runCombo(ctx, combo, table);
    const roles = signalRoles(ctx.combos);
    for (const h of hits) {
      const r = roles.get(h.signal);
      if (r !== undefined) ctx.comboSignals.push({ signal: h.signal, from: h.from, to: h.to, roles: r });
    }
  },
};
