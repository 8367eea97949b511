/**
 * The gate: capture-phase listeners on window, registered at document_start so they run before any
 * of the site's own handlers (React attaches to its root, below window). A press of Post (or
 * Ctrl/⌘+Enter in a compose box) is decided once, at its first event, by the gate session
 * (gate-session.ts) from the full check of exactly the text it would publish; every event of a
 * press that needs attention is stopped, and the dialog explains why.
 *
 * Fail closed: when the full result has not arrived the press waits (点検中); when the composer
 * cannot be read, or this script has lost its extension (updated or reloaded), the press is stopped
 * and the person is told. The listeners live on the guard's own lifetime (lifetime.ts), which no
 * page script can end.
 */
import type { CheckResult, Finding, Platform } from '../shared/types.ts';
import { buttonKindOf, editorsForButton, findEditors, postButtonFor, type FoundEditor } from '../sites/index.ts';
import { isImeEnter, isPlainEnter, isSubmitChord, type GateConfirmation, type GateDecision } from './gate-decision.ts';
import { createGateSession, heldFindings, type PressInput, type PressOutcome } from './gate-session.ts';
import type { Lifetime } from './lifetime.ts';

/** Where a press came from, so the gate can press that Post again itself once the person confirmed. */
export interface PressOrigin {
  /** The site's Post button (null for Ctrl/⌘+Enter in a box with no button found). */
  button: HTMLElement | null;
  editors: FoundEditor[];
  /** Set when the press was a key in a compose box (Ctrl/⌘+Enter, or Enter in a comment box): the gate repeats that key there. */
  key?: { element: HTMLElement; ctrlKey: boolean; metaKey: boolean };
  /**
   * A button that moves on to a last step (Facebook's 次へ): the post goes out on the next screen,
   * so a pass here is neither recorded nor uses up a confirmation, and the text is carried there.
   */
  proceed?: boolean;
}

/** How long a text checked at 次へ stands for the last step's Post, where the editor may be gone. */
export const CARRY_MS = 30 * 60_000;

/** What the audit log hears about one press: once per press, the click (or key), not its pointerdown. */
export interface GateRecord {
  texts: string[];
  findings: Finding[];
  /** `blocked`: refused for block findings; `passed`: it went out. */
  outcome: 'blocked' | 'passed';
  confirmation: GateConfirmation | undefined;
  /** Set when the post went out without a full check, with the person's reason. */
  unchecked: string | null;
  /** Warn findings the person dismissed on their card (今回は無視) and posted over. */
  ignored?: Finding[];
}

export interface GateDeps {
  platform: Platform;
  lifetime: Lifetime;
  /** False when the supervisor turned checking off for this site: every press passes untouched. */
  enabled(): boolean;
  /** The full result for exactly this text, if it has arrived. */
  fullFor(text: string): CheckResult | undefined;
  /** True for a finding the person dismissed on its card (今回は無視) in one of these boxes. */
  ignored?(finding: Finding, editors: FoundEditor[]): boolean;
  /**
   * Shows the dialog for a held press; `allow` opens the gate for that exact text and media.
   * `read` is what the press read from the composer (or carried from 次へ), so nothing reads it twice.
   */
  onHold(decision: Extract<GateDecision, { stop: true }>, origin: PressOrigin, allow: (confirmation: GateConfirmation, expires?: number) => void, read: { texts: string[]; media: string[] }): void;
  /** The full check has not answered for this text: show 点検中 and ask for it. */
  onPending(outcome: Extract<PressOutcome, { kind: 'pending' }>, origin: PressOrigin, allowUnchecked: (reason: string) => void): void;
  /** The composer could not be read: say so; `allow` lets the next press through with the reason. */
  onUnreadable(origin: PressOrigin, allow: (reason: string) => void): void;
  /** This script lost its extension: the tab must be reloaded. */
  onOrphaned(): void;
  record(record: GateRecord): void;
}

export interface Gate {
  /** What a press from `origin` would get now (the dialog re-reads before acting on a confirmation). */
  decideFor(origin: PressOrigin): PressOutcome;
  /**
   * Presses the site's Post for the person, once, after they confirmed in the dialog: the press goes
   * through the gate like any other, so it passes only if exactly the confirmed text is there.
   * False when there is no Post button to press (the person presses it themselves).
   */
  repress(origin: PressOrigin): boolean;
}

/** Events a site may publish on: all are stopped together so no half of a press gets through. */
const POINTER_EVENTS = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'] as const;
/** A press's later events use the decision of its first one if they come within this time. */
const PRESS_MS = 2000;

interface Press {
  target: Element;
  origin: PressOrigin;
  /** What the press read, once, at its first event (null for an orphaned script, which reads nothing). */
  input: PressInput | null;
  outcome: PressOutcome | 'orphaned';
  at: number;
  /** The dialog was shown (or the press recorded) for it already. */
  shown: boolean;
}

export function readPress(origin: PressOrigin, fullFor: (text: string) => CheckResult | undefined, carried: { texts: string[]; media: string[] } | null = null): PressInput {
  if (origin.editors.length === 0) {
    // The last step of a composer whose editor went away after 次へ: the text checked there.
    if (carried !== null) return { texts: carried.texts, media: carried.media, results: carried.texts.filter((t) => t.trim().length > 0).map(fullFor) };
    return { texts: null, media: [], results: [] };
  }
  try {
    const texts = origin.editors.map((e) => e.adapter.read(e.element).text);
    const media = [...new Set(origin.editors.flatMap((e) => e.adapter.mediaFor(e.element)))];
    return { texts, media, results: texts.filter((t) => t.trim().length > 0).map(fullFor) };
  } catch (error) {
    console.error('投稿ガード: 入力欄を読めませんでした', error);
    return { texts: null, media: [], results: [] };
  }
}

export function installGate(deps: GateDeps): Gate {
  const session = createGateSession(deps.platform);
  const { lifetime } = deps;
  let current: Press | null = null;
  /** What passed at 次へ, for the last step's Post (CARRY_MS). */
  let carried: { texts: string[]; media: string[]; at: number } | null = null;
  const carry = () => (carried !== null && Date.now() - carried.at < CARRY_MS ? carried : null);

  const read = (origin: PressOrigin): PressInput => {
    const input = readPress(origin, deps.fullFor, carry());
    const { ignored } = deps;
    return ignored === undefined ? input : { ...input, ignored: (f) => ignored(f, origin.editors) };
  };
  const decideFor = (origin: PressOrigin): PressOutcome => session.decide(read(origin), performance.now());

  function act(press: Press, e: Event, show: boolean): void {
    const { outcome, origin, input } = press;
    const texts = input?.texts ?? [];
    const first = show && !press.shown;
    if (first) press.shown = true;
    if (outcome === 'orphaned') {
      stop(e);
      if (first) deps.onOrphaned();
      return;
    }
    if (outcome.kind === 'pass') {
      if (first && origin.proceed === true) {
        // 次へ: nothing is published yet; the last step's Post decides, records and uses up confirmations.
        if (input?.texts != null) carried = { texts: input.texts, media: input.media, at: Date.now() };
      } else if (first && outcome.record) {
        deps.record({ texts, findings: outcome.results.flatMap((r) => r.findings), outcome: 'passed', confirmation: outcome.confirmation, unchecked: outcome.unchecked, ...(outcome.ignored !== undefined ? { ignored: outcome.ignored } : {}) });
        session.passed(outcome);
        carried = null;
      }
      return;
    }
    stop(e);
    if (!first) return;
    if (outcome.kind === 'hold') {
      const { decision } = outcome;
      if (decision.block.length > 0) deps.record({ texts, findings: heldFindings(decision), outcome: 'blocked', confirmation: undefined, unchecked: null });
      deps.onHold(decision, origin, (confirmation, expires) => session.confirm(decision.key, confirmation, expires), { texts, media: input?.media ?? [] });
    } else if (outcome.kind === 'pending') {
      deps.onPending(outcome, origin, (reason) => session.allowUnchecked(outcome.key, reason));
    } else {
      deps.onUnreadable(origin, (reason) => session.allowUnreadable(reason, performance.now()));
    }
  }

  function stop(e: Event): void {
    e.stopImmediatePropagation();
    e.preventDefault();
  }

  /** The press this event belongs to: its first event decides, the rest reuse that decision. */
  function pressFor(target: Element, origin: () => PressOrigin, starts: boolean): Press {
    const now = Date.now();
    if (!starts && current !== null && current.target === target && now - current.at < PRESS_MS) return current;
    const o = origin();
    const input = lifetime.orphaned() ? null : read(o);
    // The monotonic clock: turning the system clock back does not stretch an approval or an allowance.
    const outcome = input === null ? 'orphaned' : session.decide(input, performance.now());
    current = { target, origin: o, input, outcome, at: now, shown: false };
    return current;
  }

  function originOfButton(button: HTMLElement): PressOrigin {
    return { button, editors: editorsForButton(button, findEditors(document)), proceed: buttonKindOf(button) === 'proceed' };
  }

  function gated(): boolean {
    // An orphaned gate cannot know the supervisor's setting any more: it stops every press.
    return lifetime.orphaned() || deps.enabled();
  }

  for (const type of POINTER_EVENTS) {
    lifetime.listen(
      window,
      type,
      (e: Event) => {
        if (!(e.target instanceof Element)) return;
        const button = postButtonFor(e.target);
        if (button === null || !gated()) return;
        const press = pressFor(button, () => originOfButton(button), e.type === 'pointerdown' || (e.type === 'mousedown' && current?.target !== button));
        act(press, e, e.type === 'click');
        if (e.type === 'click') current = null;
      },
      { capture: true },
      'gate',
    );
  }

  const onKey = (e: KeyboardEvent) => {
    if (isImeEnter(e) || !(e.target instanceof Element)) return;
    const button = postButtonFor(e.target);
    if (button !== null && (e.key === 'Enter' || e.key === ' ')) {
      if (!gated()) return;
      const press = pressFor(button, () => originOfButton(button), e.type === 'keydown');
      act(press, e, e.type === 'keydown');
      if (e.type === 'keyup') current = null;
      return;
    }
    if (e.type !== 'keydown') return;
    const chord = isSubmitChord(e);
    if (chord || isPlainEnter(e)) {
      const editors = findEditors(document);
      const own = editors.find((ed) => ed.element.contains(e.target as Node));
      if (own === undefined || !gated()) return;
      // Plain Enter publishes only in comment and reply boxes; elsewhere it is a new line.
      if (!chord && own.adapter.submitsOnEnter?.(own.element) !== true) return;
      const key = { element: e.target instanceof HTMLElement ? e.target : own.element, ctrlKey: e.ctrlKey, metaKey: e.metaKey };
      // A comment box publishes itself alone; Ctrl/⌘+Enter publishes the boxes of its Post button.
      const press = pressFor(own.element, () => (chord ? { ...composerGroup(own, editors), key } : { button: null, editors: [own], key }), true);
      act(press, e, true);
      current = null;
    }
  };
  lifetime.listen(window, 'keydown', onKey, { capture: true }, 'gate');
  lifetime.listen(window, 'keyup', onKey, { capture: true }, 'gate');

  return {
    decideFor,
    repress(origin) {
      current = null;
      if (origin.key !== undefined && origin.key.element.isConnected) {
        const { element, ctrlKey, metaKey } = origin.key;
        element.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', ctrlKey, metaKey, bubbles: true, cancelable: true, composed: true }));
        return true;
      }
      const button = origin.button !== null && origin.button.isConnected ? origin.button : rediscover(origin);
      if (button === null) return false;
      button.click();
      return true;
    },
  };
}

/** The Post button of a composer group whose button was re-rendered (or never known). */
function rediscover(origin: PressOrigin): HTMLElement | null {
  const own = origin.editors.find((e) => e.element.isConnected);
  if (own === undefined) return null;
  return composerGroup(own, findEditors(document)).button;
}

/** The boxes Ctrl/⌘+Enter publishes together: those sharing the nearest Post button's container. */
function composerGroup(own: FoundEditor, editors: FoundEditor[]): PressOrigin {
  for (let el: HTMLElement | null = own.element.parentElement; el !== null; el = el.parentElement) {
    // Post buttons are role=button elements or <button>s on every site we know.
    const button = [...el.querySelectorAll<HTMLElement>('[role="button"], button')].find((c) => postButtonFor(c) !== null);
    if (button !== undefined) return { button, editors: editors.filter((e) => el.contains(e.element)) };
  }
  return { button: null, editors: [own] };
}
