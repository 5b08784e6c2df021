/**
 * The cells a write leaves alone, sorted for the officer.
 *
 * Before writing, WritePlan.skipped already knows what the write cannot do (a
 * protected sheet, a formula in a grade cell, a grade column that cannot be added):
 * the preview lists those as points to check and marks the tables and rows concerned.
 * Typed grades kept (handGradeDiffers) are the officer's choice, shown on their rows
 * as 手入力 vs 計算, never as problems.
 *
 * After writing, ApplyReport.skipped mixes the officer's choices with real skips
 * (protected, formula, changed since the preview, sheet missing) and with advice
 * about notes: each gets its own line, and only real skips make the message a warning.
 */
import { cellAddress, parseCellAddress } from '../../core/grid';
import type { EvaluatedTable, Problem, ProblemCode, WritePlan } from '../../core/types';

/** What the write plan will not write, in words the preview shows before writing. */
export const PREVIEW_SKIP_CODES: ReadonlySet<ProblemCode> = new Set<ProblemCode>([
  'sheetProtected',
  'gradeIsFormula',
  'gradeColumnBlocked',
]);

/** The plan's skipped cells that are problems (not the officer's choice), in plan order. */
export function previewSkips(plan: WritePlan | undefined): Problem[] {
  return plan?.skipped.filter((p) => PREVIEW_SKIP_CODES.has(p.code)) ?? [];
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

/** ApplyReport.skipped, sorted for the result message. */
export interface SortedSkips {
  /** Typed grades kept by the officer's choice (handGradeDiffers): a neutral count. */
  readonly kept: readonly Problem[];
  /** Cells not written for a reason the officer should act on: the warning list. */
  readonly notWritten: readonly Problem[];
  /** Advice that is not a failure (a note kept, notes unsupported): listed, not a warning. */
  readonly info: readonly Problem[];
}

export function sortSkipped(skipped: readonly Problem[]): SortedSkips {
  const kept: Problem[] = [];
  const notWritten: Problem[] = [];
  const info: Problem[] = [];
  for (const p of skipped) {
    if (p.code === 'handGradeDiffers') kept.push(p);
    else if (p.severity === 'warning') notWritten.push(p);
    else info.push(p);
  }
  return { kept, notWritten, info };
}
