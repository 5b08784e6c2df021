import { describe, expect, it } from 'vitest';
import { cellAddress, columnLetters, parseCellAddress, parseRangeAddress, rangeAddress } from '../../src/core/grid';

describe('A1 addresses', () => {
  it('round-trips columns and cells', () => {
    expect(columnLetters(0)).toBe('A');
    expect(columnLetters(25)).toBe('Z');
    expect(columnLetters(26)).toBe('AA');
    expect(columnLetters(701)).toBe('ZZ');
    expect(columnLetters(702)).toBe('AAA');
    for (const [r, c] of [[0, 0], [4, 6], [99_999, 702]] as const) {
      expect(parseCellAddress(cellAddress(r, c))).toEqual({ row: r, col: c });
    }
  });
  it('formats and parses ranges', () => {
    const range = { top: 2, left: 0, bottom: 8, right: 6 };
    expect(rangeAddress(range)).toBe('A3:G9');
    expect(parseRangeAddress('A3:G9')).toEqual(range);
    expect(parseRangeAddress('$G$5')).toEqual({ top: 4, left: 6, bottom: 4, right: 6 });
    expect(parseRangeAddress('not an address')).toBeUndefined();
  });
});
