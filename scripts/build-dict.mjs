// Builds the IPADIC dictionary this engine ships (issue 10): @patdx/kuromoji's dict/ in kuromoji's
// own file format, without what no rule reads, for the loader of src/tokenizer/kuromoji-dictionary.ts.
//
// - The trailing zero padding goes: kuromoji wrote every buffer at its allocated size (tid_pos 6 MB,
//   unk.dat and unk_pos 10 MB each, tid 6.5 MB, unk_invoke, unk_map 1 MB). Each file is cut at
//   the end of its last record, never inside one; kuromoji's readers return 0 or stop past the end.
//   unk_invoke's padding also read as ~150,000 empty character classes (10 MiB of heap).
// - The trie's unused cells after its last used one go (kuromoji's DoubleArray.shrink() cuts the
//   same on load), and unused cells inside it are zeroed (their free-list links were only for
//   building; traverse() only ever compares a used cell's check), which gzip packs far better.
// - Token features keep pos, pos_detail_1, pos_detail_2, conjugated_form and basic_form (what
//   src/tokenizer/kuromoji-adapter.ts hands the engine); pos_detail_3, conjugated_type, reading and
//   pronunciation become empty, and the fields keep their places for kuromoji's split(','). A
//   known word's features also leave out its surface, which is the text it matched, and its
//   basic form when that equals the surface (250,782 of 392,126 words): the feature lines then
//   repeat, and each is stored once (135,039 lines, 6 MB instead of 36). The loader puts both back
//   (src/tokenizer/kuromoji-dictionary.ts), so this is a dictionary for that loader, not for
//   kuromoji alone. Unknown-word features keep their class name as kuromoji reads them.
//
// Not committed: written to node_modules/.cache/toukou-guard/ipadic/ (gzipped, what the extension
// packages) and ipadic-node/ (the same files uncompressed, what Node reads), so `npm ci` rebuilds
// them from the installed kuromoji: by postinstall, and by `wxt build` through wxt.config.ts when
// missing or stale. tests/dictionary-build/ proves the tokens identical on the corpora.
//
//   node scripts/build-dict.mjs             build
//   node scripts/build-dict.mjs --if-stale  build only when missing, or made from another kuromoji or format
//   node scripts/build-dict.mjs --out DIR   build into DIR (tests)
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

/** Bump when the output changes for the same input: a build with another format is stale. */
export const DICT_FORMAT = 2;
export const MANIFEST = 'manifest.json';
/** Indexes in kuromoji's comma-separated features that the engine reads (IpadicFormatter): surface, pos, pos1, pos2, conjugated_form, basic_form. */
export const KEPT_FEATURES = [0, 1, 2, 3, 6, 7];
/** Files written as kuromoji ships them (nothing to trim, or too little to pay for a worse gzip). */
const COPIED = new Set(['tid_map.dat.gz', 'cc.dat.gz', 'unk_char.dat.gz']);
/** Every file kuromoji's loader asks for. */
export const DICT_FILES = [
  'base.dat.gz',
  'check.dat.gz',
  'tid.dat.gz',
  'tid_pos.dat.gz',
  'tid_map.dat.gz',
  'cc.dat.gz',
  'unk.dat.gz',
  'unk_pos.dat.gz',
  'unk_map.dat.gz',
  'unk_char.dat.gz',
  'unk_compat.dat.gz',
  'unk_invoke.dat.gz',
];

const require = createRequire(import.meta.url);

/** The installed @patdx/kuromoji: its dict/ and its version (the package exports no package.json). */
export function sourceDictionary() {
  const entry = require.resolve('@patdx/kuromoji/node');
  const pkgDir = path.join(path.dirname(entry), '..');
  const { version } = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
  return { dir: path.join(pkgDir, 'dict'), version: `@patdx/kuromoji@${version}` };
}

/** node_modules/.cache/toukou-guard/ipadic, found from the installed kuromoji (same rule as src/tokenizer/kuromoji-node.ts). */
export function defaultOutDir() {
  const entry = require.resolve('@patdx/kuromoji/node');
  // node_modules/@patdx/kuromoji/build/node.mjs → node_modules
  return path.join(path.dirname(entry), '..', '..', '..', '.cache', 'toukou-guard', 'ipadic');
}

// --- the transforms, on decompressed bytes --------------------------------------------------------

const int32 = (bytes) => new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 2);

/** Double-array trie (base, check): cut after the last used cell as DoubleArray.shrink() does, zero unused cells. */
export function trimTrie(baseBytes, checkBytes) {
  const base = int32(baseBytes);
  const check = int32(checkBytes);
  if (base.length !== check.length) throw new Error(`base (${base.length}) and check (${check.length}) differ in length`);
  let last = check.length - 1;
  while (last > 0 && check[last] < 0) last--;
  const n = Math.min(check.length, last + 2);
  const b = new Int32Array(n);
  const c = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    // The root (0) is used; an unused cell only needs a negative check (traverse() compares check with a parent ≥ 0).
    if (i !== 0 && check[i] < 0) {
      b[i] = 0;
      c[i] = -1;
    } else {
      b[i] = base[i];
      c[i] = check[i];
    }
  }
  return { base: new Uint8Array(b.buffer), check: new Uint8Array(c.buffer) };
}

/** kuromoji's target map ([n] then n × [key, count, count values], int32 LE): exactly its n records. */
export function trimTargetMap(bytes) {
  const v = int32(bytes);
  const n = v[0];
  let at = 1;
  let maxValue = -1;
  for (let i = 0; i < n; i++) {
    const count = v[at + 1];
    if (count === undefined || at + 2 + count > v.length) throw new Error('target map is truncated');
    for (let j = 0; j < count; j++) maxValue = Math.max(maxValue, v[at + 2 + j]);
    at += 2 + count;
  }
  return { bytes: bytes.slice(0, at * 4), records: n, maxValue };
}

function readString(bytes, at) {
  let end = at;
  while (end < bytes.length && bytes[end] !== 0) end++;
  return bytes.subarray(at, end).toString('utf8');
}

/** One feature line with only the kept fields: the others empty, trailing empties dropped. */
export function trimFeatures(line) {
  const fields = line.split(',').map((f, i) => (KEPT_FEATURES.includes(i) ? f : ''));
  while (fields.length > 0 && fields[fields.length - 1] === '') fields.pop();
  return fields.join(',');
}

/**
 * A known word's feature line for src/tokenizer/kuromoji-dictionary.ts: the kept fields without
 * the surface (index 0 empty), and the basic form empty when it equals the surface. An empty
 * surface or basic form is never a word's own (checked), so empty means "the surface".
 */
export function knownWordFeatures(line) {
  const fields = line.split(',');
  if (fields.length !== 10) throw new Error(`a feature line with ${fields.length} fields, not 10: ${line}`);
  const [surface, , , , , , , basic] = fields;
  if (surface === '' || basic === '') throw new Error(`an empty surface or basic form: ${line}`);
  const trimmed = fields.map((f, i) => (i === 0 || !KEPT_FEATURES.includes(i) || (i === 7 && basic === surface) ? '' : f));
  while (trimmed.length > 0 && trimmed[trimmed.length - 1] === '') trimmed.pop();
  return trimmed.join(',');
}

/**
 * A token-info dictionary (entries of 10 bytes: left id, right id, cost as int16, then the offset of
 * the entry's features in the pos buffer as int32) and its pos buffer (NUL-terminated UTF-8
 * features): `entries` entries (the highest id any target map points at, plus one), features
 * trimmed and stored once each, offsets rewritten.
 */
export function trimTokenInfo(tidBytes, posBytes, entries, features = trimFeatures) {
  if (!Number.isInteger(entries)) throw new Error(`the map points inside a token-info entry (${entries} entries)`);
  if (entries * 10 > tidBytes.length) throw new Error(`token info has ${tidBytes.length / 10} entries, the map points at ${entries}`);
  const tid = Buffer.from(tidBytes.subarray(0, entries * 10));
  const pos = Buffer.from(posBytes.buffer, posBytes.byteOffset, posBytes.byteLength);
  const chunks = [];
  const seen = new Map();
  let size = 0;
  for (let e = 0; e < entries; e++) {
    const line = features(readString(pos, tid.readInt32LE(e * 10 + 6)));
    let offset = seen.get(line);
    if (offset === undefined) {
      offset = size;
      const bytes = Buffer.from(`${line}\0`, 'utf8');
      chunks.push(bytes);
      size += bytes.length;
      seen.set(line, offset);
    }
    tid.writeInt32LE(offset, e * 10 + 6);
  }
  // Past the zero padding, a tid entry beyond `entries` read as all zeros: left/right/cost 0, features at 0.
  // Nothing points there (entries comes from the map), so nothing is lost by ending here.
  return { tid: new Uint8Array(tid), pos: new Uint8Array(Buffer.concat(chunks, size)), entries, strings: seen.size };
}

/** unk_invoke: records of invoke (u8), group (u8), max length (int32), NUL-terminated class name; the padding read as empty names. */
export function trimInvokeDefinitions(bytes) {
  let at = 0;
  let classes = 0;
  while (at + 6 < bytes.length) {
    let end = at + 6;
    while (end < bytes.length && bytes[end] !== 0) end++;
    if (end === at + 6) break; // an empty class name: the padding starts here
    at = end + 1;
    classes++;
  }
  return { bytes: bytes.slice(0, at), classes };
}

/** unk_compat: one uint32 bitset per UTF-16 code unit; kuromoji reads past the end as none. Every bit must name a real class. */
export function trimCompatibleCategories(bytes, classes) {
  const v = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 2);
  let last = v.length - 1;
  while (last >= 0 && v[last] === 0) last--;
  for (let i = 0; i <= last; i++) {
    if (v[i] >>> classes !== 0) throw new Error(`unk_compat: U+${i.toString(16)} names a class beyond the ${classes} defined`);
  }
  return bytes.slice(0, (last + 1) * 4);
}

// --- the build ------------------------------------------------------------------------------------

function gunzip(file) {
  return new Uint8Array(zlib.gunzipSync(readFileSync(file)));
}

/** Transforms the source dictionary; returns every file's decompressed bytes by name. */
export function trimDictionary(sourceDir) {
  const raw = (name) => gunzip(path.join(sourceDir, name));
  const out = new Map();
  const trie = trimTrie(raw('base.dat.gz'), raw('check.dat.gz'));
  out.set('base.dat.gz', trie.base);
  out.set('check.dat.gz', trie.check);

  const tidMapBytes = raw('tid_map.dat.gz');
  const tidMap = trimTargetMap(tidMapBytes);
  const tid = trimTokenInfo(raw('tid.dat.gz'), raw('tid_pos.dat.gz'), tidMap.maxValue / 10 + 1, knownWordFeatures);
  out.set('tid.dat.gz', tid.tid);
  out.set('tid_pos.dat.gz', tid.pos);
  // Its 18 KB of padding read as empty records (kuromoji) or not at all (src/tokenizer/kuromoji-dictionary.ts).
  out.set('tid_map.dat.gz', tidMapBytes);
  out.set('cc.dat.gz', raw('cc.dat.gz'));

  const unkMap = trimTargetMap(raw('unk_map.dat.gz'));
  const unk = trimTokenInfo(raw('unk.dat.gz'), raw('unk_pos.dat.gz'), unkMap.maxValue / 10 + 1);
  out.set('unk.dat.gz', unk.tid);
  out.set('unk_pos.dat.gz', unk.pos);
  out.set('unk_map.dat.gz', unkMap.bytes);
  // unk_char is indexed by code unit up to U+FFFF; kept whole.
  out.set('unk_char.dat.gz', raw('unk_char.dat.gz'));
  const invoke = trimInvokeDefinitions(raw('unk_invoke.dat.gz'));
  out.set('unk_invoke.dat.gz', invoke.bytes);
  out.set('unk_compat.dat.gz', trimCompatibleCategories(raw('unk_compat.dat.gz'), invoke.classes));
  return { files: out, entries: tid.entries, unknownEntries: unk.entries, classes: invoke.classes };
}

export function readManifest(outDir = defaultOutDir()) {
  try {
    return JSON.parse(readFileSync(path.join(outDir, MANIFEST), 'utf8'));
  } catch {
    return null;
  }
}

/**
 * The same files uncompressed, for Node (`<outDir>-node/base.dat` …): reading 40 MiB from disk
 * costs ~50 ms where gunzipping it costs ~250 ms at every start of the command. Its manifest
 * carries the same contentId; src/tokenizer/kuromoji-node.ts uses it only when they match.
 */
export function nodeDirFor(outDir) {
  return `${outDir.replace(/[\\/]+$/, '')}-node`;
}

/** Why the dictionary in `outDir` must be (re)built, or null when it is up to date. */
export function staleReason(outDir = defaultOutDir()) {
  const manifest = readManifest(outDir);
  if (manifest === null) return 'not built yet';
  if (manifest.format !== DICT_FORMAT) return `format ${manifest.format}, this script writes ${DICT_FORMAT}`;
  const { version } = sourceDictionary();
  if (manifest.source !== version) return `built from ${manifest.source}, ${version} is installed`;
  const missing = DICT_FILES.filter((f) => !existsSync(path.join(outDir, f)));
  if (missing.length > 0) return `missing ${missing.join(', ')}`;
  const node = readManifest(nodeDirFor(outDir));
  if (node === null || node.contentId !== manifest.contentId || DICT_FILES.some((f) => !existsSync(path.join(nodeDirFor(outDir), f.replace(/\.gz$/, ''))))) {
    return 'the uncompressed copy for Node is missing or from another build';
  }
  return null;
}

export function buildDictionary(outDir = defaultOutDir()) {
  const started = performance.now();
  const source = sourceDictionary();
  const { files, entries, unknownEntries, classes } = trimDictionary(source.dir);
  // Written beside and renamed, so a reader never sees half a dictionary.
  const tmp = `${outDir}.${process.pid}.tmp`;
  const nodeTmp = `${nodeDirFor(outDir)}.${process.pid}.tmp`;
  for (const dir of [tmp, nodeTmp]) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }
  const listed = {};
  const content = createHash('sha256');
  for (const name of DICT_FILES) {
    const bytes = files.get(name);
    if (bytes === undefined) throw new Error(`${name} was not built`);
    const sourceGz = readFileSync(path.join(source.dir, name));
    // A file kept as it was keeps kuromoji's own gzip, which is smaller than zlib's level 9.
    const gz = COPIED.has(name) ? sourceGz : zlib.gzipSync(bytes, { level: 9 });
    writeFileSync(path.join(tmp, name), gz);
    writeFileSync(path.join(nodeTmp, name.replace(/\.gz$/, '')), bytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    content.update(`${name} ${sha256}\n`);
    listed[name] = { bytes: bytes.length, gzipBytes: gz.length, sourceGzipBytes: sourceGz.length, sha256 };
  }
  const manifest = {
    format: DICT_FORMAT,
    source: source.version,
    builtBy: 'scripts/build-dict.mjs',
    contentId: content.digest('hex').slice(0, 16),
    // Known words: the surface is the matched text, an empty basic form is the surface.
    features: { known: '(surface),pos,pos_detail_1,pos_detail_2,,,conjugated_form,basic_form (empty: the surface)', unknown: 'class,pos,pos_detail_1,pos_detail_2,,,conjugated_form,basic_form' },
    entries,
    unknownEntries,
    characterClasses: classes,
    files: listed,
  };
  const text = `${JSON.stringify(manifest, null, 1)}\n`;
  writeFileSync(path.join(nodeTmp, MANIFEST), text);
  writeFileSync(path.join(tmp, MANIFEST), text);
  mkdirSync(path.dirname(outDir), { recursive: true });
  for (const [from, to] of [
    [nodeTmp, nodeDirFor(outDir)],
    [tmp, outDir],
  ]) {
    rmSync(to, { recursive: true, force: true });
    renameSync(from, to);
  }
  return { outDir, manifest, ms: performance.now() - started };
}

/** Builds when stale; returns the reason it built, or null. */
export function buildDictionaryIfStale(outDir = defaultOutDir()) {
  const reason = staleReason(outDir);
  if (reason !== null) buildDictionary(outDir);
  return reason;
}

export function describe(manifest) {
  const sum = (key) => Object.values(manifest.files).reduce((s, f) => s + f[key], 0);
  const mib = (n) => `${(n / 2 ** 20).toFixed(1)} MiB`;
  return `${mib(sum('gzipBytes'))} gzipped (kuromoji's: ${mib(sum('sourceGzipBytes'))}), ${mib(sum('bytes'))} decompressed`;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outArg = process.argv.indexOf('--out');
  const outDir = outArg > 0 ? path.resolve(process.argv[outArg + 1]) : defaultOutDir();
  const rel = path.relative(process.cwd(), outDir);
  if (process.argv.includes('--if-stale')) {
    const reason = buildDictionaryIfStale(outDir);
    console.log(reason === null ? `toukou-guard: ${rel} is up to date` : `toukou-guard: built ${rel} (${reason}): ${describe(readManifest(outDir))}`);
  } else {
    const { manifest, ms } = buildDictionary(outDir);
    console.log(`toukou-guard: built ${rel} in ${(ms / 1000).toFixed(1)} s: ${describe(manifest)}`);
  }
}

