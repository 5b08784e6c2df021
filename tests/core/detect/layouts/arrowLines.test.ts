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
const figures = (k: KpiRow) => ({ baseline: fig(k.baseline), current: fig(k.current), target: fig(k.target) });

// Shaped on the Kanazawa report (金沢版総合戦略 進捗状況): under each 施策, its KPIs as bullet lines
// in one cell, figures joined by arrows: baseline (H26) → current (H28) → target (H31).
const KANAZAWA_ONE_CELL = [
  ['基本目標２ 結婚・出産・子育ての希望をかなえる'],
  ['（１）妊娠・出産・子育ての切れ目ない支援'],
  [
    '・産後ケアサポート人材数 132人 (H26) → 147人 (H28) → 200人 (H31)\n' +
      '・合計特殊出生率 H26年1.54→H31年1.68\n' +
      '・市内就業者数 52,000人 (H26) → 51,000人 (H28) → 53,000人 (H31)',
  ],
  [],
  ['主な取組：産後ケア事業の拡充 → 利用者の増加'],
];

describe('arrow lines in one cell (金沢市)', () => {
  const grid = buildGrid('基本目標2', KANAZAWA_ONE_CELL);
  const { tables, problems } = scanSheet(grid);

  it('reads one KPI per line, baseline → current → target; two figures are baseline → target', () => {
    expect(tables).toHaveLength(1);
    const [a, b, c] = tables[0]!.kpis;
    expect(tables[0]!.kpis.map((k) => k.name)).toEqual(['産後ケアサポート人材数', '合計特殊出生率', '市内就業者数']);
    expect(figures(a!)).toEqual({ baseline: [132, 2014, 'A3'], current: [147, 2016, 'A3'], target: [200, 2019, 'A3'] });
    expect(figures(b!)).toEqual({ baseline: [1.54, 2014, 'A3'], current: undefined, target: [1.68, 2019, 'A3'] });
    expect(figures(c!).current).toEqual([51000, 2016, 'A3']);
  });

  it('the prose line with an arrow but no figures is no KPI; the heading above stands for the header', () => {
    expect(tables[0]!.range).toEqual({ top: 1, left: 0, bottom: 2, right: 0 });
  });

  it('grades each line', () => {
    const ev = evaluateWorkbook([grid], standard);
    // 産後ケア: p = (147−132)/(200−132) = 0.221; t = (2016−2014)/(2019−2014) = 0.4; 0.2 ≤ p < 0.4 → Ｂ.
    // 出生率: no current value → －.
    // 就業者数: p = (51000−52000)/(53000−52000) = −1; d = 1000/52000 = 0.019 ≤ 0.10 → Ｃ.
    expect(ev.tables[0]!.kpis.map((k) => k.outcome.grade)).toEqual(['B', '-', 'C']);
  });

  it('says a grade column cannot be added for KPIs sharing a cell, and the write plan adds none', () => {
    expect(problems.map((p) => [p.code, p.cell])).toEqual([['gradeCellShared', 'A3']]);
    const ev = evaluateWorkbook([grid], standard);
    const plan = planWrite(ev, [grid], { adopt: 'none', notes: false, addGradeColumns: true });
    expect(plan.writes).toEqual([]);
    expect(plan.skipped.map((p) => p.code)).toEqual(['gradeCellShared']);
  });
});

// The same report re-typed one line per cell, the name in the cell to the left.
const KANAZAWA_ROWS = [
  ['【重要業績評価指標（KPI）】'],
  ['産後ケアサポート人材数', '132人（H26）→147人（H28）→200人（H31）'],
  ['待機児童数', '12人（H26）→ 5人（H28）→ 0人（H31）'],
  ['・子育て応援サイトの閲覧数', '2.0万件(H26)⇒3.5万件(H28)⇒5.0万件(H31)'],
];

describe('arrow lines one per row, the name beside them', () => {
  const grid = buildGrid('一覧', KANAZAWA_ROWS);
  const { tables, problems } = detectKpiTables(grid);

  it('reads a KPI per row, each on its own row, and offers a grade column', () => {
    expect(tables).toHaveLength(1);
    expect(tables[0]!.kpis.map((k) => [k.name, k.row])).toEqual([
      ['産後ケアサポート人材数', 1],
      ['待機児童数', 2],
      ['子育て応援サイトの閲覧数', 3],
    ]);
    expect(problems.map((p) => p.code)).toEqual(['noGradeColumn']);
  });

  it('grades (lower is better when the target is below the baseline) and writes right of the table', () => {
    const ev = evaluateWorkbook([grid], standard);
    // 産後ケア: Ｂ as above. 待機児童: down; p = (12−5)/(12−0) = 0.583; t = 0.4 → Ａ.
    // 閲覧数: p = (3.5−2.0)/(5.0−2.0) = 0.5; t = 0.4 → Ａ.
    expect(ev.tables[0]!.kpis.map((k) => k.outcome.grade)).toEqual(['B', 'A', 'A']);
    const plan = planWrite(ev, [grid], { adopt: 'none', notes: false, addGradeColumns: true });
    expect(plan.writes.map((w) => [w.address, w.after])).toEqual([
      ['C1', '達成状況'],
      ['C2', 'Ｂ'],
      ['C3', 'Ａ'],
      ['C4', 'Ａ'],
    ]);
  });
});

// Baseline and target inside the indicator cell, a 実績 column and a grade column beside it
// (数値目標 sheets of 創生総合戦略 進捗 reports that state the goal in the indicator:
// 「合計特殊出生率 H26年1.54→H31年1.68」).
const IN_INDICATOR = [
  ['数値目標', '実績(H29)', '評価'],
  ['合計特殊出生率 H26年1.54→H31年1.68', '1.60', ''],
  ['転入者数 132人（H26）→200人（H31）', '150人', 'Ｂ'],
];

describe('baseline and target inside the indicator cell, current in a 実績 column', () => {
  const grid = buildGrid('数値目標', IN_INDICATOR);
  const { tables } = scanSheet(grid);

  it('takes the current value from the 実績 column and the grade cell from 評価', () => {
    expect(tables).toHaveLength(1);
    const [a, b] = tables[0]!.kpis;
    expect(figures(a!)).toEqual({ baseline: [1.54, 2014, 'A2'], current: [1.6, 2017, 'B2'], target: [1.68, 2019, 'A2'] });
    expect(b!.name).toBe('転入者数');
    expect(b!.gradeCell).toMatchObject({ row: 2, col: 2, text: 'Ｂ' });
  });

  it('grades', () => {
    const ev = evaluateWorkbook([grid], standard);
    // 出生率: p = (1.60−1.54)/(1.68−1.54) = 0.429; t = (2017−2014)/(2019−2014) = 0.6; 0.3 ≤ p < 0.6 → Ｂ.
    // 転入者数: p = (150−132)/(200−132) = 0.265; t = 0.6; p < 0.3; d < 0 (better) → Ｃ (typed Ｂ: kept).
    expect(ev.tables[0]!.kpis.map((k) => k.outcome.grade)).toEqual(['B', 'C']);
    const plan = planWrite(ev, [grid], { adopt: 'none', notes: false, addGradeColumns: false });
    expect(plan.writes.map((w) => [w.address, w.after])).toEqual([['C2', 'Ｂ']]);
  });
});

describe('arrows that are no KPI', () => {
  it('a schedule of words and a line of years are passed over', () => {
    const grid = buildGrid('工程', [
      ['検討 → 実施 → 評価'],
      ['H27→H28→H29'],
      ['申請受付 ⇒ 審査 ⇒ 交付決定（30日以内）'],
    ]);
    expect(detectKpiTables(grid)).toEqual({ tables: [], problems: [] });
  });
});
