/**
 * The officer's table readings (src/core/mapping.ts): loaded from the workbook at start, put
 * or removed by the mapping dialog, saved back whole. Every later evaluation in the pane uses
 * `mappings` (useLedger takes them); a failed save leaves the list as it was.
 */
import { useCallback, useEffect, useState } from 'react';
import { putMapping, type TableMapping } from '../../core/mapping';
import type { LedgerHost } from '../../core/host';
import { errorInfo, type ErrorInfo, type FailedOperation } from './machine';

export interface MappingStore {
  readonly mappings: readonly TableMapping[];
  readonly saving: boolean;
  /** Saves the list with this mapping in it; resolves true when it was saved. */
  put(mapping: TableMapping): Promise<boolean>;
  remove(mapping: TableMapping): Promise<boolean>;
}

export function useMappings(host: LedgerHost, onError: (op: FailedOperation, error: ErrorInfo) => void): MappingStore {
  const [mappings, setMappings] = useState<readonly TableMapping[]>([]);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let live = true;
    host.loadMappings().then(
      (loaded) => {
        if (live) setMappings(loaded);
      },
      (e: unknown) => {
        if (live) onError('loadMappings', errorInfo(e));
      },
    );
    return () => {
      live = false;
    };
    // Load once per host, as the saved rule is.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [host]);

  const save = useCallback(
    async (next: readonly TableMapping[]): Promise<boolean> => {
      setSaving(true);
      try {
        await host.saveMappings(next);
        setMappings(next);
        return true;
      } catch (e) {
        onError('saveMappings', errorInfo(e));
        return false;
      } finally {
        setSaving(false);
      }
    },
    [host, onError],
  );

  const put = useCallback((mapping: TableMapping) => save(putMapping(mappings, mapping)), [mappings, save]);
  const remove = useCallback((mapping: TableMapping) => save(mappings.filter((m) => m !== mapping)), [mappings, save]);

  return { mappings, saving, put, remove };
}
