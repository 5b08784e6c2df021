/**
 * The in-memory workbook behind the workbook double: sheets of sparse cells,
 * merged areas, protection, conditional formats, notes, custom XML parts and
 * settings. The proxies in workbookDoubleObjects.ts read and change this model
 * only while a `context.sync()` runs, as Excel does.
 *
 * Browser-safe on purpose (the e2e page bundles it): no Node imports.
 */
import { format as formatNumber } from 'numfmt';
import type { ChartModel, TableModel } from './workbookDoubleCharts';

export type CellScalar = string | number | boolean | null;

/** A cell as a test writes it: a bare value, or a value with its display text, format, formula or note. */
export type CellInput =
  | CellScalar
  | {
      readonly value: CellScalar;
      /** What Excel shows; derived from value and numberFormat when omitted. */
      readonly text?: string;
      readonly numberFormat?: string;
      /** "=B5/C5": the double does not calculate, `value` is the formula's result. */
      readonly formula?: string;
      readonly note?: string;
    };

export interface SheetSpec {
  readonly name: string;
  /** rows[r][c] lands on the sheet at row r, column c (origin A1). */
  readonly cells?: readonly (readonly CellInput[])[];
  /** Absolute A1 ranges, e.g. ['A1:A2']. */
  readonly merges?: readonly string[];
  readonly protected?: boolean;
  /** Data validation the officer set by hand: A1 cell or range → rule, e.g. { list: { source: 'A,B' } }. */
  readonly validations?: Readonly<Record<string, DataValidationRuleModel>>;
  /** Excel.SheetVisibility: 'Visible' by default; a 'VeryHidden' sheet can only be shown from VBA. */
  readonly visibility?: SheetVisibilityModel;
}

/** A data-validation rule as Office.js passes it (Excel.DataValidationRule): one criterion key. */
export type DataValidationRuleModel = Readonly<Record<string, unknown>>;

/** Office.js's DataValidationType of a rule, from its one criterion key. */
export function validationType(rule: DataValidationRuleModel): string {
  const key = Object.keys(rule).find((k) => rule[k] !== undefined && rule[k] !== null);
  const types: Record<string, string> = {
    list: 'List',
    wholeNumber: 'WholeNumber',
    decimal: 'Decimal',
    date: 'Date',
    time: 'Time',
    textLength: 'TextLength',
    custom: 'Custom',
  };
  return key !== undefined ? (types[key] ?? 'Custom') : 'None';
}

export type SheetVisibilityModel = 'Visible' | 'Hidden' | 'VeryHidden';

/** 0-based, inclusive rectangle. */
export interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
export const WHOLE_SHEET: Rect = { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 };

export interface CellModel {
  value: CellScalar;
  formula?: string;
  numberFormat: string;
  /** Display text given by the test; dropped as soon as the cell is written. */
  text?: string;
}

export interface ConditionalFormatModel {
  readonly id: string;
  /** Excel.ConditionalFormatType value: "Custom", "CellValue", "ColorScale" … */
  readonly type: string;
  readonly ranges: Rect[];
  formula?: string;
  fill?: string | null;
  fontColor?: string | null;
}

export interface NoteModel {
  readonly row: number;
  readonly col: number;
  content: string;
  readonly author: string;
}

export interface SheetModel {
  readonly id: string;
  name: string;
  readonly cells: Map<number, CellModel>;
  readonly merges: Rect[];
  protected: boolean;
  visibility: SheetVisibilityModel;
  /** In priority order: index 0 is the top priority. */
  readonly conditionalFormats: ConditionalFormatModel[];
  readonly notes: NoteModel[];
  /** Excel tables and charts on the sheet (workbookDoubleCharts.ts); they go with the sheet. */
  readonly tables: TableModel[];
  readonly charts: ChartModel[];
  /**
   * Last known result of each formula at each cell, so that writing a formula back
   * (undo) shows the value it showed before, as recalculation would.
   */
  readonly formulaResults: Map<string, CellScalar>;
  /** Data validation per cell (cellKey → rule); absent: none. */
  readonly validations: Map<number, DataValidationRuleModel>;
}

export interface CustomXmlPartModel {
  readonly id: string;
  readonly namespaceUri: string;
  xml: string;
}

export interface WorkbookModel {
  readonly sheets: SheetModel[];
  activeSheet: SheetModel | undefined;
  selection: { sheet: string; address: string } | undefined;
  readonly parts: CustomXmlPartModel[];
  /** Values stored as JSON text, as Excel stores settings. */
  readonly settings: Map<string, string>;
  nextId: number;
  /** Full recalculations requested (application.calculate), newest last. */
  readonly calculations: string[];
}

// ───────────────────────────── addresses ─────────────────────────────
// Written again here on purpose, not imported from src/core/grid: the double plays
// Excel, so an addressing bug in the adapter's code must not be mirrored by it.

export function cellKey(row: number, col: number): number {
  return row * MAX_COLUMNS + col;
}

export function columnName(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function a1(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

export function rectAddress(rect: Rect): string {
  const first = a1(rect.top, rect.left);
  return rect.top === rect.bottom && rect.left === rect.right ? first : `${first}:${a1(rect.bottom, rect.right)}`;
}

/** Sheet names are quoted in addresses unless they are plain words, as Excel does. */
export function qualifiedAddress(sheetName: string, rect: Rect): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheetName);
  const sheet = plain ? sheetName : `'${sheetName.replace(/'/g, "''")}'`;
  return `${sheet}!${rectAddress(rect)}`;
}

function columnIndex(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

/**
 * "G5", "$G$5", "A3:G9", "G:G", "5:5", optionally with a "Sheet!" prefix.
 * Undefined when it is not an address.
 */
export function parseAddress(address: string): Rect | undefined {
  const bang = address.lastIndexOf('!');
  const body = (bang >= 0 ? address.slice(bang + 1) : address).trim().replace(/\$/g, '');
  const parts = body.split(':');
  if (parts.length < 1 || parts.length > 2) return undefined;
  const ends: { row?: number; col?: number }[] = [];
  for (const part of parts) {
    const m = /^([A-Za-z]{1,3})?(\d{1,7})?$/.exec(part);
    if (!m || (!m[1] && !m[2])) return undefined;
    ends.push({
      ...(m[1] ? { col: columnIndex(m[1]) } : {}),
      ...(m[2] ? { row: Number(m[2]) - 1 } : {}),
    });
  }
  const [p, q = p] = ends as [{ row?: number; col?: number }, { row?: number; col?: number }?];
  if (!p || !q) return undefined;
  const wholeColumns = p.row === undefined && q.row === undefined;
  const wholeRows = p.col === undefined && q.col === undefined;
  if (parts.length === 1 && (wholeColumns || wholeRows)) return undefined;
  if (!wholeColumns && (p.row === undefined || q.row === undefined)) return undefined;
  if (!wholeRows && (p.col === undefined || q.col === undefined)) return undefined;
  const top = wholeColumns ? 0 : Math.min(p.row!, q.row!);
  const bottom = wholeColumns ? MAX_ROWS - 1 : Math.max(p.row!, q.row!);
  const left = wholeRows ? 0 : Math.min(p.col!, q.col!);
  const right = wholeRows ? MAX_COLUMNS - 1 : Math.max(p.col!, q.col!);
  if (bottom >= MAX_ROWS || right >= MAX_COLUMNS) return undefined;
  return { top, left, bottom, right };
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right;
}

export function cellCount(rect: Rect): number {
  return (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
}

// ───────────────────────────── cells ─────────────────────────────

export function emptyCell(): CellModel {
  return { value: null, numberFormat: 'General' };
}

/** The text Excel displays for a cell: its number format applied to its value. */
export function displayText(cell: CellModel | undefined): string {
  if (!cell) return '';
  if (cell.text !== undefined) return cell.text;
  const v = cell.value;
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return formatNumber(cell.numberFormat || 'General', v);
  return v;
}

const ERROR_VALUES = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!']);

/** Excel.RangeValueType of a cell. */
export function valueType(cell: CellModel | undefined): string {
  const v = cell?.value ?? null;
  if (v === null || v === '') return 'Empty';
  if (typeof v === 'boolean') return 'Boolean';
  if (typeof v === 'number') return Number.isInteger(v) ? 'Integer' : 'Double';
  if (cell?.formula && ERROR_VALUES.has(v)) return 'Error';
  return 'String';
}

export function isEmptyCell(cell: CellModel | undefined): boolean {
  return !cell || (cell.value === null && cell.formula === undefined);
}

/** A test's CellInput as a model cell (undefined for an empty cell). */
export function cellFromInput(input: CellInput): { cell?: CellModel; note?: string } {
  if (input === null) return {};
  if (typeof input !== 'object') return { cell: { value: input, numberFormat: 'General' } };
  const cell: CellModel = { value: input.value, numberFormat: input.numberFormat ?? 'General' };
  if (input.formula !== undefined) cell.formula = input.formula;
  if (input.text !== undefined) cell.text = input.text;
  const empty = cell.value === null && cell.formula === undefined && cell.numberFormat === 'General';
  return { ...(empty ? {} : { cell }), ...(input.note !== undefined ? { note: input.note } : {}) };
}

const NUMBER_INPUT = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * What a value written through `range.values` / `range.formulas` becomes, as if
 * typed into Excel (en-US): numeric text turns into a number ("7" → 7, "63%" →
 * 0.63 with a % format), TRUE/FALSE into booleans, "=…" into a formula, and a
 * leading apostrophe keeps the rest as text. `null` leaves the cell unchanged.
 * Dates and currencies typed as text are not recognised (a known gap).
 */
export function applyInput(current: CellModel | undefined, input: unknown): CellModel | undefined | 'unchanged' {
  if (input === null || input === undefined) return 'unchanged';
  const numberFormat = current?.numberFormat ?? 'General';
  const keepFormat = (cell: CellModel): CellModel | undefined =>
    cell.value === null && cell.formula === undefined && cell.numberFormat === 'General' ? undefined : cell;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new TypeError('not a finite number');
    return { value: input, numberFormat };
  }
  if (typeof input === 'boolean') return { value: input, numberFormat };
  if (typeof input !== 'string') throw new TypeError(`unsupported cell value ${typeof input}`);
  if (input === '') return keepFormat({ value: null, numberFormat });
  if (input.startsWith("'")) return { value: input.slice(1), numberFormat };
  if (input.startsWith('=') && input.length > 1) return { value: null, formula: input, numberFormat };
  if (/^(true|false)$/i.test(input)) return { value: input.toLowerCase() === 'true', numberFormat };
  const trimmed = input.trim();
  const percent = trimmed.endsWith('%');
  const numeric = percent ? trimmed.slice(0, -1).trim() : trimmed;
  if (/\d/.test(numeric) && NUMBER_INPUT.test(numeric)) {
    const n = Number(numeric.replace(/,/g, ''));
    if (Number.isFinite(n)) {
      if (!percent) return { value: n, numberFormat };
      const decimals = numeric.includes('.') ? numeric.split('.')[1]!.length : 0;
      const pct = numberFormat === 'General' ? (decimals ? `0.${'0'.repeat(decimals)}%` : '0%') : numberFormat;
      return { value: n / 100, numberFormat: pct };
    }
  }
  return { value: input, numberFormat };
}

// ───────────────────────────── sheets ─────────────────────────────

export function getCell(sheet: SheetModel, row: number, col: number): CellModel | undefined {
  return sheet.cells.get(cellKey(row, col));
}

export function putCell(sheet: SheetModel, row: number, col: number, cell: CellModel | undefined): void {
  const key = cellKey(row, col);
  if (!cell) {
    sheet.cells.delete(key);
    return;
  }
  if (cell.formula !== undefined) {
    const memo = sheet.formulaResults.get(`${key}|${cell.formula}`);
    if (cell.value === null && memo !== undefined) cell.value = memo;
    else sheet.formulaResults.set(`${key}|${cell.formula}`, cell.value);
  }
  sheet.cells.set(key, cell);
}

/** The smallest rectangle holding every used cell; undefined for a blank sheet. */
export function usedRect(sheet: SheetModel, valuesOnly: boolean): Rect | undefined {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const [key, cell] of sheet.cells) {
    const used = !isEmptyCell(cell) || (!valuesOnly && cell.numberFormat !== 'General');
    if (!used) continue;
    const row = Math.floor(key / MAX_COLUMNS);
    const col = key % MAX_COLUMNS;
    top = Math.min(top, row);
    left = Math.min(left, col);
    bottom = Math.max(bottom, row);
    right = Math.max(right, col);
  }
  if (!valuesOnly) {
    // Formatting counts: merged areas and notes widen the used range.
    for (const m of sheet.merges) {
      top = Math.min(top, m.top);
      left = Math.min(left, m.left);
      bottom = Math.max(bottom, m.bottom);
      right = Math.max(right, m.right);
    }
    for (const note of sheet.notes) {
      top = Math.min(top, note.row);
      left = Math.min(left, note.col);
      bottom = Math.max(bottom, note.row);
      right = Math.max(right, note.col);
    }
  }
  return bottom < 0 ? undefined : { top, left, bottom, right };
}

export function newId(model: WorkbookModel, prefix: string): string {
  model.nextId += 1;
  return `${prefix}${model.nextId}`;
}

export function buildSheet(model: WorkbookModel, spec: SheetSpec): SheetModel {
  const sheet: SheetModel = {
    id: newId(model, '{sheet-'),
    name: spec.name,
    cells: new Map(),
    merges: [],
    protected: spec.protected ?? false,
    visibility: spec.visibility ?? 'Visible',
    conditionalFormats: [],
    notes: [],
    tables: [],
    charts: [],
    formulaResults: new Map(),
    validations: new Map(),
  };
  (spec.cells ?? []).forEach((row, r) =>
    row.forEach((input, c) => {
      const { cell, note } = cellFromInput(input);
      if (cell) putCell(sheet, r, c, cell);
      if (note !== undefined) sheet.notes.push({ row: r, col: c, content: note, author: 'Test' });
    }),
  );
  for (const address of spec.merges ?? []) {
    const rect = parseAddress(address);
    if (!rect) throw new Error(`workbook double: bad merge address ${address}`);
    sheet.merges.push(rect);
  }
  for (const [address, rule] of Object.entries(spec.validations ?? {})) {
    const rect = parseAddress(address);
    if (!rect) throw new Error(`workbook double: bad validation address ${address}`);
    for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) sheet.validations.set(cellKey(r, c), rule);
  }
  return sheet;
}

/** A 2-D array over a rectangle, one entry per cell. */
export function mapRect<T>(rect: Rect, f: (row: number, col: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    const row: T[] = [];
    for (let c = rect.left; c <= rect.right; c++) row.push(f(r, c));
    out.push(row);
  }
  return out;
}

/** Number of UTF-8 bytes of a string, without TextEncoder so it runs anywhere. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
