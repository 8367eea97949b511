/** X (Twitter): a Draft.js editor per post of a thread; Post buttons carry test ids. */
import { AdapterError, readBlocks, textLeaves } from './editor-text.ts';
import { composerScope, mediaIn } from './media.ts';
import { X_SELECTORS } from './selectors.ts';
import type { SiteAdapter } from './types.ts';

export const x: SiteAdapter = {
  id: 'x',
  findEditors(root) {
    return [...root.querySelectorAll<HTMLElement>(X_SELECTORS.editor)].filter((el) => el.isContentEditable);
  },
  read(editor) {
    const blocks = editor.querySelectorAll(X_SELECTORS.block);
    // Draft always renders at least one block; none means the markup changed under us.
    if (blocks.length === 0) throw new AdapterError('x', 'Draft.js editor without [data-block] blocks');
    return readBlocks(blocks, (block) => textLeaves(block, X_SELECTORS.textLeaf));
  },
  postButtonFor(target) {
    return target.closest<HTMLElement>(X_SELECTORS.postButton);
  },
  mediaFor(editor) {
    // The compose dialog, or the inline composer on the home timeline: whatever holds the Post button.
    const scope = composerScope(editor, X_SELECTORS.postButton);
    return scope === null ? [] : mediaIn(scope, X_SELECTORS);
  },
};
