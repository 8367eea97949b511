/**
 * The site registry: one line per adapter, most specific first. An editor belongs to the first
 * adapter that finds it; the generic fallback comes last.
 */
import { facebook } from './facebook.ts';
import { generic } from './generic.ts';
import type { SiteAdapter } from './types.ts';
import { x } from './x.ts';

export const ADAPTERS: readonly SiteAdapter[] = [x, facebook, generic];

export interface FoundEditor {
  element: HTMLElement;
  adapter: SiteAdapter;
}

/** Every compose box under `root`, each claimed by exactly one adapter. */
export function findEditors(root: ParentNode): FoundEditor[] {
  const claimed = new Map<HTMLElement, SiteAdapter>();
  for (const adapter of ADAPTERS) {
    for (const element of adapter.findEditors(root)) {
      if (![...claimed.keys()].some((e) => e === element || e.contains(element) || element.contains(e))) {
        claimed.set(element, adapter);
      }
    }
  }
  return [...claimed].map(([element, adapter]) => ({ element, adapter }));
}

/** The Post button an event target belongs to, by any adapter. */
export function postButtonFor(target: Element): HTMLElement | null {
  for (const adapter of ADAPTERS) {
    const button = adapter.postButtonFor(target);
    if (button !== null) return button;
  }
  return null;
}

/** Whether a Post button publishes or moves on to a last step (次へ). */
export function buttonKindOf(button: HTMLElement): 'publish' | 'proceed' {
  for (const adapter of ADAPTERS) {
    if (adapter.postButtonFor(button) === button) return adapter.buttonKind?.(button) ?? 'publish';
  }
  return 'publish';
}

/**
 * The compose boxes a Post button publishes: those in the nearest ancestor of the button that
 * holds any (an X thread publishes all its boxes with one button).
 */
export function editorsForButton(button: HTMLElement, editors: readonly FoundEditor[]): FoundEditor[] {
  for (let el: HTMLElement | null = button.parentElement; el !== null; el = el.parentElement) {
    const inside = editors.filter((e) => el.contains(e.element));
    if (inside.length > 0) return inside;
  }
  return [];
}

export type { SiteAdapter } from './types.ts';
export type { EditorText } from './editor-text.ts';
export { AdapterError } from './editor-text.ts';
