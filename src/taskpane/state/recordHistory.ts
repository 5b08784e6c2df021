/**
 * After the pane's write: its entry in the evaluation history (issue 13), compared with the
 * entry before it so a revised target is said in the recorded reason. A host without history
 * (older test hosts) records nothing; a damaged history part is left alone (the adapter refuses).
 */
import { compareWithPrevious, withRevisionReasons, type Comparison } from '../../core/history/compare';
import { EMPTY_HISTORY, lastEntry } from '../../core/history/model';
import { recordEntry, writtenGrades } from '../../core/history/record';
import type { Evaluation, WritePlan } from '../../core/types';
import type { ApplyReport, LedgerHost } from '../../excel/host';

export async function recordPaneWrite(
  host: LedgerHost,
  evaluation: Evaluation,
  plan: WritePlan,
  report: ApplyReport,
  now: Date = new Date(),
): Promise<{ comparison: Comparison; evaluation: Evaluation } | undefined> {
  if (!host.loadHistory || !host.recordHistory) return undefined;
  const read = await host.loadHistory();
  if (read.kind === 'invalid') return undefined;
  const comparison = compareWithPrevious(evaluation, lastEntry(read.kind === 'ok' ? read.history : EMPTY_HISTORY));
  const annotated = withRevisionReasons(evaluation, comparison);
  await host.recordHistory(
    recordEntry({ evaluation: annotated, written: writtenGrades(plan, report.skipped), date: now.toISOString(), source: 'pane' }),
  );
  return { comparison, evaluation: annotated };
}
