/**
 * What the reader asks Excel about one range, in one sync: the text Excel displays for every
 * cell, and values, number formats and formulas only for the cells whose value that text does
 * not give, found with Range.getSpecialCellsOrNullObject (ExcelApi 1.9): constants that are
 * numbers or booleans, and formulas. A text cell's value is its text, so the four arrays of every
 * used cell (values, text, numberFormat, formulas) shrink to one, plus a few areas: on the
 * benchmark's 10,000-KPI workbook 11.0 MB of arrays become 3.1 MB of text and 0.3 MB of areas.
 *
 * Text typed with a leading apostrophe ('=A1+1) is a text constant, never among the formulas, so
 * office-js #6687 (Range.formulas drops the apostrophe) cannot make it one; formulaOf still checks.
 */
import type { CellRange } from '../core/grid';
import { jsonBytes } from './chunking';
import type { TextBlock, TypedArea } from './toSheetGrid';

const TEXT = 'rowIndex, columnIndex, rowCount, columnCount, text';
const AREA = 'areas/items/rowIndex, areas/items/columnIndex, areas/items/values, areas/items/numberFormat';
const FORMULA_AREA = `${AREA}, areas/items/formulas`;

/**
 * 'reduced': text, and the special cells (the read of every workbook first). 'full': the four
 * arrays of every cell, what the read asked before issue #10, for when Excel refused the reduced
 * read for a reason other than its size (getSpecialCells is not known to fail anywhere, but VBA's
 * SpecialCells has failed on protected sheets): then the read is as it was, only bigger.
 */
export type ReadMode = 'reduced' | 'full';

export interface QueuedCells {
  /** The range whose text is read (a null object for a blank sheet's used range). */
  readonly text: Excel.Range;
  /** Absent in the 'full' mode, where `text` carries values, number formats and formulas too. */
  readonly constants?: Excel.RangeAreas;
  readonly formulas?: Excel.RangeAreas;
}

interface ReadCells {
  readonly block: TextBlock;
  readonly typed: TypedArea[];
  /** Bytes of what arrived, as JSON: what a sync of this many cells costs. */
  readonly bytes: number;
}

/**
 * Queues the read of `range`; the special cells are looked up on `searched`, the same cells as a
 * range that is never a null object (Worksheet.getUsedRange(true) of a blank sheet is A1).
 */
export function queueCells(range: Excel.Range, mode: ReadMode, searched: Excel.Range = range): QueuedCells {
  if (mode === 'full') {
    range.load(`${TEXT}, values, numberFormat, formulas`);
    return { text: range };
  }
  range.load(TEXT);
  const constants = searched.getSpecialCellsOrNullObject('Constants', 'LogicalNumbers');
  constants.load(AREA);
  const formulas = searched.getSpecialCellsOrNullObject('Formulas');
  formulas.load(FORMULA_AREA);
  return { text: range, constants, formulas };
}

/**
 * What arrived; undefined when Excel sent null for an array instead of failing (the
 * five-million-cell note in readGrids): the caller asks for less.
 */
export function collectCells(queued: QueuedCells): ReadCells | undefined {
  const { text } = queued;
  if (!Array.isArray(text.text)) return undefined;
  const rect: CellRange = {
    top: text.rowIndex,
    left: text.columnIndex,
    bottom: text.rowIndex + text.rowCount - 1,
    right: text.columnIndex + text.columnCount - 1,
  };
  const typed: TypedArea[] = [];
  if (!queued.constants || !queued.formulas) {
    // The full read: one area of every cell, values, number formats and formulas.
    const whole = { rowIndex: text.rowIndex, columnIndex: text.columnIndex, values: text.values, numberFormat: text.numberFormat, formulas: text.formulas };
    if (!complete(whole)) return undefined;
    typed.push(whole);
  }
  for (const areas of [queued.constants, queued.formulas]) {
    if (!areas || areas.isNullObject) continue;
    for (const area of areas.areas.items) {
      const loaded: TypedArea = {
        rowIndex: area.rowIndex,
        columnIndex: area.columnIndex,
        values: area.values,
        numberFormat: area.numberFormat,
        ...(areas === queued.formulas ? { formulas: area.formulas } : {}),
      };
      if (!complete(loaded)) return undefined;
      typed.push(clip(loaded, rect));
    }
  }
  const block: TextBlock = { rowIndex: text.rowIndex, columnIndex: text.columnIndex, text: text.text };
  return { block, typed, bytes: jsonBytes([block.text, typed]) };
}

/** Every array arrived (not null: the five-million-cell note). */
function complete(area: TypedArea): boolean {
  return Array.isArray(area.values) && Array.isArray(area.numberFormat) && (area.formulas === undefined || Array.isArray(area.formulas));
}

/**
 * The part of an area inside the range asked about: Excel's SpecialCells on a single cell has
 * searched the whole used range (VBA), and a cell outside the block would be read twice.
 */
function clip(area: TypedArea, rect: CellRange): TypedArea {
  const rows = area.values.length;
  const cols = area.values[0]?.length ?? 0;
  const top = Math.max(area.rowIndex, rect.top);
  const left = Math.max(area.columnIndex, rect.left);
  const bottom = Math.min(area.rowIndex + rows - 1, rect.bottom);
  const right = Math.min(area.columnIndex + cols - 1, rect.right);
  if (top === area.rowIndex && left === area.columnIndex && bottom === area.rowIndex + rows - 1 && right === area.columnIndex + cols - 1) return area;
  const cut = <T>(grid: readonly (readonly T[])[]): T[][] =>
    bottom < top || right < left ? [] : grid.slice(top - area.rowIndex, bottom - area.rowIndex + 1).map((row) => row.slice(left - area.columnIndex, right - area.columnIndex + 1));
  return {
    rowIndex: top,
    columnIndex: left,
    values: cut(area.values),
    numberFormat: cut(area.numberFormat),
    ...(area.formulas ? { formulas: cut(area.formulas) } : {}),
  };
}
