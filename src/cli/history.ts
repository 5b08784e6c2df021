/**
 * The command line's side of the evaluation history (issue 13), kept out of run.ts: read the
 * history part, compare this evaluation with the last entry (revised targets go into the
 * reasons), record an entry for an `--out` write, and add `history` / `officerText` to `--json`.
 */
import type { WriteDecision } from '../core/decide';
import { compareWithPrevious, revisionMessage, withRevisionReasons, type Comparison, type GradeChange } from '../core/history/compare';
import { ledgerHistory, officerColumns, officerTexts, type OfficerText } from '../core/history/ledger';
import { appendEntry, EMPTY_HISTORY, kpiKey, lastEntry, type History } from '../core/history/model';
import { recordEntry } from '../core/history/record';
import { kpiTimeline, type HistoryPoint } from '../core/history/timeline';
import { createTranslator, type Lang } from '../core/i18n';
import { gradeCellKey, type Evaluation } from '../core/types';
import { cellAddress, type SheetGrid } from '../core/grid';
import { readHistoryPart, writeHistoryPart } from '../xlsx/historyPart';
import type { LoadedWorkbook } from '../xlsx/readWorkbook';
import type { JsonReport } from './jsonReport';

const t = createTranslator('cliHistory', {
  ja: {
    invalid:
      '警告: このブックに保存された評価の履歴が壊れているため、履歴は読まず、書き込みもしませんでした（{{detail}}）。履歴を作り直すときは、作業中のブックの「カスタム XML」部品 urn:kpi-ledger-addin:history:v1 を削除してください。',
  },
  en: {
    invalid:
      'Warning: the evaluation history saved in this workbook is damaged, so it was neither read nor written ({{detail}}). To start it afresh, remove the custom XML part urn:kpi-ledger-addin:history:v1.',
  },
});

export interface HistoryRun {
  /** The history as read, then with this run's entry once recorded. */
  history: History;
  /** False when the part is damaged: then nothing is written to it. */
  readonly writable: boolean;
  readonly warning?: string;
  readonly comparison: Comparison;
  /** The evaluation with revised targets said in the reasons: what is reported and written. */
  readonly evaluation: Evaluation;
  /** Grade cells of the add-in's own last grades, replaced by this `--out` write. */
  replacedOwn?: ReadonlySet<string>;
}

export function prepareHistory(loaded: LoadedWorkbook, evaluation: Evaluation, lang: Lang): HistoryRun {
  const read = readHistoryPart(loaded);
  const history = read.kind === 'ok' ? read.history : EMPTY_HISTORY;
  const comparison = compareWithPrevious(evaluation, lastEntry(history));
  return {
    history,
    writable: read.kind !== 'invalid',
    ...(read.kind === 'invalid' && { warning: t(lang, 'invalid', { detail: read.errors.join(' / ') }) }),
    comparison,
    evaluation: withRevisionReasons(evaluation, comparison),
  };
}

/**
 * Grade cells that still show exactly what the add-in wrote at the last recorded write: they are
 * ours, not the officer's, so this year's grade replaces them (§8 keeps only typed grades). A cell
 * the officer changed since differs from the entry and stays.
 */
export function ownGradeCells(run: HistoryRun): ReadonlySet<string> {
  const own = lastOwnGrades(run);
  run.replacedOwn = own;
  return own;
}

/** The same cells without noting them as replaced: for counting the ledger as the next write leaves it. */
export function lastOwnGrades(run: HistoryRun): ReadonlySet<string> {
  const previous = new Map((lastEntry(run.history)?.kpis ?? []).map((k) => [k.key, k]));
  const own = new Set<string>();
  for (const table of run.evaluation.tables)
    for (const e of table.kpis) {
      if (!e.differs || !e.kpi.gradeCell || e.existing === undefined) continue;
      const written = previous.get(kpiKey(table.table.sheet, e.kpi.name, e.kpi.department))?.gradeWritten;
      if (written !== undefined && written.trim() === e.existing.trim()) own.add(gradeCellKey(table.table.sheet, cellAddress(e.kpi.gradeCell.row, e.kpi.gradeCell.col)));
    }
  return own;
}

/** Records the entry of an `--out` write in the package (the one history part added or replaced). */
export function recordOutWrite(
  loaded: LoadedWorkbook,
  run: HistoryRun,
  decision: WriteDecision,
  date: string,
  /** The officer's reasons for revised targets and baselines (--revision-reason), by kpiKey. */
  revisionReasons: ReadonlyMap<string, string> = new Map(),
): void {
  if (!run.writable) return;
  const written = new Map<string, string>();
  for (const w of decision.writes) if (w.purpose === 'grade') written.set(gradeCellKey(w.sheet, w.address), w.after);
  const entry = recordEntry({ evaluation: run.evaluation, written, date, source: 'cli', revisionReasons });
  run.history = appendEntry(run.history, entry);
  writeHistoryPart(loaded, run.history);
}

export interface JsonKpiHistory {
  /** The ledger's own yearly values and 前年度評価, then the add-in's entries, oldest first. */
  history: HistoryPoint[];
  /** 要因分析 / 課題 / 今後の方向性 … as the officer wrote them: read, never written. */
  officerText: OfficerText[];
  /** Against the previous entry. */
  change: GradeChange;
  revisions: { what: 'target' | 'baseline'; from: string; to: string; since?: number; message: string; messageEn: string }[];
}

/** Adds each KPI's history, officer's text, change and revisions, and the change counts, to the report. */
export function addHistoryToReport(report: JsonReport, run: HistoryRun, grids: readonly SheetGrid[]): void {
  const byKey = new Map(run.comparison.kpis.map((k) => [k.key, k]));
  const gridOf = new Map(grids.map((g) => [g.name, g]));
  run.evaluation.tables.forEach((table, ti) => {
    const grid = gridOf.get(table.table.sheet);
    const columns = grid ? officerColumns(table.table, grid) : [];
    table.kpis.forEach((e, ki) => {
      const key = kpiKey(table.table.sheet, e.kpi.name, e.kpi.department);
      const cmp = byKey.get(key);
      const extra: JsonKpiHistory = {
        history: kpiTimeline(key, ledgerHistory(e.kpi), run.history),
        officerText: grid ? officerTexts(e.kpi, columns, grid) : [],
        change: cmp?.change ?? 'new',
        revisions: (cmp?.revisions ?? []).map((r) => ({ ...r, message: revisionMessage(r, 'ja'), messageEn: revisionMessage(r, 'en') })),
      };
      Object.assign(report.tables[ti]!.kpis[ki]!, extra);
    });
  });
  (report as JsonReport & { changes?: Comparison['counts'] }).changes = run.comparison.counts;
  // 「手入力の値はそのまま残しています」 is not true of the add-in's own last grades that --out replaced.
  const own = run.replacedOwn;
  if (own && own.size > 0) report.problems = report.problems.filter((p) => p.code !== 'handGradeDiffers' || !own.has(gradeCellKey(p.sheet, p.cell)));
}
