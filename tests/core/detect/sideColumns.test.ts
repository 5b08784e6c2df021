/**
 * Issue 8, item 1–2: header words inside decorated cells, words with a meaning of their own, and
 * the columns beside the values (unit, years, direction, 目安値, office rates, last year's grade,
 * notes, changes). Grids as published reports lay them out; expected readings by hand.
 */
import { describe, expect, it } from 'vitest';
import { parseCellValue } from '../../../src/core/cellValue';
import { detectKpiTables } from '../../../src/core/detect';
import { rangeAddress } from '../../../src/core/grid';
import type { KpiRow, KpiTable, ValueCell } from '../../../src/core/types';
import { buildGrid } from '../../support/gridBuilder';

const only = (tables: readonly KpiTable[]): KpiTable => {
  expect(tables).toHaveLength(1);
  return tables[0]!;
};
const fig = (cell: ValueCell | undefined) =>
  cell?.reading.kind === 'number' ? [cell.reading.value, cell.reading.unit, cell.year] : [cell?.reading.kind, cell?.year];
const figures = (k: KpiRow) => ({ baseline: fig(k.baseline), current: fig(k.current), target: fig(k.target) });

describe('decorated header words', () => {
  it('reads 主なKPI / 基準値（H30） / 令和5年度末実績 / 最終目標(R9) / 進捗区分 as a KPI table', () => {
    const t = only(
      detectKpiTables(
        buildGrid('基本目標1', [
          ['基本目標１ 地域の産業を元気にする'],
          ['数値目標'],
          ['主なKPI', '基準値（H30）', '令和5年度末実績', '最終目標(R9)', '進捗区分'],
          ['観光入込客数', '372万人', '400万人', '450万人', ''],
        ]),
      ).tables,
    );
    // The heading 基本目標１ and the title line 数値目標 above are no header.
    expect(t.headerRows).toEqual({ top: 2, bottom: 2 });
    expect(t.columns.values.map((v) => [v.role, v.year])).toEqual([
      ['baseline', 2018],
      ['current', 2023],
    ]);
    expect(t.columns.target).toMatchObject({ col: 3, year: 2027 });
    expect(t.columns.grade).toEqual({ col: 4, header: '進捗区分' });
    expect(figures(t.kpis[0]!)).toEqual({ baseline: [372, '万人', 2018], current: [400, '万人', 2023], target: [450, '万人', 2027] });
  });

  it.each([
    ['KPI項目', '実績値（R5年度）', '目標値（R9）'],
    ['成果指標名', 'R5実績', '中間目標'],
    ['指標名（単位）', '直近値', '目標'],
    ['KPI（平成32年3月まで）', '現状値', '目標値'],
    ['主な指標', '実績', '目標値'],
  ])('%s | %s | %s', (indicator, current, target) => {
    const t = only(
      detectKpiTables(
        buildGrid('s', [
          ['重要業績評価指標'], // a caption above the table
          [indicator, '基準値', current, target],
          ['転入者数', '1,000', '1,100', '1,200'],
        ]),
      ).tables,
    );
    expect(t.headerRows.top).toBe(1);
    expect(t.kpis.map((k) => k.name)).toEqual(['転入者数']);
    expect(t.columns.values.map((v) => v.role)).toEqual(['baseline', 'current']);
  });
});

describe('several yearly actual columns (R2実績 … R5実績)', () => {
  const grid = buildGrid('s', [
    ['指標名', '基準値(H30)', 'R2実績', 'R3実績', 'R4実績', 'R5実績', '目標値(R7)', '評価'],
    ['転入者数', '1,000人', '1,020人', '1,050人', '1,080人', '1,100人', '1,200人', ''],
    ['出生数', '500人', '490人', '480人', '470人', '－', '550人', ''],
    ['空き家バンク登録数', '10件', '', '', '', '', '30件', ''],
  ]);
  const t = only(detectKpiTables(grid).tables);

  it('marks them as yearly actuals', () => {
    expect(t.columns.values.map((v) => [v.role, v.year, v.kind])).toEqual([
      ['baseline', 2018, undefined],
      ['intermediate', 2020, 'actual'],
      ['intermediate', 2021, 'actual'],
      ['intermediate', 2022, 'actual'],
      ['current', 2023, 'actual'],
    ]);
  });

  it('takes the latest filled one as current, the earlier ones as intermediates', () => {
    const [a, b, c] = t.kpis;
    expect(fig(a!.current)).toEqual([1100, '人', 2023]);
    expect(a!.intermediates.map(fig)).toEqual([
      [1020, '人', 2020],
      [1050, '人', 2021],
      [1080, '人', 2022],
    ]);
    // R5 not in yet ("－"): R4 is the current value.
    expect(fig(b!.current)).toEqual([470, '人', 2022]);
    expect(b!.intermediates.map(fig)).toEqual([
      [490, '人', 2020],
      [480, '人', 2021],
      ['missing', 2023],
    ]);
    // Nothing in yet: no current value (grade －), the last column as it was.
    expect(fig(c!.current)).toEqual(['missing', 2023]);
  });
});

describe('unit and year columns', () => {
  const t = only(
    detectKpiTables(
      buildGrid('s', [
        ['No', '指標', '単位', '基準値', '基準年度', '現状値', '時点', '目標値', '目標年度', '評価'],
        ['1', '観光入込客数', '万人', '372', 'H26', '400', 'R1', '450', 'R2', ''],
        ['2', '市民満足度', '％', '60.5', '平成26年度', '63.0%', '2019', '70', '2020', ''],
        ['3', '待機児童数', '人', '12', 'H26', '－', '', '0', 'R2', ''],
      ]),
    ).tables,
  );

  it('finds the columns and keeps the unit column out of the names', () => {
    expect(t.columns.indicator).toBe(1);
    expect(t.columns.unit).toEqual({ col: 2, header: '単位' });
    expect(t.columns.years).toEqual([
      { col: 4, header: '基準年度', of: 3 },
      { col: 6, header: '時点', of: 5 },
      { col: 8, header: '目標年度', of: 7 },
    ]);
    expect(t.kpis.map((k) => k.name)).toEqual(['観光入込客数', '市民満足度', '待機児童数']);
  });

  it('gives bare numbers the row unit and each value the year of its year column', () => {
    expect(figures(t.kpis[0]!)).toEqual({ baseline: [372, '万人', 2014], current: [400, '万人', 2019], target: [450, '万人', 2020] });
    // A unit written in the cell itself stays ("63.0%"); "％" folds to "%".
    expect(figures(t.kpis[1]!)).toEqual({ baseline: [60.5, '%', 2014], current: [63, '%', 2019], target: [70, '%', 2020] });
    expect(figures(t.kpis[2]!)).toEqual({ baseline: [12, '人', 2014], current: ['missing', undefined], target: [0, '人', 2020] });
  });
});

describe('words with a meaning of their own', () => {
  const t = only(
    detectKpiTables(
      buildGrid('s', [
        ['指標', '方向', '基準値\n(H26)', '実績見込\n(R1)', '目安値', '目標値\n(R2)', '進捗率', '達成率', '前年度評価', '評価', '増減', '備考', '今後の取組'],
        ['ごみの排出量', '↓', '950g', '900g', '920g', '850g', '50.0%', '94.4%', 'Ｂ', '', '▲10', '(H22 国調)', '分別の周知を続ける 20件'],
        ['市民活動団体数', '↑', '120団体', '－', '', '150団体', '', '', '', '', '+3.0', '', ''],
      ]),
    ).tables,
  );
  const [a, b] = t.kpis;

  it('reads only baseline, forecast and target as values', () => {
    expect(t.columns.values.map((v) => [v.col, v.role, v.kind])).toEqual([
      [2, 'baseline', undefined],
      [3, 'current', 'forecast'],
    ]);
    expect(t.columns.target.col).toBe(5);
    expect(t.columns.grade).toEqual({ col: 9, header: '評価' });
    expect(t.columns.expected).toEqual({ col: 4, header: '目安値' });
    expect(t.columns.direction).toEqual({ col: 1, header: '方向' });
    expect(t.columns.previousGrade).toEqual({ col: 8, header: '前年度評価' });
    expect(t.columns.officeRates).toEqual([
      { col: 6, header: '進捗率', rate: 'progress' },
      { col: 7, header: '達成率', rate: 'attainment' },
    ]);
    expect(t.columns.changes).toEqual([{ col: 10, header: '増減' }]);
    expect(t.columns.notes).toEqual([
      { col: 11, header: '備考' },
      { col: 12, header: '今後の取組' },
    ]);
    expect(rangeAddress(t.range)).toBe('A1:M3');
  });

  it('a forecast is the current value, and the row says so', () => {
    expect(fig(a!.current)).toEqual([900, 'g', 2019]);
    expect(a!.currentIsForecast).toBe(true);
    // No forecast on this row: no current value, and no forecast flag.
    expect(fig(b!.current)).toEqual(['missing', 2019]);
    expect(b!.currentIsForecast).toBeUndefined();
  });

  it('keeps the direction, the 目安値, the office rates and last year grade beside the figures', () => {
    expect(a!.direction).toBe('down');
    expect(b!.direction).toBe('up');
    expect(fig(a!.expected)).toEqual([920, 'g', undefined]);
    expect(b!.expected).toBeUndefined();
    expect(a!.officeRates?.map((r) => [r.rate, fig(r.cell)])).toEqual([
      ['progress', [50, '%', undefined]],
      ['attainment', [94.4, '%', undefined]],
    ]);
    expect(a!.previousGrade).toEqual({ row: 1, col: 8, text: 'Ｂ' });
    expect(b!.previousGrade).toBeUndefined();
    // The grade cell is this year's column, never last year's.
    expect(a!.gradeCell).toEqual({ row: 1, col: 9, text: '' });
  });
});

describe('grade columns by year', () => {
  it('with R4評価 and R5評価, R5 is graded and R4 is last year', () => {
    const t = only(
      detectKpiTables(
        buildGrid('s', [
          ['指標', '基準値', '実績値', '目標値', 'R4評価', 'R5評価'],
          ['転入者数', '1,000', '1,100', '1,200', 'Ｂ', ''],
        ]),
      ).tables,
    );
    expect(t.columns.grade).toEqual({ col: 5, header: 'R5評価' });
    expect(t.columns.previousGrade).toEqual({ col: 4, header: 'R4評価' });
    expect(t.kpis[0]!.previousGrade?.text).toBe('Ｂ');
  });
});

describe('negatives and signed changes in the cell grammar', () => {
  it.each([
    ['▲1.2', -1.2, ''],
    ['△0.5', -0.5, ''],
    ['▲1,200人', -1200, '人'],
    ['△ 3.5％', -3.5, '%'],
    ['+3.0', 3, ''],
    ['＋3.0ポイント', 3, 'ポイント'],
  ])('%s reads as %d %s', (text, value, unit) => {
    expect(parseCellValue(text)).toEqual({ kind: 'number', value, unit });
  });

  it('a net figure written ▲ is graded as a negative value', () => {
    const t = only(
      detectKpiTables(
        buildGrid('s', [
          ['指標', '基準値', '現状値', '目標値'],
          ['社会増減数', '▲120人', '▲80人', '0人'],
        ]),
      ).tables,
    );
    expect(figures(t.kpis[0]!)).toEqual({ baseline: [-120, '人', undefined], current: [-80, '人', undefined], target: [0, '人', undefined] });
  });
});

describe('an actual and a forecast column side by side (R5実績 | R6見込)', () => {
  const t = only(
    detectKpiTables(
      buildGrid('s', [
        ['指標', '基準値(R1)', 'R5実績', 'R6見込', '目標値(R7)'],
        ['転入者数', '1,000', '1,100', '1,150', '1,200'],
        ['出生数', '500', '480', '', '550'],
      ]),
    ).tables,
  );

  it('the forecast is current where it is filled, else the actual', () => {
    expect(t.columns.values.map((v) => [v.role, v.year, v.kind])).toEqual([
      ['baseline', 2019, undefined],
      ['intermediate', 2023, 'actual'],
      ['current', 2024, 'forecast'],
    ]);
    const [a, b] = t.kpis;
    expect([fig(a!.current), a!.currentIsForecast]).toEqual([[1150, '', 2024], true]);
    expect([fig(b!.current), b!.currentIsForecast]).toEqual([[480, '', 2023], undefined]);
  });
});
