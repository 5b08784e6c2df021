/**
 * The evaluation history in the live workbook: the same custom XML part the command line
 * writes (historyPayload.ts), through customXmlParts like the saved rule (presetStore.ts).
 * Each write's entry carries the id of that write's undo snapshot, so undo removes exactly the
 * entry of the write it undid. Saving adds the new part first and deletes the old ones after,
 * in one request: if it fails, the previous history is still there.
 */
import { appendEntry, EMPTY_HISTORY, removeEntry, type History, type HistoryEntry } from '../core/history/model';
import { HostError } from './errors';
import type { ExcelRun } from './excelRun';
import { HISTORY_NAMESPACE, historyFromXml, historyToXml, type HistoryRead } from './historyPayload';
import { UNDO_NAMESPACE } from './undoSnapshot';
import { unwrapXml } from './xmlPayload';

export async function loadHistory(run: ExcelRun): Promise<HistoryRead> {
  let xml: string | undefined;
  try {
    xml = await run(async (context) => {
      const parts = context.workbook.customXmlParts.getByNamespace(HISTORY_NAMESPACE);
      parts.load('items/id');
      await context.sync();
      // saveHistory keeps one part; should there be more, the newest (last added) counts.
      const last = parts.items[parts.items.length - 1];
      if (!last) return undefined;
      const result = last.getXml();
      await context.sync();
      return result.value;
    });
  } catch (error) {
    throw HostError.from('historyLoadFailed', error);
  }
  return xml === undefined ? { kind: 'none' } : historyFromXml(xml);
}

async function saveHistory(run: ExcelRun, history: History): Promise<void> {
  const xml = historyToXml(history);
  await run(async (context) => {
    const parts = context.workbook.customXmlParts.getByNamespace(HISTORY_NAMESPACE);
    parts.load('items/id');
    await context.sync();
    context.workbook.customXmlParts.add(xml);
    for (const part of parts.items) part.delete();
    await context.sync();
  });
}

/** The id of the undo snapshot in the workbook now (the last write's), if any. */
export async function currentSnapshotId(run: ExcelRun): Promise<string | undefined> {
  return run(async (context) => {
    const parts = context.workbook.customXmlParts.getByNamespace(UNDO_NAMESPACE);
    parts.load('items/id');
    await context.sync();
    const first = parts.items[0];
    if (!first) return undefined;
    const xml = first.getXml();
    await context.sync();
    return unwrapXml(xml.value)?.attributes.snapshot;
  });
}

/**
 * Records the entry of the write just made, tied to its undo snapshot. A damaged history part is
 * left as it is (the officer is told by the load), never replaced by one that forgets it.
 */
export async function recordHistoryEntry(run: ExcelRun, entry: Omit<HistoryEntry, 'writeId'>): Promise<History | undefined> {
  try {
    const read = await loadHistory(run);
    if (read.kind === 'invalid') return undefined;
    const before = read.kind === 'ok' ? read.history : EMPTY_HISTORY;
    let writeId = await currentSnapshotId(run);
    // A write that changed nothing keeps the previous write's snapshot (applyPlan): that id is
    // the previous entry's, and undo must not take this entry out with it.
    if (writeId !== undefined && before.entries.some((e) => e.writeId === writeId)) writeId = undefined;
    const history = appendEntry(before, { ...entry, ...(writeId !== undefined && { writeId }) });
    await saveHistory(run, history);
    return history;
  } catch (error) {
    if (error instanceof HostError) throw error;
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
    if ((await currentSnapshotId(run)) === writeId) return; // partly restored: the write still stands
    const read = await loadHistory(run);
    if (read.kind !== 'ok' || !read.history.entries.some((e) => e.writeId === writeId)) return;
    await saveHistory(run, removeEntry(read.history, writeId));
  } catch (error) {
    if (error instanceof HostError) throw error;
    throw HostError.from('historySaveFailed', error);
  }
}
