/** SheetGrid (what the engine reads) → SheetSpec (what the workbook double is built from). */
import { rangeAddress, type SheetGrid } from '../src/core/grid';
import type { CellInput, SheetSpec } from '../tests/support/workbookDouble';

export function gridToSheetSpec(grid: SheetGrid): SheetSpec {
  const cells: CellInput[][] = [];
  grid.rows.forEach((row, r) => {
    if (!row) return;
    const out: CellInput[] = [];
    row.forEach((cell, c) => {
      if (!cell) return;
      out[c] = {
        value: typeof cell.value === 'boolean' ? String(cell.value) : cell.value,
        text: cell.text,
        ...(cell.numberFormat ? { numberFormat: cell.numberFormat } : {}),
        ...(cell.formula ? { formula: cell.formula } : {}),
      };
    });
    cells[r] = Array.from(out, (x) => x ?? null);
  });
  return {
    name: grid.name,
    cells: Array.from(cells, (r) => r ?? []),
    merges: grid.merges.map(rangeAddress),
    ...(grid.protected ? { protected: true } : {}),
  };
}
