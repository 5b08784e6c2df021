/**
 * The `--json` shape: stable field names for scripts and tests. `grade` is the
 * half-width key (S A B C D E -) or null; everything else is extra detail.
 */
import { cellAddress, rangeAddress } from '../core/grid';
import type { Evaluation, Problem, ValueCell } from '../core/types';
import type { JsonSummary } from '../report/jsonSummary';

export interface JsonKpi {
  name: string;
  department?: string;
  note?: string;
  gradeCell: string | null;
  grade: string | null;
  gradeText: string | null;
  existing: string | null;
  differs: boolean;
  /** The grade cell holds this formula: not a typed grade, never written over. */
  gradeFormula?: string;
  baseline: string | null;
  current: string | null;
  target: string;
  progress: number | null;
  elapsed: number | null;
  attainment: number | null;
  direction: string | null;
  reason: string;
  reasonEn: string;
  /** The current value came from a 見込 (forecast) column. */
  forecast?: true;
  /** The ledger's own 目安値, as displayed. */
  expected?: string;
  /** Last year's grade (前年度評価), as displayed: history, never written. */
  previousGrade?: string;
}

export interface JsonProblem {
  sheet: string;
  cell: string;
  code: string;
  severity: string;
  message: string;
  messageEn: string;
}

export const jsonProblem = (p: Problem): JsonProblem => ({
  sheet: p.sheet,
  cell: p.cell,
  code: p.code,
  severity: p.severity,
  message: p.message,
  messageEn: p.messageEn,
});

export interface JsonReport {
  preset: string;
  /** goal / direction: the headings the table sits under (#12), filled by src/report/committee. */
  tables: { sheet: string; range: string; gradeColumn: string | null; goal?: string; direction?: string; kpis: JsonKpi[] }[];
  problems: JsonProblem[];
  /**
   * What the --out copy received, and everything the write left alone (also among `problems`),
   * as the pane reports a write; `planned` is how many cells the plan meant to change.
   */
  written?: { cells: number; notes: number; rules: number; file: string; planned: number; skipped: JsonProblem[] };
  /** The committee summary (#12): counts per 基本目標, 基本的方向 and 担当課. */
  summary?: JsonSummary;
}

const text = (cell: ValueCell | undefined): string | null => (cell ? cell.text : null);
const num = (n: number | undefined): number | null => (n === undefined || !Number.isFinite(n) ? null : n);

export function toJsonReport(evaluation: Evaluation, extraProblems: readonly Problem[] = []): JsonReport {
  return {
    preset: evaluation.presetId,
    tables: evaluation.tables.map(({ table, kpis }) => ({
      sheet: table.sheet,
      range: rangeAddress(table.range),
      gradeColumn: table.columns.grade ? cellAddress(table.headerRows.top, table.columns.grade.col).replace(/\d+$/, '') : null,
      kpis: kpis.map(({ kpi, outcome, gradeText, existing, differs }) => ({
        name: kpi.name,
        ...(kpi.department ? { department: kpi.department } : {}),
        ...(kpi.note ? { note: kpi.note } : {}),
        gradeCell: kpi.gradeCell ? cellAddress(kpi.gradeCell.row, kpi.gradeCell.col) : null,
        grade: outcome.grade,
        gradeText: gradeText ?? null,
        existing: existing ?? null,
        differs,
        ...(kpi.gradeCell?.formula !== undefined ? { gradeFormula: kpi.gradeCell.formula } : {}),
        baseline: text(kpi.baseline),
        current: text(kpi.current),
        target: kpi.target.text,
        progress: num(outcome.measures?.progress),
        elapsed: num(outcome.measures?.elapsed),
        attainment: num(outcome.measures?.attainment),
        direction: outcome.measures?.direction ?? null,
        reason: outcome.reason,
        reasonEn: outcome.reasonEn,
        ...(kpi.currentIsForecast ? { forecast: true as const } : {}),
        ...(kpi.expected ? { expected: kpi.expected.text } : {}),
        ...(kpi.previousGrade ? { previousGrade: kpi.previousGrade.text } : {}),
      })),
    })),
    problems: [...evaluation.problems, ...extraProblems].map(jsonProblem),
  };
}

/** Problems from writing that the evaluation did not already report. */
export function newWriteProblems(evaluation: Evaluation, skipped: readonly Problem[]): Problem[] {
  const seen = new Set(evaluation.problems.map((p) => `${p.code}|${p.sheet}|${p.cell}`));
  return skipped.filter((p) => !seen.has(`${p.code}|${p.sheet}|${p.cell}`));
}
