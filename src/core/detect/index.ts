/**
 * Finding the KPI tables of a sheet (spec §1).
 *
 * A sheet is scanned top to bottom once. A KPI table starts at a header row holding an
 * indicator word (重要業績評価指標, 指標 …) and a target word (目標値 …) with at least one value
 * column (当初, 現状, or a year alone); budgets, schedules, logs and chart data have no such
 * header and are passed over without a word. The body is read until a blank row, a heading
 * or the next header. Every row is looked at for a header once (the answer is cached), and
 * every body row is read once, so a sheet with many tables, or tens of thousands of rows,
 * takes time in proportion to its size.
 */
import { rangeAddress, type CellRange, type SheetGrid } from '../grid';
import { makeProblem } from '../problems';
import type { KpiTable, Problem, TableColumns } from '../types';
import { planColumns, type ColumnPlan } from './columns';
import { HeaderFinder, type HeaderLayout } from './headerRow';
import { resolveLeadingColumns, type LeadingColumns } from './leadingColumns';
import { readBody } from './kpiRows';
import { reportNearMisses } from './nearMiss';
import { SheetView } from './sheetView';

export { SUB_ROW_SEPARATOR } from './kpiRow';
export { assignValueRoles } from './columns';
export { readHeaderCell, type HeaderRole } from './headerWords';
export { readIndicatorText } from './indicator';

export interface DetectionResult {
  tables: KpiTable[];
  problems: Problem[];
}

/**
 * The KPI tables of one sheet, an info problem for each table without a grade column, and a
 * problem for what looks like a KPI table but could not be read (nearMiss.ts). Never throws: a
 * fault inside detection becomes a problem naming the sheet (tableUnreadable), and the tables
 * read before it stand, so the other sheets are still graded.
 */
export function detectKpiTables(grid: SheetGrid): DetectionResult {
  const result: DetectionResult = { tables: [], problems: [] };
  try {
    scanSheet(grid, result);
  } catch {
    // The fault itself is a programmer's matter; the officer is told which sheet was not read.
    result.problems.push(unreadableSheetProblem(grid));
  }
  return result;
}

function unreadableSheetProblem(grid: SheetGrid): Problem {
  let name = '';
  let extent = 'A1';
  try {
    name = typeof grid?.name === 'string' ? grid.name : String(grid?.name ?? '');
    const rows: readonly unknown[] = Array.isArray(grid?.rows) ? grid.rows : [];
    let width = 1;
    for (const r of rows) if (Array.isArray(r)) width = Math.max(width, r.length);
    if (rows.length > 0) extent = rangeAddress({ top: 0, left: 0, bottom: rows.length - 1, right: width - 1 });
  } catch {
    // A grid odd enough to fault here is still named as well as it can be: the problem below says so.
  }
  return makeProblem('tableUnreadable', name, extent, {
    why: 'シートを読み取る途中で予期しない誤りが起きたため、このシートの残りは評価していません',
    whyEn: 'an unexpected fault occurred while reading the sheet, so the rest of it was not graded',
  });
}

/**
 * A problem for a workbook in which no sheet held a KPI table: which sheets were searched and
 * what was looked for. Named at the first sheet's A1, so the pane can take the officer there.
 */
export function noTableProblem(sheetNames: readonly string[]): Problem {
  const sheets = sheetNames.length === 0 ? '（シートなし）' : sheetNames.map((n) => `「${n}」`).join('');
  const sheetsEn = sheetNames.length === 0 ? '(no sheets)' : sheetNames.map((n) => `"${n}"`).join(', ');
  return makeProblem('noTableFound', sheetNames[0] ?? '', 'A1', { sheets, sheetsEn });
}

/** The scan itself, without the safety net (tests call it to see real faults). */
export function scanSheet(grid: SheetGrid, result: DetectionResult = { tables: [], problems: [] }): DetectionResult {
  const view = new SheetView(grid);
  const finder = new HeaderFinder(view);
  const firstTable = result.tables.length;
  let r = 0;
  while (r < view.rowCount) {
    let next = r + 1;
    const layouts = finder.find(r);
    for (let i = 0; i < layouts.length; i++) {
      const layout = layouts[i]!;
      next = Math.max(next, layout.bottom + 1);
      const plan = planColumns(layout);
      if (!plan) continue;
      const table = readTable(view, finder, layout, plan);
      if (!table) continue;
      result.tables.push(table);
      if (!table.columns.grade) {
        result.problems.push(makeProblem('noGradeColumn', view.name, rangeAddress(table.range)));
      }
    }
    // Body rows are looked at again, but only through the finder's per-row cache: a table
    // beside this one may start further down, and a body ends at any header over its columns.
    r = next;
  }
  reportNearMisses(view, finder, result.tables.slice(firstTable), result.problems);
  return result;
}

function readTable(
  view: SheetView,
  finder: HeaderFinder,
  layout: HeaderLayout,
  plan: ColumnPlan,
): KpiTable | undefined {
  const bodyStart = layout.bottom + 1;
  const leading = resolveLeadingColumns(view, plan, bodyStart);
  const dataColumns = new Set([plan.target.col, ...plan.values.map((v) => v.col)]);
  const body = readBody({ view, plan, leading, dataColumns }, finder, bodyStart);
  if (body.kpis.length === 0) return undefined;
  const range: CellRange = { top: layout.top, left: leading.left, bottom: body.lastRow, right: layout.right };
  const table: KpiTable = {
    sheet: view.name,
    range,
    headerRows: { top: layout.top, bottom: layout.bottom },
    columns: tableColumns(plan, leading),
    kpis: body.kpis,
  };
  return table;
}

function tableColumns(plan: ColumnPlan, leading: LeadingColumns): TableColumns {
  const columns: { -readonly [K in keyof TableColumns]: TableColumns[K] } = {
    indicator: leading.indicator,
    values: plan.values,
    target: plan.target,
  };
  if (leading.number !== undefined) columns.number = leading.number;
  if (plan.grade) columns.grade = plan.grade;
  if (plan.side) Object.assign(columns, plan.side);
  return columns;
}
