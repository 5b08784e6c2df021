/**
 * 「この範囲をKPIの表として読む」: the selection read, the dialog open on a draft of it, and
 * the saved readings put or removed (each said by a notice). A failed read of the selection
 * goes to the pane's error area.
 */
import { useCallback, useState } from 'react';
import { mappingOver, type TableMapping } from '../../core/mapping';
import type { LedgerHost } from '../../core/host';
import { errorInfo } from '../state/machine';
import { startDraft, type MappingDraft } from '../state/mappingDraft';
import type { Ledger } from '../state/useLedger';
import type { MappingStore } from '../state/useMappings';

export function useMappingEditor(host: LedgerHost, saved: MappingStore, ledger: Ledger) {
  const [draft, setDraft] = useState<MappingDraft | undefined>();
  const [selecting, setSelecting] = useState(false);
  const { fail, dispatch } = ledger;
  const open = useCallback(async () => {
    setSelecting(true);
    try {
      const selection = await host.readSelection();
      setDraft(startDraft(selection, mappingOver(saved.mappings, selection.sheet, selection.range)));
    } catch (e) {
      fail('readSelection', errorInfo(e));
    } finally {
      setSelecting(false);
    }
  }, [host, saved.mappings, fail]);
  const save = useCallback(
    async (mapping: TableMapping) => {
      if (await saved.put(mapping)) {
        setDraft(undefined);
        dispatch({ type: 'notice', notice: 'mappingSaved' });
      }
    },
    [saved, dispatch],
  );
  const remove = useCallback(
    async (mapping: TableMapping) => {
      if (await saved.remove(mapping)) dispatch({ type: 'notice', notice: 'mappingRemoved' });
    },
    [saved, dispatch],
  );
  const close = useCallback(() => setDraft(undefined), []);
  return { draft, setDraft, selecting, open, save, remove, close };
}
