/**
 * The grid: what every door (Office.js, xlsx files, tests) hands to the engine.
 * Addresses are absolute and 0-based: row 0 / col 0 is Excel's A1, so a cell's
 * position here is its position in the sheet and no offset travels with it.
 */

/** One cell as Excel shows it. */
export interface GridCell {
  /** The text Excel displays (after number formats), e.g. "63.0％" or "63.0%" for 0.63. */
  readonly text: string;
  /** The raw value: a number, a string, a boolean, or null for an empty cell. */
  readonly value: string | number | boolean | null;
  /** The number format, e.g. "0.0%". "General" or undefined when none. */
  readonly numberFormat?: string;
  /** The formula when the cell holds one ("=B5/C5"); a formula cell is never written. */
  readonly formula?: string;
}

/** A rectangle of cells, inclusive on all sides, 0-based absolute. */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** Whether the officer sees the sheet: a very hidden one can only be shown again from VBA. */
export type SheetVisibility = 'visible' | 'hidden' | 'veryHidden';

export interface SheetGrid {
  readonly name: string;
  /** rows[r][c]; a missing row or cell is an empty cell. Sparse arrays are fine. */
  readonly rows: ReadonlyArray<ReadonlyArray<GridCell | undefined> | undefined>;
  /** Merged areas. Only the top-left cell of a merged area holds the value. */
  readonly merges: readonly CellRange[];
  /** True when the sheet is protected: nothing on it can be written. */
  readonly protected?: boolean;
  /** Hidden or very hidden; absent when the sheet is visible. Graded all the same. */
  readonly visibility?: SheetVisibility;
  /**
   * True when the host could not read the sheet at all (Excel would not send even one row of
   * it): rows and merges are empty, and grading says so for this sheet alone.
   */
  readonly unreadable?: boolean;
}

export const EMPTY_CELL: GridCell = Object.freeze({ text: '', value: null });

export function cellAt(grid: SheetGrid, row: number, col: number): GridCell {
  return grid.rows[row]?.[col] ?? EMPTY_CELL;
}

/**
 * The texts of a row's filled cells, each on one line (line breaks and runs of spaces become one
 * space): what the heading readers (structure.ts, tableHeading.ts) look at; a heading row has one or two.
 */
export function rowTexts(grid: SheetGrid, row: number): string[] {
  const out: string[] = [];
  for (const cell of grid.rows[row] ?? []) {
    const text = (cell?.text ?? '').replace(/\s+/g, ' ').trim();
    if (text !== '') out.push(text);
  }
  return out;
}

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** (4, 6) → "G5". */
export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** {top:2,left:0,bottom:8,right:6} → "A3:G9". */
export function rangeAddress(range: CellRange): string {
  return `${cellAddress(range.top, range.left)}:${cellAddress(range.bottom, range.right)}`;
}

/** "G5" → {row: 4, col: 6}; undefined when not an A1 address. */
export function parseCellAddress(address: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** "A3:G9" (or a single "G5") → CellRange. */
export function parseRangeAddress(address: string): CellRange | undefined {
  const [a, b] = address.split(':');
  const p = a ? parseCellAddress(a) : undefined;
  const q = b ? parseCellAddress(b) : p;
  if (!p || !q) return undefined;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

/** The merged area that contains (row, col), if any. */
export function mergeAt(grid: SheetGrid, row: number, col: number): CellRange | undefined {
  for (const m of grid.merges) {
    if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return m;
  }
  return undefined;
}
