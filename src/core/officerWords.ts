/**
 * The officer's own words edited from the pane (issue 13): 要因分析 / 課題 / 今後の方向性 …
 * Grading never writes them (writePlan.ts writes grade cells and the grade header only); the
 * officer does, one cell at a time, or asks for the two columns to be added beside a table that
 * has none. This module decides what such a write is: which cells, what each held before (so the
 * adapter refuses a cell changed meanwhile, and undo puts back exactly that), and which cells get
 * the 方向性 drop-down list. Pure: the Office adapter (src/excel/officerWords.ts) carries it out.
 */
import { cellAt, cellAddress, mergeAt, rangeAddress, type SheetGrid } from './grid';
import { officerColumns, type OfficerColumn, type OfficerTextKind } from './history/ledger';
import type { CellSnapshot, EvaluatedTable, KpiRow, KpiTable } from './types';

/** One officer cell of a KPI's row, written or empty. */
export interface OfficerCell {
  readonly kind: OfficerTextKind;
  readonly header: string;
  /** "K7": the top-left cell when the row's cell is merged. */
  readonly address: string;
  readonly text: string;
  /** What the cell holds, to check before writing and to restore on undo. */
  readonly snapshot: CellSnapshot;
}

/** What one write of the officer's words changes on one sheet. */
export interface OfficerWrite {
  readonly sheet: string;
  /** Each cell with what it must still hold (else nothing is written) and what it gets. */
  readonly changes: readonly { readonly address: string; readonly expected: CellSnapshot; readonly next: CellSnapshot }[];
  /** Cells that get the 方向性 list, each only when it has no data validation (the officer's own is kept). */
  readonly addList: readonly string[];
  /** Cells whose data validation goes (undo of a list this add-in added, and only that). */
  readonly clearList: readonly string[];
}

/** The 方向性 choices the national 交付金 guidance asks for. */
/** What writing the officer's words did (the host's answer to an OfficerWrite). */
export type OfficerWriteResult =
  /** Written; `listAdded`: the cells that got the 方向性 list (to take it off again on undo). */
  | { readonly kind: 'written'; readonly listAdded: readonly string[] }
  /** Nothing written: these cells no longer hold what the pane showed. */
  | { readonly kind: 'changed'; readonly cells: readonly string[] }
  /** Nothing written: the sheet is protected. */
  | { readonly kind: 'protected' };

export const DIRECTION_CHOICES = ['拡大', '継続', '改善', '縮小', '廃止'] as const;

/** The list source Excel gets: 拡大,継続,改善,縮小,廃止. */
export const DIRECTION_LIST_SOURCE = DIRECTION_CHOICES.join(',');

function snapshotAt(grid: SheetGrid, row: number, col: number): CellSnapshot {
  const cell = cellAt(grid, row, col);
  return cell.formula ? { value: cell.value, formula: cell.formula } : { value: cell.value };
}

/** Every officer cell of the KPI's row (empty ones too: the officer may fill them in). */
export function officerCells(kpi: KpiRow, columns: readonly OfficerColumn[], grid: SheetGrid): OfficerCell[] {
  return columns.map((column) => {
    const m = mergeAt(grid, kpi.row, column.col);
    const row = m ? m.top : kpi.row;
    const col = m ? m.left : column.col;
    return { kind: column.kind, header: column.header, address: cellAddress(row, col), text: cellAt(grid, row, col).text, snapshot: snapshotAt(grid, row, col) };
  });
}

/** The 方向性 column's cells on the table's KPI rows: where the drop-down list goes. */
function directionCells(table: KpiTable, col: number): string[] {
  return [...new Set(table.kpis.map((k) => cellAddress(k.row, col)))];
}

/**
 * The write of one edited cell: its new text (empty clears it). A 方向性 cell's column gets the
 * list on the table's KPI rows, where the officer has no validation of their own.
 */
export function officerEdit(table: KpiTable, grid: SheetGrid, cell: OfficerCell, text: string): OfficerWrite {
  const next: CellSnapshot = { value: text === '' ? null : text };
  const column = cell.kind === 'direction' ? officerColumns(table, grid).find((c) => c.kind === 'direction' && c.header === cell.header) : undefined;
  return {
    sheet: table.sheet,
    changes: [{ address: cell.address, expected: cell.snapshot, next }],
    addList: column ? directionCells(table, column.col) : [],
    clearList: [],
  };
}

/** What undoes a write carried out: every cell back to what it held, the lists it added removed. */
export function undoOf(write: OfficerWrite, listAdded: readonly string[]): OfficerWrite {
  return {
    sheet: write.sheet,
    changes: write.changes.map((c) => ({ address: c.address, expected: c.next, next: c.expected })),
    addList: [],
    clearList: listAdded,
  };
}

/** The headers of the columns added to a table without the officer's columns. */
export const ADDED_OFFICER_HEADERS = ['要因分析', '今後の方向性'] as const;

export type OfficerColumnsPlan =
  | { readonly kind: 'add'; readonly write: OfficerWrite; /** "G2:H2" */ readonly headers: string }
  | { readonly kind: 'blocked'; readonly sheet: string; /** The cells that are not empty, "G3, H5". */ readonly cells: readonly string[] }
  | { readonly kind: 'present' };

/**
 * The 要因分析 and 今後の方向性 columns beside a table without officer columns, on its header row
 * (top) and its KPI rows. Right of the table; a table without a grade column keeps the column right
 * of it free for the grade (writePlan adds it there when asked). Every cell they take must be
 * empty (no value, no formula): otherwise nothing is added and the cells in the way are named.
 */
export function planOfficerColumns(evaluated: EvaluatedTable, grid: SheetGrid): OfficerColumnsPlan {
  const { table } = evaluated;
  if (officerColumns(table, grid).length > 0) return { kind: 'present' };
  const first = table.range.right + (table.columns.grade ? 1 : 2);
  const cols = ADDED_OFFICER_HEADERS.map((_, i) => first + i);
  const rows = [...new Set([table.headerRows.top, ...table.kpis.map((k) => k.row)])].sort((a, b) => a - b);
  const blocked: string[] = [];
  for (const row of rows)
    for (const col of cols) {
      const cell = cellAt(grid, row, col);
      if (cell.text.trim() !== '' || cell.formula || mergeAt(grid, row, col)) blocked.push(cellAddress(row, col));
    }
  if (blocked.length > 0) return { kind: 'blocked', sheet: table.sheet, cells: blocked };
  const header = table.headerRows.top;
  const changes = ADDED_OFFICER_HEADERS.map((text, i) => ({ address: cellAddress(header, cols[i]!), expected: { value: null }, next: { value: text } }));
  const direction = cols[1]!;
  return {
    kind: 'add',
    headers: rangeAddress({ top: header, bottom: header, left: cols[0]!, right: cols[cols.length - 1]! }),
    write: { sheet: table.sheet, changes, addList: [...new Set(table.kpis.map((k) => cellAddress(k.row, direction)))], clearList: [] },
  };
}

/** Two snapshots hold the same thing (an empty cell reads as '' or null). */
export function sameSnapshot(a: CellSnapshot, b: CellSnapshot): boolean {
  if ((a.formula ?? '') !== (b.formula ?? '')) return false;
  if (a.formula) return true;
  const norm = (v: CellSnapshot['value']) => (v === null ? '' : v);
  return norm(a.value) === norm(b.value);
}
