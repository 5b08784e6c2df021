/**
 * After the pane's write: its entry in the evaluation history (issue 13), compared with the
 * entry before it so a revised target is said in the recorded reason. A host without history
 * (older test hosts) records nothing; a damaged history part is left alone (the adapter refuses).
 */
import { compareWithPrevious, withRevisionReasons, type Comparison } from '../../core/history/compare';
import { lastEntry } from '../../core/history/model';
import { recordEntry, writtenGrades } from '../../core/history/record';
import { reasonsForRevised } from '../../core/history/revisionReasons';
import type { Evaluation, WritePlan } from '../../core/types';
import type { ApplyReport, LedgerHost } from '../../core/host';

export async function recordPaneWrite(
  host: LedgerHost,
  evaluation: Evaluation,
  plan: WritePlan,
  report: ApplyReport,
  /** The officer's reasons for revised targets and baselines, by kpiKey (those still revised are kept). */
  revisionReasons: ReadonlyMap<string, string> = new Map(),
  now: Date = new Date(),
): Promise<{ comparison: Comparison; evaluation: Evaluation } | undefined> {
  if (!host.recordHistory) return undefined;
  let result: { comparison: Comparison; evaluation: Evaluation } | undefined;
  const recorded = await host.recordHistory((previous) => {
    const comparison = compareWithPrevious(evaluation, lastEntry(previous));
    const annotated = withRevisionReasons(evaluation, comparison);
    result = { comparison, evaluation: annotated };
    return recordEntry({
      evaluation: annotated,
      written: writtenGrades(plan, report.skipped),
      date: now.toISOString(),
      source: 'pane',
      revisionReasons: reasonsForRevised(comparison, revisionReasons),
    });
  });
  return recorded ? result : undefined;
}
