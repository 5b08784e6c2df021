/**
 * 「集計を作成」 (issue #12): the pane's summary sheet, from the evaluation on screen.
 *
 * What it counts: the grades the ledger holds once 書き込む has run — a typed grade is kept
 * unless the officer chose the computed one for that row (「基準の評価を採用」), an empty grade
 * cell gets the computed grade. So the evaluation is counted on the ledger's basis with the
 * adopted rows' typed grades set aside.
 *
 * Where each table counts (基本目標 / 基本的方向) is read from the grids the evaluation was
 * made from, while the pane still holds them.
 */
import type { SheetGrid } from '../../core/grid';
import { cellAddress } from '../../core/grid';
import { placesFor } from '../../core/structure';
import { summarize } from '../../core/summary';
import { summarySheetContent, type SummarySheetContent } from '../../core/summarySheet';
import type { Evaluation, Preset } from '../../core/types';
import { gradeCellKey } from '../../core/types';

/** The evaluation as the ledger will stand: adopted rows count their computed grade. */
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

export function paneSummaryContent(
  evaluation: Evaluation,
  grids: readonly SheetGrid[],
  preset: Preset,
  adopted: ReadonlySet<string>,
): SummarySheetContent {
  const counted = withAdoptedGrades(evaluation, adopted);
  const places = placesFor(
    counted.tables.map((t) => t.table),
    grids,
  );
  return summarySheetContent(summarize(counted, places, preset, { basis: 'ledger' }), preset);
}
