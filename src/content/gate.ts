/**
 * The gate: capture-phase listeners on window, registered at document_start so they run before any
 * of the site's own handlers (React attaches to its root, below window). When a press of Post (or
 * Ctrl/⌘+Enter in a compose box) would publish text that needs attention, the event is stopped and
 * the dialog explains why. After an override the person presses Post again themselves: the gate
 * never synthesises a click.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CheckResult, Platform } from '../shared/types.ts';
import { editorsForButton, findEditors, postButtonFor, type FoundEditor } from '../sites/index.ts';
import { decideGate, gateKey, isImeEnter, isSubmitChord, type GateDecision } from './gate-decision.ts';

export interface GateDeps {
  platform: Platform;
  check(text: string): CheckResult;
  /** Shows the dialog for a stopped press; `allow` opens the gate for that exact text. */
  openDialog(decision: Extract<GateDecision, { stop: true }>, editors: FoundEditor[], allow: () => void): void;
}

/** Events a site may publish on: all are stopped together so no half of a press gets through. */
const POINTER_EVENTS = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'] as const;

export function installGate(ctx: ContentScriptContext, deps: GateDeps): void {
  const overridden = new Set<string>();

  function decide(editors: FoundEditor[]): GateDecision {
    const texts = editors.map((e) => e.adapter.read(e.element).text);
    if (texts.every((t) => t.trim().length === 0)) return { stop: false };
    const key = gateKey(deps.platform, texts);
    return decideGate(key, texts.map((t) => deps.check(t)), overridden);
  }

  /** Stops the event when the text needs attention; `show` opens the dialog (once per press). */
  function guard(e: Event, editors: FoundEditor[], show: boolean): void {
    let decision: GateDecision;
    try {
      decision = decide(editors);
    } catch (error) {
      // A broken adapter or engine must not silently swallow the post; it is reported, and the site proceeds.
      console.error('投稿ガード: 点検できませんでした', error);
      return;
    }
    if (!decision.stop) return;
    e.stopImmediatePropagation();
    e.preventDefault();
    if (show) deps.openDialog(decision, editors, () => overridden.add(decision.key));
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
