/**
 * The whole job on a set of grids: find every KPI table, grade every KPI, and
 * compare with the grades officers already typed. Pure: the same grids and rule
 * give the same Evaluation in the task pane, the custom functions and the CLI.
 */
import { detectKpiTables, noTableProblem, type DetectionResult } from './detect';
import { applyMappings } from './detect/mapping';
import { gradeKpi } from './grade';
import { detectGradeStyle, readGradeCode, readGradeText, toGradeText } from './gradeText';
import { gradeColours } from './colours';
import { gradeKeysOf } from './presets';
import { cellAddress, rangeAddress, type SheetGrid } from './grid';
import type { TableMapping } from './mapping';
import { checkOfficeFigures } from './officeFigures';
import { makeProblem } from './problems';
import type { EvaluatedKpi, EvaluatedTable, Evaluation, KpiTable, Preset, Problem } from './types';

export interface EvaluateOptions {
  /**
   * The officer's own readings of tables (saved in the workbook, or `--map FILE.json`): on its
   * sheet, a mapping that still fits replaces whatever detection found overlapping its range.
   */
  readonly mappings?: readonly TableMapping[];
  /**
   * The grids are the whole workbook: a mapping whose sheet is not among them names a sheet
   * that was renamed or deleted, and says so. False when only some sheets were read (the
   * pane's このシートを評価), where other sheets' mappings simply do not apply.
   */
  readonly wholeWorkbook?: boolean;
}

export function evaluateWorkbook(grids: readonly SheetGrid[], preset: Preset, options: EvaluateOptions = {}): Evaluation {
  const tables: EvaluatedTable[] = [];
  const problems: Problem[] = [];
  const mappings = options.mappings ?? [];
  // Sheet by sheet: a sheet's tables are graded while what detection read is still at hand.
  for (const grid of grids) {
    // A sheet the host could not read is said on its own; the other sheets are graded.
    if (grid.unreadable) {
      problems.push(makeProblem('sheetUnreadable', grid.name, 'A1'));
      continue;
    }
    const detected = detectKpiTables(grid);
    const own = mappings.length === 0 ? mappings : mappings.filter((m) => m.sheet === grid.name);
    const first = tables.length;
    gradeDetected(own.length === 0 ? detected : applyMappings(grid, detected, own), preset, tables, problems);
    // A hidden sheet is graded like any other, but the officer may not know its tables are there.
    if (grid.visibility !== undefined && grid.visibility !== 'visible' && tables.length > first) {
      problems.push(makeProblem(grid.visibility === 'veryHidden' ? 'sheetVeryHidden' : 'sheetHidden', grid.name, rangeAddress(tables[first]!.table.range)));
    }
  }
  if (options.wholeWorkbook && mappings.length > 0) {
    const names = new Set(grids.map((g) => g.name));
    for (const m of mappings) if (!names.has(m.sheet)) problems.push(makeProblem('mappingSheetMissing', m.sheet, m.range));
  }
  // Nothing found anywhere: say where we looked and for what, rather than an empty report.
  // Sheets that could not be read were not searched: they are not named as searched, and when no
  // sheet could be read their own warnings say everything.
  const searched = grids.filter((g) => !g.unreadable);
  if (tables.length === 0 && searched.length > 0) problems.push(noTableProblem(searched.map((g) => (typeof g.name === 'string' ? g.name : String(g.name)))));
  return { presetId: preset.id, gradeKeys: gradeKeysOf(preset), gradeColours: gradeColours(preset), tables, problems };
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
  return { presetId: preset.id, gradeKeys: gradeKeysOf(preset), gradeColours: gradeColours(preset), tables, problems };
}

/** One sheet's detection problems, then its tables graded in order (their problems after). */
function gradeDetected(detected: DetectionResult, preset: Preset, tables: EvaluatedTable[], problems: Problem[]): void {
  for (let i = 0; i < detected.problems.length; i++) problems.push(detected.problems[i]!);
  for (let i = 0; i < detected.tables.length; i++) tables.push(evaluateTable(detected.tables[i]!, preset, problems));
}

function evaluateTable(table: KpiTable, preset: Preset, problems: Problem[]): EvaluatedTable {
  // Write grades in the style the column already uses (Ｓ or S); full-width when empty.
  // A city scale's own codes (F, a, N, ①) are read as that scale writes them.
  const codes = preset.method === 'scale' ? gradeKeysOf(preset) : undefined;
  const gradeStyle = detectGradeStyle(
    table.kpis.map((k) => k.gradeCell?.text ?? ''),
    codes,
  );
  const kpis = table.kpis.map((kpi): EvaluatedKpi => {
    const graded = gradeKpi(kpi, preset, table.sheet);
    for (let i = 0; i < graded.problems.length; i++) problems.push(graded.problems[i]!);
    const { outcome } = graded;
    // The office's own 目安値 / 進捗率 / 達成率, where it has them: said where they differ from ours.
    if (kpi.expected !== undefined || kpi.officeRates !== undefined) {
      for (const p of checkOfficeFigures(kpi, outcome.measures, table.sheet)) problems.push(p);
    }
    const gradeText = outcome.grade === null ? undefined : toGradeText(outcome.grade, gradeStyle);
    // A formula in the grade cell is the officer's whatever it returns (a grade, 0, ""): not a
    // typed grade to compare, and never written (the write decision says so: gradeIsFormula).
    const existing = kpi.gradeCell?.formula !== undefined ? undefined : kpi.gradeCell?.text.trim() || undefined;
    // Anything typed in the grade cell that is not the computed grade counts as a
    // difference, including text that is not a grade at all: it is the officer's
    // and is never replaced without their say (§8).
    const typed = existing === undefined ? undefined : codes === undefined ? readGradeText(existing) : readGradeCode(existing, codes);
    const differs = existing !== undefined && outcome.grade !== null && typed !== outcome.grade;
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
