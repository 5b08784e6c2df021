/**
 * Step (a) of a write: look at the workbook as it is now, just before writing —
 * every target cell's value and formula, each sheet's protection, the add-in's
 * old colour rules, the notes already on noted cells, the previous undo
 * snapshot — for core's decision of what may be written (src/core/decide.ts). All loads go in one batch (one sync
 * for a normal plan), whatever the number of sheets and cells.
 */
import { decideWrites, NO_CONSENT, sheetObstacle, sheetsOf, type SheetNow, type WorkbookNow, type WriteConsent } from '../core/decide';
import { makeProblem } from '../core/problems';
import type { CellSnapshot, CellWrite, ConditionalFormatPlan, NoteWrite, Problem, WritePlan } from '../core/types';
import { formulaOf } from './cellInput';
import { columnRuns, runAddress, type ColumnRun } from './cellRuns';
import { BudgetedBatch, estimateBytes } from './chunking';
import { addinRules, probeSheetRules, queueSheetRules, type RuleToDelete } from './conditionalFormats';
import { hasExcelCode, isExcelError } from './excelRun';
import { UNDO_NAMESPACE } from './undoSnapshot';
import { sheetVisibility } from './visibility';

interface SheetCheck {
  readonly worksheet: Excel.Worksheet;
  rules?: Excel.ConditionalFormatCollection;
}

interface RunCheck {
  readonly run: ColumnRun<CellWrite>;
  readonly range: Excel.Range;
  merges?: Excel.RangeAreas;
}

interface NoteCheck {
  readonly note: NoteWrite;
  readonly existing: Excel.Note;
}

export interface PlanCheck {
  readonly sheets: ReadonlyMap<string, SheetCheck>;
  readonly runs: readonly RunCheck[];
  readonly notes: readonly NoteCheck[];
  readonly undoParts: Excel.CustomXmlPartScopedCollection;
  /** Sheets of the plan that no longer exist (renamed or deleted since the preview). */
  readonly missing: readonly string[];
  /** Sheets whose conditional formats Excel could not load (office-js #6827): no colour rules there. */
  readonly rulesUnreadable: readonly string[];
}

/** A cell that may be written: what it holds now is what the preview saw. */
export interface CheckedWrite {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly address: string;
  readonly after: string;
  readonly now: CellSnapshot;
  /** It touches a merged area: written on its own, never as part of a multi-cell range. */
  readonly alone: boolean;
}

export interface CheckedNote {
  readonly note: NoteWrite;
  /** The add-in's own note from an earlier run, to be replaced; undefined when there is none. */
  readonly replaces?: { readonly note: Excel.Note; readonly before: string };
}

export interface Decision {
  readonly writes: readonly CheckedWrite[];
  readonly formats: readonly ConditionalFormatPlan[];
  readonly notes: readonly CheckedNote[];
  /** The add-in's previous colour rules on the sheets being coloured: to be replaced. */
  readonly oldRules: readonly RuleToDelete[];
  /** The plan's skips and the decision's, each once, then what Excel itself refused. */
  readonly problems: readonly Problem[];
}

/**
 * Queues and syncs the checks, one sync for a normal plan. When that fails while it loaded
 * colour rules, the check runs again without them and each sheet's rules are loaded on their own
 * (see conditionalFormats.ts): a sheet whose rules Excel cannot load then costs only its colours.
 * A failure that comes back without the rules is thrown.
 */
export async function checkPlan(context: Excel.RequestContext, plan: WritePlan, notesSupported: boolean): Promise<PlanCheck> {
  try {
    return await checkSheets(context, plan, notesSupported, true);
  } catch (error) {
    if (plan.formats.length === 0 || !hasExcelCode(error) || isExcelError(error, 'AccessDenied')) throw error;
    const check = await checkSheets(context, plan, notesSupported, false);
    const formatSheets = new Set(plan.formats.map((f) => f.sheet));
    const worksheets = new Map([...check.sheets].filter(([name]) => formatSheets.has(name)).map(([name, s]) => [name, s.worksheet]));
    const probed = await probeSheetRules(context, worksheets);
    for (const [name, rules] of probed.rules) check.sheets.get(name)!.rules = rules;
    return { ...check, rulesUnreadable: probed.unreadable };
  }
}

/** A sheet that vanished since the preview costs one extra sync to find out which. */
async function checkSheets(context: Excel.RequestContext, plan: WritePlan, notesSupported: boolean, loadRules: boolean): Promise<PlanCheck> {
  const sheets = sheetsOf(plan);
  try {
    return await queueAndSync(context, plan, sheets, notesSupported, [], loadRules);
  } catch (error) {
    if (!isExcelError(error, 'ItemNotFound')) throw error;
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/name');
    await context.sync();
    const present = new Set(worksheets.items.map((s) => s.name));
    const missing = sheets.filter((s) => !present.has(s));
    if (missing.length === 0) throw error;
    return queueAndSync(context, plan, sheets.filter((s) => present.has(s)), notesSupported, missing, loadRules);
  }
}

async function queueAndSync(
  context: Excel.RequestContext,
  plan: WritePlan,
  sheetNames: readonly string[],
  notesSupported: boolean,
  missing: readonly string[],
  loadRules: boolean,
): Promise<PlanCheck> {
  const batch = new BudgetedBatch(context);
  const undoParts = context.workbook.customXmlParts.getByNamespace(UNDO_NAMESPACE);
  await batch.add(estimateBytes.load(), () => undoParts.load('items/id'));

  const formatSheets = new Set(loadRules ? plan.formats.map((f) => f.sheet) : []);
  const sheets = new Map<string, SheetCheck>();
  for (const name of sheetNames) {
    const check: SheetCheck = { worksheet: context.workbook.worksheets.getItem(name) };
    sheets.set(name, check);
    await batch.add(estimateBytes.load(name), () => check.worksheet.load('visibility, protection/protected'));
    if (formatSheets.has(name)) {
      await batch.add(estimateBytes.rulesLoad(name), () => {
        check.rules = queueSheetRules(check.worksheet);
      });
    }
  }

  const runs: RunCheck[] = [];
  for (const run of columnRuns(plan.writes.filter((w) => sheets.has(w.sheet)))) {
    const address = runAddress(run);
    const check: RunCheck = { run, range: sheets.get(run.sheet)!.worksheet.getRange(address) };
    runs.push(check);
    await batch.add(estimateBytes.rangeCheck(run.sheet, address), () => {
      check.range.load('values, formulas');
      if (run.items.length > 1) {
        // Writing one array over a range that cuts through a merged area is not safe.
        check.merges = check.range.getMergedAreasOrNullObject();
        check.merges.load('areaCount');
      }
    });
  }

  const notes: NoteCheck[] = [];
  if (notesSupported) {
    for (const note of plan.notes.filter((n) => sheets.has(n.sheet))) {
      const existing = sheets.get(note.sheet)!.worksheet.notes.getItemOrNullObject(note.address);
      notes.push({ note, existing });
      await batch.add(estimateBytes.noteCheck(note.sheet, note.address), () => existing.load('content'));
    }
  }
  await batch.flush();
  return { sheets, runs, notes, undoParts, missing, rulesUnreadable: [] };
}

function scalar(value: unknown): CellSnapshot['value'] {
  if (value === '' || value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

/**
 * What the workbook holds now, as core's decision reads it (src/core/decide.ts), from what the
 * check loaded; and, per cell, whether it touches a merged area (how to write it, not whether).
 */
function workbookNow(check: PlanCheck, notesSupported: boolean): { now: WorkbookNow; alone: ReadonlySet<string> } {
  const cells = new Map<string, Map<string, CellSnapshot>>();
  const alone = new Set<string>();
  for (const { run, range, merges } of check.runs) {
    const runTouchesMerge = merges !== undefined && !merges.isNullObject;
    const sheetCells = cells.get(run.sheet) ?? new Map<string, CellSnapshot>();
    cells.set(run.sheet, sheetCells);
    run.items.forEach((write, i) => {
      // The lookup finds areas that start in the run; the plan knows those that start above or left (#3611).
      if (runTouchesMerge || write.inMerge === true) alone.add(`${write.sheet}!${write.address}`);
      const value = range.values[i]?.[0];
      const formula = formulaOf(range.formulas[i]?.[0], value);
      sheetCells.set(write.address, formula !== undefined ? { value: scalar(value), formula } : { value: scalar(value) });
    });
  }
  const notes = new Map<string, Map<string, string>>();
  for (const { note, existing } of check.notes) {
    if (existing.isNullObject) continue;
    const sheetNotes = notes.get(note.sheet) ?? new Map<string, string>();
    notes.set(note.sheet, sheetNotes);
    sheetNotes.set(note.address, existing.content);
  }
  const sheets = new Map<string, SheetNow>();
  for (const [name, { worksheet }] of check.sheets) {
    sheets.set(name, {
      protected: worksheet.protection.protected,
      visibility: sheetVisibility(worksheet),
      cells: cells.get(name) ?? new Map(),
      notes: notes.get(name) ?? new Map(),
    });
  }
  return { now: { sheets, notesSupported }, alone };
}

/**
 * What may be written: core's decision on what the check found, carried into Excel's terms
 * (the Note objects to replace, the add-in's old rules to delete), with what only Excel can get
 * wrong added (a sheet whose colour rules could not be read).
 */
export function decide(plan: WritePlan, check: PlanCheck, notesSupported: boolean, consent: WriteConsent = NO_CONSENT): Decision {
  const { now, alone } = workbookNow(check, notesSupported);
  const decision = decideWrites(plan, now, consent);
  const problems: Problem[] = [...decision.skipped];
  const open = (sheet: string): boolean => sheetObstacle(now.sheets.get(sheet), consent) === undefined;

  const writes: CheckedWrite[] = decision.writes.map((w) => ({
    sheet: w.sheet,
    row: w.row,
    col: w.col,
    address: w.address,
    after: w.after,
    now: w.now,
    alone: alone.has(`${w.sheet}!${w.address}`),
  }));

  const found = new Map(check.notes.map((n) => [`${n.note.sheet}!${n.note.address}`, n.existing]));
  const notes: CheckedNote[] = decision.notes.map(({ note, replaces }) =>
    replaces === undefined ? { note } : { note, replaces: { note: found.get(`${note.sheet}!${note.address}`)!, before: replaces } },
  );

  const oldRules: RuleToDelete[] = [];
  for (const [name, sheet] of check.sheets) {
    if (open(name) && sheet.rules) oldRules.push(...addinRules(sheet.rules).map((rule) => ({ sheet: name, rule })));
  }

  // Without the sheet's rules our old ones cannot be replaced: adding new ones would pile them up.
  const uncoloured = new Set(check.rulesUnreadable.filter(open));
  for (const sheet of uncoloured) problems.push(makeProblem('rulesUnreadable', sheet, plan.formats.find((f) => f.sheet === sheet)?.range ?? 'A1'));
  // A range without rules only clears old ones, which oldRules already does sheet by sheet.
  const formats = decision.formats.filter((f) => !uncoloured.has(f.sheet) && f.rules.length > 0);
  return { writes, formats, notes, oldRules, problems };
}
