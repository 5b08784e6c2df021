/**
 * The range the officer selected, for 「この範囲をKPIの表として読む」: its sheet, address and
 * cells (values, text, number formats, formulas, merges) as a grid at absolute positions, in
 * two syncs (the size first, so a whole-column selection is refused before a million cells
 * are asked for). ExcelApi 1.1 (getSelectedRange, getActiveWorksheet), 1.13 for merges.
 * The selection is always on the active sheet.
 */
import { rangeAddress, type CellRange } from '../core/grid';
import { HostError } from './errors';
import type { ExcelRun } from './excelRun';
import type { SelectedRange } from '../core/host';
import { mergeRange, toSheetGrid } from './toSheetGrid';

/** Far more than any KPI table (hundreds of rows, a few dozen columns), far less than a column. */
export const MAX_SELECTION_CELLS = 50_000;

const DATA = 'rowIndex, columnIndex, values, text, numberFormat, formulas';
const MERGES = 'areas/items/rowIndex, areas/items/columnIndex, areas/items/rowCount, areas/items/columnCount';

export async function readSelection(run: ExcelRun): Promise<SelectedRange> {
  let tooLarge: number | undefined;
  let read: SelectedRange | undefined;
  try {
    read = await run(async (context) => {
      const range = context.workbook.getSelectedRange();
      range.load('rowIndex, columnIndex, rowCount, columnCount, cellCount');
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.load('name, protection/protected');
      await context.sync();
      if (range.cellCount > MAX_SELECTION_CELLS) {
        tooLarge = range.cellCount;
        return undefined;
      }
      range.load(DATA);
      const merges = range.getMergedAreasOrNullObject();
      merges.load(MERGES);
      await context.sync();
      const area: CellRange = {
        top: range.rowIndex,
        left: range.columnIndex,
        bottom: range.rowIndex + range.rowCount - 1,
        right: range.columnIndex + range.columnCount - 1,
      };
      const mergeList = merges.isNullObject ? [] : merges.areas.items.map(mergeRange);
      const grid = toSheetGrid(sheet.name, sheet.protection.protected, [range], mergeList);
      return { sheet: sheet.name, range: area, address: rangeAddress(area), grid };
    });
  } catch (error) {
    throw HostError.from('selectionReadFailed', error);
  }
  if (tooLarge !== undefined) throw new HostError('selectionTooLarge', { cells: tooLarge.toLocaleString('ja-JP') });
  if (!read) throw new HostError('selectionReadFailed', { detail: 'no range' });
  return read;
}
