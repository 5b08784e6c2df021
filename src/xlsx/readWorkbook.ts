/**
 * Opens an .xlsx and reads the grids the engine grades: worksheets in tab order
 * (chart, dialog and macro sheets have no cells and are skipped). Only the
 * workbook, its relationships, the shared strings, the styles and the
 * worksheets are read; charts, drawings, pivot caches, external links, slicers,
 * custom XML and the rest are never parsed, so they cannot stop a read.
 */
import { readFile } from 'node:fs/promises';
import type { SheetGrid } from '../core/grid';
import { XlsxPackage } from './package';
import { readSharedStrings } from './sharedStrings';
import { readSheetGrid, type SheetContext } from './sheetReader';
import { readCellFormats } from './styles';
import { readWorkbookInfo, type SheetEntry, type WorkbookInfo } from './workbookPart';

export interface LoadedWorkbook {
  readonly pkg: XlsxPackage;
  readonly info: WorkbookInfo;
  /** One grid per worksheet, in tab order. */
  readonly grids: SheetGrid[];
  /** The worksheet behind each grid, by sheet name. */
  readonly sheets: ReadonlyMap<string, SheetEntry>;
}

export function readWorkbook(bytes: Uint8Array): LoadedWorkbook {
  const pkg = XlsxPackage.read(bytes);
  const info = readWorkbookInfo(pkg);
  const context: SheetContext = {
    sharedStrings: info.sharedStringsPart ? readSharedStrings(pkg.text(info.sharedStringsPart), info.sharedStringsPart) : [],
    cellFormats: info.stylesPart ? readCellFormats(pkg.text(info.stylesPart), info.stylesPart) : [],
    date1904: info.date1904,
  };
  const worksheets = info.sheets.filter((s) => s.kind === 'worksheet' && pkg.has(s.part));
  const grids = worksheets.map((s): SheetGrid => {
    const grid = readSheetGrid(pkg.text(s.part), s.part, s.name, context);
    // Hidden sheets are graded too; the evaluation says so, and the write decision asks first for a very hidden one.
    return s.state === 'visible' ? grid : { ...grid, visibility: s.state };
  });
  return { pkg, info, grids, sheets: new Map(worksheets.map((s) => [s.name, s])) };
}

/** Reads an .xlsx file from disk. */
export async function loadXlsx(path: string): Promise<LoadedWorkbook> {
  return readWorkbook(await readFile(path));
}
