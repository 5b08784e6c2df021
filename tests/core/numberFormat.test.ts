import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumberEn } from '../../src/core/numberFormat';

const intl = (x: number, min: number, max: number) =>
  x.toLocaleString('en-US', { minimumFractionDigits: min, maximumFractionDigits: max });

/** The digit settings the reasons use: figures with 0–3 decimals, percentages with up to 1. */
const SETTINGS: ReadonlyArray<readonly [number, number]> = [
  [0, 0],
  [1, 1],
  [2, 2],
  [3, 3],
  [0, 1],
  [0, 3],
];

describe('formatNumberEn writes numbers as toLocaleString("en-US") does', () => {
  it.each([
    [1.005, 2, 2, '1.01'],
    [2.5, 0, 0, '3'],
    [-2.5, 0, 0, '-3'],
    [0.125, 2, 2, '0.13'],
    [-0, 0, 0, '-0'],
    [-0.001, 1, 1, '-0.0'],
    [-0.04, 0, 1, '-0'],
    [0.96, 0, 1, '1'],
    [999.96, 1, 1, '1,000.0'],
    [1234567.891, 2, 2, '1,234,567.89'],
    [4542, 0, 0, '4,542'],
    [69.8, 1, 1, '69.8'],
    [65, 1, 1, '65.0'],
    [1e21, 0, 0, '1,000,000,000,000,000,000,000'],
    [1e-7, 3, 3, '0.000'],
    [Number.NaN, 0, 1, 'NaN'],
    [Number.POSITIVE_INFINITY, 0, 0, '∞'],
  ])('%s with %i–%i decimals → %s', (x, min, max, shown) => {
    expect(formatNumberEn(x, min, max)).toBe(shown);
    expect(formatNumberEn(x, min, max)).toBe(intl(x, min, max));
  });

  it('agrees on any double', () => {
    fc.assert(
      fc.property(fc.double(), fc.constantFrom(...SETTINGS), (x, [min, max]) => {
        expect(formatNumberEn(x, min, max)).toBe(intl(x, min, max));
      }),
      { numRuns: 5_000 },
    );
  });

  it('agrees on figures as ledgers write them (few decimals, ties on the rounding digit)', () => {
    const decimal = fc
      .tuple(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 5 }))
      .map(([n, places]) => n / 10 ** places);
    fc.assert(
      fc.property(decimal, fc.constantFrom(...SETTINGS), (x, [min, max]) => {
        expect(formatNumberEn(x, min, max)).toBe(intl(x, min, max));
      }),
      { numRuns: 5_000 },
    );
  });
});
