// Types of scripts/build-dict.mjs for wxt.config.ts and the tests (the script stays plain JavaScript so postinstall runs it with node alone).
export declare const DICT_FORMAT: number;
export declare const MANIFEST: string;
export declare const KEPT_FEATURES: readonly number[];
export declare const DICT_FILES: readonly string[];

export interface DictManifest {
  format: number;
  source: string;
  builtBy: string;
  /** Identifies the content of the files: the Node copy is used only when it matches. */
  contentId: string;
  features: { known: string; unknown: string };
  entries: number;
  unknownEntries: number;
  characterClasses: number;
  files: Record<string, { bytes: number; gzipBytes: number; sourceGzipBytes: number; sha256: string }>;
}

export declare function sourceDictionary(): { dir: string; version: string };
export declare function defaultOutDir(): string;
export declare function trimFeatures(line: string): string;
export declare function knownWordFeatures(line: string): string;
/** Where the uncompressed copy for Node goes: `<outDir>-node`. */
export declare function nodeDirFor(outDir: string): string;
export declare function readManifest(outDir?: string): DictManifest | null;
/** Why the dictionary in `outDir` must be (re)built, or null when it is up to date. */
export declare function staleReason(outDir?: string): string | null;
export declare function buildDictionary(outDir?: string): { outDir: string; manifest: DictManifest; ms: number };
/** Builds when stale; returns the reason it built, or null. */
export declare function buildDictionaryIfStale(outDir?: string): string | null;
export declare function describe(manifest: DictManifest): string;
