/**
 * §8 the write decision: given a write plan and what the workbook holds now,
 * which cells, notes and colour rules may be written, and why each of the others
 * may not. Pure: a door gathers `now` (cells, protection, notes as they are just
 * before writing), asks here, carries out the answer and reports the skipped.
 *
 * - A sheet that is gone: nothing on it (sheetMissing); a protected sheet:
 *   nothing on it (sheetProtected), each said once per sheet.
 * - A cell that now holds a formula is never written (gradeIsFormula); a cell
 *   whose content is no longer what the plan saw is left alone (changedSincePreview).
 * - A reason note goes only with a grade that was not refused; the add-in's own
 *   note (NOTE_MARKER) is replaced; a note the officer wrote stays and ours is
 *   not added (noteKept).
 */
import { cellAddress, mergeAt, parseRangeAddress, type SheetGrid } from './grid';
import { makeProblem } from './problems';
import type { CellSnapshot, CellWrite, ConditionalFormatPlan, NoteWrite, Problem, WritePlan } from './types';

/** Reason notes the add-in writes start with this marker; a note without it is the officer's. */
export const NOTE_MARKER = '【KPI評価】';

export function noteContent(reason: string): string {
  return `${NOTE_MARKER}${reason}`;
}

export function isAddinNote(content: string | undefined): boolean {
  return typeof content === 'string' && content.startsWith(NOTE_MARKER);
}

/** One sheet as it is just before writing. */
export interface SheetNow {
  /** Cells (value and formula), merged areas and protection. */
  readonly grid: SheetGrid;
  /** The note on each noted cell ("G13" → text); only cells the plan notes need be present. */
  readonly notes: ReadonlyMap<string, string>;
}

export interface DecidedNote {
  readonly note: NoteWrite;
  /** The note the add-in wrote there on an earlier run, replaced by this one. */
  readonly replaces?: string;
}

export interface WriteDecision {
  readonly writes: readonly CellWrite[];
  readonly notes: readonly DecidedNote[];
  /**
   * Colour rules per range; a range with no rules still clears the add-in's old
   * rules there.
   */
  readonly formats: readonly ConditionalFormatPlan[];
  /** Everything refused, with why, in plan order. */
  readonly skipped: readonly Problem[];
}

/** What a door reports after carrying out a decision. */
export interface WriteReport {
  readonly written: number;
  readonly notes: number;
  readonly rules: number;
  readonly skipped: readonly Problem[];
}

function scalar(value: CellSnapshot['value']): CellSnapshot['value'] {
  return value === '' ? null : value;
}

export function decideWrites(plan: WritePlan, now: ReadonlyMap<string, SheetNow>): WriteDecision {
  const skipped: Problem[] = [];
  const blocked = new Map<string, boolean>();
  /** The sheet, or undefined (said once) when it is gone or protected. */
  const open = (sheet: string, address: string): SheetNow | undefined => {
    const found = now.get(sheet);
    const reason = !found ? 'sheetMissing' : found.grid.protected ? 'sheetProtected' : undefined;
    if (!reason) return found;
    if (!blocked.has(sheet)) {
      blocked.set(sheet, true);
      skipped.push(makeProblem(reason, sheet, address));
    }
    return undefined;
  };

  const writes: CellWrite[] = [];
  const refused = new Set<string>();
  for (const write of plan.writes) {
    const sheet = open(write.sheet, write.address);
    if (!sheet) continue;
    assertNotMergeSlave(sheet.grid, write.row, write.col);
    const cell = sheet.grid.rows[write.row]?.[write.col];
    let obstacle: Problem | undefined;
    if (cell?.formula !== undefined) obstacle = makeProblem('gradeIsFormula', write.sheet, write.address);
    else if (scalar(cell?.value ?? null) !== scalar(write.before.value) || write.before.formula !== undefined) {
      obstacle = makeProblem('changedSincePreview', write.sheet, write.address);
    }
    if (obstacle) {
      skipped.push(obstacle);
      refused.add(`${write.sheet}!${write.address}`);
    } else writes.push(write);
  }

  const notes: DecidedNote[] = [];
  for (const note of plan.notes) {
    const sheet = open(note.sheet, note.address);
    if (!sheet) continue;
    const at = parseRangeAddress(note.address);
    if (!at) throw new Error(`decideWrites: "${note.address}" is not a cell address`);
    assertNotMergeSlave(sheet.grid, at.top, at.left);
    // A reason next to a grade that was not written would explain something that is not there.
    if (refused.has(`${note.sheet}!${note.address}`)) continue;
    const existing = sheet.notes.get(note.address);
    if (existing === undefined || existing === '') notes.push({ note });
    else if (isAddinNote(existing)) notes.push({ note, replaces: existing });
    else skipped.push(makeProblem('noteKept', note.sheet, note.address));
  }

  const formats: ConditionalFormatPlan[] = [];
  for (const format of plan.formats) {
    if (!open(format.sheet, format.range)) continue;
    if (!parseRangeAddress(format.range)) throw new Error(`decideWrites: "${format.range}" is not a range address`);
    formats.push(format);
  }
  return { writes, notes, formats, skipped };
}

/** Writing into a merged area's other cells would be hidden, or overwrite the area's text: a plan never asks it. */
function assertNotMergeSlave(grid: SheetGrid, row: number, col: number): void {
  const merge = mergeAt(grid, row, col);
  if (merge && (merge.top !== row || merge.left !== col)) {
    throw new Error(`decideWrites: ${grid.name}!${cellAddress(row, col)} is inside a merged area; only its top-left cell can be written`);
  }
}
