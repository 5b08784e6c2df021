/**
 * The pane's three stores tied together: the rule (usePresets), the saved table readings
 * (useMappings) and the ledger (useLedger). The first two report into the ledger's state,
 * which needs the rule and the readings: the reports go through refs set after each render.
 */
import { useCallback, useRef } from 'react';
import type { Evaluation } from '../../core/types';
import type { LedgerHost } from '../../core/host';
import type { ErrorInfo, FailedOperation } from '../state/machine';
import { useLedger } from '../state/useLedger';
import { useMappings } from '../state/useMappings';
import { usePresets } from '../state/usePresets';

export function usePaneLedger(host: LedgerHost, onEvaluated: ((evaluation: Evaluation) => void) | undefined) {
  const failRef = useRef<(op: FailedOperation, error: ErrorInfo) => void>(() => undefined);
  const savedRef = useRef<() => void>(() => undefined);
  const onStoreError = useCallback((op: FailedOperation, error: ErrorInfo) => failRef.current(op, error), []);
  const onPresetSaved = useCallback(() => savedRef.current(), []);
  const choice = usePresets(host, onStoreError, onPresetSaved);
  const saved = useMappings(host, onStoreError);
  const ledger = useLedger(host, choice.active, onEvaluated, saved.mappings);
  failRef.current = ledger.fail;
  savedRef.current = () => ledger.dispatch({ type: 'notice', notice: 'presetSaved' });
  return { choice, saved, ledger };
}
