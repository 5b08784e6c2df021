import { describe, expect, it } from 'vitest';
import { parseCellValue, parseValuePart } from '../../src/core/cellValue';

describe('parseValuePart: a value inside a line of text (arrow lines)', () => {
  it('reads a year written before the figure as the value’s own year', () => {
    expect(parseValuePart('H26年1.54')).toEqual({ kind: 'number', value: 1.54, unit: '', year: 2014, yearNote: 'H26年' });
    expect(parseValuePart('令和元年度 132人')).toMatchObject({ kind: 'number', value: 132, unit: '人', year: 2019 });
    expect(parseValuePart('R5: ▲1.2%')).toMatchObject({ kind: 'number', value: -1.2, unit: '%', year: 2023 });
  });

  it('reads a year after the figure as a cell does', () => {
    expect(parseValuePart('132人（H26）')).toEqual(parseCellValue('132人（H26）'));
    expect(parseValuePart('200人 (H31)')).toMatchObject({ kind: 'number', value: 200, unit: '人', year: 2019 });
  });

  it('keeps a count that looks like a year a count', () => {
    expect(parseValuePart('2020件')).toEqual({ kind: 'number', value: 2020, unit: '件' });
    expect(parseValuePart('２，９２０件')).toEqual({ kind: 'number', value: 2920, unit: '件' });
  });

  it('says a year alone, or words, are no figure', () => {
    expect(parseValuePart('H28').kind).toBe('unreadable');
    expect(parseValuePart('実施').kind).toBe('state');
    expect(parseValuePart('')).toEqual({ kind: 'missing' });
  });
});
