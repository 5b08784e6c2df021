import { describe, expect, it } from 'vitest';
import { detectKpiTables } from '../../../../src/core/detect';
import { evaluateWorkbook } from '../../../../src/core/evaluate';
import { cellAddress } from '../../../../src/core/grid';
import { getBuiltinPreset } from '../../../../src/core/presets';
import type { KpiRow, Preset, ValueCell } from '../../../../src/core/types';
import { planWrite } from '../../../../src/core/writePlan';
import { buildGrid } from '../../../support/gridBuilder';

const standard = getBuiltinPreset('standard') as Preset;
const tassei = getBuiltinPreset('tassei') as Preset;
const fig = (c: ValueCell | undefined) =>
  c === undefined ? undefined : c.reading.kind === 'number' ? [c.reading.value, c.year, cellAddress(c.row, c.col)] : [c.reading.kind];
const figures = (k: KpiRow) => ({ baseline: fig(k.baseline), current: fig(k.current), target: fig(k.target) });

// Shaped on the KPI boxes of 総合戦略 進捗 reports that give each KPI a small table of its own
// (caption with the name; H26（基準値） H28（現状値） H31（目標値）; one row of values), as in
// 多摩市 and いの町 数値目標 sheets; the second box puts the name left of its values and has 評価.
const BOXES = [
  ['基本目標１ 安定した雇用を創出する'],
  [],
  ['■市内企業の新規雇用者数'],
  ['H26（基準値）', 'H28（現状値）', 'H31（目標値）'],
  ['120人', '135人', '200人'],
  [],
  ['', 'H26（基準値）', 'H28（実績値）', 'H31（目標値）', '評価'],
  ['創業支援件数（商工振興課）', '15件', '12件', '30件', ''],
  [],
  ['平成26年度\n（基準値）', '平成28年度\n（現状値）'],
  ['10', '12'],
];

describe('one small table per KPI', () => {
  const grid = buildGrid('基本目標1', BOXES);
  const { tables, problems } = detectKpiTables(grid);

  it('reads each box as a table of one KPI; a box without a target is none', () => {
    expect(tables.map((t) => t.kpis.map((k) => k.name))).toEqual([['市内企業の新規雇用者数'], ['創業支援件数']]);
    expect(figures(tables[0]!.kpis[0]!)).toEqual({
      baseline: [120, 2014, 'A5'],
      current: [135, 2016, 'B5'],
      target: [200, 2019, 'C5'],
    });
    expect(tables[1]!.kpis[0]!.department).toBe('商工振興課');
    expect(tables[1]!.kpis[0]!.gradeCell).toMatchObject({ row: 7, col: 4 });
    expect(problems.map((p) => [p.code, p.cell])).toEqual([['noGradeColumn', 'A3:C5']]);
  });

  it('grades by the standard and tassei presets', () => {
    // 新規雇用者数: p = (135−120)/(200−120) = 0.1875; t = (2016−2014)/(2019−2014) = 0.4; 0.2 > p; d < 0 → Ｃ.
    // 創業支援件数: p = (12−15)/(30−15) = −0.2; d = (15−12)/15 = 0.2 > 0.10 → Ｄ.
    expect(evaluateWorkbook([grid], standard).tables.map((t) => t.kpis[0]!.outcome.grade)).toEqual(['C', 'D']);
    // tassei: a = 135/200 = 0.675 (0.5 ≤ a < 0.8 → Ｃ); a = 12/30 = 0.4 (< 0.5 → Ｄ).
    expect(evaluateWorkbook([grid], tassei).tables.map((t) => t.kpis[0]!.outcome.grade)).toEqual(['C', 'D']);
  });

  it('writes the grade under 評価, and a new column only right of the box without one', () => {
    const ev = evaluateWorkbook([grid], standard);
    const plan = planWrite(ev, [grid], { adopt: 'none', notes: false, addGradeColumns: true });
    expect(plan.writes.map((w) => [w.address, w.after])).toEqual([
      ['D4', '達成状況'],
      ['D5', 'Ｃ'],
      ['E8', 'Ｄ'],
    ]);
  });

  it('a row of 決算 years is no KPI box', () => {
    const budget = buildGrid('予算', [['事業費'], ['H26（決算）', 'H27（決算）', 'H28（予算）'], ['1,000', '1,100', '1,200']]);
    expect(detectKpiTables(budget)).toEqual({ tables: [], problems: [] });
  });
});
