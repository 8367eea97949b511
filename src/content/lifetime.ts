/**
 * The guard's own lifetime (issue #8 §1). Not WXT's ContentScriptContext: any script on the page
 * can end that one by dispatching a single event on `document`. Ours has two parts:
 *
 * - `view` (marks, badge, card, observers) ends when the extension is gone (updated, reloaded or
 *   removed: `chrome.runtime.id` is undefined) or when a newer copy of this script takes over;
 * - `gate` (the Post listeners and the dialog) ends only when a newer copy takes over. An orphaned
 *   gate keeps stopping every Post and asks for a reload: it fails closed.
 *
 * A newer copy finds this one through a property of the content scripts' isolated world, which the
 * page cannot see or write, and retires it. Nothing the page can send ends either part.
 */

/** The isolated world's property through which a newer copy of the guard finds the one it replaces. */
const SUCCESSION_KEY = '__toukouGuardLifetime';
/** How often an idle tab looks whether the extension is still there (cheap: one property read). */
const ORPHAN_POLL_MS = 1000;

export interface Lifetime {
  /** Ends with the extension or when a newer copy takes over. */
  readonly view: AbortSignal;
  /** Ends only when a newer copy takes over. */
  readonly gate: AbortSignal;
  /** True once the extension that injected this script is gone (the tab must be reloaded). */
  orphaned(): boolean;
  /** Runs `cb` once when the extension is found gone (not when a newer copy retires this one). */
  onOrphaned(cb: () => void): void;
  listen<K extends keyof WindowEventMap>(target: Window, type: K, handler: (e: WindowEventMap[K]) => void, options?: AddEventListenerOptions, part?: 'view' | 'gate'): void;
  listen<K extends keyof DocumentEventMap>(target: Document, type: K, handler: (e: DocumentEventMap[K]) => void, options?: AddEventListenerOptions, part?: 'view' | 'gate'): void;
  setTimeout(handler: () => void, ms: number): number;
  requestAnimationFrame(handler: () => void): number;
}

export interface LifetimeDeps {
  /** False once the extension is gone. */
  alive(): boolean;
  /** The object shared by every copy of this script in this isolated world (globalThis in the extension). */
  world: Record<string, unknown>;
}

function extensionAlive(): boolean {
  try {
    const chrome = (globalThis as { chrome?: { runtime?: { id?: string } } }).chrome;
    return chrome?.runtime?.id !== undefined;
  } catch {
    return false;
  }
}

export function createLifetime(deps: LifetimeDeps = { alive: extensionAlive, world: globalThis as unknown as Record<string, unknown> }): Lifetime {
  const view = new AbortController();
  const gate = new AbortController();
  let gone = false;
  const orphanListeners: Array<() => void> = [];

  function checkAlive(): boolean {
    if (gone) return false;
    if (deps.alive()) return true;
    gone = true;
    view.abort('extension gone');
    for (const cb of orphanListeners.splice(0)) {
      try {
        cb();
      } catch (error) {
        console.error('投稿ガード:', error);
      }
    }
    return false;
  }

  const previous = deps.world[SUCCESSION_KEY] as { retire?: () => void } | undefined;
  if (previous !== undefined && typeof previous.retire === 'function') previous.retire();
  const self = {
    retire() {
      view.abort('replaced by a newer copy');
      gate.abort('replaced by a newer copy');
    },
  };
  deps.world[SUCCESSION_KEY] = self;

  const poll = setInterval(() => {
    if (gate.signal.aborted || !checkAlive()) clearInterval(poll);
  }, ORPHAN_POLL_MS);
  gate.signal.addEventListener('abort', () => clearInterval(poll));
  // In Node (the unit tests) the poll must not keep the process alive.
  (poll as unknown as { unref?: () => void }).unref?.();

  return {
    view: view.signal,
    gate: gate.signal,
    orphaned: () => !checkAlive(),
    onOrphaned(cb) {
      if (gone) cb();
      else orphanListeners.push(cb);
    },
    listen(target: EventTarget, type: string, handler: (e: never) => void, options: AddEventListenerOptions = {}, part: 'view' | 'gate' = 'view') {
      const signal = part === 'gate' ? gate.signal : view.signal;
      target.addEventListener(type, handler as EventListener, { ...options, signal });
    },
    // A timer or frame that comes due after the view ended does nothing; there is nothing to
    // cancel on abort, so no listener is left behind by a timer cleared with clearTimeout.
    setTimeout(handler, ms) {
      return window.setTimeout(() => {
        if (!view.signal.aborted) handler();
      }, ms);
    },
    requestAnimationFrame(handler) {
      return window.requestAnimationFrame(() => {
        if (!view.signal.aborted) handler();
      });
    },
  } as Lifetime;
}
