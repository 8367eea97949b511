/**
 * The gate: capture-phase listeners on window, registered at document_start so they run before any
 * of the site's own handlers (React attaches to its root, below window). When a press of Post (or
 * Ctrl/⌘+Enter in a compose box) would publish text that needs attention, or photos or video whose
 * rights must be confirmed (4-2-media), the event is stopped and the dialog explains why. After a
 * confirmation the person presses Post again themselves: the gate never synthesises a click.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CheckResult, Platform } from '../shared/types.ts';
import { editorsForButton, findEditors, postButtonFor, type FoundEditor } from '../sites/index.ts';
import { decideGate, gateKey, isImeEnter, isSubmitChord, type GateConfirmation, type GateDecision } from './gate-decision.ts';

/** What one press would publish, and what the gate made of it. */
export interface GatePress {
  texts: string[];
  media: string[];
  results: CheckResult[];
  decision: GateDecision;
  /** What the person confirmed for exactly this text and media, if they did. */
  confirmation: GateConfirmation | undefined;
}

export interface GateDeps {
  platform: Platform;
  /** False when the supervisor turned checking off for this site: every press passes untouched. */
  enabled(): boolean;
  check(text: string): CheckResult;
  /** Shows the dialog for a stopped press; `allow` opens the gate for that exact text and media. */
  openDialog(decision: Extract<GateDecision, { stop: true }>, editors: FoundEditor[], allow: (confirmation: GateConfirmation) => void): void;
  /** A press that went through, or one that was stopped; once per press (the click, not its pointerdown). */
  record(press: GatePress): void;
}

/** Events a site may publish on: all are stopped together so no half of a press gets through. */
const POINTER_EVENTS = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'] as const;

export function installGate(ctx: ContentScriptContext, deps: GateDeps): void {
  const confirmed = new Map<string, GateConfirmation>();
  const released = new Set<string>();

  function decide(editors: FoundEditor[]): GatePress {
    const texts = editors.map((e) => e.adapter.read(e.element).text);
    const media = [...new Set(editors.flatMap((e) => e.adapter.mediaFor(e.element)))];
    if (texts.every((t) => t.trim().length === 0) && media.length === 0) return { texts, media, results: [], decision: { stop: false }, confirmation: undefined };
    const key = gateKey(deps.platform, texts, media);
    // A picture-only post has no text to check; its pictures still need the 4-2-media confirmation.
    const results = texts.filter((t) => t.trim().length > 0).map((t) => deps.check(t));
    return { texts, media, results, decision: decideGate(key, results, confirmed, media, released), confirmation: confirmed.get(key) };
  }

  /** Stops the event when the post needs attention; `show` opens the dialog (once per press). */
  function guard(e: Event, editors: FoundEditor[], show: boolean): void {
    if (!deps.enabled()) return;
    let press: GatePress;
    try {
      press = decide(editors);
    } catch (error) {
      // A broken adapter or engine must not silently swallow the post; it is reported, and the site proceeds.
      console.error('投稿ガード: 点検できませんでした', error);
      return;
    }
    if (show && press.texts.length > 0) deps.record(press);
    const { decision } = press;
    if (!decision.stop) {
      // An approval or a release is for one post (issue #4 §3): the next press of the same text asks again.
      const c = press.confirmation;
      if (show && c !== undefined && (c.approved || c.released === true)) {
        const key = gateKey(deps.platform, press.texts, press.media);
        confirmed.delete(key);
        released.delete(key);
      }
      return;
    }
    e.stopImmediatePropagation();
    e.preventDefault();
    if (show) {
      deps.openDialog(decision, editors, (confirmation) => {
        confirmed.set(decision.key, confirmation);
        if (confirmation.released === true) released.add(decision.key);
      });
    }
  }

  function editorsOfButton(button: HTMLElement): FoundEditor[] {
    const editors = editorsForButton(button, findEditors(document));
    if (editors.length === 0) console.error('投稿ガード: 投稿ボタンに対応する入力欄が見つかりません (adapter broken?)', button);
    return editors;
  }

  for (const type of POINTER_EVENTS) {
    ctx.addEventListener(
      window,
      type,
      (e: Event) => {
        if (!(e.target instanceof Element)) return;
        const button = postButtonFor(e.target);
        if (button === null) return;
        guard(e, editorsOfButton(button), e.type === 'click');
      },
      { capture: true },
    );
  }

  const onKey = (e: KeyboardEvent) => {
    if (isImeEnter(e) || !(e.target instanceof Element)) return;
    const button = postButtonFor(e.target);
    if (button !== null && (e.key === 'Enter' || e.key === ' ')) {
      guard(e, editorsOfButton(button), e.type === 'keydown');
      return;
    }
    if (e.type === 'keydown' && isSubmitChord(e)) {
      const editors = findEditors(document);
      const own = editors.find((ed) => ed.element.contains(e.target as Node));
      if (own === undefined) return;
      guard(e, composerGroup(own, editors), true);
    }
  };
  ctx.addEventListener(window, 'keydown', onKey, { capture: true });
  ctx.addEventListener(window, 'keyup', onKey, { capture: true });
}

/** The boxes Ctrl/⌘+Enter publishes together: those sharing the nearest Post button's container. */
function composerGroup(own: FoundEditor, editors: FoundEditor[]): FoundEditor[] {
  for (let el: HTMLElement | null = own.element.parentElement; el !== null; el = el.parentElement) {
    // Post buttons are role=button elements or <button>s on every site we know.
    const button = [...el.querySelectorAll('[role="button"], button')].find((c) => postButtonFor(c) !== null);
    if (button !== undefined) return editors.filter((e) => el.contains(e.element));
  }
  return [own];
}
