/**
 * The reasons the officer types for revised targets and baselines (issue 13), by kpiKey, until
 * the next write records them in its history entry. A new read starts afresh: the rows on screen
 * are new. Rows reach them through a context, so the results list does not carry them row by row.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';

export interface RevisionReasons {
  readonly reasons: ReadonlyMap<string, string>;
  setReason(key: string, reason: string): void;
}

export const RevisionReasonsContext = createContext<RevisionReasons | undefined>(undefined);

/** The reasons of the rows on screen; `readRun` changes with every new read of the workbook. */
export function useRevisionReasonsState(readRun: number): RevisionReasons {
  const [reasons, setReasons] = useState<ReadonlyMap<string, string>>(() => new Map());
  useEffect(() => setReasons(new Map()), [readRun]);
  const setReason = useCallback(
    (key: string, reason: string) =>
      setReasons((old) => {
        const next = new Map(old);
        if (reason === '') next.delete(key);
        else next.set(key, reason);
        return next;
      }),
    [],
  );
  return useMemo(() => ({ reasons, setReason }), [reasons, setReason]);
}

/** In a row: the reasons, when the pane provides them (undefined in a list shown without one). */
export function useRevisionReasons(): RevisionReasons | undefined {
  return useContext(RevisionReasonsContext);
}
