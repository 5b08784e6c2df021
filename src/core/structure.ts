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
import { rowTexts, type SheetGrid } from './grid';
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
// A heading word is followed by its number or a separator (「基本目標１」「施策：…」「基本事業 …」); a line that
// only starts with the word (「基本目標の進捗状況」「施策評価シート」) is a caption, not a heading.
const NUMBERED = String.raw`(?=[0-9一二三四五六七八九十ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ\s:：（(【「-])`;
const GOAL_START = new RegExp(String.raw`^(?:(?:基本目標|基本方針|政策目標)${NUMBERED}|政策\s*\d|第\s*[0-9一二三四五六七八九十]+\s*[章節編])`);
const DIRECTION_START = new RegExp(String.raw`^(?:基本的方向|基本施策|基本事業|重点施策|取組方針|施策)${NUMBERED}`);

/** The heading level a row starts with, if any. */
export function headingLevel(text: string): HeadingLevel | undefined {
  const t = text.normalize('NFKC').replace(/^[■□●○◆◇・\s]+/, '');
  if (GOAL_START.test(t)) return 'goal';
  if (DIRECTION_START.test(t)) return 'direction';
  return undefined;
}

/** The heading rows of one sheet, top to bottom: one pass over the sheet, shared by its tables. */
export function sheetHeadings(grid: SheetGrid): Heading[] {
  const out: Heading[] = [];
  for (let r = 0; r < grid.rows.length; r++) {
    const texts = rowTexts(grid, r);
    if (texts.length === 0 || texts.length > 2) continue;
    const text = texts.join(' ');
    const level = headingLevel(text);
    if (level) out.push({ level, text, row: r });
  }
  return out;
}

/** The place of one table, from its sheet's headings (see the module comment for the rule). */
function placeFrom(sheet: string, headings: readonly Heading[], table: Pick<KpiTable, 'headerRows' | 'range'>, sheetTables: readonly Pick<KpiTable, 'headerRows' | 'range'>[]): TablePlace {
  // The last row of the nearest other table above this one: a direction must be below it.
  let directionFloor = -1;
  for (const other of sheetTables) {
    if (other.range.bottom < table.headerRows.top && other.range.bottom > directionFloor) directionFloor = other.range.bottom;
  }
  let direction: Heading | undefined;
  for (let i = headings.length - 1; i >= 0; i--) {
    const h = headings[i]!;
    if (h.row >= table.headerRows.top) continue;
    if (h.level === 'goal') return { sheet, goal: h, ...(direction ? { direction } : {}) };
    if (direction === undefined && h.row > directionFloor) direction = h;
  }
  return { sheet, goal: { level: 'goal', text: sheet, row: -1 }, ...(direction ? { direction } : {}) };
}

/** The place of every table of an evaluation, in its order (tables are grouped by sheet there). */
export function placesFor(tables: readonly Pick<KpiTable, 'sheet' | 'headerRows' | 'range'>[], grids: readonly SheetGrid[]): TablePlace[] {
  // Each sheet is scanned for headings once, however many tables it has.
  const bySheet = new Map(grids.map((g) => [g.name, g]));
  const sheetTables = new Map<string, Pick<KpiTable, 'sheet' | 'headerRows' | 'range'>[]>();
  for (const t of tables) {
    const list = sheetTables.get(t.sheet);
    if (list) list.push(t);
    else sheetTables.set(t.sheet, [t]);
  }
  const headings = new Map<string, Heading[]>();
  return tables.map((t) => {
    const grid = bySheet.get(t.sheet);
    if (!grid) return { sheet: t.sheet, goal: { level: 'goal', text: t.sheet, row: -1 } };
    let h = headings.get(t.sheet);
    if (!h) {
      h = sheetHeadings(grid);
      headings.set(t.sheet, h);
    }
    return placeFrom(grid.name, h, t, sheetTables.get(t.sheet)!);
  });
}
