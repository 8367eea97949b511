import { describeGuardSuite } from './guard-suite.ts';

describeGuardSuite({ name: 'facebook', url: 'https://www.facebook.com/', entry: 'facebook-composer.ts', editor: '[data-lexical-editor="true"][role="textbox"]', postButton: '[role="dialog"] [aria-label="投稿"]', modelText: '__lexicalText' });
