/**
 * §8 the write decision, the one place that answers "may this be written now?" for every door
 * (the Office adapter, the command line's file patcher, the pane's test host): given a write plan
 * and what the workbook holds now, which cells, notes and colour rules may be written, and why
 * each of the others may not. Pure: a door gathers `now` (cells, protection, visibility, notes
 * as they are just before writing), asks here, carries out the answer and reports `skipped`.
 *
 * - A sheet that is gone (sheetMissing), protected (sheetProtected) or very hidden without the
 *   officer's say (veryHiddenNotWritten): nothing on it, said once per sheet. A hidden sheet is
 *   written like any other (the evaluation says it is hidden).
 * - A cell that now holds a formula is never written (gradeIsFormula), whatever it shows; a cell
 *   whose content is no longer what the plan saw is left alone (changedSincePreview).
 * - A reason note goes only with a grade that was not refused; the add-in's own note
 *   (NOTE_MARKER) is replaced; a note the officer wrote stays and ours is not added (noteKept).
 *   A host without notes writes none and says so once (notesUnsupported).
 */
import { cellAddress, parseRangeAddress, type CellRange, type SheetGrid, type SheetVisibility } from './grid';
import { isAddinNote } from './notes';
import { makeProblem } from './problems';
import type { CellSnapshot, CellWrite, ConditionalFormatPlan, NoteWrite, Problem, WritePlan } from './types';

/** One sheet as it is just before writing. */
export interface SheetNow {
  readonly protected: boolean;
  readonly visibility: SheetVisibility;
  /** What each cell the plan writes holds now ("G13" → value and formula); a cell not here is empty. */
  readonly cells: ReadonlyMap<string, CellSnapshot>;
  /** The note on each noted cell ("G13" → text); only cells the plan notes need be here. */
  readonly notes: ReadonlyMap<string, string>;
  /**
   * The sheet's merged areas, when the door has them (a file does): a plan that writes inside one
   * is refused as a bug. Excel's adapter instead writes a run touching a merge cell by cell.
   */
  readonly merges?: readonly CellRange[];
}

export interface WorkbookNow {
  /** The sheets the plan touches that exist now, by name. */
  readonly sheets: ReadonlyMap<string, SheetNow>;
  /** False when the host cannot add notes (Excel before ExcelApi 1.18). */
  readonly notesSupported: boolean;
}

/** What the officer agreed to when asked (the pane's confirmation, the command line's flags). */
export interface WriteConsent {
  /** Write on very hidden sheets too. */
  readonly veryHidden: boolean;
}

export const NO_CONSENT: WriteConsent = Object.freeze({ veryHidden: false });

/** A cell that may be written, with what it holds now (for the undo snapshot). */
export interface DecidedWrite extends CellWrite {
  readonly now: CellSnapshot;
}

export interface DecidedNote {
  readonly note: NoteWrite;
  /** The note the add-in wrote there on an earlier run, replaced by this one. */
  readonly replaces?: string;
}

export interface WriteDecision {
  readonly writes: readonly DecidedWrite[];
  readonly notes: readonly DecidedNote[];
  /**
   * Colour rules per range on the sheets that may be written; a range with no rules clears the
   * add-in's old rules there (a door that cannot clear by range skips it).
   */
  readonly formats: readonly ConditionalFormatPlan[];
  /** Everything the plan and the decision leave alone, with why: the plan's first, each said once. */
  readonly skipped: readonly Problem[];
}

/** A cell's content as compared: an empty string is an empty cell. */
function scalar(value: CellSnapshot['value'] | undefined): CellSnapshot['value'] {
  return value === '' || value === undefined ? null : value;
}

const EMPTY: CellSnapshot = Object.freeze({ value: null });

/** The sheets a plan touches, in plan order. */
export function sheetsOf(plan: WritePlan): string[] {
  const names = new Set<string>();
  for (const w of plan.writes) names.add(w.sheet);
  for (const n of plan.notes) names.add(n.sheet);
  for (const f of plan.formats) names.add(f.sheet);
  return [...names];
}

function firstCellOn(plan: WritePlan, sheet: string): string {
  return (
    plan.writes.find((w) => w.sheet === sheet)?.address ??
    plan.notes.find((n) => n.sheet === sheet)?.address ??
    plan.formats.find((f) => f.sheet === sheet)?.range ??
    'A1'
  );
}

/** Why nothing may be written on this sheet now, if so (a door asks it to know which sheets stay untouched). */
export function sheetObstacle(sheet: SheetNow | undefined, consent: WriteConsent): Problem['code'] | undefined {
  if (!sheet) return 'sheetMissing';
  if (sheet.protected) return 'sheetProtected';
  if (sheet.visibility === 'veryHidden' && !consent.veryHidden) return 'veryHiddenNotWritten';
  return undefined;
}

/** Why this cell may not be written now, if so. */
function cellObstacle(write: CellWrite, now: CellSnapshot): Problem['code'] | undefined {
  // A formula that returns a grade (or 0, or "") is still the officer's formula.
  if (now.formula !== undefined) return 'gradeIsFormula';
  if (write.before.formula !== undefined || scalar(now.value) !== scalar(write.before.value)) return 'changedSincePreview';
  return undefined;
}

export function decideWrites(plan: WritePlan, now: WorkbookNow, consent: WriteConsent = NO_CONSENT): WriteDecision {
  const found: Problem[] = [];
  const open = new Map<string, SheetNow>();
  for (const name of sheetsOf(plan)) {
    const sheet = now.sheets.get(name);
    const obstacle = sheetObstacle(sheet, consent);
    if (obstacle) found.push(makeProblem(obstacle, name, firstCellOn(plan, name)));
    else open.set(name, sheet!);
  }

  const writes: DecidedWrite[] = [];
  const refused = new Set<string>();
  for (const write of plan.writes) {
    const sheet = open.get(write.sheet);
    if (!sheet) continue;
    assertNotMergeSlave(sheet, write.sheet, write.row, write.col);
    const cell = sheet.cells.get(write.address) ?? EMPTY;
    const obstacle = cellObstacle(write, cell);
    if (obstacle) {
      found.push(makeProblem(obstacle, write.sheet, write.address));
      refused.add(`${write.sheet}!${write.address}`);
    } else writes.push({ ...write, now: cell });
  }

  const notes: DecidedNote[] = [];
  if (!now.notesSupported && plan.notes.length > 0) {
    const first = plan.notes[0]!;
    found.push(makeProblem('notesUnsupported', first.sheet, first.address));
  }
  for (const note of now.notesSupported ? plan.notes : []) {
    const sheet = open.get(note.sheet);
    if (!sheet) continue;
    const at = parseRangeAddress(note.address);
    if (!at) throw new Error(`decideWrites: "${note.address}" is not a cell address`);
    assertNotMergeSlave(sheet, note.sheet, at.top, at.left);
    // A reason next to a grade that was not written would explain something that is not there.
    if (refused.has(`${note.sheet}!${note.address}`)) continue;
    const existing = sheet.notes.get(note.address);
    if (existing === undefined || existing === '') notes.push({ note });
    else if (isAddinNote(existing)) notes.push({ note, replaces: existing });
    // The officer wrote a note there: it stays, ours is not added, and they are told.
    else found.push(makeProblem('noteKept', note.sheet, note.address));
  }

  const formats: ConditionalFormatPlan[] = [];
  for (const format of plan.formats) {
    if (!open.has(format.sheet)) continue;
    if (!parseRangeAddress(format.range)) throw new Error(`decideWrites: "${format.range}" is not a range address`);
    formats.push(format);
  }
  return { writes, notes, formats, skipped: withoutRepeats([...plan.skipped, ...found]) };
}

/** The planner may already report what the decision finds again (a protected sheet): say it once. */
function withoutRepeats(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = p.code === 'sheetProtected' ? `${p.code}|${p.sheet}` : `${p.code}|${p.sheet}|${p.cell}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Writing into a merged area's other cells would be hidden, or overwrite the area's text: a plan never asks it. */
function assertNotMergeSlave(sheet: SheetNow, name: string, row: number, col: number): void {
  const merge = sheet.merges?.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  if (merge && (merge.top !== row || merge.left !== col)) {
    throw new Error(`decideWrites: ${name}!${cellAddress(row, col)} is inside a merged area; only its top-left cell can be written`);
  }
}

/**
 * `now` from grids as a door read them (a file's sheets, the pane's test host, the preview):
 * every cell the plan writes, protection, visibility, merges, and the notes `notesOf` finds.
 */
export function nowFromGrids(
  grids: readonly SheetGrid[],
  plan: WritePlan,
  notesOf: (sheet: string) => ReadonlyMap<string, string> = () => new Map(),
  notesSupported = true,
): WorkbookNow {
  const wanted = new Set(sheetsOf(plan));
  const noted = new Set(plan.notes.map((n) => n.sheet));
  const writesOn = new Map<string, CellWrite[]>();
  for (const w of plan.writes) {
    const list = writesOn.get(w.sheet);
    if (list) list.push(w);
    else writesOn.set(w.sheet, [w]);
  }
  const sheets = new Map<string, SheetNow>();
  for (const grid of grids) {
    if (!wanted.has(grid.name)) continue;
    const cells = new Map<string, CellSnapshot>();
    for (const w of writesOn.get(grid.name) ?? []) {
      const cell = grid.rows[w.row]?.[w.col];
      if (cell) cells.set(w.address, cell.formula !== undefined && cell.formula !== '' ? { value: cell.value, formula: cell.formula } : { value: cell.value });
    }
    sheets.set(grid.name, {
      protected: grid.protected === true,
      visibility: grid.visibility ?? 'visible',
      cells,
      notes: noted.has(grid.name) ? notesOf(grid.name) : new Map(),
      merges: grid.merges,
    });
  }
  return { sheets, notesSupported };
}
