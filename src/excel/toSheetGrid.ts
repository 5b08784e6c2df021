/**
 * Turns what Office.js returns for a block of cells (values, text, numberFormat,
 * formulas, each a 2-D array, plus where the block starts) into grid cells at
 * their absolute sheet positions. A used range that starts at C5 fills rows[4][2]
 * onward, so no offset travels with the grid.
 */
import type { CellRange, GridCell, SheetGrid } from '../core/grid';
import { formulaOf } from './cellInput';

export interface LoadedBlock {
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly values: readonly (readonly unknown[])[];
  readonly text: readonly (readonly string[])[];
  readonly numberFormat: readonly (readonly string[])[];
  readonly formulas: readonly (readonly unknown[])[];
}

/** One cell; undefined for a cell with nothing in it (sparse rows keep big sheets small). */
export function toGridCell(value: unknown, text: string | undefined, numberFormat: string | undefined, formula: unknown): GridCell | undefined {
  const cellFormula = formulaOf(formula, value);
  const raw = value === '' || value === undefined ? null : value;
  const shown = text ?? '';
  if (raw === null && cellFormula === undefined && shown === '') return undefined;
  const cell: { -readonly [K in keyof GridCell]: GridCell[K] } = {
    text: shown,
    value: typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? raw : raw === null ? null : String(raw),
  };
  if (numberFormat && numberFormat !== 'General') cell.numberFormat = numberFormat;
  if (cellFormula !== undefined) cell.formula = cellFormula;
  return cell;
}

/** Writes a block's cells into `rows` (absolute, sparse). */
export function addBlock(rows: (GridCell | undefined)[][], block: LoadedBlock): void {
  block.values.forEach((valueRow, r) => {
    const absRow = block.rowIndex + r;
    let row = rows[absRow];
    valueRow.forEach((value, c) => {
      const cell = toGridCell(value, block.text[r]?.[c], block.numberFormat[r]?.[c], block.formulas[r]?.[c]);
      if (!cell) return;
      if (!row) {
        row = [];
        rows[absRow] = row;
      }
      row[block.columnIndex + c] = cell;
    });
  });
}

export function toSheetGrid(name: string, isProtected: boolean, blocks: readonly LoadedBlock[], merges: readonly CellRange[]): SheetGrid {
  const rows: (GridCell | undefined)[][] = [];
  for (const block of blocks) addBlock(rows, block);
  return { name, rows, merges: [...merges], protected: isProtected };
}

/** A merged area from its Office.js position and size. */
export function mergeRange(area: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }): CellRange {
  return {
    top: area.rowIndex,
    left: area.columnIndex,
    bottom: area.rowIndex + area.rowCount - 1,
    right: area.columnIndex + area.columnCount - 1,
  };
}
