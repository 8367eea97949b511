/** Facebook: a Lexical editor inside the composer dialog; the Post button is a labelled role=button. */
import { AdapterError, readBlocks, textLeaves } from './editor-text.ts';
import { mediaIn } from './media.ts';
import { FACEBOOK_POST_LABELS, FACEBOOK_SELECTORS } from './selectors.ts';
import type { SiteAdapter } from './types.ts';

function buttonLabel(button: Element): string {
  return (button.getAttribute('aria-label') ?? button.textContent ?? '').trim();
}

export const facebook: SiteAdapter = {
  id: 'facebook',
  findEditors(root) {
    return [...root.querySelectorAll<HTMLElement>(FACEBOOK_SELECTORS.editor)].filter(
      (el) => el.closest(FACEBOOK_SELECTORS.dialog) !== null,
    );
  },
  read(editor) {
    // Lexical's root holds block nodes only (paragraphs, headings, list items inside lists); it is
    // empty until the first update. Text directly in the root means the markup changed under us.
    const blocks = [...editor.children].flatMap((child) => (child.tagName === 'UL' || child.tagName === 'OL' ? [...child.children] : [child]));
    if (blocks.length === 0 && (editor.textContent ?? '').length > 0) throw new AdapterError('facebook', 'Lexical editor with text outside block nodes');
    return readBlocks(blocks, (block) => textLeaves(block, '[data-lexical-text="true"]'));
  },
  postButtonFor(target) {
    const button = target.closest<HTMLElement>(FACEBOOK_SELECTORS.button);
    if (button === null || button.closest(FACEBOOK_SELECTORS.dialog) === null) return null;
    return FACEBOOK_POST_LABELS.includes(buttonLabel(button)) ? button : null;
  },
  mediaFor(editor) {
    const dialog = editor.closest(FACEBOOK_SELECTORS.dialog);
    return dialog === null ? [] : mediaIn(dialog, FACEBOOK_SELECTORS);
  },
};
