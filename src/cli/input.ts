/**
 * Turns the bytes of a file (or standard input) into text, or says in plain Japanese why it
 * cannot (issue 9). Staff save posts from Notepad or Word: a Shift_JIS (CP932) or UTF-16 file read
 * as UTF-8 came back 問題なし, and a .docx was "checked" as a post. So: a BOM decides (UTF-8,
 * UTF-16LE/BE); without one, valid UTF-8 is UTF-8, otherwise Shift_JIS or EUC-JP when the text
 * decodes cleanly and reads as Japanese; anything else — a document, a PDF, a picture, bytes with
 * NUL in them — is refused, never guessed at.
 */

export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; reason: string };

const SAVE_AS_TEXT = 'メモ帳などで本文を「テキスト（UTF-8）」として保存し直してから、もう一度チェックしてください。';

function startsWith(bytes: Uint8Array, ...prefix: number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

function ascii(bytes: Uint8Array, text: string): boolean {
  return startsWith(bytes, ...Array.from(text, (c) => c.charCodeAt(0)));
}

/** Formats that are not plain text, recognised by their first bytes (not by the file's name). */
function knownBinary(bytes: Uint8Array): string | null {
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04) || startsWith(bytes, 0x50, 0x4b, 0x05, 0x06)) {
    return `Word・Excel・PowerPoint のファイル（.docx・.xlsx・.pptx）や zip ファイルは読めません。${SAVE_AS_TEXT}`;
  }
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) {
    return `古い形式の Word・Excel のファイル（.doc・.xls）は読めません。${SAVE_AS_TEXT}`;
  }
  if (ascii(bytes, '%PDF-')) return `PDF ファイルは読めません。${SAVE_AS_TEXT}`;
  if (ascii(bytes, '{\\rtf')) return `リッチテキスト（.rtf）のファイルは読めません。${SAVE_AS_TEXT}`;
  if (startsWith(bytes, 0x89, 0x50, 0x4e, 0x47) || startsWith(bytes, 0xff, 0xd8, 0xff) || ascii(bytes, 'GIF8')) {
    return `画像ファイルは読めません。投稿の本文をテキストファイルにしてチェックしてください（写真や動画は拡張機能の投稿前の確認で扱います）。`;
  }
  return null;
}

function decodeStrict(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * How well a decoded text reads as Japanese (higher is better), or null when it does not: at most
 * one character in twenty may be outside printable ASCII, kana, kanji, full-width forms and the
 * symbols Japanese text uses. A wrong decoding rarely passes that: UTF-16 read as Shift_JIS or
 * EUC-JP mostly fails to decode at all, and EUC-JP read as Shift_JIS turns into half-width
 * katakana, which count against a reading (they are allowed, as old files and ﾊﾞｶ use them), so
 * the reading with kana and kanji wins.
 */
function japaneseScore(text: string): { score: number; kanaOrAscii: number } | null {
  let total = 0;
  let odd = 0;
  let halfwidth = 0;
  let kana = 0;
  let ascii = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c === 0x0a || c === 0x0d || c === 0x09) continue;
    total++;
    if (c >= 0x20 && c <= 0x7e) ascii++;
    else if (c >= 0x3041 && c <= 0x30ff) kana++;
    else if (c >= 0xff61 && c <= 0xff9f) halfwidth++;
    else if (
      !(
        (c >= 0x4e00 && c <= 0x9fff) || // kanji
        (c >= 0x3000 && c <= 0x303f) || // full-width space, brackets, 、。
        (c >= 0xff01 && c <= 0xff5e) || // full-width ASCII
        (c >= 0x2010 && c <= 0x27bf) || // dashes, quotes, ※, arrows, ①, boxes, ○△□, ★
        (c >= 0x3200 && c <= 0x33ff) || // ㈱, ㌔ and other CP932 symbols
        c === 0xa7 || c === 0xb0 || c === 0xd7 || c === 0xf7
      )
    ) {
      odd++;
    }
  }
  if (total === 0 || odd > total * 0.05) return null;
  return { score: (total - odd - halfwidth / 2 + kana) / total, kanaOrAscii: (kana + ascii) / total };
}

const CANDIDATES: ReadonlyArray<{ encoding: string; label: string; bomless16?: true }> = [
  { encoding: 'shift_jis', label: 'Shift_JIS' },
  { encoding: 'euc-jp', label: 'EUC-JP' },
  { encoding: 'utf-16le', label: 'UTF-16LE', bomless16: true },
  { encoding: 'utf-16be', label: 'UTF-16BE', bomless16: true },
];

export function decodeInput(bytes: Uint8Array): Decoded {
  if (startsWith(bytes, 0xef, 0xbb, 0xbf)) {
    const text = decodeStrict(bytes.subarray(3), 'utf-8');
    return text === null ? { ok: false, reason: `UTF-8 の印（BOM）がありますが、途中に UTF-8 として読めない部分があります。${SAVE_AS_TEXT}` } : { ok: true, text, encoding: 'UTF-8 (BOM)' };
  }
  if (startsWith(bytes, 0xff, 0xfe, 0x00, 0x00) || startsWith(bytes, 0x00, 0x00, 0xfe, 0xff)) {
    return { ok: false, reason: `UTF-32 のファイルは読めません。${SAVE_AS_TEXT}` };
  }
  for (const [bom, encoding, label] of [[0xff, 'utf-16le', 'UTF-16LE'], [0xfe, 'utf-16be', 'UTF-16BE']] as const) {
    if (startsWith(bytes, bom, bom === 0xff ? 0xfe : 0xff)) {
      const text = bytes.length % 2 === 0 ? decodeStrict(bytes.subarray(2), encoding) : null;
      return text === null ? { ok: false, reason: `${label}（Unicode）の印（BOM）がありますが、途中が壊れていて読めません。${SAVE_AS_TEXT}` } : { ok: true, text, encoding: label };
    }
  }
  const binary = knownBinary(bytes);
  if (binary !== null) return { ok: false, reason: binary };
  const hasNul = bytes.indexOf(0) !== -1;
  const utf8 = hasNul ? null : decodeStrict(bytes, 'utf-8');
  if (utf8 !== null) return { ok: true, text: utf8, encoding: 'UTF-8' };
  let best: { text: string; candidate: (typeof CANDIDATES)[number]; score: number } | null = null;
  for (const candidate of CANDIDATES) {
    if (candidate.bomless16 === true && (best !== null || bytes.length % 2 !== 0)) continue;
    const text = decodeStrict(bytes, candidate.encoding);
    const rating = text === null ? null : japaneseScore(text);
    if (text === null || rating === null) continue;
    // Shift_JIS read as UTF-16 can be all kanji; UTF-16 Japanese has kana or ASCII in it.
    if (candidate.bomless16 === true && rating.kanaOrAscii < 0.1) continue;
    if (best === null || rating.score > best.score) best = { text, candidate, score: rating.score };
  }
  // Without a BOM the byte order of UTF-16 is a guess: say what it looks like and let the person
  // save it again rather than check a guess.
  if (best?.candidate.bomless16 === true) return { ok: false, reason: `印（BOM）のない UTF-16 のようです。文字コードを確かめられないため読みません。${SAVE_AS_TEXT}` };
  if (best !== null) return { ok: true, text: best.text, encoding: best.candidate.label };
  if (hasNul) return { ok: false, reason: `文章のファイルではありません（NUL 文字を含むバイナリファイルです）。${SAVE_AS_TEXT}` };
  return { ok: false, reason: `文字コードを判別できません（UTF-8・Shift_JIS・UTF-16 のどれでもありません）。文章のファイルでなければ読めません。${SAVE_AS_TEXT}` };
}
