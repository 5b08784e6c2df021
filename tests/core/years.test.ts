import { describe, expect, it } from 'vitest';
import { eraLabel, parseFiscalYear } from '../../src/core/years';

describe('parseFiscalYear (spec §3)', () => {
  it.each([
    ['(H26)', 2014],
    ['（H26）', 2014],
    ['H26', 2014],
    ['Ｈ２６', 2014],
    ['平成26年度', 2014],
    ['2014年度', 2014],
    ['R1', 2019],
    ['H31', 2019],
    ['令和元年度', 2019],
    ['令和6年度', 2024],
    ['2024', 2024],
    ['(H22 国調)', 2010],
    ['（Ｈ２７ 国調）', 2015],
    ['昭和64年', 1989],
    ['S50', 1975],
    ['当初\n(H26)', 2014],
    ['現状値 令和5年度', 2023],
  ])('%s → %i', (text, year) => {
    expect(parseFiscalYear(text)).toBe(year);
  });

  it.each(['当初', '63.0％', '２，９２０件', 'SH29', '', '720億円'])('%s has no year', (text) => {
    expect(parseFiscalYear(text)).toBeUndefined();
  });

  it('labels years in the era officers use', () => {
    expect(eraLabel(2017)).toBe('H29');
    expect(eraLabel(2019)).toBe('R1');
  });
});

describe('bareFiscalYear / eraOf: years written without their era', () => {
  it('reads 25年度 in the era the sheet names, else by its size', async () => {
    const { bareFiscalYear, eraOf } = await import('../../src/core/years');
    expect(bareFiscalYear('25年度', 'H')).toBe(2013);
    expect(bareFiscalYear('５年度', 'R')).toBe(2023);
    expect(bareFiscalYear('元年度', 'R')).toBe(2019);
    expect(bareFiscalYear('27年度')).toBe(2015);
    expect(bareFiscalYear('3年度')).toBe(2021);
    expect(bareFiscalYear('H27')).toBeUndefined();
    expect(bareFiscalYear('25件')).toBeUndefined();
    expect(eraOf('平成27年度　事務事業評価シート')).toBe('H');
    expect(eraOf('令和5年度結果')).toBe('R');
    expect(eraOf('事務事業評価シート')).toBeUndefined();
  });
});
