import { describe, expect, it } from 'vitest';
import { parseCellValue } from '../../../src/core/cellValue';
import { readDirectionWord, readUnitText, readYearText, withRowUnit } from '../../../src/core/detect/sideCells';

describe('unit column cells', () => {
  it.each([
    ['人', '人'],
    ['％', '%'],
    ['（件）', '件'],
    ['人（延べ）', '人'],
    ['万人', '万人'],
    ['－', ''],
    ['', ''],
    ['市民アンケートによる割合', ''], // a sentence, not a unit
  ])('%s → %s', (text, unit) => {
    expect(readUnitText(text)).toBe(unit);
  });

  it('gives a bare number the unit, and leaves a written unit or a non-number alone', () => {
    expect(withRowUnit(parseCellValue('372'), '万人')).toEqual({ kind: 'number', value: 372, unit: '万人' });
    expect(withRowUnit(parseCellValue('63.0%'), '人')).toEqual({ kind: 'number', value: 63, unit: '%' });
    expect(withRowUnit(parseCellValue('－'), '人')).toEqual({ kind: 'missing' });
  });
});

describe('year column cells', () => {
  it.each([
    ['H26', 2014],
    ['平成26年度', 2014],
    ['2019', 2019],
    ['R5.3時点', 2023],
    ['令和元年度', 2019],
    ['－', undefined],
    ['', undefined],
  ])('%s → %s', (text, year) => {
    expect(readYearText(text)).toBe(year);
  });
});

describe('direction column cells', () => {
  it.each([
    ['↑', 'up'],
    ['↗', 'up'],
    ['増加', 'up'],
    ['上昇', 'up'],
    ['↑（増加）', 'up'],
    ['↓', 'down'],
    ['↘', 'down'],
    ['減少', 'down'],
    ['低下', 'down'],
    ['維持', 'keep'],
    ['→', 'keep'],
    ['拡大', undefined], // said of the measure (方向性), not of the figure
    ['継続', undefined],
    ['', undefined],
  ])('%s → %s', (text, direction) => {
    expect(readDirectionWord(text)).toBe(direction);
  });
});
