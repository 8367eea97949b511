/**
 * Builds a kuromoji tokenizer from the IPADIC files the host reads (Node: synchronously from disk;
 * the extension: fetched from its own package), for both loaders. Issue 10: the dictionary is the
 * one scripts/build-dict.mjs writes (padding and unread features gone), and two things are done
 * differently from kuromoji's own loader:
 *
 * - The word map. kuromoji turns tid_map.dat (which token-info entries belong to each word of the
 *   trie) into a plain object of 325,871 number arrays: 62 MiB of heap, most of the tokenizer's
 *   memory. Here kuromoji gets an empty map and the tokenizer is given the same mapping as two
 *   Int32Arrays (3 MiB) behind a read-only view that answers `map[trieId]` as kuromoji's object
 *   did: the ids in file order, or undefined for a word with none.
 * - Surfaces. The dictionary's known words carry no surface (it is the text the word matched) and
 *   an empty basic form where it equals the surface; each token gets both back from the lattice
 *   node it came from. A dictionary that carries them (kuromoji's own) is left as it is.
 *
 * tests/dictionary-build/ proves the tokens identical to kuromoji's own loader and dictionary on
 * the corpora, in every field the engine reads.
 */
import * as kuromoji from '@patdx/kuromoji';

/** Reads one of kuromoji's dictionary files by name (`base.dat.gz` …), gunzipped. */
export type ReadDictionaryFile = (name: string) => Promise<ArrayBuffer>;

export type KuromojiTokenizer = Awaited<ReturnType<kuromoji.TokenizerBuilder['build']>>;

const TARGET_MAP_FILE = 'tid_map.dat.gz';

/** A target map with no records: kuromoji reads the count and stops. */
function emptyTargetMap(): ArrayBuffer {
  return new ArrayBuffer(4);
}

/** kuromoji's target map ([n], then n × [key, count, count ids], int32 LE) as ranges: ids of `key` are values[offsets[key] … offsets[key + 1]). */
export interface CompactTargetMap {
  offsets: Int32Array;
  values: Int32Array;
}

export function compactTargetMap(buffer: ArrayBuffer): CompactTargetMap {
  const v = new Int32Array(buffer, 0, buffer.byteLength >> 2);
  const n = v[0] ?? 0;
  // First pass: the highest key and the number of ids (keys are ascending in IPADIC, but nothing here relies on it).
  let at = 1;
  let maxKey = -1;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const key = v[at];
    const count = v[at + 1];
    if (key === undefined || count === undefined || key < 0 || count < 0 || at + 2 + count > v.length) throw new Error(`${TARGET_MAP_FILE} is broken at record ${i} of ${n}`);
    if (key > maxKey) maxKey = key;
    total += count;
    at += 2 + count;
  }
  // offsets[key + 1] counts the ids of `key`, then the running sum makes them start offsets.
  const offsets = new Int32Array(maxKey + 2);
  at = 1;
  for (let i = 0; i < n; i++) {
    offsets[(v[at] as number) + 1]! += v[at + 1] as number;
    at += 2 + (v[at + 1] as number);
  }
  for (let k = 1; k < offsets.length; k++) offsets[k]! += offsets[k - 1] as number;
  const values = new Int32Array(total);
  const filled = new Int32Array(maxKey + 1);
  at = 1;
  for (let i = 0; i < n; i++) {
    const key = v[at] as number;
    const count = v[at + 1] as number;
    // A key listed twice gets its ids appended in file order, as kuromoji's addMapping() does.
    const to = (offsets[key] as number) + (filled[key] as number);
    for (let j = 0; j < count; j++) values[to + j] = v[at + 2 + j] as number;
    filled[key]! += count;
    at += 2 + count;
  }
  return { offsets, values };
}

/** `map[trieId]` as kuromoji's object answers it: the ids, or undefined when the word has none. */
export function targetMapView(map: CompactTargetMap): Record<string, number[]> {
  const { offsets, values } = map;
  const last = offsets.length - 1;
  return new Proxy(Object.create(null) as Record<string, number[]>, {
    get(_target, property): Int32Array | undefined {
      if (typeof property !== 'string') return undefined;
      const key = Number(property);
      if (!(key >= 0 && key < last) || !Number.isInteger(key)) return undefined;
      const from = offsets[key] as number;
      const to = offsets[key + 1] as number;
      return from === to ? undefined : values.subarray(from, to);
    },
  });
}

interface FormattedToken {
  word_type: string;
  surface_form: string;
  basic_form: string | undefined;
}
interface LatticeNode {
  surface_form: string;
}
/** The parts of kuromoji's Tokenizer (1.0.4, pinned) that restoring the surfaces goes through. */
interface TokenizerInternals {
  viterbi_searcher: { search(lattice: unknown): LatticeNode[] };
  tokenizeForSentence(sentence: string, tokens?: FormattedToken[]): FormattedToken[];
}

/**
 * Each known word's surface (and basic form, where the dictionary left it empty) from the lattice
 * node it came from: tokenizeForSentence formats one token per node of the best path, in order.
 */
function restoreSurfaces(tokenizer: KuromojiTokenizer): void {
  const internals = tokenizer as unknown as Partial<TokenizerInternals>;
  const searcher = internals.viterbi_searcher;
  const forSentence = internals.tokenizeForSentence;
  if (typeof searcher?.search !== 'function' || typeof forSentence !== 'function') {
    throw new Error('この版の kuromoji には対応していません（viterbi_searcher.search / tokenizeForSentence がありません）');
  }
  const search = searcher.search.bind(searcher);
  let path: LatticeNode[] = [];
  searcher.search = (lattice) => (path = search(lattice));
  const format = forSentence.bind(tokenizer);
  (tokenizer as unknown as TokenizerInternals).tokenizeForSentence = (sentence, tokens = []) => {
    const from = tokens.length;
    const out = format(sentence, tokens);
    if (out.length - from !== path.length) throw new Error(`kuromoji formatted ${out.length - from} tokens for ${path.length} lattice nodes`);
    for (let j = 0; j < path.length; j++) {
      const token = out[from + j] as FormattedToken;
      if (token.word_type !== 'KNOWN' || token.surface_form !== '') continue;
      const surface = (path[j] as LatticeNode).surface_form;
      token.surface_form = surface;
      if (token.basic_form === undefined || token.basic_form === '') token.basic_form = surface;
    }
    return out;
  };
}

/** The tokenizer, with the compact word map in place of kuromoji's object and the surfaces restored. */
export async function buildKuromojiTokenizer(read: ReadDictionaryFile): Promise<KuromojiTokenizer> {
  let targetMap: ArrayBuffer | null = null;
  const loader = {
    async loadArrayBuffer(name: string): Promise<ArrayBuffer> {
      const buffer = await read(name);
      if (name !== TARGET_MAP_FILE) return buffer;
      targetMap = buffer;
      return emptyTargetMap();
    },
  };
  const tokenizer = await new kuromoji.TokenizerBuilder({ loader }).build();
  if (targetMap === null) throw new Error(`kuromoji did not ask for ${TARGET_MAP_FILE}`);
  const dictionary = tokenizer.token_info_dictionary as { target_map?: unknown } | undefined;
  // kuromoji is pinned (package.json); a version that keeps the map elsewhere must fail here, not tokenize without words.
  if (dictionary === undefined || typeof dictionary.target_map !== 'object' || dictionary.target_map === null) {
    throw new Error('この版の kuromoji には対応していません（token_info_dictionary.target_map がありません）');
  }
  tokenizer.token_info_dictionary.target_map = targetMapView(compactTargetMap(targetMap));
  restoreSurfaces(tokenizer);
  return tokenizer;
}
