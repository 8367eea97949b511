/**
 * The peer we measure ourselves against: textlint with textlint-rule-ja-no-inappropriate-words
 * (dev dependencies), run through @textlint/kernel with the plain-text plugin. It has no
 * categories: a text is "flagged" by the peer when it has at least one message.
 *
 * Loaded with require() so that eval and bench still run (and say why) when the peer is not
 * installed; the rule ships no types.
 */
import { createRequire } from 'node:module';
import type { TextlintKernel } from '@textlint/kernel';

export interface PeerMessage {
  index: number;
  message: string;
}

export interface Peer {
  readonly name: string;
  lint(text: string): Promise<PeerMessage[]>;
}

export const PEER_NAME = 'textlint + ja-no-inappropriate-words';

export function loadTextlintPeer(): Peer {
  const require = createRequire(import.meta.url);
  const { TextlintKernel: Kernel } = require('@textlint/kernel') as { TextlintKernel: new () => TextlintKernel };
  const plugin = unwrapDefault(require('@textlint/textlint-plugin-text'));
  const rule = unwrapDefault(require('textlint-rule-ja-no-inappropriate-words'));
  const kernel = new Kernel();
  const options = {
    ext: '.txt',
    plugins: [{ pluginId: 'text', plugin: plugin as never }],
    rules: [{ ruleId: 'ja-no-inappropriate-words', rule: rule as never }],
  };
  return {
    name: PEER_NAME,
    async lint(text: string): Promise<PeerMessage[]> {
      const result = await kernel.lintText(text, options);
      return result.messages.map((m) => ({ index: m.index, message: m.message }));
    },
  };
}

/** Babel-compiled CommonJS modules put the export on `.default`. */
function unwrapDefault(mod: unknown): unknown {
  if (typeof mod === 'object' && mod !== null && 'default' in mod) return (mod as { default: unknown }).default;
  return mod;
}
