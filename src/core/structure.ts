/**
 * Where a KPI table sits in the plan (issue #12 item 1): the 基本目標 (or 第n節 / 第n章 / 政策)
 * it belongs to and, below it, the 基本的方向 (or 施策 / 基本施策 / 基本事業). The committee
 * report counts grades per goal and per direction, so each table needs both, not only the
 * nearest line of text.
 *
 * How it is read: from the table's header row upwards, through the whole sheet, the first
 * row whose text starts like a goal heading is the goal; a direction heading met before it
 * (nearer the table) is the direction. A direction heading above another KPI table belongs
 * to that table, so the look for a direction stops at the first other table's last row; the
 * look for the goal does not (in the seed report 「第１節」 sits above two tables). A sheet
 * with no goal heading takes its sheet name as the goal (金沢: sheets 「基本目標２」 …).
 *
 * Relation to `tableHeading.ts` (the pane's one-line name of a table): that module answers
 * "what is this table called" from the few rows above it; this one answers "which goal and
 * direction does it count under". Both use the same heading words; an integrator can make
 * `tableHeading` return `place.direction ?? place.goal ?? nearest caption`.
 */
import type { SheetGrid } from './grid';
import type { KpiTable } from './types';

export type HeadingLevel = 'goal' | 'direction';

export interface Heading {
  readonly level: HeadingLevel;
  /** The heading on one line, as written: 「第１節 地域産業の振興を図り雇用の場をつくる」. */
  readonly text: string;
  /** 0-based sheet row of the heading; -1 when the goal is the sheet's name. */
  readonly row: number;
}

export interface TablePlace {
  readonly sheet: string;
  /** The goal: a heading on the sheet, else the sheet name (row -1). Always present. */
  readonly goal: Heading;
  /** The direction under the goal, when the ledger has one for this table. */
  readonly direction?: Heading;
}

// Matched against NFKC text, so 第１節 and 第1節, 基本目標１ and 基本目標1 are the same.
const GOAL_START = /^(?:基本目標|基本方針|政策目標|政策\s*\d|第\s*[0-9一二三四五六七八九十]+\s*[章節編])/;
const DIRECTION_START = /^(?:基本的方向|基本施策|基本事業|施策(?!評価)|重点施策|取組方針)/;

/** Line breaks and runs of spaces become one space. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The texts of a row's filled cells; a heading row has one or two. */
function rowTexts(grid: SheetGrid, row: number): string[] {
  const out: string[] = [];
  for (const cell of grid.rows[row] ?? []) {
    const text = oneLine(cell?.text ?? '');
    if (text !== '') out.push(text);
  }
  return out;
}

/** The heading level a row starts with, if any. */
export function headingLevel(text: string): HeadingLevel | undefined {
  const t = text.normalize('NFKC').replace(/^[■□●○◆◇・\s]+/, '');
  if (GOAL_START.test(t)) return 'goal';
  if (DIRECTION_START.test(t)) return 'direction';
  return undefined;
}

/**
 * The place of one table among the sheet's KPI tables (all of them, so that a heading above
 * another table is not taken for this one's direction).
 */
export function tablePlace(grid: SheetGrid, table: Pick<KpiTable, 'headerRows' | 'range'>, sheetTables: readonly Pick<KpiTable, 'headerRows' | 'range'>[]): TablePlace {
  // The last row of the nearest other table above this one: a direction must be below it.
  let directionFloor = -1;
  for (const other of sheetTables) {
    if (other.range.bottom < table.headerRows.top && other.range.bottom > directionFloor) directionFloor = other.range.bottom;
  }
  let direction: Heading | undefined;
  for (let r = table.headerRows.top - 1; r >= 0; r--) {
    const texts = rowTexts(grid, r);
    if (texts.length === 0 || texts.length > 2) continue;
    const text = texts.join(' ');
    const level = headingLevel(text);
    if (level === 'goal') return { sheet: grid.name, goal: { level, text, row: r }, ...(direction ? { direction } : {}) };
    if (level === 'direction' && direction === undefined && r > directionFloor) direction = { level, text, row: r };
  }
  return { sheet: grid.name, goal: { level: 'goal', text: grid.name, row: -1 }, ...(direction ? { direction } : {}) };
}

/** The places of every table of one sheet, in the order given. */
export function placeTables(grid: SheetGrid, tables: readonly Pick<KpiTable, 'headerRows' | 'range'>[]): TablePlace[] {
  return tables.map((t) => tablePlace(grid, t, tables));
}

/** The place of every table of an evaluation, in its order (tables are grouped by sheet there). */
export function placesFor(tables: readonly Pick<KpiTable, 'sheet' | 'headerRows' | 'range'>[], grids: readonly SheetGrid[]): TablePlace[] {
  const bySheet = new Map(grids.map((g) => [g.name, g]));
  return tables.map((t) => {
    const grid = bySheet.get(t.sheet);
    if (!grid) return { sheet: t.sheet, goal: { level: 'goal', text: t.sheet, row: -1 } };
    return tablePlace(grid, t, tables.filter((o) => o.sheet === t.sheet));
  });
}
