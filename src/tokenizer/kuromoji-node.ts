/**
 * The kuromoji adapter for Node (CLI, tests, eval, bench): loads the IPADIC dictionary from disk.
 * One loading promise is shared by every caller (cf. azu/kuromojin).
 *
 * The dictionary is the trimmed copy scripts/build-dict.mjs writes at install (issue 10: 40 MiB
 * decompressed instead of 95), read from its uncompressed twin when that is from the same build
 * (no gunzip at start); when it has not been built (`npm ci --ignore-scripts`), kuromoji's own
 * files, which give the same tokens.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';
import type { TokenizerPort } from '../engine/tokenizer.ts';
import { adaptKuromoji } from './kuromoji-adapter.ts';
import { buildKuromojiTokenizer, type KuromojiTokenizer } from './kuromoji-dictionary.ts';

let loading: Promise<TokenizerPort> | null = null;

/**
 * node_modules/@patdx/kuromoji/build/node.mjs. Resolved from this module at run time, so the
 * bundled CLI (bin/, where @patdx/kuromoji stays external) finds the installed package the same
 * way the sources do.
 */
function kuromojiEntry(): string {
  return createRequire(import.meta.url).resolve('@patdx/kuromoji/node');
}

/** kuromoji's own dictionary: the package exports no package.json; its node entry lives in build/, the dictionary in dict/. */
export function packagedDictionaryPath(): string {
  return path.join(path.dirname(kuromojiEntry()), '..', 'dict') + path.sep;
}

/** Where scripts/build-dict.mjs writes the trimmed dictionary (node_modules/.cache/toukou-guard/ipadic). */
export function trimmedDictionaryPath(): string {
  return path.join(path.dirname(kuromojiEntry()), '..', '..', '..', '.cache', 'toukou-guard', 'ipadic') + path.sep;
}

/** The trimmed dictionary when it has been built (its manifest is written last), else kuromoji's own. */
export function defaultDictionaryPath(): string {
  const trimmed = trimmedDictionaryPath();
  return fs.existsSync(path.join(trimmed, 'manifest.json')) ? trimmed : packagedDictionaryPath();
}

/**
 * One dictionary file, gunzipped synchronously into an ArrayBuffer of exactly its size, which
 * kuromoji then views in place (Int32Array, Int16Array…) — issue 10. The package's own
 * NodeDictionaryLoader gunzips on the thread pool and then copies every buffer
 * (`new Uint8Array(decompressed).buffer`), which kept twice the dictionary alive and took longer.
 * The gzip trailer holds the size (ISIZE, mod 2^32; every IPADIC file is far below that), so the
 * output is one chunk of that size: no 16 KiB pieces to concatenate.
 */
export function gunzipDictionaryFile(file: string): ArrayBuffer {
  const gz = fs.readFileSync(file);
  const size = gz.length >= 18 ? gz.readUInt32LE(gz.length - 4) : 0;
  const out = zlib.gunzipSync(gz, size > 0 ? { chunkSize: Math.max(size, zlib.constants.Z_MIN_CHUNK) } : {});
  if (out.byteOffset === 0 && out.byteLength === out.buffer.byteLength) return out.buffer as ArrayBuffer;
  // A small output lands in Node's shared pool (or a larger chunk): copy just its bytes, since
  // kuromoji views the whole ArrayBuffer.
  return out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength) as ArrayBuffer;
}

/** A whole file in an ArrayBuffer of exactly its size (kuromoji views the whole buffer). */
function readWhole(file: string): ArrayBuffer {
  const b = fs.readFileSync(file);
  if (b.byteOffset === 0 && b.byteLength === b.buffer.byteLength) return b.buffer as ArrayBuffer;
  // Small files land in Node's shared pool.
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

function contentId(dir: string): string | null {
  try {
    const id = (JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { contentId?: unknown }).contentId;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}

/** `<dicPath>-node`, scripts/build-dict.mjs's uncompressed copy, when it holds the same build as `dicPath`. */
export function uncompressedTwin(dicPath: string): string | null {
  const dir = dicPath.replace(/[\\/]+$/, '');
  const id = contentId(dir);
  return id !== null && contentId(`${dir}-node`) === id ? `${dir}-node` : null;
}

/** kuromoji's tokenizer on the dictionary in `dicPath` (read synchronously; the promise is only kuromoji's loader shape). */
export function buildNodeKuromoji(dicPath: string): Promise<KuromojiTokenizer> {
  const twin = uncompressedTwin(dicPath);
  return buildKuromojiTokenizer(async (file) => {
    const raw = twin === null ? null : path.join(twin, file.replace(/\.gz$/, ''));
    return raw !== null && fs.existsSync(raw) ? readWhole(raw) : gunzipDictionaryFile(path.join(dicPath, file));
  });
}

export function loadNodeTokenizer(dicPath: string = defaultDictionaryPath()): Promise<TokenizerPort> {
  if (loading === null) {
    loading = buildNodeKuromoji(dicPath)
      .then((t) => adaptKuromoji(t))
      .catch((error: unknown) => {
        loading = null;
        throw new Error(`形態素解析の辞書を読み込めませんでした (${dicPath}): ${String(error)}`);
      });
  }
  return loading;
}
