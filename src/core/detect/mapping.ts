/**
 * Reading a table the way the officer said (src/core/mapping.ts), with the detector's own body
 * reading (readBody: KPI rows, parents and sub-rows, notes below figures, merges) and cell
 * grammar (buildKpiRow → parseCellValue): a mapped table is the same KpiTable the detector
 * would build had it recognised the header. Only the column plan comes from the officer.
 *
 * Before reading, the header cells are compared with the text saved in the mapping; when
 * any differs (a column moved, rows deleted above, a header rewritten) the mapping is not
 * used and a problem names the sheet and cells: reading the wrong cells would grade the
 * wrong figures without a word.
 */
import { cellAddress, columnLetters, parseRangeAddress, rangeAddress, type CellRange, type SheetGrid } from '../grid';
import {
  MAX_HEADER_ROWS,
  mappingRange,
  rangesOverlap,
  VALUE_ROLES,
  type MappedColumn,
  type MappingRole,
  type TableMapping,
} from '../mapping';
import { makeProblem } from '../problems';
import { compactText } from '../text';
import { findYear } from '../years';
import type { KpiTable, Problem, TableColumns, ValueColumn, ValueRole, YearColumn } from '../types';
import { assignValueRoles, type ColumnPlan, type SideColumns } from './columns';
import { HeaderFinder, type HeaderColumn, type HeaderLayout } from './headerRow';
import { readHeaderCell, type HeaderRole } from './headerWords';
import { readBody } from './kpiRows';
import type { LeadingColumns } from './leadingColumns';
import { hasText, SheetView } from './sheetView';
import type { DetectionResult } from './index';

export type MappedRead = { readonly ok: true; readonly table: KpiTable } | { readonly ok: false; readonly problem: Problem };

// ───────────────────────────── fingerprint ─────────────────────────────

const HEADER_JOIN = ' / ';

/** The header text of one column: its header cells (merges shown from their anchor), compact, joined. */
function headerText(view: SheetView, top: number, headerRows: number, col: number): string {
  const parts: string[] = [];
  for (let r = top; r < top + headerRows; r++) {
    const text = compactText(view.shownText(r, col));
    // A cell merged down over both header rows shows once, not twice.
    if (text !== '' && parts[parts.length - 1] !== text) parts.push(text);
  }
  return parts.join(HEADER_JOIN);
}

/** Each column's header text, as a mapping saves it: the fingerprint. */
export function headerFingerprints(grid: SheetGrid, range: CellRange, headerRows: number): string[] {
  const view = new SheetView(grid);
  const out: string[] = [];
  for (let c = range.left; c <= range.right; c++) out.push(headerText(view, range.top, headerRows, c));
  return out;
}

// ───────────────────────────── reading ─────────────────────────────

/**
 * The KPI table a mapping describes on its sheet, or why it no longer fits. `grid` is the
 * mapping's sheet (the caller matches names).
 */
export function readMappedTable(grid: SheetGrid, mapping: TableMapping): MappedRead {
  const range = mappingRange(mapping);
  const where = rangeAddress(range);
  // Rows past the range are not the officer's table: the body ends at the range's last row.
  const capped: SheetGrid = grid.rows.length > range.bottom + 1 ? { ...grid, rows: grid.rows.slice(0, range.bottom + 1) } : grid;
  const view = new SheetView(capped);

  const changes: { cell: string; was: string; now: string }[] = [];
  mapping.columns.forEach((column, i) => {
    const col = range.left + i;
    const now = headerText(view, range.top, mapping.headerRows, col);
    // Compared compact: a --map file typed by hand may write "目標値（R7）" for "目標値(R7)".
    if (compactText(now) !== compactText(column.header)) {
      changes.push({ cell: cellAddress(range.top, col), was: column.header, now });
    }
  });
  if (changes.length > 0) {
    const shown = changes.slice(0, 3);
    const more = changes.length - shown.length;
    const ja = shown.map((c) => `セル ${c.cell} の見出しが「${c.was || '（空）'}」から「${c.now || '（空）'}」に`).join('、');
    const en = shown.map((c) => `cell ${c.cell}: header "${c.was}" is now "${c.now}"`).join('; ');
    return {
      ok: false,
      problem: makeProblem('mappingChanged', mapping.sheet, where, {
        changesJa: `${ja}変わっています${more > 0 ? `（ほか ${more} か所）` : ''}`,
        changesEn: `${en}${more > 0 ? `; ${more} more` : ''}`,
      }),
    };
  }

  const bodyStart = range.top + mapping.headerRows;
  const plan = columnPlan(mapping, range, view);
  const indicator = range.left + mapping.columns.findIndex((c) => c.role === 'indicator');
  const leading: LeadingColumns = { indicator, labels: [], left: range.left };
  const dataColumns = new Set([plan.target.col, ...plan.values.map((v) => v.col)]);
  const body = readBody({ view, plan, leading, dataColumns }, new HeaderFinder(view), bodyStart);
  if (body.kpis.length === 0) return { ok: false, problem: makeProblem('mappingEmpty', mapping.sheet, where) };

  const columns: { -readonly [K in keyof TableColumns]: TableColumns[K] } = { indicator, values: plan.values, target: plan.target };
  if (plan.grade) columns.grade = plan.grade;
  if (plan.side) Object.assign(columns, plan.side);
  return {
    ok: true,
    table: {
      sheet: grid.name,
      range: { top: range.top, left: range.left, bottom: body.lastRow, right: range.right },
      headerRows: { top: range.top, bottom: bodyStart - 1 },
      columns,
      kpis: body.kpis,
    },
  };
}

/** The detector's column plan, from the officer's roles instead of header words. */
function columnPlan(mapping: TableMapping, range: CellRange, view: SheetView): ColumnPlan {
  const headerColumns: HeaderColumn[] = [];
  const values: ValueColumn[] = [];
  const side: { -readonly [K in keyof SideColumns]: SideColumns[K] } = {};
  const yearColumns: number[] = [];
  let target: ColumnPlan['target'] | undefined;
  let grade: ColumnPlan['grade'];
  const header = (col: number) => headerText(view, range.top, mapping.headerRows, col);
  mapping.columns.forEach((m, i) => {
    const col = range.left + i;
    headerColumns.push({ col, header: header(col) });
    switch (m.role) {
      case 'target':
        target = m.year === undefined ? { col, header: header(col) } : { col, year: m.year, header: header(col) };
        break;
      case 'grade':
        grade = { col, header: header(col) };
        break;
      case 'baseline':
      case 'intermediate':
      case 'current':
        values.push(m.year === undefined ? { col, role: m.role, header: header(col) } : { col, role: m.role, year: m.year, header: header(col) });
        break;
      case 'unit':
        side.unit = { col, header: header(col) };
        break;
      case 'direction':
        side.direction = { col, header: header(col) };
        break;
      case 'year':
        yearColumns.push(col);
        break;
      case 'indicator':
      case 'ignore':
        break;
    }
  });
  if (!target) throw new Error('columnPlan: a mapping without a target column (it was not validated)');
  // A year column gives the year of the value beside it, as the detector reads 年度 / 時点.
  const figures = new Set([...values.map((v) => v.col), target.col]);
  const years: YearColumn[] = [];
  for (const col of yearColumns) {
    const of = figures.has(col - 1) ? col - 1 : figures.has(col + 1) ? col + 1 : undefined;
    if (of !== undefined) years.push({ col, header: header(col), of });
  }
  if (years.length > 0) side.years = years;
  const indicator = range.left + mapping.columns.findIndex((c) => c.role === 'indicator');
  const layout: HeaderLayout = {
    top: range.top,
    bottom: range.top + mapping.headerRows - 1,
    left: range.left,
    right: range.right,
    columns: headerColumns,
    indicatorSpan: { left: indicator, right: indicator },
  };
  const roled = new Set(headerColumns.map((h) => h.col).filter((c) => c !== indicator));
  const plan: { -readonly [K in keyof ColumnPlan]: ColumnPlan[K] } = { layout, values, target, roled, yearlyActuals: false };
  if (grade) plan.grade = grade;
  if (Object.keys(side).length > 0) plan.side = side;
  return plan;
}

// ───────────────────────────── in evaluation ─────────────────────────────

/**
 * One sheet's detection with the officer's mappings for that sheet applied: each mapping
 * that fits replaces the detected tables overlapping its range (and what detection said
 * about them); one that does not fit leaves detection as it was and adds its problem.
 */
export function applyMappings(grid: SheetGrid, detected: DetectionResult, mappings: readonly TableMapping[]): DetectionResult {
  if (mappings.length === 0) return detected;
  let tables = detected.tables;
  let problems = detected.problems;
  const added: Problem[] = [];
  for (const mapping of mappings) {
    const read = readSafely(grid, mapping);
    if (!read.ok) {
      added.push(read.problem);
      continue;
    }
    const area = mappingRange(mapping);
    const covers = (t: KpiTable) => rangesOverlap(t.range, area) || rangesOverlap(t.range, read.table.range);
    const dropped = tables.filter(covers);
    tables = tables.filter((t) => !covers(t));
    const droppedAreas = dropped.map((t) => t.range);
    problems = problems.filter((p) => !aboutArea(p, [area, ...droppedAreas]));
    tables = [...tables, read.table];
    if (!read.table.columns.grade) added.push(makeProblem('noGradeColumn', grid.name, rangeAddress(read.table.range)));
  }
  // Tables in sheet order, as detection gives them.
  tables.sort((a, b) => a.range.top - b.range.top || a.range.left - b.range.left);
  return { tables, problems: [...problems, ...added] };
}

/**
 * readMappedTable, with a fault inside it (a grid no test foresaw) turned into a problem naming
 * the sheet and range: the other sheets and tables are still graded, and the officer is told.
 */
function readSafely(grid: SheetGrid, mapping: TableMapping): MappedRead {
  try {
    return readMappedTable(grid, mapping);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problem: makeProblem('tableUnreadable', mapping.sheet, mapping.range, {
        why: `保存した表の読み方で読む途中でエラーが発生しました: ${detail}`,
        whyEn: `reading it with the saved table reading failed: ${detail}`,
      }),
    };
  }
}

/** A problem whose cell or range lies in one of the areas. */
function aboutArea(p: Problem, areas: readonly CellRange[]): boolean {
  const r = parseRangeAddress(p.cell);
  return r !== undefined && areas.some((x) => rangesOverlap(x, r));
}

// ───────────────────────────── best guess ─────────────────────────────

/** The dialog's role for each header word; words for what the dialog has no role for are not read. */
const FROM_HEADER: Readonly<Record<HeaderRole, MappingRole>> = {
  indicator: 'indicator',
  baseline: 'baseline',
  intermediate: 'intermediate',
  current: 'current',
  forecast: 'current', // 見込: the detector too takes a forecast as the current value
  target: 'target',
  grade: 'grade',
  unit: 'unit',
  direction: 'direction',
  year: 'year',
  expected: 'ignore',
  previousGrade: 'ignore',
  officeRate: 'ignore',
  change: 'ignore',
  note: 'ignore',
  number: 'ignore',
  department: 'ignore',
};

/** How many rows at the top of the range read as a header: the first, and those below holding only header words or years. */
export function guessHeaderRows(grid: SheetGrid, range: CellRange): number {
  const view = new SheetView(grid);
  const height = range.bottom - range.top + 1;
  let rows = 1;
  while (rows < Math.min(MAX_HEADER_ROWS, height - 1)) {
    const r = range.top + rows;
    let any = false;
    let allHeader = true;
    for (let c = range.left; c <= range.right; c++) {
      const text = view.ownText(r, c);
      if (!hasText(text)) continue;
      any = true;
      if (!readHeaderCell(text)) allHeader = false;
    }
    if (!any || !allHeader) break;
    rows++;
  }
  return rows;
}

/**
 * A first answer for the dialog: roles and years from the header words (the detector's
 * readHeaderCell), value columns ordered by year as the detector orders them. The officer
 * corrects what is wrong; nothing here is final.
 */
export function guessMapping(grid: SheetGrid, range: CellRange, headerRows = guessHeaderRows(grid, range)): TableMapping {
  const view = new SheetView(grid);
  const width = range.right - range.left + 1;
  const fingerprints = headerFingerprints(grid, range, headerRows);
  const read: { role?: HeaderRole; year?: number }[] = [];
  for (let c = range.left; c <= range.right; c++) {
    let role: HeaderRole | undefined;
    let year: number | undefined;
    // The lowest header cell is the most specific ("当初" over "実績値" above it), as in the detector.
    for (let r = range.top + headerRows - 1; r >= range.top; r--) {
      const text = view.shownText(r, c);
      const token = readHeaderCell(text);
      // A header the words do not know ("令和7年度（めざす値）") still gives its year.
      if (!token) {
        if (hasText(text)) year ??= findYear(text)?.year;
        continue;
      }
      role ??= token.role;
      year ??= token.year;
    }
    read.push(year === undefined ? (role === undefined ? {} : { role }) : role === undefined ? { year } : { role, year });
  }

  const roles: MappingRole[] = read.map((h) => (h.role ? FROM_HEADER[h.role] : 'ignore'));
  // A lone year ("H27", "R5") heads a value column.
  const valueIndexes = read
    .map((_, i) => i)
    .filter((i) => {
      const h = read[i]!;
      return (
        h.role === 'baseline' ||
        h.role === 'intermediate' ||
        h.role === 'current' ||
        h.role === 'forecast' ||
        (h.role === undefined && h.year !== undefined)
      );
    });
  // No target word: the latest year among the lone years is the target (the officer confirms).
  if (!roles.includes('target')) {
    const lone = valueIndexes.filter((i) => read[i]!.role === undefined);
    let latest: number | undefined;
    for (const i of lone) if (latest === undefined || read[i]!.year! >= read[latest]!.year!) latest = i;
    if (latest !== undefined && valueIndexes.length > 1) {
      roles[latest] = 'target';
      valueIndexes.splice(valueIndexes.indexOf(latest), 1);
    }
  }
  const targetIndex = roles.indexOf('target');
  const valueRoles = assignValueRoles(
    valueIndexes.map((i) => {
      const role = read[i]!.role;
      return { word: (role === 'forecast' ? 'current' : role) as ValueRole | undefined, year: read[i]!.year };
    }),
    targetIndex >= 0 ? read[targetIndex]!.year : undefined,
  );
  valueIndexes.forEach((i, k) => {
    roles[i] = valueRoles[k]!;
  });
  // No indicator word: the first column whose body holds words rather than figures.
  if (!roles.includes('indicator')) {
    const textColumn = firstTextColumn(view, range, headerRows, roles);
    if (textColumn !== undefined) roles[textColumn] = 'indicator';
  }

  const columns: MappedColumn[] = [];
  for (let i = 0; i < width; i++) {
    const year = VALUE_ROLES.includes(roles[i]!) ? read[i]!.year : undefined;
    const column = { column: columnLetters(range.left + i), role: roles[i]!, header: fingerprints[i]! };
    columns.push(year === undefined ? column : { ...column, year });
  }
  return { sheet: grid.name, range: rangeAddress(range), headerRows, columns };
}

/** The leftmost unassigned column whose first body cells hold text that is not a figure. */
function firstTextColumn(view: SheetView, range: CellRange, headerRows: number, roles: readonly MappingRole[]): number | undefined {
  const end = Math.min(range.bottom, range.top + headerRows + 10);
  for (let i = 0; i < roles.length; i++) {
    if (roles[i] !== 'ignore') continue;
    let words = 0;
    for (let r = range.top + headerRows; r <= end; r++) {
      const text = compactText(view.ownText(r, range.left + i));
      if (text !== '' && !/^[\d.,%％▲△+\-－ー―]+$/u.test(text)) words++;
    }
    if (words > 0) return i;
  }
  return undefined;
}

/** A mapping with the header fingerprints taken from the grid as it is now (the dialog saves this). */
export function withFingerprints(grid: SheetGrid, mapping: TableMapping): TableMapping {
  const range = mappingRange(mapping);
  const prints = headerFingerprints(grid, range, mapping.headerRows);
  return { ...mapping, columns: mapping.columns.map((c, i) => ({ ...c, header: prints[i] ?? '' })) };
}
