import { describe, expect, it } from 'vitest';
import { cleanSheetName, planSheetNames, SHEET_NAME_MAX } from '../../src/core/sheetNames';

describe('planSheetNames: names for sheets brought in from another workbook', () => {
  it('keeps a name the workbook does not have yet', () => {
    expect(planSheetNames(['施策一覧'], ['第1節 地域産業', '集計'])).toEqual(['第1節 地域産業', '集計']);
  });

  it('gives a name the workbook has " (2)", then " (3)", as Excel names a copied sheet', () => {
    expect(planSheetNames(['施策一覧', '施策一覧 (2)'], ['施策一覧'])).toEqual(['施策一覧 (3)']);
    expect(planSheetNames(['施策一覧'], ['施策一覧'])).toEqual(['施策一覧 (2)']);
  });

  it('compares without regard to case, as Excel does', () => {
    expect(planSheetNames(['Sheet1'], ['SHEET1'])).toEqual(['SHEET1 (2)']);
  });

  it('counts the names given to earlier incoming sheets (two files with the same sheet)', () => {
    expect(planSheetNames(['施策一覧'], ['施策一覧', '施策一覧'])).toEqual(['施策一覧 (2)', '施策一覧 (3)']);
    // A file that itself holds a sheet named like the one a collision would produce.
    expect(planSheetNames(['A'], ['A', 'A (2)'])).toEqual(['A (2)', 'A (2) (2)']);
  });

  it('cuts the stem so that the name with its suffix is 31 characters', () => {
    const long = 'あ'.repeat(31);
    const [name] = planSheetNames([long], [long]);
    expect(name).toBe(`${'あ'.repeat(27)} (2)`);
    expect(name!.length).toBe(SHEET_NAME_MAX);
  });

  it('never takes "History", which Excel reserves', () => {
    expect(planSheetNames([], ['history'])).toEqual(['history (2)']);
  });
});

describe('cleanSheetName', () => {
  it('replaces the characters Excel forbids with 「_」', () => {
    expect(cleanSheetName('R5/R6 [実績]: 見込み?*\\')).toBe('R5_R6 _実績__ 見込み___');
  });

  it('drops apostrophes at either end and keeps at most 31 characters', () => {
    expect(cleanSheetName("'施策'")).toBe('施策');
    expect(cleanSheetName('x'.repeat(40))).toBe('x'.repeat(31));
  });

  it('does not split a character outside the BMP at the 31st unit', () => {
    const name = `${'a'.repeat(30)}𠮷`; // 𠮷 is two UTF-16 units: 32 in all
    expect(cleanSheetName(name)).toBe('a'.repeat(30));
  });

  it('gives an empty name a name', () => {
    expect(cleanSheetName('  ')).toBe('Sheet');
  });
});
