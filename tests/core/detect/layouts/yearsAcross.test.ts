import { describe, expect, it } from 'vitest';
import { detectKpiTables, scanSheet } from '../../../../src/core/detect';
import { evaluateWorkbook } from '../../../../src/core/evaluate';
import { cellAddress } from '../../../../src/core/grid';
import { getBuiltinPreset } from '../../../../src/core/presets';
import type { KpiRow, Preset, ValueCell } from '../../../../src/core/types';
import { planWrite } from '../../../../src/core/writePlan';
import { buildGrid } from '../../../support/gridBuilder';

const standard = getBuiltinPreset('standard') as Preset;
const fig = (c: ValueCell | undefined) =>
  c === undefined ? undefined : c.reading.kind === 'number' ? [c.reading.value, c.year, cellAddress(c.row, c.col)] : [c.reading.kind];
const figures = (k: KpiRow) => ({
  baseline: fig(k.baseline),
  intermediates: k.intermediates.map(fig),
  current: fig(k.current),
  target: fig(k.target),
});

// Shaped on 北見市「平成27年度 事務事業評価シート（中間・事後）」: 成果指標名 | 単位 | 区分 (目標値 over
// 実績値) | one column per fiscal year | 最終目標値 | 目標年度, the name, unit, final target and
// target year merged over the indicator's two rows. No grade column on the sheet.
const KITAMI = [
  ['成果指標名', '単位', '区分', '平成25年度', '平成26年度', '平成27年度', '最終目標値', '目標年度'],
  ['避難場所を知っている市民の割合', '％', '目標値', '60.0', '65.0', '70.0', '75.0', 'H29'],
  ['', '', '実績値', '55.0', '57.9', '', '', ''],
  ['特定健診受診率', '％', '目標値', '40', '42', '44', '50', 'H29'],
  ['', '', '実績値', '38', '36', '33', '', ''],
  [],
  ['事業費', '区分', '平成25年度', '平成26年度', '平成27年度'],
  ['', '予算', '7,210,000', '6,924,000', '7,000,000'],
  ['', '決算', '7,100,000', '6,800,000', ''],
];
const KITAMI_MERGES = ['A2:A3', 'B2:B3', 'G2:G3', 'H2:H3', 'A4:A5', 'B4:B5', 'G4:G5', 'H4:H5'];

describe('years across: 事務事業評価シート (北見市)', () => {
  const grid = buildGrid('事務事業', KITAMI, { merges: KITAMI_MERGES });
  const { tables, problems } = scanSheet(grid);

  it('reads one table of two KPIs, each from its 目標値 / 実績値 rows; the budget below is no KPI table', () => {
    expect(tables).toHaveLength(1);
    expect(tables[0]!.kpis.map((k) => k.name)).toEqual(['避難場所を知っている市民の割合', '特定健診受診率']);
    expect(tables[0]!.range).toEqual({ top: 0, left: 0, bottom: 4, right: 7 });
    expect(problems.map((p) => p.code)).toEqual(['noGradeColumn']);
  });

  it('takes the first 実績 as the baseline, the latest as current, 最終目標値 with 目標年度 as the target', () => {
    const [a, b] = tables[0]!.kpis;
    expect(figures(a!)).toEqual({
      baseline: [55, 2013, 'D3'],
      intermediates: [],
      current: [57.9, 2014, 'E3'],
      target: [75, 2017, 'G2'],
    });
    expect(figures(b!)).toEqual({
      baseline: [38, 2013, 'D5'],
      intermediates: [[36, 2014, 'E5']],
      current: [33, 2015, 'F5'],
      target: [50, 2017, 'G4'],
    });
    expect(a!.row).toBe(1); // the group's first row
    expect(a!.gradeCell).toBeUndefined();
  });

  it('grades by the standard preset', () => {
    const ev = evaluateWorkbook([grid], standard);
    // 避難場所: p = (57.9−55)/(75−55) = 0.145; t = (2014−2013)/(2017−2013) = 0.25; 0.5t = 0.125 ≤ p < t → Ｂ.
    // 特定健診: p = (33−38)/(50−38) = −0.417; t = 2/4 = 0.5; d = (38−33)/38 = 0.132 > 0.10 → Ｄ.
    expect(ev.tables[0]!.kpis.map((k) => k.outcome.grade)).toEqual(['B', 'D']);
  });

  it('offers a grade column right of the table, beside each indicator’s first row', () => {
    const ev = evaluateWorkbook([grid], standard);
    const plan = planWrite(ev, [grid], { adopt: 'none', notes: false, addGradeColumns: true });
    expect(plan.writes.map((w) => [w.address, w.after])).toEqual([
      ['I1', '達成状況'],
      ['I2', 'Ｂ'],
      ['I4', 'Ｄ'],
    ]);
  });
});

// Shaped on 事務事業評価調書 (expydoc 10630230,「年度毎の目標値、実績値、達成率」) and 佐野市 施策評価:
// 成果指標 | 区分 | one column per year to the plan's last; 目標 / 実績 / 達成率 / 評価 rows.
const CHOSHO = [
  ['成果指標', '区分', 'H27', 'H28', 'H29', 'H30', 'H31'],
  ['ふるさと納税寄附件数（件）', '目標', '1,000', '1,200', '1,400', '1,600', '1,800'],
  ['', '実績', '1,100', '1,150', '1,500', '', ''],
  ['', '達成率', '110%', '96%', '107%', '', ''],
  ['', '評価', '', '', '', '', ''],
  ['移住相談件数（件）', '目標', '50', '60', '70', '80', '90'],
  ['', '実績', '45', '40', '－', '', ''],
  ['', '達成率', '90%', '67%', '', '', ''],
  ['', '評価', '', '', '', '', ''],
];
const CHOSHO_MERGES = ['A2:A5', 'A6:A9'];

describe('years across: 目標 / 実績 / 達成率 / 評価 rows (事務事業評価調書)', () => {
  const grid = buildGrid('施策評価', CHOSHO, { merges: CHOSHO_MERGES });
  const { tables, problems } = scanSheet(grid);

  it('reads two KPIs; the final year’s 目標 is the target, 達成率 is never a value', () => {
    expect(tables).toHaveLength(1);
    expect(problems).toEqual([]);
    const [a, b] = tables[0]!.kpis;
    expect(figures(a!)).toEqual({
      baseline: [1100, 2015, 'C3'],
      intermediates: [[1150, 2016, 'D3']],
      current: [1500, 2017, 'E3'],
      target: [1800, 2019, 'G2'],
    });
    expect(figures(b!).current).toEqual([40, 2016, 'D7']);
  });

  it('puts each grade in its 評価 row under the year being evaluated (H29, the latest with any 実績)', () => {
    const [a, b] = tables[0]!.kpis;
    expect(tables[0]!.columns.grade?.col).toBe(4);
    expect(a!.gradeCell).toMatchObject({ row: 4, col: 4 });
    expect(b!.gradeCell).toMatchObject({ row: 8, col: 4 });
  });

  it('grades and writes only into 評価 cells', () => {
    const ev = evaluateWorkbook([grid], standard);
    // 寄附件数: p = (1500−1100)/(1800−1100) = 0.571; t = (2017−2015)/(2019−2015) = 0.5 → p ≥ t → Ａ.
    // 移住相談: p = (40−45)/(90−45) = −0.111; t = (2016−2015)/4 = 0.25; d = 5/45 = 0.111 > 0.10 → Ｄ.
    expect(ev.tables[0]!.kpis.map((k) => k.outcome.grade)).toEqual(['A', 'D']);
    const plan = planWrite(ev, [grid], { adopt: 'none', notes: false, addGradeColumns: true });
    expect(plan.writes.map((w) => [w.address, w.after])).toEqual([
      ['E5', 'Ａ'],
      ['E9', 'Ｄ'],
    ]);
  });
});

// A header the standard reader finds (指標名, 基準値, 目標値, 評価 are all header words) over a
// years-across body: it must be read by groups, not as one KPI per 目標 / 実績 row. Shaped on
// 長与町 総合計画 施策評価シート (基準値 / 年度別 / 目標値 / 評価).
const NAGAYO = [
  ['指標名', '区分', '基準値(H26)', 'H27', 'H28', 'H29', '目標値(H31)', '評価'],
  ['観光入込客数（万人）', '目標', '', '380', '400', '420', '450', ''],
  ['', '実績', '372', '385', '410', '', '', 'Ｂ'],
  ['子育て支援センター利用者数（人）', '目標', '', '5,000', '5,200', '5,400', '6,000', ''],
  ['', '実績', '4,800', '5,100', '5,300', '5,500', '', ''],
];

describe('years across under a standard-looking header (長与町 施策評価シート)', () => {
  const grid = buildGrid('施策', NAGAYO, { merges: ['A2:A3', 'A4:A5'] });
  const { tables } = scanSheet(grid);

  it('is read as two KPIs with the 基準値 column as the baseline and the 評価 column as the grade', () => {
    expect(tables).toHaveLength(1);
    const [a, b] = tables[0]!.kpis;
    expect(tables[0]!.kpis).toHaveLength(2);
    expect(figures(a!)).toEqual({
      baseline: [372, 2014, 'C3'],
      intermediates: [[385, 2015, 'D3']],
      current: [410, 2016, 'E3'],
      target: [450, 2019, 'G2'],
    });
    expect(a!.gradeCell).toMatchObject({ row: 2, col: 7, text: 'Ｂ' });
    expect(b!.gradeCell).toMatchObject({ row: 4, col: 7, text: '' });
  });

  it('grades: a hand grade that differs is reported, not overwritten', () => {
    const ev = evaluateWorkbook([grid], standard);
    // 観光入込客数: p = (410−372)/(450−372) = 0.487; t = (2016−2014)/(2019−2014) = 0.4 → Ａ (typed Ｂ).
    // 子育て支援: p = (5500−4800)/(6000−4800) = 0.583; t = (2017−2014)/5 = 0.6; 0.3 ≤ p < 0.6 → Ｂ.
    expect(ev.tables[0]!.kpis.map((k) => k.outcome.grade)).toEqual(['A', 'B']);
    expect(ev.problems.map((p) => [p.code, p.cell])).toEqual([['handGradeDiffers', 'H3']]);
    const plan = planWrite(ev, [grid], { adopt: 'none', notes: false, addGradeColumns: false });
    expect(plan.writes.map((w) => [w.address, w.after])).toEqual([['H5', 'Ｂ']]);
  });
});

describe('years across: what is not a KPI table', () => {
  it('a budget (予算 / 決算) laid out by year is passed over', () => {
    const grid = buildGrid('予算', [
      ['事業費（千円）', '区分', 'H27', 'H28', 'H29'],
      ['', '予算', '1,000', '1,200', '1,300'],
      ['', '決算', '950', '1,100', ''],
    ]);
    expect(detectKpiTables(grid)).toEqual({ tables: [], problems: [] });
  });

  it('計画 / 実績 rows of a budget without any indicator word are passed over', () => {
    const grid = buildGrid('事業費', [
      ['区分', '', 'H27', 'H28', 'H29'],
      ['事業費（千円）', '計画', '1,000', '1,200', '1,300'],
      ['', '実績', '950', '1,100', ''],
    ]);
    expect(detectKpiTables(grid)).toEqual({ tables: [], problems: [] });
  });

  it('a schedule (計画 / 実績 with words and marks) is passed over, even under 指標', () => {
    const grid = buildGrid('工程', [
      ['取組（指標）', '区分', 'H27', 'H28', 'H29'],
      ['空き家バンクの開設', '計画', '検討', '実施', '→'],
      ['', '実績', '検討', '実施', ''],
    ]);
    expect(detectKpiTables(grid)).toEqual({ tables: [], problems: [] });
  });

  it('labels without a header of years above are passed over', () => {
    const grid = buildGrid('メモ', [
      ['成果指標', '区分', '備考'],
      ['市民満足度', '目標', '60%'],
      ['', '実績', '55%'],
    ]);
    expect(detectKpiTables(grid).tables).toEqual([]);
  });
});

describe('tables in sheet order', () => {
  it('a years-across table above a standard one is listed first', () => {
    const rows = [
      ...NAGAYO,
      [],
      ['指標', '基準値(H26)', '現状値(H29)', '目標値(H31)', '評価'],
      ['市民満足度', '60%', '66%', '70%', ''],
    ];
    const { tables } = scanSheet(buildGrid('施策', rows, { merges: ['A2:A3', 'A4:A5'] }));
    expect(tables.map((t) => t.range.top)).toEqual([0, 6]);
    expect(tables.map((t) => t.kpis.length)).toEqual([2, 1]);
  });
});

describe('years across that cannot be read', () => {
  it('says what was found and what is missing, rather than one KPI per 目標 / 実績 row', () => {
    const grid = buildGrid('施策', [
      ['指標名', '区分', '基準値', '目標値'],
      ['観光入込客数（万人）', '目標', '', '450'],
      ['', '実績', '372', ''],
    ]);
    const { tables, problems } = scanSheet(grid);
    expect(tables).toEqual([]);
    // Said by the near-miss check (nearMiss.ts) at the header row, not read one KPI per row.
    expect(problems.map((p) => [p.code, p.cell])).toEqual([['tableIncomplete', 'A1:D1']]);
  });

  it('a schedule under such a header stays silent (no figures: nothing to grade)', () => {
    const grid = buildGrid('工程', [
      ['指標名', '区分', '基準値', 'H27', 'H28', '目標値'],
      ['空き家バンクの開設', '計画', '', '検討', '実施', '実施'],
      ['', '実績', '', '検討', '', ''],
    ]);
    expect(scanSheet(grid)).toEqual({ tables: [], problems: [] });
  });
});
