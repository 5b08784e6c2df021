/**
 * Layouts other than "one header row, one row per KPI" (issue #8, item 2). Each reader lives in
 * its own module and yields the same KpiTable / KpiRow objects as the standard reader, so the
 * grading, the pane, the command line and the write plan need nothing new.
 *
 * The hook in scanSheet is two calls:
 *   - yieldsToLayout(view, header): a standard header whose body is labelled 目標 / 実績 rows
 *     (a years-across sheet) is left to the years-across reader, not read one row per KPI;
 *   - readLayouts(view, claims, result): after the standard scan, the cells no table has claimed
 *     are walked once; a cell that may start a layout (a 目標 / 実績 label, an arrow line) is
 *     handed to its reader, and each table read is claimed in turn.
 * A sheet of standard tables has few unclaimed cells (titles, headings, notes), so the walk
 * costs next to nothing there; the per-cell test is a character comparison or two.
 */
import { cellAddress, rangeAddress } from '../../grid';
import { makeProblem } from '../../problems';
import type { KpiTable, Problem } from '../../types';
import type { HeaderLayout } from '../headerRow';
import type { SheetView } from '../sheetView';
import { readArrowLines, mayHoldArrow } from './arrowLines';
import { readCaptionTable, mayStartCaptionTable } from './captionTables';
import { markRows, type Claims } from './claims';
import { readNameValueCells, mayBeIndicatorHeader } from './nameValueCells';
import { mergeResults } from './planResults';
import { mayBeValueKind } from './kinds';
import { readYearsAcross, startsYearsAcross } from './yearsAcross';

export { Claims } from './claims';

/** Does this standard header head a years-across body (目標 / 実績 labels in its first rows)? */
export function yieldsToLayout(view: SheetView, header: HeaderLayout): boolean {
  const below = header.bottom + 1;
  // Over the whole row: the 区分 labels may stand right of what the standard header spans
  // (a plan block of 指標 / 基準値 / 目標値 with the yearly results beside it).
  const width = view.width(below);
  for (let c = header.left; c < width; c++) {
    if (mayBeValueKind(view.text(below, c)) && startsYearsAcross(view, below, c)) return true;
  }
  return false;
}

interface Sink {
  tables: KpiTable[];
  problems: Problem[];
}

/** Reads the layouts found in the cells no table has claimed yet; claims what it reads. */
export function readLayouts(view: SheetView, claims: Claims, result: Sink): void {
  if (view.rowCount === 0) return;
  const claimed = claims.byRow(view.rowCount);
  const { left, right, several } = claimed;
  for (let r = 0; r < view.rowCount; r++) {
    const width = view.width(r);
    if (width === 0) continue;
    // The usual row: wholly inside one table (its cells all lie in the table's columns).
    const from = left[r]!;
    if (from === 0 && right[r]! >= width - 1 && several[r] === 0) continue;
    for (let c = 0; c < width; c++) {
      if (from >= 0 && c >= from && c <= right[r]!) {
        c = right[r]!;
        continue;
      }
      if (several[r] === 1 && claims.covers(r, c)) continue;
      const text = view.text(r, c);
      if (text === '') continue;
      let table: KpiTable | undefined;
      if (mayBeValueKind(text) && startsYearsAcross(view, r, c)) {
        const read = readYearsAcross(view, claims, r, c);
        if (read?.lacksTargets) {
          if (!claims.overlaps(read.table.range)) mergePlan(view, claims, result, read.table);
          c = Math.max(c, read.table.range.right);
          continue;
        }
        table = read?.table;
      } else if (mayHoldArrow(text)) table = readArrowLines(view, claims, r, c);
      else if (mayStartCaptionTable(text)) table = readCaptionTable(view, claims, r, c);
      else if (mayBeIndicatorHeader(text)) table = readNameValueCells(view, claims, r, c);
      if (!table || claims.overlaps(table.range)) continue;
      claims.add(table.range);
      // Later rows of this table are skipped by this walk too.
      markRows(left, right, several, table.range);
      result.tables.push(table);
      if (!table.columns.grade) {
        const shared = sharedRow(table);
        result.problems.push(
          shared === undefined
            ? makeProblem('noGradeColumn', view.name, rangeAddress(table.range))
            : makeProblem('gradeCellShared', view.name, cellAddress(shared, table.columns.indicator)),
        );
      }
      c = Math.max(c, table.range.right);
    }
  }
}

/**
 * A results block without targets: merged into the plan table above it (planResults.ts), which
 * it replaces in the result; the results block is claimed. Without a plan to match, nothing is
 * read from it: without targets there is nothing to grade against.
 */
function mergePlan(view: SheetView, claims: Claims, result: Sink, results: KpiTable): void {
  const merged = mergeResults(result.tables, results);
  if (!merged) return;
  const at = result.tables.indexOf(merged.plan);
  result.tables[at] = merged.table;
  claims.add(results.range);
  if (merged.table.columns.grade && !merged.plan.columns.grade) {
    // The plan was told it had no grade column; now it has the 評価 rows of its results.
    const cell = rangeAddress(merged.plan.range);
    const i = result.problems.findIndex((p) => p.code === 'noGradeColumn' && p.sheet === view.name && p.cell === cell);
    if (i >= 0) result.problems.splice(i, 1);
  }
}

/** A grade column can be added only when every KPI has a sheet row of its own: the first shared row. */
function sharedRow(table: KpiTable): number | undefined {
  const rows = new Set<number>();
  for (const k of table.kpis) {
    if (rows.has(k.row)) return k.row;
    rows.add(k.row);
  }
  return undefined;
}
