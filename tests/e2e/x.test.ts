import { describeGuardSuite } from './guard-suite.ts';

describeGuardSuite({ name: 'x', url: 'https://x.com/compose/post', entry: 'x-compose.ts', editor: '[data-testid="tweetTextarea_0"]', postButton: '[data-testid="tweetButton"]', modelText: '__draftText' });
