/**
 * The whole job on a set of grids: find every KPI table, grade every KPI, and
 * compare with the grades officers already typed. Pure: the same grids and rule
 * give the same Evaluation in the task pane, the custom functions and the CLI.
 */
import { detectKpiTables, noTableProblem, type DetectionResult } from './detect';
import { gradeKpi } from './grade';
import { detectGradeStyle, readGradeText, toGradeText } from './gradeText';
import { cellAddress, type SheetGrid } from './grid';
import { checkOfficeFigures } from './officeFigures';
import { makeProblem } from './problems';
import type { EvaluatedKpi, EvaluatedTable, Evaluation, GradeKey, KpiTable, Preset, Problem } from './types';

export function evaluateWorkbook(grids: readonly SheetGrid[], preset: Preset): Evaluation {
  const tables: EvaluatedTable[] = [];
  const problems: Problem[] = [];
  // Sheet by sheet: a sheet's tables are graded while what detection read is still at hand.
  for (const grid of grids) gradeDetected(detectKpiTables(grid), preset, tables, problems);
  // Nothing found anywhere: say where we looked and for what, rather than an empty report.
  if (tables.length === 0) problems.push(noTableProblem(grids.map((g) => (typeof g.name === 'string' ? g.name : String(g.name)))));
  return { presetId: preset.id, gradeKeys: Object.keys(preset.labels) as GradeKey[], tables, problems };
}

/**
 * The grading half of evaluateWorkbook, on tables already detected (one result per sheet, in
 * sheet order): the same Evaluation, problems in the same order (each sheet's detection
 * problems, then its KPIs' problems).
 */
export function evaluateDetections(detections: readonly DetectionResult[], preset: Preset): Evaluation {
  const tables: EvaluatedTable[] = [];
  const problems: Problem[] = [];
  for (const detected of detections) gradeDetected(detected, preset, tables, problems);
  return { presetId: preset.id, gradeKeys: Object.keys(preset.labels) as GradeKey[], tables, problems };
}

/** One sheet's detection problems, then its tables graded in order (their problems after). */
function gradeDetected(detected: DetectionResult, preset: Preset, tables: EvaluatedTable[], problems: Problem[]): void {
  for (let i = 0; i < detected.problems.length; i++) problems.push(detected.problems[i]!);
  for (let i = 0; i < detected.tables.length; i++) tables.push(evaluateTable(detected.tables[i]!, preset, problems));
}

function evaluateTable(table: KpiTable, preset: Preset, problems: Problem[]): EvaluatedTable {
  // Write grades in the style the column already uses (Ｓ or S); full-width when empty.
  const gradeStyle = detectGradeStyle(table.kpis.map((k) => k.gradeCell?.text ?? ''));
  const kpis = table.kpis.map((kpi): EvaluatedKpi => {
    const graded = gradeKpi(kpi, preset, table.sheet);
    for (let i = 0; i < graded.problems.length; i++) problems.push(graded.problems[i]!);
    const { outcome } = graded;
    // The office's own 目安値 / 進捗率 / 達成率, where it has them: said where they differ from ours.
    if (kpi.expected !== undefined || kpi.officeRates !== undefined) {
      for (const p of checkOfficeFigures(kpi, outcome.measures, table.sheet)) problems.push(p);
    }
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

/**
 * The workbook's grade style, for grades written outside a table (=KPI.GRADE):
 * the style most tables with typed grades use; full-width (the official reports')
 * when no table has any.
 */
export function dominantGradeStyle(evaluation: Evaluation): 'full' | 'half' {
  let full = 0;
  let half = 0;
  for (const t of evaluation.tables) {
    if (!t.kpis.some((k) => k.existing !== undefined)) continue;
    if (t.gradeStyle === 'half') half++;
    else full++;
  }
  return half > full ? 'half' : 'full';
}
