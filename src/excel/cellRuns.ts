/**
 * Cells of one column on consecutive rows go into one range write: a run of
 * twenty grade cells costs one getRange and one `values` action instead of twenty,
 * which keeps requests small. Only cells that are actually written form a run, so a
 * gap (a parent row, a skipped cell) starts a new one.
 */
import { cellAddress } from '../core/grid';

export interface PlacedCell {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

export interface ColumnRun<T extends PlacedCell> {
  readonly sheet: string;
  readonly col: number;
  readonly top: number;
  /** items[i] sits on row top + i. */
  readonly items: readonly T[];
}

/** Runs in sheet order of first appearance, then by column and row. At most `maxLength` cells each. */
export function columnRuns<T extends PlacedCell>(cells: readonly T[], maxLength = 2_000): ColumnRun<T>[] {
  const sheetOrder = new Map<string, number>();
  for (const c of cells) if (!sheetOrder.has(c.sheet)) sheetOrder.set(c.sheet, sheetOrder.size);
  const sorted = [...cells].sort(
    (a, b) => sheetOrder.get(a.sheet)! - sheetOrder.get(b.sheet)! || a.col - b.col || a.row - b.row,
  );
  const runs: { sheet: string; col: number; top: number; items: T[] }[] = [];
  for (const cell of sorted) {
    const last = runs[runs.length - 1];
    const follows =
      last !== undefined &&
      last.sheet === cell.sheet &&
      last.col === cell.col &&
      last.top + last.items.length === cell.row &&
      last.items.length < maxLength;
    if (follows) last.items.push(cell);
    else runs.push({ sheet: cell.sheet, col: cell.col, top: cell.row, items: [cell] });
  }
  return runs;
}

/** Every cell alone: for cells that must not share a range write (merged areas). */
export function singleCellRuns<T extends PlacedCell>(cells: readonly T[]): ColumnRun<T>[] {
  return cells.map((c) => ({ sheet: c.sheet, col: c.col, top: c.row, items: [c] }));
}

/** "G5:G9", or "G5" for a single cell. */
export function runAddress(run: ColumnRun<PlacedCell>): string {
  const first = cellAddress(run.top, run.col);
  return run.items.length === 1 ? first : `${first}:${cellAddress(run.top + run.items.length - 1, run.col)}`;
}
