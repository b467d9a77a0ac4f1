import { isUtf8 } from 'node:buffer';

/**
 * Signed content is read as written, never reinterpreted: a data file must be valid UTF-8 (a
 * lenient decoder would turn bad bytes into U+FFFD and store something the post never signed) and
 * a JSON line must not name a key twice (JSON.parse silently keeps the last one, so a reader that
 * looked at the first would see another record than the one stored).
 */
/**
 * The text of a data file, or null when its bytes are not UTF-8. Node's validator (the same check
 * as `new TextDecoder('utf-8', { fatal: true })`, a few times faster on a whole office's data)
 * before the decoding; a byte-order mark stays in the text, where JSON.parse refuses it.
 */
export function strictUtf8(bytes: Buffer): string | null {
  return isUtf8(bytes) ? bytes.toString('utf8') : null;
}

/**
 * How many object keys the JSON text names (strings followed by a colon): a line whose text names
 * more keys than JSON.parse kept named one twice. Outside strings JSON has
 * no quotes, so the scan jumps from quote to quote; every step moves forward.
 */
export function keysInText(text: string): number {
  let n = 0;
  let open = text.indexOf('"');
  while (open !== -1) {
    let close = text.indexOf('"', open + 1);
    // A quote preceded by an odd number of backslashes is escaped: part of the string.
    while (close !== -1) {
      let slashes = 0;
      for (let b = close - 1; b > open && text.charCodeAt(b) === 92; b--) slashes++;
      if (slashes % 2 === 0) break;
      close = text.indexOf('"', close + 1);
    }
    if (close === -1) return n;
    // JSON white space (space, tab, LF, CR) may stand before the colon; read as char codes, not one-letter strings.
    let after = close + 1;
    let c = text.charCodeAt(after);
    while (c === 32 || c === 9 || c === 10 || c === 13) c = text.charCodeAt(++after);
    if (c === 58) n++;
    open = text.indexOf('"', after);
  }
  return n;
}
