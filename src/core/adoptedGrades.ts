/**
 * The evaluation as the ledger will stand after a write that keeps typed grades (spec §8):
 * a typed grade stays, except in the grade cells given here, which get the computed grade —
 * the rows the officer chose the rule's grade for (the pane's 「基準の評価を採用」), and the
 * add-in's own last grades that the next write replaces (the command line's ownGradeCells).
 * The summary counts on the ledger basis after this, so it counts what the ledger will show.
 */
import { cellAddress } from './grid';
import { gradeCellKey, type Evaluation } from './types';

/** `adopted`: grade cells as `gradeCellKey(sheet, address)` whose typed grade is set aside. */
export function withAdoptedGrades(evaluation: Evaluation, adopted: ReadonlySet<string>): Evaluation {
  if (adopted.size === 0) return evaluation;
  return {
    ...evaluation,
    tables: evaluation.tables.map((t) => ({
      ...t,
      kpis: t.kpis.map((k) => {
        const cell = k.kpi.gradeCell;
        if (!cell || !adopted.has(gradeCellKey(t.table.sheet, cellAddress(cell.row, cell.col)))) return k;
        const { existing: _typed, ...rest } = k;
        void _typed;
        return rest;
      }),
    })),
  };
}
