import { describe, expect, it } from 'vitest';
import { continuesReceived, missingBundles } from '../../shared/bundles';

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
