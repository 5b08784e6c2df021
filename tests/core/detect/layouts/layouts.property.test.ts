import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanSheet } from '../../../../src/core/detect';
import { evaluateWorkbook } from '../../../../src/core/evaluate';
import { cellAddress, type CellRange, type SheetGrid } from '../../../../src/core/grid';
import { getBuiltinPreset } from '../../../../src/core/presets';
import type { KpiRow, Preset } from '../../../../src/core/types';
import { planWrite } from '../../../../src/core/writePlan';
import { buildGrid, type CellInput } from '../../../support/gridBuilder';

// The words and figures the layout readers look for, shuffled into small grids: labels of
// years-across sheets, marked years of KPI boxes, arrow lines, name-and-figure cells.
const WORDS = [
  '成果指標', '指標名', '区分', '目標', '目標値', '計画', '実績', '実績値', '達成率', '評価', '予算', '決算',
  'H26', 'H27', '28年度', 'R5', '基準値', '最終目標値', '目標年度', '策定時', '単位',
  'H26（基準値）', 'H28（現状値）', 'H31（目標値）', '平成27年度\n（現状値）',
  '指標と目標値（R9）', '数値目標', '実績(H29)', '目安値',
];
const VALUES = [
  '120', '1,200', '63.0%', '－', '', 'Ｂ', '実施', '検討', '▲1.2', '450万人\n以上',
  '・産後ケアサポート人材数 132人 (H26) → 147人 (H28) → 200人 (H31)',
  '132人（H26）→200人（H31）', 'H26年1.54→H31年1.68', '検討 → 実施', '就業相談者数\n１００人',
  '基準値より8割減', 'H29',
];

const cell: fc.Arbitrary<CellInput> = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.constantFrom(...VALUES),
  fc.integer({ min: -5, max: 3000 }),
  fc.constant(null),
  fc.string({ maxLength: 5 }),
);
const merge: fc.Arbitrary<CellRange> = fc
  .record({ top: fc.integer({ min: 0, max: 9 }), left: fc.integer({ min: 0, max: 7 }), h: fc.integer({ min: 0, max: 3 }), w: fc.integer({ min: 0, max: 1 }) })
  .map(({ top, left, h, w }) => ({ top, left, bottom: top + h, right: left + w }));
const grid: fc.Arbitrary<SheetGrid> = fc
  .record({ rows: fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 10 }), merges: fc.array(merge, { maxLength: 5 }) })
  .map(({ rows, merges }) => ({ ...buildGrid('prop', rows), merges }));

const valueCells = (k: KpiRow) =>
  [k.baseline, k.current, k.target, k.expected, ...k.intermediates].filter((c) => c !== undefined).map((c) => cellAddress(c!.row, c!.col));

describe('layout readers on random grids', () => {
  const standard = getBuiltinPreset('standard') as Preset;
  it('the grids do hold tables now and then (so the property below says something)', () => {
    const found = fc.sample(grid, { numRuns: 1500, seed: 8 }).filter((g) => scanSheet(g).tables.length > 0).length;
    expect(found).toBeGreaterThan(15);
  });
  it('never throw, keep every KPI in its table, and never plan a write on a value cell', () => {
    fc.assert(
      fc.property(grid, (g) => {
        const { tables } = scanSheet(g); // without the safety net
        const values = new Set(tables.flatMap((t) => t.kpis.flatMap(valueCells)));
        for (const t of tables) {
          expect(t.kpis.length).toBeGreaterThan(0);
          expect(t.range.top).toBeLessThanOrEqual(t.headerRows.top);
          for (const k of t.kpis) {
            expect(k.row).toBeGreaterThanOrEqual(t.range.top);
            expect(k.row).toBeLessThanOrEqual(t.range.bottom);
            // A table's grades go in one column: every grade cell in it, or none at all.
            if (t.columns.grade) expect(k.gradeCell?.col).toBe(t.columns.grade.col);
            else expect(k.gradeCell).toBeUndefined();
          }
        }
        const ev = evaluateWorkbook([g], standard);
        const plan = planWrite(ev, [g], { adopt: 'all', notes: false, addGradeColumns: true });
        const written = plan.writes.map((w) => w.address);
        expect(new Set(written).size).toBe(written.length); // no cell written twice
        for (const a of written) expect(values.has(a), `write on value cell ${a}`).toBe(false);
      }),
      { numRuns: 1500 },
    );
  });
});
