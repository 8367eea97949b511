/**
 * Firefox's tokenizer host: its background page runs the same OffscreenProtocol table that Chrome's
 * offscreen document runs, in-process. Tested here with a fake browser whose extension URL is a
 * local HTTP server over the packaged dictionary files, so the real browser loader (fetch, gunzip
 * with DecompressionStream) reads them; the result must equal the Node checker's.
 */
import { createReadStream, existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createChecker } from '../../src/engine/index.ts';
import type { AuditAppend, Reply } from '../../src/messaging/protocol.ts';
import type { CheckResult } from '../../src/shared/types.ts';
import { defaultDictionaryPath, loadNodeTokenizer } from '../../src/tokenizer/kuromoji-node.ts';

const DICT = defaultDictionaryPath();
let server: http.Server;
let base: string;
let background: typeof import('../../src/messaging/background-handlers.ts');
let host: typeof import('../../src/messaging/offscreen-handlers.ts');
let handlers: typeof import('../../src/messaging/handlers.ts');

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const name = path.basename(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.join(DICT, name);
    if (!(req.url ?? '').startsWith('/dict/') || !existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  fakeBrowser.runtime.getURL = (p: string) => new URL(p.replace(/^\//, ''), base).href;
  // wxt/browser picks the global extension API when it is first imported.
  (globalThis as unknown as { chrome: typeof fakeBrowser }).chrome = fakeBrowser;
  background = await import('../../src/messaging/background-handlers.ts');
  host = await import('../../src/messaging/offscreen-handlers.ts');
  handlers = await import('../../src/messaging/handlers.ts');
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const CONTENT_SENDER = { id: fakeBrowser.runtime.id, tab: { id: 1 } as never, url: 'https://x.com/compose/post' };

describe('Firefox: the background page is the tokenizer host', () => {
  test('the dictionary URL is the extension’s own dict/', () => {
    expect(host.packagedDictUrl()).toBe(`${base}dict/`);
  });

  test('a content script’s check is answered in-process, with the tokenizer, equal to the Node checker', async () => {
    const { listen, fromOwnContentScript } = handlers;
    const stop = listen(background.backgroundHandlers(host.inProcessFullCheck()), (s) => fromOwnContentScript(s, ['https://x.com']));
    try {
      const text = '駅前の店で食中毒が出たらしい。田中さんが言っていた。';
      const [reply] = (await fakeBrowser.runtime.onMessage.trigger({ type: 'check', data: { text, platform: 'x' } }, CONTENT_SENDER, () => undefined)) as unknown as Array<Reply<CheckResult>>;
      expect(reply).toMatchObject({ ok: true });
      const result = (reply as { ok: true; value: CheckResult }).value;
      expect(result.partial).toBe(false);

      const node = createChecker();
      node.setTokenizer(await loadNodeTokenizer());
      expect(result).toEqual(node.check(text, { platform: 'x' }));

      // A page that is not a guarded site gets no answer at all.
      const [ignored] = await fakeBrowser.runtime.onMessage.trigger({ type: 'check', data: { text, platform: 'x' } }, { ...CONTENT_SENDER, url: 'https://example.com/' }, () => undefined);
      expect(ignored).toBeUndefined();
    } finally {
      stop();
    }
  }, 60_000);
});

describe('audit.append', () => {
  const event: AuditAppend = { site: 'x', decision: 'posted_clean', categories: [], clauses: [], severities: [], textHash: 'a'.repeat(64), mediaConfirmed: true };

  test('keeps the newest events up to its limit, stamped with the background’s time', async () => {
    const memory = background.createAuditMemory(3);
    const table = background.backgroundHandlers(async () => Promise.reject(new Error('unused')), memory);
    for (let i = 0; i < 5; i++) await table['audit.append']({ ...event, textHash: String(i).repeat(64) }, CONTENT_SENDER);
    expect(memory.events().map((e) => e.textHash[0])).toEqual(['2', '3', '4']);
    expect(memory.events().every((e) => typeof e.time === 'number' && e.mediaConfirmed === true)).toBe(true);
  });

  test('the default limit is 500', async () => {
    const memory = background.createAuditMemory();
    const table = background.backgroundHandlers(async () => Promise.reject(new Error('unused')), memory);
    let kept = { kept: 0 };
    for (let i = 0; i < 505; i++) kept = await table['audit.append'](event, CONTENT_SENDER);
    expect(kept.kept).toBe(background.AUDIT_MEMORY_LIMIT);
    expect(background.AUDIT_MEMORY_LIMIT).toBe(500);
  });
});
