/**
 * The cells a write leaves alone, sorted for the officer.
 *
 * Before writing, the write decision on the grids as graded knows what the write cannot
 * do (a protected sheet, a formula in a grade cell, a grade column that cannot be added,
 * a very hidden sheet not agreed to): the preview lists those as points to check and marks
 * the tables and rows concerned.
 * Typed grades kept (handGradeDiffers) are the officer's choice, shown on their rows
 * as 手入力 vs 計算, never as problems.
 *
 * After writing, ApplyReport.skipped is sorted by src/core/writeReport.ts, as the
 * command line sorts it.
 */
import { decideWrites, nowFromGrids, type WriteConsent } from '../../core/decide';
import { cellAddress, parseCellAddress, type SheetGrid } from '../../core/grid';
import type { EvaluatedTable, Problem, ProblemCode, WritePlan } from '../../core/types';

/** What the write will not write, in words the preview shows before writing. */
const PREVIEW_SKIP_CODES: ReadonlySet<ProblemCode> = new Set<ProblemCode>([
  'sheetProtected',
  'gradeIsFormula',
  'gradeColumnBlocked',
  'veryHiddenNotWritten',
]);

/**
 * What the write will leave alone that is a problem (not the officer's choice), in plan order:
 * core's write decision (src/core/decide.ts) on the grids as graded, with the officer's answers
 * so far, the same decision the host makes again on the workbook just before writing.
 */
export function previewSkips(plan: WritePlan | undefined, grids: readonly SheetGrid[] | undefined, consent: WriteConsent): Problem[] {
  if (!plan || !grids) return [];
  return decideWrites(plan, nowFromGrids(grids, plan), consent).skipped.filter((p) => PREVIEW_SKIP_CODES.has(p.code));
}

/** Where the preview marks what will not be written. */
export interface SkipMarks {
  /** Sheets the write leaves alone because they are protected. */
  readonly protectedSheets: ReadonlySet<string>;
  /** Grade cells ("sheet!G9") that hold a formula and are not written. */
  readonly formulaCells: ReadonlySet<string>;
  /** gradeColumnBlocked problems: the table whose right-hand column is taken. */
  readonly blocked: readonly Problem[];
}

export const NO_MARKS: SkipMarks = { protectedSheets: new Set(), formulaCells: new Set(), blocked: [] };

export function skipMarks(skips: readonly Problem[]): SkipMarks {
  if (skips.length === 0) return NO_MARKS;
  const protectedSheets = new Set<string>();
  const formulaCells = new Set<string>();
  const blocked: Problem[] = [];
  for (const p of skips) {
    if (p.code === 'sheetProtected') protectedSheets.add(p.sheet);
    else if (p.code === 'gradeIsFormula') formulaCells.add(`${p.sheet}!${p.cell}`);
    else if (p.code === 'gradeColumnBlocked') blocked.push(p);
  }
  return { protectedSheets, formulaCells, blocked };
}

/** Why a table will not be written as a whole, if it will not. */
export function tableSkip(et: EvaluatedTable, marks: SkipMarks): 'protected' | 'columnBlocked' | undefined {
  const { sheet, range, headerRows } = et.table;
  if (marks.protectedSheets.has(sheet)) return 'protected';
  const blocked = marks.blocked.some((p) => {
    if (p.sheet !== sheet) return false;
    const at = parseCellAddress(p.cell);
    return at !== undefined && at.col === range.right + 1 && at.row >= headerRows.top && at.row <= range.bottom;
  });
  return blocked ? 'columnBlocked' : undefined;
}

/** Why one KPI's grade cell will not be written, if it will not (the table-wide reasons aside). */
export function rowSkip(sheet: string, gradeCell: { row: number; col: number } | undefined, marks: SkipMarks): 'formula' | undefined {
  if (!gradeCell || marks.formulaCells.size === 0) return undefined;
  return marks.formulaCells.has(`${sheet}!${cellAddress(gradeCell.row, gradeCell.col)}`) ? 'formula' : undefined;
}
