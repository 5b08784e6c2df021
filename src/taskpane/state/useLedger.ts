/**
 * Drives the state machine: calls the host (read, write, undo, select) and the
 * engine (evaluate), and turns every answer — including every rejection — into an
 * action. Nothing here touches Office: the host comes from the context.
 */
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { evaluateWorkbook } from '../../core/evaluate';
import { compareWithPrevious, withRevisionReasons, type Comparison } from '../../core/history/compare';
import { EMPTY_HISTORY, lastEntry, type History } from '../../core/history/model';
import type { SheetGrid } from '../../core/grid';
import type { TableMapping } from '../../core/mapping';
import type { Evaluation, Preset, WritePlan } from '../../core/types';
import type { WriteConsent } from '../../core/decide';
import type { EvaluationScope, LedgerHost } from '../../core/host';
import { errorInfo, initialState, isBusy, reducer, type Action, type ErrorInfo, type FailedOperation, type LedgerState } from './machine';
import { recordPaneWrite } from './recordHistory';

/**
 * Lets the browser paint (the spinner) before a long synchronous step: a frame if
 * frames are running, or a short timeout when they are not (hidden pane).
 */
export function yieldToPaint(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (!done) {
        done = true;
        resolve();
      }
    };
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(finish, 0));
    setTimeout(finish, 50);
  });
}

const NO_MAPPINGS: readonly TableMapping[] = Object.freeze([]);

/** The saved history as read at the last evaluation and that evaluation compared with its last entry. */
export interface PaneHistory {
  readonly history: History;
  readonly comparison: Comparison;
}

export interface Ledger {
  readonly state: LedgerState;
  /** Undefined before the first evaluation, and with a host that keeps no history. */
  readonly history?: PaneHistory;
  readonly dispatch: (action: Action) => void;
  evaluate(scope: EvaluationScope): Promise<void>;
  /** Grades the grids already read again, e.g. with a changed rule. */
  regrade(preset: Preset): Promise<void>;
  cancel(): void;
  /** `consent`: the officer's yes to very hidden sheets; `revisionReasons`: the reasons for revised targets, by kpiKey, saved in the history entry. */
  write(plan: WritePlan, consent?: WriteConsent, revisionReasons?: ReadonlyMap<string, string>): Promise<void>;
  undo(): Promise<void>;
  select(sheet: string, address: string): void;
  fail(op: FailedOperation, error: ErrorInfo): void;
}

export function useLedger(
  host: LedgerHost,
  preset: Preset | undefined,
  onEvaluated?: (evaluation: Evaluation) => void,
  mappings: readonly TableMapping[] = NO_MAPPINGS,
): Ledger {
  const [state, dispatch] = useReducer(reducer, initialState);
  const stateRef = useRef(state);
  stateRef.current = state;
  const runRef = useRef(0);
  const abortRef = useRef<AbortController | undefined>(undefined);
  const presetRef = useRef(preset);
  presetRef.current = preset;
  const onEvaluatedRef = useRef(onEvaluated);
  onEvaluatedRef.current = onEvaluated;
  const mappingsRef = useRef(mappings);
  mappingsRef.current = mappings;
  // The history read with the grids: a regrade compares with the same entry.
  const savedHistoryRef = useRef<History | undefined>(undefined);
  const [history, setHistory] = useState<PaneHistory | undefined>(undefined);
  // The evaluation as graded, before the revision notes: recordPaneWrite compares it with the
  // history as it is at the write and adds them itself (withRevisionReasons is not idempotent).
  const gradedRef = useRef<Evaluation | undefined>(undefined);

  const fail = useCallback((op: FailedOperation, error: ErrorInfo) => dispatch({ type: 'fail', op, ...error }), []);

  const refreshUndo = useCallback(async () => {
    try {
      dispatch({ type: 'undoAvailable', value: await host.hasUndo() });
    } catch (e) {
      dispatch({ type: 'fail', op: 'hasUndo', ...errorInfo(e) });
    }
  }, [host]);

  useEffect(() => {
    void refreshUndo();
    return () => abortRef.current?.abort();
  }, [refreshUndo]);

  const grade = useCallback(async (run: number, grids: readonly SheetGrid[], rule: Preset, scope: EvaluationScope | undefined) => {
    await yieldToPaint();
    if (runRef.current !== run) return;
    try {
      // The officer's saved table readings, every time; a sheet renamed under one is said only
      // when the whole workbook was read.
      const graded = evaluateWorkbook(grids, rule, { mappings: mappingsRef.current, wholeWorkbook: scope?.kind === 'workbook' });
      if (runRef.current !== run) return;
      // As the command line does (src/cli/history.ts prepareHistory): compared with the last
      // entry, a revised target or baseline said in the reason, so both doors say the same.
      const saved = savedHistoryRef.current;
      const comparison = saved ? compareWithPrevious(graded, lastEntry(saved)) : undefined;
      const evaluation = comparison ? withRevisionReasons(graded, comparison) : graded;
      setHistory(saved && comparison ? { history: saved, comparison } : undefined);
      gradedRef.current = graded;
      dispatch({ type: 'evaluated', run, evaluation, preset: rule });
      onEvaluatedRef.current?.(evaluation);
    } catch (e) {
      dispatch({ type: 'fail', op: 'evaluate', ...errorInfo(e), run });
    }
  }, []);

  const evaluate = useCallback(
    async (scope: EvaluationScope) => {
      const rule = presetRef.current;
      if (!rule || isBusy(stateRef.current.phase)) return;
      const run = ++runRef.current;
      const controller = new AbortController();
      abortRef.current = controller;
      dispatch({ type: 'readStart', scope, run });
      let grids: SheetGrid[];
      try {
        grids = await host.readGrids(scope, {
          signal: controller.signal,
          onProgress: (progress) => dispatch({ type: 'readProgress', run, progress }),
        });
        // The saved history, read with the grids (issue 13). A damaged part is compared as an
        // empty history (no previous entry), as the command line does.
        const read = host.loadHistory ? await host.loadHistory() : undefined;
        savedHistoryRef.current = read === undefined ? undefined : read.kind === 'ok' ? read.history : EMPTY_HISTORY;
      } catch (e) {
        // After a cancel the rejection is the cancel itself; the pane already says so.
        if (controller.signal.aborted || runRef.current !== run) return;
        dispatch({ type: 'fail', op: 'read', ...errorInfo(e), run });
        return;
      }
      if (controller.signal.aborted || runRef.current !== run) return;
      dispatch({ type: 'readDone', run, grids });
      await grade(run, grids, rule, scope);
    },
    [host, grade],
  );

  const regrade = useCallback(
    async (rule: Preset) => {
      const s = stateRef.current;
      if (s.phase !== 'preview') return;
      const run = ++runRef.current;
      dispatch({ type: 'regradeStart', run });
      await grade(run, s.grids, rule, s.scope);
    },
    [grade],
  );

  const cancel = useCallback(() => {
    runRef.current++;
    abortRef.current?.abort();
    dispatch({ type: 'cancel' });
  }, []);

  const write = useCallback(
    async (plan: WritePlan, consent?: WriteConsent, revisionReasons?: ReadonlyMap<string, string>) => {
      const s = stateRef.current;
      if (s.phase !== 'preview') return;
      const evaluation = gradedRef.current ?? s.evaluation;
      dispatch({ type: 'writeStart', cells: plan.writes.length });
      try {
        const report = await host.applyPlan(plan, consent);
        dispatch({ type: 'writeDone', report });
        // The history entry of this write (issue 13); a failure is said, the grades stay written.
        await recordPaneWrite(host, evaluation, plan, report, revisionReasons);
      } catch (e) {
        dispatch({ type: 'fail', op: 'write', ...errorInfo(e) });
      }
      await refreshUndo();
    },
    [host, refreshUndo],
  );

  const undo = useCallback(async () => {
    if (isBusy(stateRef.current.phase)) return;
    dispatch({ type: 'undoStart' });
    try {
      const report = await host.undoLastWrite();
      dispatch({ type: 'undoDone', report });
    } catch (e) {
      dispatch({ type: 'fail', op: 'undo', ...errorInfo(e) });
    }
    await refreshUndo();
  }, [host, refreshUndo]);

  const select = useCallback(
    (sheet: string, address: string) => {
      host.selectCell(sheet, address).catch((e: unknown) => dispatch({ type: 'fail', op: 'select', ...errorInfo(e) }));
    },
    [host],
  );

  return { state, ...(history && { history }), dispatch, evaluate, regrade, cancel, write, undo, select, fail };
}
