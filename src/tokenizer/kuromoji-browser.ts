/**
 * The kuromoji adapter for the extension's offscreen document: the IPADIC files are packaged with
 * the extension (copied to dict/ at build, see wxt.config.ts) and read from its own URL, never
 * from the network. Only the offscreen document loads this: content scripts never load the
 * dictionary. One loading promise is shared by every caller (cf. azu/kuromojin).
 */
import * as kuromoji from '@patdx/kuromoji';
import BrowserDictionaryLoader from '@patdx/kuromoji/browser';
import type { TokenizerPort } from '../engine/tokenizer.ts';
import { adaptKuromoji } from './kuromoji-adapter.ts';

/** The package's browser loader fetches the bare file name and leaves it gzipped; join the path and gunzip. */
class PackagedDictionaryLoader extends BrowserDictionaryLoader {
  override async loadArrayBuffer(file: string): Promise<ArrayBufferLike> {
    const gz = await super.loadArrayBuffer(new URL(file, this.options.dic_path).href);
    const stream = new Blob([gz as ArrayBuffer]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Response(stream).arrayBuffer();
  }
}

let loading: Promise<TokenizerPort> | null = null;

/** `dicUrl` is the extension's own dict/ directory, ending in '/'. */
export function loadBrowserTokenizer(dicUrl: string): Promise<TokenizerPort> {
  if (loading === null) {
    loading = new kuromoji.TokenizerBuilder({ loader: new PackagedDictionaryLoader({ dic_path: dicUrl }) })
      .build()
      .then((t) => adaptKuromoji(t))
      .catch((error: unknown) => {
        loading = null;
        throw new Error(`形態素解析の辞書を読み込めませんでした (${dicUrl}): ${String(error)}`);
      });
  }
  return loading;
}
