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
import { mayBeValueKind } from './kinds';
import { readYearsAcross, startsYearsAcross } from './yearsAcross';

export { Claims } from './claims';

/** Does this standard header head a years-across body (目標 / 実績 labels in its first rows)? */
export function yieldsToLayout(view: SheetView, header: HeaderLayout): boolean {
  const below = header.bottom + 1;
  for (let c = header.left; c <= header.right; c++) {
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
      if (mayBeValueKind(text) && startsYearsAcross(view, r, c)) table = readYearsAcross(view, claims, r, c);
      else if (mayHoldArrow(text)) table = readArrowLines(view, claims, r, c);
      else if (mayStartCaptionTable(text)) table = readCaptionTable(view, claims, r, c);
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

/** A grade column can be added only when every KPI has a sheet row of its own: the first shared row. */
function sharedRow(table: KpiTable): number | undefined {
  const rows = new Set<number>();
  for (const k of table.kpis) {
    if (rows.has(k.row)) return k.row;
    rows.add(k.row);
  }
  return undefined;
}
