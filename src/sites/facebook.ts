/**
 * Facebook: Lexical editors, in the composer dialog (published by a labelled role=button: 投稿,
 * 今すぐシェア…, or 次へ then 投稿) and in comment and reply boxes (published by Enter).
 */
import { AdapterError, readBlocks, textLeaves } from './editor-text.ts';
import { mediaIn } from './media.ts';
import { FACEBOOK_PROCEED_LABELS, FACEBOOK_PUBLISH_LABELS, FACEBOOK_SELECTORS } from './selectors.ts';
import type { SiteAdapter } from './types.ts';

/** A button's label, loosely: no spaces, lower case, no trailing 。 or audience after ・. */
export function looseLabel(button: Element): string {
  const raw = button.getAttribute('aria-label') ?? button.textContent ?? '';
  return raw.replace(/[\s\u3000]+/g, '').replace(/[・:：].*$/, '').replace(/[。.!！]+$/, '').toLowerCase();
}

function kindOfLabel(label: string): 'publish' | 'proceed' | null {
  if (FACEBOOK_PUBLISH_LABELS.includes(label)) return 'publish';
  if (FACEBOOK_PROCEED_LABELS.includes(label)) return 'proceed';
  return null;
}

const inDialog = (el: Element) => el.closest(FACEBOOK_SELECTORS.dialog) !== null;

export const facebook: SiteAdapter = {
  id: 'facebook',
  findEditors(root) {
    // The composer dialog's editor and every comment or reply box: all publish on the official account.
    return [...root.querySelectorAll<HTMLElement>(FACEBOOK_SELECTORS.editor)];
  },
  read(editor) {
    // Lexical's root holds block nodes only (paragraphs, headings, list items inside lists); it is
    // empty until the first update. Text directly in the root means the markup changed under us.
    const blocks = [...editor.children].flatMap((child) => (child.tagName === 'UL' || child.tagName === 'OL' ? [...child.children] : [child]));
    if (blocks.length === 0 && (editor.textContent ?? '').length > 0) throw new AdapterError('facebook', 'Lexical editor with text outside block nodes');
    return readBlocks(blocks, (block) => textLeaves(block, '[data-lexical-text="true"]'));
  },
  postButtonFor(target) {
    const button = target.closest<HTMLElement>(`${FACEBOOK_SELECTORS.button}, button`);
    if (button === null || kindOfLabel(looseLabel(button)) === null) return null;
    if (inDialog(button)) return button;
    // Outside the composer: a comment's or reply's send button, next to its box.
    const form = button.closest('form') ?? button.parentElement?.parentElement ?? null;
    return form !== null && form.querySelector(FACEBOOK_SELECTORS.editor) !== null ? button : null;
  },
  buttonKind(button) {
    return kindOfLabel(looseLabel(button)) ?? 'publish';
  },
  submitsOnEnter(editor) {
    return !inDialog(editor);
  },
  mediaFor(editor) {
    const dialog = editor.closest(FACEBOOK_SELECTORS.dialog);
    return dialog === null ? [] : mediaIn(dialog, FACEBOOK_SELECTORS);
  },
};
