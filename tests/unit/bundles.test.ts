import { keysInText, strictUtf8 } from '../../electron/services/bundles/strictJson';
import { describe, expect, it } from 'vitest';
import { continuesReceived, missingBundles, seqRanges } from '../../shared/bundles';

describe('submission tracker', () => {
  it('lists the numbers below the highest received that have not arrived', () => {
    expect(missingBundles([])).toEqual([]);
    expect(missingBundles([{ seq: 1, from: 0, to: 5 }])).toEqual([]);
    expect(missingBundles([{ seq: 3, from: 5, to: 9 }])).toEqual([1, 2]);
    expect(
      missingBundles([
        { seq: 1, from: 0, to: 5 },
        { seq: 4, from: 5, to: 12 },
        { seq: 6, from: 12, to: 20 },
      ]),
    ).toEqual([2, 3, 5]);
  });

  it('knows when a bundle carries the changes of the ones before it', () => {
    const received = [{ seq: 1, from: 0, to: 5 }];
    expect(continuesReceived(received, { seq: 3, from: 5, to: 9 })).toBe(true);
    expect(continuesReceived(received, { seq: 3, from: 7, to: 9 })).toBe(false);
    expect(continuesReceived([], { seq: 2, from: 0, to: 9 })).toBe(true);
    expect(continuesReceived([], { seq: 2, from: 3, to: 9 })).toBe(false);
  });
});

describe('strict reading of bundle lines', () => {
  it('finds a key named twice, and only then, whatever the strings hold', () => {
    // A bundle line's values are plain, so it names `op`, `row` and the row's keys, once each.
    const line = (text: string) => keysInText(text) !== 2 + Object.keys((JSON.parse(text) as { row: object }).row).length;
    expect(line('{"op":"upsert","row":{"id":"a","name":"x","name":"y"}}')).toBe(true);
    expect(line('{"op":"upsert","op":"archive","row":{}}')).toBe(true);
    expect(line('{"op" : "upsert", "row" : {"a" : 1, "a" : 2}}')).toBe(true);
    // Quotes, colons and backslashes inside values are text, not keys.
    expect(line(JSON.stringify({ op: 'upsert', row: { note: 'a "b": c', path: 'C:\\\\', q: '\\"":', n: 1.5 } }))).toBe(false);
    expect(line('{"op":"upsert","row":{"a\\"":1,"a":2}}')).toBe(false);
  });

  it('takes UTF-8 only', () => {
    expect(strictUtf8(Buffer.from('Pondok Pesantren Al-Ḥikmah\n'))).toBe('Pondok Pesantren Al-Ḥikmah\n');
    for (const bad of [[0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xe2, 0x82]]) expect(strictUtf8(Buffer.from([0x61, ...bad]))).toBeNull();
  });
});

describe('bundle numbers as a reader says them', () => {
  it('joins runs with a dash, in order, each number once', () => {
    expect(seqRanges([])).toBe('');
    expect(seqRanges([5])).toBe('5');
    expect(seqRanges([7, 5, 6, 2, 3, 9, 6])).toBe('2–3, 5–7, 9');
  });
});
