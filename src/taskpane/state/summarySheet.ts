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
import { withAdoptedGrades } from '../../core/adoptedGrades';
import type { SheetGrid } from '../../core/grid';
import type { History } from '../../core/history/model';
import { placesFor } from '../../core/structure';
import { summarize } from '../../core/summary';
import { earlierFromHistory } from '../../core/summaryEarlier';
import { summarySheetContent, type SummarySheetContent } from '../../core/summarySheet';
import type { Evaluation, Preset } from '../../core/types';

export function paneSummaryContent(
  evaluation: Evaluation,
  grids: readonly SheetGrid[],
  preset: Preset,
  adopted: ReadonlySet<string>,
  history?: History,
): SummarySheetContent {
  const counted = withAdoptedGrades(evaluation, adopted);
  const places = placesFor(
    counted.tables.map((t) => t.table),
    grids,
  );
  // Last time's share: the newest entry of an earlier year in the workbook's history (summaryEarlier.ts).
  const earlier = history ? earlierFromHistory(history, counted, places, preset, 'ledger') : undefined;
  return summarySheetContent(summarize(counted, places, preset, { basis: 'ledger', ...(earlier && { earlier }) }), preset);
}
