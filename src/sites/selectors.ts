/**
 * Every selector and label the adapters rely on, in one place, so a site redesign is one edit here
 * (cf. refined-github's one-selectors-file-per-site). Editors are recognised by their own markers,
 * never by hostname (cf. harper's editorUtils).
 */
export const X_SELECTORS = {
  /** Draft.js marks its root; X adds the test id on the same element. */
  editor: '.public-DraftEditor-content, [data-testid^="tweetTextarea_"][contenteditable="true"]',
  /** One Draft block per line; its text lives in `[data-text="true"]` leaves. */
  block: '[data-block="true"]',
  textLeaf: '[data-text="true"]',
  postButton: '[data-testid="tweetButtonInline"], [data-testid="tweetButton"]',
  /**
   * Photos and video attached to the composer (4-2-media): X renders previews inside the
   * attachments area, and its hidden file input keeps the chosen files until it is reset.
   */
  mediaPreview: '[data-testid="attachments"] img, [data-testid="attachments"] video',
  fileInput: 'input[data-testid="fileInput"]',
} as const;

export const FACEBOOK_SELECTORS = {
  editor: '[data-lexical-editor="true"][role="textbox"]',
  /** Facebook's composer is a modal dialog; comment and reply boxes sit outside it and publish on Enter. */
  dialog: '[role="dialog"]',
  button: '[role="button"]',
  /**
   * Photos and video in the composer dialog (4-2-media). A picked file is previewed from a local
   * blob: URL before (and while) it uploads, and a video is a <video>; the page's own pictures
   * (avatars, stickers) are served from its CDN, never from blob:.
   */
  mediaPreview: 'img[src^="blob:"], video',
  fileInput: 'input[type="file"]',
} as const;

/**
 * Labels (aria-label or visible text) of Facebook's buttons that publish, compared loosely: spaces
 * and case are ignored, and a label may carry a trailing 「。」 or an audience after 「・」.
 */
export const FACEBOOK_PUBLISH_LABELS: readonly string[] = ['投稿', '投稿する', '今すぐ投稿', 'シェア', 'シェアする', '今すぐシェア', '公開', '公開する', 'コメントする', '返信する', '送信', 'post', 'postnow', 'share', 'sharenow', 'publish', 'comment', 'reply', 'send'];
/** Labels of buttons that move on to a last step of the composer (the post goes out on the next screen). */
export const FACEBOOK_PROCEED_LABELS: readonly string[] = ['次へ', 'next'];

export const GENERIC_SELECTORS = {
  editor: 'textarea, [contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"]',
} as const;

/** The origins the extension guards: one list, in the site registry. */
export { GUARDED_ORIGINS } from './registry.ts';
