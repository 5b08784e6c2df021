/**
 * §8 writing back without losing anything: decide exactly which cells get which
 * text, which colour rules go where, and what every touched cell held before.
 * The adapters (Office.js, exceljs) carry the plan out and nothing more.
 */
import { colourRulesFor } from './colours';
import { toGradeText } from './gradeText';
import { cellAddress, cellAt, mergeAt, rangeAddress, type SheetGrid } from './grid';
import { makeProblem } from './problems';
import {
  gradeCellKey,
  type CellSnapshot,
  type CellWrite,
  type ConditionalFormatPlan,
  type EvaluatedTable,
  type Evaluation,
  type NoteWrite,
  type Problem,
  type WriteOptions,
  type WritePlan,
} from './types';

/** Header text of a grade column the add-in adds (only when the officer asks). */
export const NEW_GRADE_HEADER = '達成状況';

export function planWrite(
  evaluation: Evaluation,
  grids: readonly SheetGrid[],
  options: WriteOptions,
): WritePlan {
  const byName = new Map(grids.map((g) => [g.name, g]));
  const writes: CellWrite[] = [];
  const notes: NoteWrite[] = [];
  const formats: ConditionalFormatPlan[] = [];
  const skipped: Problem[] = [];
  const protectedReported = new Set<string>();

  for (const evaluated of evaluation.tables) {
    const { table } = evaluated;
    const grid = byName.get(table.sheet);
    if (!grid) continue;
    if (grid.protected) {
      if (!protectedReported.has(grid.name)) {
        skipped.push(makeProblem('sheetProtected', grid.name, rangeAddress(table.range)));
        protectedReported.add(grid.name);
      }
      continue;
    }
    const gradeCol = table.columns.grade?.col ?? (options.addGradeColumns ? newGradeColumn(evaluated, grid, skipped) : undefined);
    if (gradeCol === undefined) continue;
    const isNewColumn = table.columns.grade === undefined;
    if (isNewColumn) {
      const row = table.headerRows.top;
      writes.push(write(grid, row, gradeCol, NEW_GRADE_HEADER, 'gradeHeader'));
    }

    for (const ek of evaluated.kpis) {
      const row = ek.kpi.gradeCell?.row ?? ek.kpi.row;
      const text = ek.gradeText;
      if (text === undefined) continue;
      const address = cellAddress(row, gradeCol);
      const current = cellAt(grid, row, gradeCol);
      if (current.formula) {
        skipped.push(makeProblem('gradeIsFormula', grid.name, address));
        continue;
      }
      if (ek.differs && !adopted(options.adopt, gradeCellKey(grid.name, address))) {
        skipped.push(makeProblem('handGradeDiffers', grid.name, address, { existing: ek.existing, computed: text }));
        continue;
      }
      if (options.notes) notes.push({ sheet: grid.name, address, text: ek.outcome.reason });
      // The same grade already there (in any style) is left as the officer typed it.
      if (ek.existing !== undefined && !ek.differs) continue;
      writes.push(write(grid, row, gradeCol, text, 'grade'));
    }

    const rows = evaluated.kpis.map((k) => k.kpi.gradeCell?.row ?? k.kpi.row);
    if (rows.length > 0) {
      formats.push({
        sheet: grid.name,
        range: rangeAddress({ top: Math.min(...rows), bottom: Math.max(...rows), left: gradeCol, right: gradeCol }),
        rules: colourRulesFor(
          evaluation.gradeKeys.map((key) => ({ key, text: toGradeText(key, evaluated.gradeStyle) })),
          evaluation.gradeColours,
        ),
      });
    }
  }
  return { writes, notes, formats, skipped };
}

function adopted(adopt: WriteOptions['adopt'], key: string): boolean {
  if (adopt === 'all') return true;
  if (adopt === 'none') return false;
  return adopt.has(key);
}

function snapshot(grid: SheetGrid, row: number, col: number): CellSnapshot {
  const cell = cellAt(grid, row, col);
  return cell.formula ? { value: cell.value, formula: cell.formula } : { value: cell.value };
}

function write(grid: SheetGrid, row: number, col: number, after: string, purpose: CellWrite['purpose']): CellWrite {
  const planned: CellWrite = { sheet: grid.name, row, col, address: cellAddress(row, col), before: snapshot(grid, row, col), after, purpose };
  return mergeAt(grid, row, col) ? { ...planned, inMerge: true } : planned;
}

/** The first sheet row two KPIs of the table share, if any. */
function sharedRow(evaluated: EvaluatedTable): number | undefined {
  const rows = new Set<number>();
  for (const k of evaluated.kpis) {
    if (rows.has(k.kpi.row)) return k.kpi.row;
    rows.add(k.kpi.row);
  }
  return undefined;
}

/**
 * The column right of the table, if every cell it would take (header and KPI rows)
 * is empty; otherwise nothing is added and the officer is told why.
 */
function newGradeColumn(evaluated: EvaluatedTable, grid: SheetGrid, skipped: Problem[]): number | undefined {
  // Several KPIs on one sheet row (arrow lines in one cell): one cell cannot take all their grades.
  const shared = sharedRow(evaluated);
  if (shared !== undefined) {
    skipped.push(makeProblem('gradeCellShared', grid.name, cellAddress(shared, evaluated.table.columns.indicator)));
    return undefined;
  }
  const col = evaluated.table.range.right + 1;
  const rows = [evaluated.table.headerRows.top, ...evaluated.kpis.map((k) => k.kpi.row)];
  const occupied = rows.find((r) => cellAt(grid, r, col).text.trim() !== '' || cellAt(grid, r, col).formula);
  if (occupied !== undefined) {
    skipped.push(
      makeProblem('gradeColumnBlocked', grid.name, cellAddress(occupied, col)),
    );
    return undefined;
  }
  return col;
}
