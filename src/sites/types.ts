import type { EditorText } from './editor-text.ts';

/** How one kind of editor on one kind of site is found and read. Adapters never write to the page. */
export interface SiteAdapter {
  /** The adapter's id, equal to its file name. */
  readonly id: string;
  /** Compose boxes of this kind under `root`. */
  findEditors(root: ParentNode): HTMLElement[];
  /** Reads the editor's text as the site will publish it, with offsets mapped to DOM ranges. */
  read(editor: HTMLElement): EditorText;
  /** The Post button an event target belongs to, or null when the target is not one. */
  postButtonFor(target: Element): HTMLElement | null;
  /** Photos and video attached to the composer this editor belongs to, one id each (see media.ts). */
  mediaFor(editor: HTMLElement): string[];
  /** True when plain Enter in this editor publishes (comment and reply boxes); Shift+Enter is a new line there. */
  submitsOnEnter?(editor: HTMLElement): boolean;
  /** `proceed` for a button that moves on to a last step (次へ) instead of publishing; `publish` by default. */
  buttonKind?(button: HTMLElement): 'publish' | 'proceed';
}
