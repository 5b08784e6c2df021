/**
 * The evaluation history in the live workbook: the same custom XML part the command line
 * writes (historyPayload.ts), through customXmlParts like the saved rule (presetStore.ts).
 * Each write's entry carries the id of that write's undo snapshot, so undo removes exactly the
 * entry of the write it undid. Saving adds the new part first and deletes the old ones after,
 * in one request: if it fails, the previous history is still there.
 */
import { appendEntry, EMPTY_HISTORY, removeEntry, type History, type HistoryEntry, type HistoryRead } from '../core/history/model';
import { HostError } from './errors';
import { readNewestPartXml } from './customXmlPart';
import type { ExcelRun } from './excelRun';
import { HISTORY_NAMESPACE, historyFromXml, historyToXml } from './historyPayload';
import { UNDO_NAMESPACE } from './undoSnapshot';
import { unwrapXml } from './xmlPayload';

export async function loadHistory(run: ExcelRun): Promise<HistoryRead> {
  const xml = await readNewestPartXml(run, HISTORY_NAMESPACE, 'historyLoadFailed');
  return xml === undefined ? { kind: 'none' } : historyFromXml(xml);
}

/** Queues the new history part and the deletion of the old ones (add first: a failed request keeps the old). */
function queueSave(context: Excel.RequestContext, history: History, old: readonly Excel.CustomXmlPart[]): void {
  context.workbook.customXmlParts.add(historyToXml(history));
  for (const part of old) part.delete();
}

/**
 * The history part and the undo snapshot's part found (one sync) and their XML asked for: the
 * values arrive with the caller's next sync, which it makes only when it needs them.
 */
async function historyAndUndoXml(context: Excel.RequestContext) {
  const historyParts = context.workbook.customXmlParts.getByNamespace(HISTORY_NAMESPACE);
  historyParts.load('items/id');
  const undoParts = context.workbook.customXmlParts.getByNamespace(UNDO_NAMESPACE);
  undoParts.load('items/id');
  await context.sync();
  const historyXml = historyParts.items[historyParts.items.length - 1]?.getXml();
  const undoXml = undoParts.items[0]?.getXml();
  return { historyParts, historyXml, undoXml };
}

/**
 * Records the entry of the write just made, tied to its undo snapshot, in one request of three
 * syncs (find the parts, read them, save). `makeEntry` gets the history before this entry, to
 * compare with. A damaged history part is left as it is (the officer is told by the load), never
 * replaced by one that forgets it: then nothing is recorded and undefined returned.
 */
export async function recordHistoryEntry(
  run: ExcelRun,
  makeEntry: (previous: History) => Omit<HistoryEntry, 'writeId'>,
): Promise<History | undefined> {
  try {
    return await run(async (context) => {
      const { historyParts, historyXml, undoXml } = await historyAndUndoXml(context);
      if (historyXml || undoXml) await context.sync();
      const read: HistoryRead = historyXml ? historyFromXml(historyXml.value) : { kind: 'none' };
      if (read.kind === 'invalid') return undefined;
      const before = read.kind === 'ok' ? read.history : EMPTY_HISTORY;
      let writeId = undoXml ? unwrapXml(undoXml.value)?.attributes.snapshot : undefined;
      // A write that changed nothing keeps the previous write's snapshot (applyPlan): that id is
      // the previous entry's, and undo must not take this entry out with it.
      if (writeId !== undefined && before.entries.some((e) => e.writeId === writeId)) writeId = undefined;
      const history = appendEntry(before, { ...makeEntry(before), ...(writeId !== undefined && { writeId }) });
      queueSave(context, history, historyParts.items);
      await context.sync();
      return history;
    });
  } catch (error) {
    throw HostError.from('historySaveFailed', error);
  }
}

/**
 * Before an undo: the id of the write about to be undone, when the workbook has a history to
 * take it out of (one sync when it has none, so plain undo costs next to nothing more).
 */
export async function writeIdToForget(run: ExcelRun): Promise<string | undefined> {
  try {
    return await run(async (context) => {
      const history = context.workbook.customXmlParts.getByNamespace(HISTORY_NAMESPACE).getCount();
      const undo = context.workbook.customXmlParts.getByNamespace(UNDO_NAMESPACE);
      undo.load('items/id');
      await context.sync();
      const first = undo.items[0];
      if (history.value === 0 || !first) return undefined;
      const xml = first.getXml();
      await context.sync();
      return unwrapXml(xml.value)?.attributes.snapshot;
    });
  } catch (error) {
    throw HostError.from('undoCheckFailed', error);
  }
}

/** After an undo: the entry of the undone write goes, once its snapshot is gone (fully undone). */
export async function forgetUndoneWrite(run: ExcelRun, writeId: string | undefined): Promise<void> {
  if (writeId === undefined) return;
  try {
    await run(async (context) => {
      const { historyParts, historyXml, undoXml } = await historyAndUndoXml(context);
      if (!historyXml) return;
      await context.sync();
      // Partly restored (a protected sheet keeps its part of the snapshot): the write still stands.
      if (undoXml && unwrapXml(undoXml.value)?.attributes.snapshot === writeId) return;
      const read = historyFromXml(historyXml.value);
      if (read.kind !== 'ok' || !read.history.entries.some((e) => e.writeId === writeId)) return;
      queueSave(context, removeEntry(read.history, writeId), historyParts.items);
      await context.sync();
    });
  } catch (error) {
    throw HostError.from('historySaveFailed', error);
  }
}
