/**
 * The command line's former reader, kept for tests only: exceljs (an independent
 * library) reading a file into grids, against which tests/xlsx/differential.test.ts
 * holds src/xlsx/readWorkbook.ts on the sample, the fixtures and a generated
 * 10,000-KPI ledger.
 *
 * Reads an .xlsx workbook (through exceljs) into the engine's grids: for every
 * cell the text Excel would display, the raw value, the number format and the
 * formula, plus merged areas and sheet protection.
 *
 * exceljs stores values but does not render number formats (0.63 with "0.0%"
 * comes back as 0.63), so the displayed text is rendered here with numfmt, the
 * way Excel would show it: the engine reads what the officer sees.
 */
import ExcelJS from 'exceljs';
import type { Cell, CellValue, Workbook, Worksheet } from 'exceljs';
import { format as formatNumber, isValidFormat } from 'numfmt';
import type { CellRange, GridCell, SheetGrid } from '../../src/core/grid';

type RawValue = GridCell['value'];

/*
 * exceljs 4.4 keeps these on every worksheet, reads them from the file and
 * writes them back, but leaves them out of its typings. Declared once here, for
 * the whole program, instead of casting at every use.
 */
declare module 'exceljs' {
  interface Worksheet {
    conditionalFormattings: ConditionalFormattingOptions[];
    sheetProtection: (Partial<WorksheetProtection> & { sheet?: boolean }) | null;
  }
}

/** Milliseconds per day, and the serial of 1970-01-01 in Excel's 1900 date system. */
const MS_PER_DAY = 86_400_000;
const UNIX_EPOCH_SERIAL_1900 = 25_569;
/** The 1904 date system starts 1,462 days later. */
const DATE_1904_OFFSET = 1_462;

/** Excel shows an empty format as General. */
const GENERAL = 'General';
/**
 * The short date of a Japanese system. Excel shows a date whose format was lost,
 * and the built-in date format 14 (which exceljs names "mm-dd-yy"), in the
 * system's short date style, not literally as mm-dd-yy.
 */
const SHORT_DATE_FORMAT = 'yyyy/m/d';
const BUILTIN_SHORT_DATE = 'mm-dd-yy';

/**
 * One formatter per format string. A ledger uses a handful of formats over
 * thousands of cells; validating a pattern once keeps the per-cell cost to a
 * map lookup plus the formatting itself.
 */
const formatters = new Map<string, (value: number) => string>();

function formatterFor(numberFormat: string): (value: number) => string {
  let formatter = formatters.get(numberFormat);
  if (!formatter) {
    // A pattern numfmt cannot parse (rare, e.g. some locale-specific codes) is
    // shown as General: the officer still sees the figure, and numfmt is never
    // asked to throw in the middle of a sheet.
    const pattern = isValidFormat(numberFormat) ? numberFormat : GENERAL;
    formatter = (value: number) => formatNumber(pattern, value);
    formatters.set(numberFormat, formatter);
  }
  return formatter;
}

function numberText(value: number, numberFormat: string | undefined): string {
  return formatterFor(numberFormat || GENERAL)(value);
}

/**
 * exceljs hands dates over as JavaScript Dates whose UTC fields are the cell's
 * wall-clock date; Excel's raw value is the serial day number, so convert back
 * without any time-zone arithmetic.
 */
function dateToSerial(date: Date, date1904: boolean): number {
  const serial = date.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL_1900;
  return date1904 ? serial - DATE_1904_OFFSET : serial;
}

function richTextPlain(value: { richText: ReadonlyArray<{ text: string }> }): string {
  let text = '';
  for (const run of value.richText) text += run.text;
  return text;
}

/** Text of a hyperlink's label, which may itself be rich text. */
function hyperlinkLabel(text: unknown): string {
  if (typeof text === 'string') return text;
  if (text && typeof text === 'object' && 'richText' in text) {
    return richTextPlain(text as { richText: Array<{ text: string }> });
  }
  return '';
}

function isErrorValue(value: unknown): value is { error: string } {
  return typeof value === 'object' && value !== null && 'error' in value;
}

/** Displayed text and raw value of a plain (non-formula) value or a formula's cached result. */
function render(
  value: CellValue | undefined,
  numberFormat: string | undefined,
  date1904: boolean,
): { text: string; value: RawValue } {
  if (value === null || value === undefined) return { text: '', value: null };
  if (typeof value === 'number') return { text: numberText(value, numberFormat), value };
  if (typeof value === 'string') return { text: value, value };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', value };
  if (value instanceof Date) {
    const serial = dateToSerial(value, date1904);
    // numfmt renders era codes (ggge) as Western years: "平成30年3月31日" shows as
    // "2018年3月31日". The year is the same; ledgers keep their years as text anyway.
    const pattern = numberFormat && numberFormat !== GENERAL && numberFormat !== BUILTIN_SHORT_DATE ? numberFormat : SHORT_DATE_FORMAT;
    return { text: numberText(serial, pattern), value: serial };
  }
  if (isErrorValue(value)) return { text: value.error, value: value.error };
  if ('richText' in value) {
    const text = richTextPlain(value);
    return { text, value: text };
  }
  if ('hyperlink' in value) {
    const text = hyperlinkLabel((value as { text?: unknown }).text);
    return { text, value: text };
  }
  // Anything else would be an exceljs value kind this adapter does not know:
  // fail loudly rather than hand the engine a cell that silently reads as empty.
  throw new Error(`xlsxGrid: unsupported cell value ${JSON.stringify(value)}`);
}

/** The grid cell for one exceljs cell; undefined for an empty cell or a merge's slave. */
export function readGridCell(cell: Cell, date1904: boolean): GridCell | undefined {
  const type = cell.type;
  // Slaves of a merged area: exceljs reports the master's value through them,
  // but Excel (and the engine's grid) hold the value in the top-left cell only.
  if (type === ExcelJS.ValueType.Null || type === ExcelJS.ValueType.Merge) return undefined;

  const numFmt = cell.numFmt || undefined;
  const numberFormat = numFmt && numFmt !== GENERAL ? numFmt : undefined;

  if (type === ExcelJS.ValueType.Formula) {
    // cell.result keeps a cached 0 or "" that cell.value's copy would drop.
    const shown = render(cell.result as CellValue | undefined, numFmt, date1904);
    return { ...shown, ...(numberFormat && { numberFormat }), formula: `=${cell.formula}` };
  }
  const shown = render(cell.value, numFmt, date1904);
  return numberFormat ? { ...shown, numberFormat } : shown;
}

/** exceljs's private merge index: master address → Range with 1-based sides. */
interface MergeIndex {
  readonly _merges?: Record<string, { top: number; left: number; bottom: number; right: number } | undefined>;
}

/**
 * Merged areas as 0-based ranges. exceljs's public route (`worksheet.model`)
 * serialises every row of the sheet first, which is far too slow on a large
 * ledger, so the merge index it keeps anyway is read directly; the public model
 * is the fallback should a later exceljs drop that field.
 */
export function readMerges(worksheet: Worksheet): CellRange[] {
  const index = (worksheet as unknown as MergeIndex)._merges;
  const merges: CellRange[] = [];
  if (index) {
    for (const range of Object.values(index)) {
      if (range) merges.push({ top: range.top - 1, left: range.left - 1, bottom: range.bottom - 1, right: range.right - 1 });
    }
  } else {
    const model = worksheet.model as unknown as { merges?: string[] };
    for (const address of model.merges ?? []) {
      const [tl, br] = address.split(':');
      const a = worksheet.getCell(tl ?? address);
      const b = worksheet.getCell(br ?? address);
      merges.push({ top: +a.row - 1, left: +a.col - 1, bottom: +b.row - 1, right: +b.col - 1 });
    }
  }
  return merges.sort((p, q) => p.top - q.top || p.left - q.left);
}

/** A protected sheet can be read but nothing on it may be written. */
export function isSheetProtected(worksheet: Worksheet): boolean {
  return worksheet.sheetProtection?.sheet === true;
}

export function readSheetGrid(worksheet: Worksheet, date1904 = false): SheetGrid {
  const rows: Array<Array<GridCell | undefined> | undefined> = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    let cells: Array<GridCell | undefined> | undefined;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const gridCell = readGridCell(cell, date1904);
      if (!gridCell) return;
      cells ??= [];
      cells[colNumber - 1] = gridCell;
    });
    if (cells) rows[rowNumber - 1] = cells;
  });
  return {
    name: worksheet.name,
    rows,
    merges: readMerges(worksheet),
    ...(isSheetProtected(worksheet) && { protected: true }),
  };
}

/** One grid per worksheet, in workbook order. */
export function readWorkbookGrids(workbook: Workbook): SheetGrid[] {
  const date1904 = workbook.properties?.date1904 === true;
  return workbook.worksheets.map((worksheet) => readSheetGrid(worksheet, date1904));
}

/** Loads an .xlsx file and reads its grids. The workbook is returned for writing back. */
export async function loadWithExceljs(path: string): Promise<{ workbook: Workbook; grids: SheetGrid[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return { workbook, grids: readWorkbookGrids(workbook) };
}
