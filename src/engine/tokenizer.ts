/**
 * The tokenizer port. The engine never imports kuromoji: the Node CLI, the tests and the
 * extension's offscreen document each plug in an adapter (src/tokenizer/). Without one the
 * engine runs its dictionary-and-pattern tier only and marks its result `partial`.
 */
export interface Token {
  surface: string;
  /** IPADIC part of speech, e.g. 名詞, 動詞, 助動詞. */
  pos: string;
  pos1: string;
  pos2: string;
  /** Conjugation form (活用形), `*` when none. */
  conjugatedForm: string;
  /** Dictionary form, `*` for unknown words. */
  basic: string;
  /** Offset of the token in the string passed to `tokenize`. */
  start: number;
}

export interface TokenizerPort {
  /** Synchronous once loaded; callers pass at most one bounded sentence at a time. */
  tokenize(text: string): Token[];
}
