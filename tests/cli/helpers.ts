/**
 * Files as staff make them: Shift_JIS (CP932) from an older Notepad or Excel's "テキスト", UTF-16 from
 * Notepad's "Unicode", EUC-JP from an old Unix mail. Node encodes none of the legacy ones, so the
 * encoder is the inverse of its own TextDecoder (WHATWG, the same tables the CLI decodes with).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

type Legacy = 'shift_jis' | 'euc-jp';
const tables = new Map<Legacy, Map<string, number[]>>();

function table(encoding: Legacy): Map<string, number[]> {
  const cached = tables.get(encoding);
  if (cached !== undefined) return cached;
  const decoder = new TextDecoder(encoding, { fatal: true });
  const map = new Map<string, number[]>();
  const add = (bytes: number[]): void => {
    let ch: string;
    try {
      ch = decoder.decode(Uint8Array.from(bytes));
    } catch {
      return;
    }
    // The first code wins, as a Windows encoder picks NEC's row 13 over IBM's duplicates.
    if ([...ch].length === 1 && !map.has(ch)) map.set(ch, bytes);
  };
  for (let b = 0; b < 0x80; b++) add([b]);
  if (encoding === 'shift_jis') {
    for (let b = 0xa1; b <= 0xdf; b++) add([b]);
    for (let lead = 0x81; lead <= 0xfc; lead++) {
      if (lead > 0x9f && lead < 0xe0) continue;
      for (let trail = 0x40; trail <= 0xfc; trail++) if (trail !== 0x7f) add([lead, trail]);
    }
  } else {
    for (let b = 0xa1; b <= 0xdf; b++) add([0x8e, b]);
    for (let lead = 0xa1; lead <= 0xfe; lead++) for (let trail = 0xa1; trail <= 0xfe; trail++) add([lead, trail]);
  }
  tables.set(encoding, map);
  return map;
}

export function encodeLegacy(text: string, encoding: Legacy): Buffer {
  const map = table(encoding);
  const out: number[] = [];
  for (const ch of text) {
    const bytes = map.get(ch);
    if (bytes === undefined) throw new Error(`${encoding} cannot encode ${ch}`);
    out.push(...bytes);
  }
  return Buffer.from(out);
}

export function utf16(text: string, order: 'le' | 'be', bom = true): Buffer {
  const le = Buffer.from(`${bom ? '\uFEFF' : ''}${text}`, 'utf16le');
  return order === 'le' ? le : le.swap16();
}

export function tmpFile(name: string, content: string | Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tg-cli-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

/** The smallest .docx-like file: a zip's local header, which is all the CLI needs to see. */
export function zipLike(): Buffer {
  return Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), Buffer.from('[Content_Types].xml word/document.xml バカ', 'utf8')]);
}
