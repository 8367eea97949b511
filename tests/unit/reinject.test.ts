import { describe, expect, test } from 'vitest';
import { reinjectContentScripts } from '../../src/messaging/reinject.ts';

describe('after an update, open guarded tabs get the new gate', () => {
  test('each content script goes into the tabs its patterns match; a tab that refuses does not stop the others', async () => {
    const injected: Array<[number, string[]]> = [];
    const reached = await reinjectContentScripts({
      contentScripts: () => [
        { matches: ['https://x.com/*', 'https://twitter.com/*'], js: ['content-scripts/x.js'] },
        { matches: ['https://www.facebook.com/*'], js: ['content-scripts/facebook.js'] },
        { matches: ['https://x.com/*'], js: [] },
      ],
      tabsMatching: async (patterns) => (patterns.includes('https://x.com/*') ? [1, 2] : [3]),
      inject: async (tabId, files) => {
        if (tabId === 2) throw new Error('Frame with ID 0 is showing error page');
        injected.push([tabId, files]);
      },
    });
    expect(injected).toEqual([
      [1, ['content-scripts/x.js']],
      [3, ['content-scripts/facebook.js']],
    ]);
    expect(reached).toBe(2);
  });
});
