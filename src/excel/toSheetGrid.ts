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

/** The text Excel displays for a block of cells, where the block starts. */
export interface TextBlock {
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly text: readonly (readonly string[])[];
}

/**
 * Cells whose value their text does not tell (numbers, booleans, formulas): an area of
 * Range.getSpecialCellsOrNullObject with its values and number formats, and formulas for an area
 * of formulas.
 */
export interface TypedArea {
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly values: readonly (readonly unknown[])[];
  readonly numberFormat: readonly (readonly string[])[];
  readonly formulas?: readonly (readonly unknown[])[];
}

/**
 * A grid from the reduced read: every cell with text is a text cell (its value is its text, as
 * Range.values gives for text), then the typed areas put in the value, number format and formula
 * of the cells that have them. The same grid as toSheetGrid over all four arrays, but for a text
 * cell's number format (the engine reads number formats of numbers only) and text hidden by a
 * number format (";;;"), which reads as an empty cell.
 */
export function toSheetGridFromText(
  name: string,
  isProtected: boolean,
  blocks: readonly TextBlock[],
  typed: readonly TypedArea[],
  merges: readonly CellRange[],
): SheetGrid {
  const rows: (GridCell | undefined)[][] = [];
  // An empty cell is never put: a cell with text is not empty, so there is nothing to take out.
  const put = (row: number, col: number, cell: GridCell | undefined): void => {
    if (!cell) return;
    let cells = rows[row];
    if (!cells) {
      cells = [];
      rows[row] = cells;
    }
    cells[col] = cell;
  };
  for (const block of blocks) {
    block.text.forEach((textRow, r) =>
      textRow.forEach((text, c) => {
        if (text !== '') put(block.rowIndex + r, block.columnIndex + c, { text, value: text });
      }),
    );
  }
  for (const area of typed) {
    area.values.forEach((valueRow, r) => {
      const row = area.rowIndex + r;
      valueRow.forEach((value, c) => {
        const col = area.columnIndex + c;
        const text = rows[row]?.[col]?.text ?? '';
        put(row, col, toGridCell(value, text, area.numberFormat[r]?.[c], area.formulas?.[r]?.[c]));
      });
    });
  }
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
