import { describe, expect, it } from 'vitest';
import { scanSheet } from '../../../../src/core/detect';
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

// Shaped on 総合戦略 効果検証シート that give the plan (基準値 / 目標値 per KPI) first and the
// results year by year below it (策定時, H27 … across; 実績値 / 達成率 / 評価 down), as in
// 長崎市「数値目標、重要業績評価指標(KPI)一覧表」 with its 評価調書.
const BELOW = [
  ['No', '指標', '基準値(H26)', '目標値(H31)'],
  ['1', '観光入込客数（万人）', '372', '450'],
  ['2', '新規就農者数（人）', '10', '20'],
  [],
  ['指標', '区分', '策定時', 'H27', 'H28', 'H29'],
  ['観光入込客数（万人）', '実績値', '372', '380', '395', '410'],
  ['', '達成率', '', '84%', '88%', '91%'],
  ['', '評価', '', '', '', ''],
  ['新規就農者数（人）', '実績値', '10', '12', '15', '－'],
  ['', '達成率', '', '60%', '75%', ''],
  ['', '評価', '', '', '', ''],
];

describe('a plan block with a yearly results block below it', () => {
  const grid = buildGrid('効果検証', BELOW, { merges: ['A6:A8', 'A9:A11'] });
  const { tables, problems } = scanSheet(grid);

  it('reads one table: baseline and target from the plan, the latest 実績 from the results', () => {
    expect(tables).toHaveLength(1);
    expect(problems).toEqual([]);
    const [a, b] = tables[0]!.kpis;
    expect(figures(a!)).toEqual({
      baseline: [372, 2014, 'C2'],
      intermediates: [
        [380, 2015, 'D6'],
        [395, 2016, 'E6'],
      ],
      current: [410, 2017, 'F6'],
      target: [450, 2019, 'D2'],
    });
    expect(figures(b!).current).toEqual([15, 2016, 'E9']);
    expect(tables[0]!.range).toEqual({ top: 0, left: 0, bottom: 10, right: 5 });
  });

  it('grades into the 評価 rows under H29, the year evaluated', () => {
    const ev = evaluateWorkbook([grid], standard);
    // 観光: p = (410−372)/(450−372) = 0.487; t = (2017−2014)/(2019−2014) = 0.6; 0.3 ≤ p < 0.6 → Ｂ.
    // 就農: p = (15−10)/(20−10) = 0.5; t = (2016−2014)/5 = 0.4 → p ≥ t → Ａ.
    expect(ev.tables[0]!.kpis.map((k) => k.outcome.grade)).toEqual(['B', 'A']);
    const plan = planWrite(ev, [grid], { adopt: 'none', notes: false, addGradeColumns: true });
    expect(plan.writes.map((w) => [w.address, w.after])).toEqual([
      ['F8', 'Ｂ'],
      ['F11', 'Ａ'],
    ]);
  });

  it('a results block whose KPIs the plan does not hold is not read (nothing to grade against)', () => {
    const other = BELOW.map((row, i) => (i === 5 ? ['市民満足度', ...row.slice(1)] : row));
    const t = scanSheet(buildGrid('効果検証', other, { merges: ['A6:A8', 'A9:A11'] })).tables;
    expect(t).toHaveLength(1);
    expect(t[0]!.kpis.map((k) => k.current)).toEqual([undefined, undefined]);
  });
});

// The same plan with its results beside it: 基準値 / 目標値 left of the 区分 labels.
const BESIDE = [
  ['指標', '基準値(H26)', '目標値(H31)', '区分', 'H27', 'H28', 'H29'],
  ['観光入込客数（万人）', '372', '450', '実績値', '380', '395', '410'],
  ['', '', '', '達成率', '84%', '88%', '91%'],
  ['', '', '', '評価', '', '', ''],
  ['新規就農者数（人）', '10', '20', '実績値', '12', '15', '21'],
  ['', '', '', '達成率', '60%', '75%', '105%'],
  ['', '', '', '評価', '', '', 'Ｓ'],
];

describe('a plan block with the yearly results beside it', () => {
  const merges = ['A2:A4', 'B2:B4', 'C2:C4', 'A5:A7', 'B5:B7', 'C5:C7'];
  const grid = buildGrid('効果検証', BESIDE, { merges });
  const { tables } = scanSheet(grid);

  it('reads the KPIs by group, not one per row', () => {
    expect(tables).toHaveLength(1);
    const [a, b] = tables[0]!.kpis;
    expect(tables[0]!.kpis).toHaveLength(2);
    expect(figures(a!)).toEqual({
      baseline: [372, 2014, 'B2'],
      intermediates: [
        [380, 2015, 'E2'],
        [395, 2016, 'F2'],
      ],
      current: [410, 2017, 'G2'],
      target: [450, 2019, 'C2'],
    });
    expect(b!.gradeCell).toMatchObject({ row: 6, col: 6, text: 'Ｓ' });
  });

  it('grades', () => {
    const ev = evaluateWorkbook([grid], standard);
    // 観光: Ｂ as above. 就農: p = (21−10)/(20−10) = 1.1 ≥ 1 → Ｓ (as typed).
    expect(ev.tables[0]!.kpis.map((k) => k.outcome.grade)).toEqual(['B', 'S']);
    const plan = planWrite(ev, [grid], { adopt: 'none', notes: false, addGradeColumns: false });
    expect(plan.writes.map((w) => [w.address, w.after])).toEqual([['G4', 'Ｂ']]);
  });
});
