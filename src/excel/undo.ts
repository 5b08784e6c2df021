/**
 * Undo of the last write, from the snapshot saved in the workbook: every written
 * cell gets back its value or formula exactly, the add-in's colour rules on those
 * sheets go, notes it added go and notes it replaced get their text back.
 * A sheet that is protected (or gone) now is reported and its part of the snapshot
 * kept, so undo can be run again after unprotecting; the rest is restored.
 * Cells are put back even if edited after the write: undo means "as before the last
 * run". Colour rules the last run replaced are not brought back (the snapshot does
 * not hold their ranges); the next evaluation recolours.
 * Syncs: find the snapshot, read it, check the sheets, restore (chunked if large). The restore
 * ends with the add-in's rules and then the snapshot, since Excel may refuse to delete the rules.
 */
import { makeProblem } from '../core/problems';
import type { Problem } from '../core/types';
import { snapshotInput } from './cellInput';
import { columnRuns, runAddress, singleCellRuns } from './cellRuns';
import { BudgetedBatch, estimateBytes } from './chunking';
import { addinRules, deleteRulesLast, probeSheetRules, queueSheetRules, type RuleToDelete } from './conditionalFormats';
import { HostError } from './errors';
import { hasExcelCode, isExcelError, type ExcelRun } from './excelRun';
import type { UndoReport } from '../core/host';
import { isAddinNote } from '../core/notes';
import { isEmptySnapshot, partsToSnapshot, snapshotToParts, UNDO_NAMESPACE, type SnapshotNote, type UndoSnapshot } from './undoSnapshot';

export interface UndoDeps {
  readonly notesSupported: () => boolean;
  readonly snapshotId?: () => string;
}

export async function hasUndo(run: ExcelRun): Promise<boolean> {
  try {
    return await run(async (context) => {
      const count = context.workbook.customXmlParts.getByNamespace(UNDO_NAMESPACE).getCount();
      await context.sync();
      return count.value > 0;
    });
  } catch (error) {
    throw HostError.from('undoCheckFailed', error);
  }
}

interface SheetState {
  readonly worksheet: Excel.Worksheet;
  rules?: Excel.ConditionalFormatCollection;
}

export async function undoLastWrite(run: ExcelRun, deps: UndoDeps): Promise<UndoReport> {
  return run(async (context) => {
    let snapshot: UndoSnapshot;
    let parts: Excel.CustomXmlPart[];
    let present: Set<string>;
    try {
      const scoped = context.workbook.customXmlParts.getByNamespace(UNDO_NAMESPACE);
      scoped.load('items/id');
      const worksheets = context.workbook.worksheets;
      worksheets.load('items/name');
      await context.sync();
      parts = scoped.items;
      if (parts.length === 0) return { restored: 0, problems: [] };
      present = new Set(worksheets.items.map((s) => s.name));
      const xml = parts.map((p) => p.getXml());
      await context.sync();
      snapshot = partsToSnapshot(xml.map((x) => x.value));
    } catch (error) {
      if (error instanceof HostError) throw error;
      throw HostError.from('undoFailed', error);
    }
    try {
      return await restore(context, snapshot, parts, present, deps);
    } catch (error) {
      throw HostError.from('undoFailed', error);
    }
  });
}

interface Checked {
  readonly sheets: Map<string, SheetState>;
  readonly notes: { note: SnapshotNote; now: Excel.Note }[];
}

/** Queues the checks of the sheets still there (and, if asked, their rules) and syncs them. */
async function checkSheets(
  context: Excel.RequestContext,
  snapshot: UndoSnapshot,
  sheetNames: ReadonlySet<string>,
  present: ReadonlySet<string>,
  notesSupported: boolean,
  loadRules: boolean,
): Promise<Checked> {
  const ruleSheets = new Set(loadRules ? snapshot.rules.map((r) => r.sheet) : []);
  const check = new BudgetedBatch(context);
  const sheets = new Map<string, SheetState>();
  for (const name of sheetNames) {
    if (!present.has(name)) continue;
    const state: SheetState = { worksheet: context.workbook.worksheets.getItem(name) };
    sheets.set(name, state);
    await check.add(estimateBytes.load(name), () => state.worksheet.protection.load('protected'));
    if (ruleSheets.has(name)) {
      await check.add(estimateBytes.rulesLoad(name), () => {
        state.rules = queueSheetRules(state.worksheet);
      });
    }
  }
  const notes: { note: SnapshotNote; now: Excel.Note }[] = [];
  if (notesSupported) {
    for (const note of snapshot.notes.filter((n) => sheets.has(n.sheet))) {
      const now = sheets.get(note.sheet)!.worksheet.notes.getItemOrNullObject(note.address);
      notes.push({ note, now });
      await check.add(estimateBytes.noteCheck(note.sheet, note.address), () => now.load('content'));
    }
  }
  await check.flush();
  return { sheets, notes };
}

async function restore(
  context: Excel.RequestContext,
  snapshot: UndoSnapshot,
  parts: readonly Excel.CustomXmlPart[],
  present: ReadonlySet<string>,
  deps: UndoDeps,
): Promise<UndoReport> {
  const notesSupported = snapshot.notes.length > 0 && deps.notesSupported();
  const sheetNames = new Set([...snapshot.cells.map((c) => c.sheet), ...snapshot.rules.map((r) => r.sheet), ...snapshot.notes.map((n) => n.sheet)]);
  const ruleSheets = new Set(snapshot.rules.map((r) => r.sheet));

  // Check: protection, the add-in's rules and the notes as they are now. When Excel cannot load
  // a sheet's rules (office-js #6827), check again without them and find that sheet alone: its
  // cells are still restored, and the officer is told its colour rules stay.
  let checked: Checked;
  let rulesUnreadable: readonly string[] = [];
  try {
    checked = await checkSheets(context, snapshot, sheetNames, present, notesSupported, true);
  } catch (error) {
    if (ruleSheets.size === 0 || !hasExcelCode(error) || isExcelError(error, 'AccessDenied')) throw error;
    checked = await checkSheets(context, snapshot, sheetNames, present, notesSupported, false);
    const worksheets = new Map([...checked.sheets].filter(([name]) => ruleSheets.has(name)).map(([name, s]) => [name, s.worksheet]));
    const probed = await probeSheetRules(context, worksheets);
    for (const [name, rules] of probed.rules) checked.sheets.get(name)!.rules = rules;
    rulesUnreadable = probed.unreadable;
  }
  const { sheets, notes } = checked;

  const problems: Problem[] = [];
  const blocked = new Set<string>();
  for (const name of sheetNames) {
    const state = sheets.get(name);
    if (state && !state.worksheet.protection.protected) continue;
    blocked.add(name);
    const cell = snapshot.cells.find((c) => c.sheet === name)?.address ?? snapshot.rules.find((r) => r.sheet === name)?.range ?? 'A1';
    problems.push(makeProblem(state ? 'sheetProtected' : 'sheetMissing', name, cell));
  }
  for (const name of rulesUnreadable) {
    if (blocked.has(name)) continue;
    problems.push(makeProblem('rulesNotRemoved', name, snapshot.rules.find((r) => r.sheet === name)?.range ?? 'A1'));
  }

  const batch = new BudgetedBatch(context);
  const cells = snapshot.cells.filter((c) => !blocked.has(c.sheet));
  const runs = [...columnRuns(cells.filter((c) => !c.alone)), ...singleCellRuns(cells.filter((c) => c.alone))];
  for (const run of runs) {
    const address = runAddress(run);
    const inputs = run.items.map((c) => [snapshotInput(c)]);
    const range = sheets.get(run.sheet)!.worksheet.getRange(address);
    // Formulas go back as formulas; `values` would do too, `formulas` says what we mean.
    const asFormulas = run.items.some((c) => c.formula !== undefined);
    await batch.add(estimateBytes.rangeWrite(run.sheet, address, inputs), () => {
      if (asFormulas) range.formulas = inputs;
      else range.values = inputs;
    });
  }
  for (const { note, now } of notes) {
    if (blocked.has(note.sheet)) continue;
    const worksheet = sheets.get(note.sheet)!.worksheet;
    await batch.add(estimateBytes.note(note.sheet, note.address, note.before ?? ''), () => {
      if (note.before === undefined) {
        // Ours, unless the officer rewrote it since: then it is theirs and stays.
        if (!now.isNullObject && isAddinNote(now.content)) now.delete();
      } else if (now.isNullObject) worksheet.notes.add(note.address, note.before);
      else now.content = note.before;
    });
  }

  // The add-in's rules, then the snapshot: a failure before the snapshot goes leaves it for
  // another try. Excel may refuse to delete the rules (conditionalFormats.ts); the snapshot still
  // goes then, or undo would be refused again and again, and the officer is told.
  const ours: RuleToDelete[] = [];
  for (const [name, state] of sheets) {
    if (!blocked.has(name) && state.rules) ours.push(...addinRules(state.rules).map((rule) => ({ sheet: name, rule })));
  }
  const leftover: UndoSnapshot = {
    ...snapshot,
    cells: snapshot.cells.filter((c) => blocked.has(c.sheet)),
    rules: snapshot.rules.filter((r) => blocked.has(r.sheet)),
    // Notes on a host without the notes API cannot be touched here: not kept, or undo would never end.
    notes: snapshot.notes.filter((n) => blocked.has(n.sheet) && notesSupported),
  };
  const leftoverParts = isEmptySnapshot(leftover) ? [] : snapshotToParts(leftover, (deps.snapshotId ?? (() => `${Date.now()}`))());
  const replaceSnapshot = async (b: BudgetedBatch): Promise<void> => {
    for (const part of parts) await b.add(estimateBytes.deletion(), () => part.delete());
    for (const xml of leftoverParts) {
      await b.add(estimateBytes.xmlPart(xml), () => {
        context.workbook.customXmlParts.add(xml);
      });
    }
  };
  for (const name of await deleteRulesLast(context, batch, ours, replaceSnapshot)) {
    problems.push(makeProblem('rulesNotRemoved', name, snapshot.rules.find((r) => r.sheet === name)?.range ?? 'A1'));
  }
  return { restored: cells.length, problems };
}
