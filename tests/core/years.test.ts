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
