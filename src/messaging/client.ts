/** The one way to send a message: typed by the protocol map, failures surface as rejections. */
import { browser } from 'wxt/browser';
import type { Envelope, ProtocolRequest, ProtocolResponse, Reply } from './protocol.ts';

export function createClient<M>() {
  return async function send<K extends keyof M & string>(type: K, data: ProtocolRequest<M, K>): Promise<ProtocolResponse<M, K>> {
    const envelope: Envelope<M, K> = { type, data };
    const reply = (await browser.runtime.sendMessage(envelope)) as Reply<ProtocolResponse<M, K>> | undefined;
    if (reply === undefined) throw new Error(`no handler answered ${type}`);
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  };
}

/** What `createClient` gives: one typed function per protocol map (tests pass one that calls a table directly). */
export type Send<M> = <K extends keyof M & string>(type: K, data: ProtocolRequest<M, K>) => Promise<ProtocolResponse<M, K>>;
