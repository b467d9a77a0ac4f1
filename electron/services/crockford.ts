/**
 * Crockford's base-32: no I, L, O or U, so a code read aloud or typed from paper is hard to get
 * wrong. Used for document verification codes and key fingerprints.
 */
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The first `length` base-32 characters of `bytes` (5 bits each, most significant first). */
export function crockford32(bytes: Uint8Array, length: number): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += CROCKFORD_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
    if (out.length === length) break;
  }
  return out;
}

/** As a person types it back: any case, spaces and dashes ignored, O read as 0, I and L as 1. */
export const normaliseCrockford = (s: string): string =>
  s
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
