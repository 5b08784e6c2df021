/**
 * Value and grade cells for the layout readers, read as the standard reader reads them: the
 * text shown at the merge's top-left, through the §2 grammar (parseCellValue), with the cell's
 * own year note before the year of its column.
 */
import { parseCellValue } from '../../cellValue';
import type { KpiRow, ValueCell } from '../../types';
import { readHeaderCell, type HeaderToken } from '../headerWords';
import { displayText, type SheetView } from '../sheetView';

/** The value cell shown at (row, col). */
export function valueCellAt(view: SheetView, row: number, col: number, columnYear: number | undefined): ValueCell {
  const a = view.anchor(row, col);
  const cell = view.cell(a.row, a.col);
  const text = typeof cell?.text === 'string' ? cell.text : displayText(cell);
  const reading = parseCellValue(text, cell);
  const year = (reading.kind === 'number' ? reading.year : undefined) ?? columnYear;
  return year === undefined ? { row: a.row, col: a.col, text, reading } : { row: a.row, col: a.col, text, reading, year };
}

/** A value written inside a longer text (an arrow line): the cell it lives in, the part as its text. */
export function valuePart(
  row: number,
  col: number,
  text: string,
  reading: ValueCell['reading'],
  year: number | undefined,
): ValueCell {
  return year === undefined ? { row, col, text, reading } : { row, col, text, reading, year };
}

/** The grade cell shown at (row, col): its merge's top-left, with what it holds now. */
export function gradeCellAt(view: SheetView, row: number, col: number): NonNullable<KpiRow['gradeCell']> {
  const a = view.anchor(row, col);
  const cell = view.cell(a.row, a.col);
  const formula = typeof cell?.formula === 'string' && cell.formula !== '' ? cell.formula : undefined;
  const text = displayText(cell);
  return formula === undefined ? { row: a.row, col: a.col, text } : { row: a.row, col: a.col, text, formula };
}

/** Is the cell shown at (row, col) a figure, a state or unreadable text — anything but "no figure"? */
export function hasValue(cell: ValueCell): boolean {
  return cell.reading.kind !== 'missing';
}

const BRACKETS = /[()（）[\]【】〔〕]/gu;
const HAS_BRACKET = /[()（）[\]【】〔〕]/u;

/**
 * A header cell as the header finder reads it, or — when that finds nothing — with its brackets
 * taken off: year columns of evaluation sheets mark their word in brackets ("H24\n（基準）").
 */
export function readLayoutHeader(text: string): HeaderToken | undefined {
  const token = readHeaderCell(text);
  if (token || !HAS_BRACKET.test(text)) return token;
  return readHeaderCell(text.replace(BRACKETS, ' '));
}
