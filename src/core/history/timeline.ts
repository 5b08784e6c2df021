/**
 * One KPI's history, oldest first: what the ledger itself holds (yearly values, 前年度評価)
 * followed by the add-in's entries, and the grades per fiscal year for the `--history` table.
 */
import { readGradeText } from '../gradeText';
import type { GradeKey } from '../types';
import type { LedgerHistory } from './ledger';
import { shownGrade } from './compare';
import type { History, HistoryKpi } from './model';

export type HistoryPoint =
  | { readonly source: 'ledger'; readonly fiscalYear?: number; readonly value?: string; readonly grade?: string; readonly role?: string }
  | {
      readonly source: 'entry';
      readonly date: string;
      readonly fiscalYear?: number;
      readonly presetId: string;
      readonly grade: string | null;
      readonly gradeWritten?: string;
      readonly handGrade?: string;
      readonly baseline?: string;
      readonly current?: string;
      readonly target: string;
      readonly reason: string;
      readonly revisionReason?: string;
    };

function entryPoint(entry: History['entries'][number], k: HistoryKpi): HistoryPoint {
  return {
    source: 'entry',
    date: entry.date,
    ...(entry.fiscalYear !== undefined && { fiscalYear: entry.fiscalYear }),
    presetId: entry.presetId,
    grade: k.grade,
    ...(k.gradeWritten !== undefined && { gradeWritten: k.gradeWritten }),
    ...(k.handGrade !== undefined && { handGrade: k.handGrade }),
    ...(k.baseline && { baseline: k.baseline.text }),
    ...(k.current && { current: k.current.text }),
    target: k.target.text,
    reason: k.reason,
    ...(k.revisionReason !== undefined && { revisionReason: k.revisionReason }),
  };
}

/** The KPI's history: ledger values and last year's grade by year, then the entries in the order written. */
export function kpiTimeline(key: string, ledger: LedgerHistory, history: History): HistoryPoint[] {
  const fromLedger: HistoryPoint[] = ledger.values.map((v) => ({
    source: 'ledger' as const,
    value: v.text,
    role: v.role,
    ...(v.year !== undefined && { fiscalYear: v.year }),
  }));
  if (ledger.previousGrade) {
    const point: HistoryPoint = { source: 'ledger', grade: ledger.previousGrade.text, ...(ledger.previousGrade.year !== undefined && { fiscalYear: ledger.previousGrade.year }) };
    // Placed by its year among the values; without a year, after them.
    const at = point.fiscalYear === undefined ? -1 : fromLedger.findIndex((p) => p.fiscalYear !== undefined && p.fiscalYear > point.fiscalYear!);
    if (at < 0) fromLedger.push(point);
    else fromLedger.splice(at, 0, point);
  }
  const entries: HistoryPoint[] = [];
  for (const entry of history.entries) {
    const k = entry.kpis.find((x) => x.key === key);
    if (k) entries.push(entryPoint(entry, k));
  }
  return [...fromLedger, ...entries];
}

/**
 * Grades per fiscal year: the ledger's 前年度評価, then each entry's shown grade (a later entry
 * for the same year wins), then `now` (this evaluation) for its year. Years without any grade
 * are absent.
 */
export function gradesByYear(
  key: string,
  ledger: LedgerHistory,
  history: History,
  now?: { readonly year?: number; readonly grade?: GradeKey },
): Map<number, GradeKey> {
  const grades = new Map<number, GradeKey>();
  const previous = ledger.previousGrade;
  if (previous?.year !== undefined) {
    const g = readGradeText(previous.text);
    if (g) grades.set(previous.year, g);
  }
  for (const entry of history.entries) {
    if (entry.fiscalYear === undefined) continue;
    const k = entry.kpis.find((x) => x.key === key);
    const g = k ? shownGrade(k) : undefined;
    if (g) grades.set(entry.fiscalYear, g);
  }
  if (now?.year !== undefined && now.grade) grades.set(now.year, now.grade);
  return grades;
}
