/**
 * The kuromoji adapter for Node (CLI, tests, eval, bench): loads the IPADIC dictionary from the
 * package's files. One loading promise is shared by every caller (cf. azu/kuromojin).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';
import * as kuromoji from '@patdx/kuromoji';
import type { TokenizerPort } from '../engine/tokenizer.ts';
import { adaptKuromoji } from './kuromoji-adapter.ts';

let loading: Promise<TokenizerPort> | null = null;

export function defaultDictionaryPath(): string {
  // The package exports no package.json; its node entry lives in build/, the dictionary in dict/.
  // Resolved from this module at run time, so the bundled CLI (bin/, where @patdx/kuromoji stays
  // external) finds the installed package's dict/ the same way the sources do.
  const require = createRequire(import.meta.url);
  const entry = require.resolve('@patdx/kuromoji/node');
  return path.join(path.dirname(entry), '..', 'dict') + path.sep;
}

/**
 * One dictionary file, gunzipped synchronously into an ArrayBuffer of exactly its size, which
 * kuromoji then views in place (Int32Array, Int16Array…) — issue 10. The package's own
 * NodeDictionaryLoader gunzips on the thread pool and then copies every buffer
 * (`new Uint8Array(decompressed).buffer`), which kept twice the ~100 MiB alive and took longer.
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

/** kuromoji's loader interface; the promise is only its shape, the work is done synchronously. */
class SyncNodeDictionaryLoader {
  constructor(private readonly dicPath: string) {}
  loadArrayBuffer(file: string): Promise<ArrayBuffer> {
    try {
      return Promise.resolve(gunzipDictionaryFile(path.join(this.dicPath, file)));
    } catch (error) {
      return Promise.reject(error);
    }
  }
}

export function loadNodeTokenizer(dicPath: string = defaultDictionaryPath()): Promise<TokenizerPort> {
  if (loading === null) {
    loading = new kuromoji.TokenizerBuilder({ loader: new SyncNodeDictionaryLoader(dicPath) })
      .build()
      .then((t) => adaptKuromoji(t))
      .catch((error: unknown) => {
        loading = null;
        throw new Error(`形態素解析の辞書を読み込めませんでした (${dicPath}): ${String(error)}`);
      });
  }
  return loading;
}
