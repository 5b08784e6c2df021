/**
 * From an evaluation and what a write actually put in the grade cells to one history entry.
 * Pure: both doors call it with the writes they carried out.
 */
import { cellAddress } from '../grid';
import { gradeCellKey, type Evaluation, type Problem, type ValueCell, type WritePlan } from '../types';
import { kpiKey, type HistoryEntry, type HistoryFigure, type HistoryKpi } from './model';

export interface RecordInput {
  readonly evaluation: Evaluation;
  /** Grade cells written by this write, as `gradeCellKey(sheet, address)` → text written. */
  readonly written: ReadonlyMap<string, string>;
  readonly date: string;
  readonly source: HistoryEntry['source'];
  readonly writeId?: string;
  /** The officer's reasons for a revised target or baseline, by kpiKey. */
  readonly revisionReasons?: ReadonlyMap<string, string>;
}

export function figureOf(cell: ValueCell): HistoryFigure {
  const figure: { -readonly [K in keyof HistoryFigure]: HistoryFigure[K] } = { text: cell.text };
  if (cell.reading.kind === 'number') {
    figure.value = cell.reading.value;
    if (cell.reading.unit !== '') figure.unit = cell.reading.unit;
  }
  if (cell.year !== undefined) figure.year = cell.year;
  return figure;
}

/**
 * The fiscal year an evaluation is for: the year of the current values. With yearly actual
 * columns rows may end in different years; the latest one counts (the year being reported).
 */
export function evaluatedYear(evaluation: Evaluation): number | undefined {
  let year: number | undefined;
  for (const t of evaluation.tables)
    for (const { kpi } of t.kpis) {
      const y = kpi.current?.year;
      if (y !== undefined && (year === undefined || y > year)) year = y;
    }
  return year;
}

export function recordEntry(input: RecordInput): HistoryEntry {
  const kpis: HistoryKpi[] = [];
  for (const t of input.evaluation.tables)
    for (const e of t.kpis) {
      const { kpi } = e;
      const key = kpiKey(t.table.sheet, kpi.name, kpi.department);
      const k: { -readonly [K in keyof HistoryKpi]: HistoryKpi[K] } = {
        key,
        sheet: t.table.sheet,
        name: kpi.name,
        row: kpi.row,
        target: figureOf(kpi.target),
        grade: e.outcome.grade,
        reason: e.outcome.reason,
      };
      if (kpi.department) k.department = kpi.department;
      if (kpi.baseline) k.baseline = figureOf(kpi.baseline);
      if (kpi.current) k.current = figureOf(kpi.current);
      if (kpi.gradeCell) {
        const written = input.written.get(gradeCellKey(t.table.sheet, cellAddress(kpi.gradeCell.row, kpi.gradeCell.col)));
        if (written !== undefined) k.gradeWritten = written;
        // A typed grade that differs and was not replaced is the officer's grade for this year.
        else if (e.differs && e.existing) k.handGrade = e.existing;
      }
      const reason = input.revisionReasons?.get(key);
      if (reason) k.revisionReason = reason;
      kpis.push(k);
    }
  const entry: { -readonly [K in keyof HistoryEntry]: HistoryEntry[K] } = {
    date: input.date,
    presetId: input.evaluation.presetId,
    source: input.source,
    kpis,
  };
  const year = evaluatedYear(input.evaluation);
  if (year !== undefined) entry.fiscalYear = year;
  if (input.writeId) entry.writeId = input.writeId;
  return entry;
}

/**
 * The grade cells a write actually changed: the plan's grade writes less those a door reported
 * skipped (by sheet and cell), as `gradeCellKey` → text. For the pane, whose adapter reports
 * counts and skips rather than the cells.
 */
const SHEET_WIDE: ReadonlySet<Problem['code']> = new Set<Problem['code']>(['sheetProtected', 'sheetMissing', 'veryHiddenNotWritten']);

export function writtenGrades(plan: WritePlan, skipped: readonly Problem[]): Map<string, string> {
  const refused = new Set(skipped.map((p) => gradeCellKey(p.sheet, p.cell)));
  // Said once per sheet by the write decision (src/core/decide.ts): nothing on the sheet was written.
  const protectedSheets = new Set(skipped.filter((p) => SHEET_WIDE.has(p.code)).map((p) => p.sheet));
  const written = new Map<string, string>();
  for (const w of plan.writes) {
    const key = gradeCellKey(w.sheet, w.address);
    if (w.purpose === 'grade' && !refused.has(key) && !protectedSheets.has(w.sheet)) written.set(key, w.after);
  }
  return written;
}
