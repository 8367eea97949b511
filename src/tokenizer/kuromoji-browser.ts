/**
 * The kuromoji adapter for the extension's offscreen document (Firefox: its background page): the
 * trimmed IPADIC files (scripts/build-dict.mjs, copied to dict/ at build, see wxt.config.ts) are
 * read from the extension's own URL, never from the network. Only the tokenizer host loads this:
 * content scripts never load the dictionary. One loading promise is shared by every caller (cf.
 * azu/kuromojin).
 */
import type { TokenizerPort } from '../engine/tokenizer.ts';
import { adaptKuromoji } from './kuromoji-adapter.ts';
import { buildKuromojiTokenizer } from './kuromoji-dictionary.ts';

/** Decompressed sizes by file name, from the dictionary's manifest.json (scripts/build-dict.mjs); null without one. */
async function fileSizes(dicUrl: string): Promise<Map<string, number> | null> {
  try {
    const res = await fetch(new URL('manifest.json', dicUrl).href);
    if (!res.ok) return null;
    const manifest = (await res.json()) as { files?: Record<string, { bytes?: unknown }> };
    const sizes = new Map<string, number>();
    for (const [name, f] of Object.entries(manifest.files ?? {})) if (typeof f.bytes === 'number') sizes.set(name, f.bytes);
    return sizes;
  } catch {
    return null;
  }
}

/** Fills an ArrayBuffer of exactly `size` bytes from a stream of chunks. */
async function readExactly(stream: ReadableStream<Uint8Array>, size: number, file: string): Promise<ArrayBuffer> {
  const out = new Uint8Array(size);
  const reader = stream.getReader();
  let at = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (at + value.byteLength > size) throw new Error(`${file} is longer than expected (${size} bytes)`);
    out.set(value, at);
    at += value.byteLength;
  }
  if (at !== size) throw new Error(`${file} is shorter than expected (${at} of ${size} bytes)`);
  return out.buffer;
}

/**
 * One packaged file, gunzipped into an ArrayBuffer of exactly its size, which kuromoji then views
 * in place: each decompressed chunk is copied once, into its place. The size comes from the
 * manifest (the response is decompressed as it arrives), else from the gzip trailer (ISIZE; every
 * file is far below 4 GiB). `new Response(stream).arrayBuffer()` collected the chunks and copied
 * the whole again, and the renderer kept the high-water mark.
 */
async function fetchDictionaryFile(dicUrl: string, file: string, size: number | undefined): Promise<ArrayBuffer> {
  const url = new URL(file, dicUrl).href;
  const res = await fetch(url);
  if (!res.ok || res.body === null) throw new Error(`Failed to fetch ${url}, status: ${res.status}`);
  if (size !== undefined) return readExactly(res.body.pipeThrough(new DecompressionStream('gzip')), size, file);
  const gz = await res.arrayBuffer();
  if (gz.byteLength < 18) throw new Error(`${file} is not a gzip file (${gz.byteLength} bytes)`);
  return readExactly(new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip')), new DataView(gz).getUint32(gz.byteLength - 4, true), file);
}

let loading: Promise<TokenizerPort> | null = null;

/** `dicUrl` is the extension's own dict/ directory, ending in '/'. */
export function loadBrowserTokenizer(dicUrl: string): Promise<TokenizerPort> {
  if (loading === null) {
    loading = fileSizes(dicUrl)
      .then((sizes) => buildKuromojiTokenizer((file) => fetchDictionaryFile(dicUrl, file, sizes?.get(file))))
      .then((t) => adaptKuromoji(t))
      .catch((error: unknown) => {
        loading = null;
        throw new Error(`形態素解析の辞書を読み込めませんでした (${dicUrl}): ${String(error)}`);
      });
  }
  return loading;
}
