/**
 * Drives 「集計を作成」 and its own undo 「集計シートを削除」. Kept apart from the ledger's
 * machine: the summary sheet is a sheet of its own, not a change to the ledger's cells, so it
 * has its own state (busy, what the last press did) and its own undo. Failures go to the
 * pane's one error area (ops `summary` / `removeSummary`).
 */
import { useCallback, useState } from 'react';
import type { SheetGrid } from '../../core/grid';
import type { History } from '../../core/history/model';
import { SUMMARY_SHEET_NAME } from '../../core/summarySheet';
import type { Evaluation, Preset, Problem } from '../../core/types';
import type { LedgerHost } from '../../core/host';
import { errorInfo, type ErrorInfo, type FailedOperation } from './machine';
import { paneSummaryContent } from './summarySheet';

export type SummaryOutcome =
  /** `earlierLabel`: the earlier evaluation the sheet compares with, when the history has one. */
  | { readonly kind: 'written'; readonly sheet: string; readonly replaced: boolean; readonly earlierLabel?: string }
  | { readonly kind: 'nameTaken'; readonly sheet: string; readonly problem: Problem }
  | { readonly kind: 'removed'; readonly sheet: string }
  /** Nothing of ours to remove (the officer deleted or renamed it already). */
  | { readonly kind: 'notFound'; readonly sheet: string };

export interface SummarySheet {
  readonly busy: boolean;
  readonly outcome?: SummaryOutcome;
  /**
   * `history`: the saved history as read with the grids (no sync of its own), for last time's
   * share. A write since then added this year's entry, which is never "last time" anyway.
   */
  create(evaluation: Evaluation, grids: readonly SheetGrid[], preset: Preset, adopted: ReadonlySet<string>, history?: History): Promise<void>;
  remove(): Promise<void>;
  dismiss(): void;
}

export function useSummarySheet(host: LedgerHost, fail: (op: FailedOperation, error: ErrorInfo) => void): SummarySheet {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<SummaryOutcome | undefined>();

  const create = useCallback(
    async (evaluation: Evaluation, grids: readonly SheetGrid[], preset: Preset, adopted: ReadonlySet<string>, history?: History) => {
      setBusy(true);
      setOutcome(undefined);
      try {
        const content = paneSummaryContent(evaluation, grids, preset, adopted, history);
        const result = await host.writeSummarySheet(content);
        setOutcome(result.kind === 'written' && content.earlierLabel !== undefined ? { ...result, earlierLabel: content.earlierLabel } : result);
      } catch (e) {
        fail('summary', errorInfo(e));
      } finally {
        setBusy(false);
      }
    },
    [host, fail],
  );

  const remove = useCallback(async () => {
    setBusy(true);
    try {
      const removed = await host.removeSummarySheet(SUMMARY_SHEET_NAME);
      setOutcome({ kind: removed ? 'removed' : 'notFound', sheet: SUMMARY_SHEET_NAME });
    } catch (e) {
      fail('removeSummary', errorInfo(e));
    } finally {
      setBusy(false);
    }
  }, [host, fail]);

  const dismiss = useCallback(() => setOutcome(undefined), []);
  return { busy, outcome, create, remove, dismiss };
}
