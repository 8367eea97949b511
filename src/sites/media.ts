/**
 * Photos and video attached to a composer (4-2-media: 画像や動画…個人情報、肖像権、著作権等について
 * 十分配慮すること). Read-only, like the text readers: previews and file inputs are looked at, never touched.
 */

/**
 * One string per attached item: a preview's URL, or a picked file's name, size and date. The gate
 * keys a confirmation on them, so confirming one picture does not confirm the next.
 */
export function mediaIn(scope: ParentNode, selectors: { mediaPreview: string; fileInput: string }): string[] {
  const items = new Set<string>();
  for (const el of scope.querySelectorAll<HTMLImageElement | HTMLVideoElement>(selectors.mediaPreview)) {
    const source = el.querySelector('source');
    const src = el.currentSrc || el.src || (source !== null ? source.src : '');
    items.add(`${el.tagName.toLowerCase()}:${src}`);
  }
  for (const input of scope.querySelectorAll<HTMLInputElement>(selectors.fileInput)) {
    for (const file of input.files ?? []) items.add(`file:${file.name}:${file.size}:${file.lastModified}`);
  }
  return [...items];
}

/** The composer around an editor: its nearest ancestor that also holds the Post button. */
export function composerScope(editor: HTMLElement, postButton: string): HTMLElement | null {
  for (let el = editor.parentElement; el !== null; el = el.parentElement) {
    if (el.querySelector(postButton) !== null) return el;
  }
  return null;
}
