import { describe, expect, it } from 'vitest';
import { detectKpiTables } from '../../../../src/core/detect';
import { evaluateWorkbook } from '../../../../src/core/evaluate';
import { cellAddress } from '../../../../src/core/grid';
import { getBuiltinPreset } from '../../../../src/core/presets';
import type { KpiRow, Preset, ValueCell } from '../../../../src/core/types';
import { planWrite } from '../../../../src/core/writePlan';
import { buildGrid } from '../../../support/gridBuilder';

const standard = getBuiltinPreset('standard') as Preset;
const fig = (c: ValueCell | undefined) =>
  c === undefined ? undefined : c.reading.kind === 'number' ? [c.reading.value, c.year, cellAddress(c.row, c.col)] : [c.reading.kind];
const figures = (k: KpiRow) => ({ baseline: fig(k.baseline), current: fig(k.current), target: fig(k.target) });

// Shaped on 総合戦略 進捗 sheets that copy each KPI as the strategy states it — name, then the
// figure aimed at, in one cell (「就業相談者数\n１００人」) — with 基準値 / 実績 / 評価 beside it.
const SHEET = [
  ['重要業績評価指標（目標値）', '基準値(H26)', '実績値(H28)', '評価'],
  ['就業相談者数\n１００人', '60人', '85人', ''],
  ['移住者数（企画政策課）\n５０人（H31）', '20人', '27人', 'Ａ'],
  [],
  ['指標', '備考'],
  ['市民満足度', '毎年調査'],
];

describe('name and figure in one cell', () => {
  const grid = buildGrid('総合戦略', SHEET);
  const { tables, problems } = detectKpiTables(grid);

  it('reads the figure in the name cell as the target', () => {
    expect(tables).toHaveLength(1);
    const [a, b] = tables[0]!.kpis;
    expect(a!.name).toBe('就業相談者数');
    expect(figures(a!)).toEqual({ baseline: [60, 2014, 'B2'], current: [85, 2016, 'C2'], target: [100, undefined, 'A2'] });
    expect(b!.department).toBe('企画政策課');
    expect(figures(b!).target).toEqual([50, 2019, 'A3']);
    expect(problems).toEqual([]);
  });

  it('grades and writes in the 評価 column only', () => {
    const ev = evaluateWorkbook([grid], standard);
    // 相談者数: p = (85−60)/(100−60) = 0.625; target year unknown → t = 1; 0.5 ≤ p < 1 → Ｂ.
    // 移住者数: p = (27−20)/(50−20) = 0.233; t = (2016−2014)/(2019−2014) = 0.4; 0.2 ≤ p < 0.4 → Ｂ (typed Ａ: kept).
    expect(ev.tables[0]!.kpis.map((k) => k.outcome.grade)).toEqual(['B', 'B']);
    const plan = planWrite(ev, [grid], { adopt: 'none', notes: false, addGradeColumns: true });
    expect(plan.writes.map((w) => [w.address, w.after])).toEqual([['D2', 'Ｂ']]);
  });

  it('a note column beside a list of names is no table', () => {
    const t = detectKpiTables(buildGrid('x', SHEET.slice(3)));
    expect(t).toEqual({ tables: [], problems: [] });
  });
});
