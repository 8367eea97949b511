/** Turns kuromoji's IPADIC tokens into the engine's Token; shared by the Node and browser loaders. */
import type { Token, TokenizerPort } from '../engine/tokenizer.ts';

interface KuromojiToken {
  surface_form: string;
  pos: string;
  pos_detail_1: string;
  pos_detail_2: string;
  conjugated_form: string;
  basic_form: string;
  word_position: number;
}
interface KuromojiTokenizer {
  tokenize(text: string): KuromojiToken[];
}

export function adaptKuromoji(tokenizer: KuromojiTokenizer): TokenizerPort {
  return {
    tokenize(text: string): Token[] {
      return tokenizer.tokenize(text).map((t) => ({
        surface: t.surface_form,
        pos: t.pos,
        pos1: t.pos_detail_1,
        pos2: t.pos_detail_2,
        conjugatedForm: t.conjugated_form,
        basic: t.basic_form,
        start: t.word_position - 1,
      }));
    },
  };
}
