/**
 * The whole job on a set of grids: find every KPI table, grade every KPI, and
 * compare with the grades officers already typed. Pure: the same grids and rule
 * give the same Evaluation in the task pane, the custom functions and the CLI.
 */
import { detectKpiTables } from './detect';
import { gradeKpi } from './grade';
import { detectGradeStyle, readGradeText, toGradeText } from './gradeText';
import { cellAddress, type SheetGrid } from './grid';
import { makeProblem } from './problems';
import type { EvaluatedKpi, EvaluatedTable, Evaluation, GradeKey, KpiTable, Preset, Problem } from './types';

export function evaluateWorkbook(grids: readonly SheetGrid[], preset: Preset): Evaluation {
  const tables: EvaluatedTable[] = [];
  const problems: Problem[] = [];
  for (const grid of grids) {
    const detected = detectKpiTables(grid);
    problems.push(...detected.problems);
    for (const table of detected.tables) tables.push(evaluateTable(table, preset, problems));
  }
  const gradeKeys = Object.keys(preset.labels) as GradeKey[];
  return { presetId: preset.id, gradeKeys, tables, problems };
}

function evaluateTable(table: KpiTable, preset: Preset, problems: Problem[]): EvaluatedTable {
  // Write grades in the style the column already uses (Ｓ or S); full-width when empty.
  const gradeStyle = detectGradeStyle(table.kpis.map((k) => k.gradeCell?.text ?? ''));
  const kpis = table.kpis.map((kpi): EvaluatedKpi => {
    const graded = gradeKpi(kpi, preset, table.sheet);
    problems.push(...graded.problems);
    const { outcome } = graded;
    const gradeText = outcome.grade === null ? undefined : toGradeText(outcome.grade, gradeStyle);
    const existing = kpi.gradeCell?.text.trim() || undefined;
    // Anything typed in the grade cell that is not the computed grade counts as a
    // difference, including text that is not a grade at all: it is the officer's
    // and is never replaced without their say (§8).
    const differs = existing !== undefined && outcome.grade !== null && readGradeText(existing) !== outcome.grade;
    if (differs && kpi.gradeCell && gradeText) {
      problems.push(
        makeProblem('handGradeDiffers', table.sheet, cellAddress(kpi.gradeCell.row, kpi.gradeCell.col), {
          existing,
          computed: gradeText,
        }),
      );
    }
    return { kpi, outcome, gradeText, existing, differs };
  });
  return { table, kpis, gradeStyle };
}
