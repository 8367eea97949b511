/**
 * The kuromoji adapter for Node (CLI, tests, eval, bench): loads the IPADIC dictionary from the
 * package's files. One loading promise is shared by every caller (cf. azu/kuromojin).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import * as kuromoji from '@patdx/kuromoji';
import NodeDictionaryLoader from '@patdx/kuromoji/node';
import type { TokenizerPort } from '../engine/tokenizer.ts';
import { adaptKuromoji } from './kuromoji-adapter.ts';

let loading: Promise<TokenizerPort> | null = null;

export function defaultDictionaryPath(): string {
  // The package exports no package.json; its node entry lives in build/, the dictionary in dict/.
  const require = createRequire(import.meta.url);
  const entry = require.resolve('@patdx/kuromoji/node');
  return path.join(path.dirname(entry), '..', 'dict') + path.sep;
}

export function loadNodeTokenizer(dicPath: string = defaultDictionaryPath()): Promise<TokenizerPort> {
  if (loading === null) {
    loading = new kuromoji.TokenizerBuilder({ loader: new NodeDictionaryLoader({ dic_path: dicPath }) })
      .build()
      .then((t) => adaptKuromoji(t))
      .catch((error: unknown) => {
        loading = null;
        throw new Error(`形態素解析の辞書を読み込めませんでした (${dicPath}): ${String(error)}`);
      });
  }
  return loading;
}
