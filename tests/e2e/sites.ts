/** The fixture pages, one per editor: used by each site's spec and by scripts/bench-browser.ts. */
import type { SiteFixture } from './harness.ts';

export const X_SITE: SiteFixture = { name: 'x', url: 'https://x.com/compose/post', entry: 'x-compose.ts', editor: '[data-testid="tweetTextarea_0"]', postButton: '[data-testid="tweetButton"]', modelText: '__draftText', fileInput: 'input[data-testid="fileInput"]' };

export const FACEBOOK_SITE: SiteFixture = { name: 'facebook', url: 'https://www.facebook.com/', entry: 'facebook-composer.ts', editor: '[data-lexical-editor="true"][role="textbox"]', postButton: '[role="dialog"] [aria-label="投稿"]', modelText: '__lexicalText', fileInput: '[role="dialog"] input[type="file"]' };

/** X's composer with a thread of two boxes (tweetTextarea_0 and _1) under one Post button. */
export const X_THREAD_SITE: SiteFixture = { ...X_SITE, name: 'x-thread', url: 'https://x.com/compose/post?thread=2' };

/** A compose box no adapter knows, on a guarded origin: the generic fallback's page. */
export const GENERIC_SITE: SiteFixture = { name: 'generic', url: 'https://x.com/i/generic-fixture', entry: 'generic-compose.ts', editor: 'textarea', postButton: '', modelText: '__textareaText', fileInput: '' };
