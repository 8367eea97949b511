/**
 * The fallback for compose boxes no site adapter knows (a redesigned composer, a reply box): any
 * textarea or contenteditable. It reads text for marks and the badge; it knows no Post button, so
 * only Ctrl/⌘+Enter is gated there.
 */
import { readContentEditable, readTextarea } from './editor-text.ts';
import { GENERIC_SELECTORS } from './selectors.ts';
import type { SiteAdapter } from './types.ts';

export const generic: SiteAdapter = {
  id: 'generic',
  findEditors(root) {
    return [...root.querySelectorAll<HTMLElement>(GENERIC_SELECTORS.editor)].filter(
      // Only outermost editable roots; nested contenteditables belong to their editor.
      (el) => el instanceof HTMLTextAreaElement || el.parentElement === null || !el.parentElement.isContentEditable,
    );
  },
  read(editor) {
    return editor instanceof HTMLTextAreaElement ? readTextarea(editor) : readContentEditable(editor);
  },
  postButtonFor() {
    return null;
  },
  mediaFor() {
    // Without a known composer there is no telling which pictures belong to the post.
    return [];
  },
};
