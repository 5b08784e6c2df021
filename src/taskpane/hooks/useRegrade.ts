/**
 * Grades the grids already read again when what grading depends on changes: the rule
 * (after a short pause, and only up to AUTO_REGRADE_MAX KPIs; above that the officer
 * presses 再評価) and the saved table readings (at once). Not after writing: the grids
 * are stale then. Returns a counter that grows with each regrade for changed readings:
 * the results list starts afresh then, as after a new read (the tables it shows are new).
 */
import { useEffect, useRef, useState } from 'react';
import type { TableMapping } from '../../core/mapping';
import type { Preset } from '../../core/types';
import type { Ledger } from '../state/useLedger';

export function useRegrade(ledger: Ledger, active: Preset | undefined, mappings: readonly TableMapping[], autoRegrade: boolean): number {
  const { regrade } = ledger;
  const { phase } = ledger.state;
  const evaluatedWith = ledger.state.phase === 'preview' ? ledger.state.evaluatedWith : undefined;
  useEffect(() => {
    if (phase !== 'preview' || !active || evaluatedWith === active || !autoRegrade) return;
    // A short pause so that typing a threshold does not grade on every keystroke.
    const id = setTimeout(() => void regrade(active), 300);
    return () => clearTimeout(id);
  }, [active, phase, evaluatedWith, regrade, autoRegrade]);

  // A saved or removed reading is used at once (after the render that hands the new list to useLedger).
  const gradedMappings = useRef(mappings);
  const [mappingRun, setMappingRun] = useState(0);
  useEffect(() => {
    if (gradedMappings.current === mappings) return;
    gradedMappings.current = mappings;
    if (phase !== 'preview' || !active) return;
    setMappingRun((n) => n + 1);
    void regrade(active);
  }, [mappings, phase, active, regrade]);
  return mappingRun;
}
