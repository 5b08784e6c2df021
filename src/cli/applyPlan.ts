/**
 * Carries out a write plan on an exceljs workbook: grade texts, notes and the
 * grade colours (conditional formatting). Everything else in the file — values,
 * styles, merges, comments, the user's own rules — stays as it was (spec §8).
 */
import ExcelJS from 'exceljs';
import type { Cell, Comment, ConditionalFormattingOptions, ConditionalFormattingRule, Workbook, Worksheet } from 'exceljs';
import { gradeRuleFormula, isAddinRuleFormula } from '../core/colours';
import { cellAddress, parseRangeAddress, type CellRange } from '../core/grid';
import { makeProblem } from '../core/problems';
import type { CellWrite, GradeColourRule, NoteWrite, Problem, WritePlan } from '../core/types';
import type { ApplyReport } from '../excel/host';
import { isAddinNote, noteContent } from '../excel/notes';
import { isSheetProtected, readGridCell } from './xlsxGrid';

/**
 * True for a rule the add-in wrote. The marker and formula shape live in core
 * (src/core/colours.ts) so that rules written by the task pane and by the
 * command line recognise each other.
 */
export function isAddinRule(rule: ConditionalFormattingRule): boolean {
  const formulae = (rule as { formulae?: unknown[] }).formulae;
  return Array.isArray(formulae) && formulae.some((f) => typeof f === 'string' && isAddinRuleFormula(f));
}

/** "G5:G9 K5" → its areas; an sqref may list several, separated by spaces. */
function sqrefAreas(sqref: string): CellRange[] {
  return sqref
    .split(/\s+/)
    .filter((part) => part.length > 0)
    .map((part) => parseRangeAddress(part))
    .filter((area): area is CellRange => area !== undefined);
}

function intersects(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/**
 * Removes the add-in's rules from a worksheet; the user's rules stay, including
 * those sharing a range with ours. With `within`, only rules whose range meets
 * one of those areas go: a re-run over a table that grew replaces its old rules
 * while other tables' colours on the sheet are untouched. Returns how many went.
 */
export function removeAddinRules(worksheet: Worksheet, within?: readonly CellRange[]): number {
  let removed = 0;
  const kept: ConditionalFormattingOptions[] = [];
  for (const format of worksheet.conditionalFormattings) {
    const inScope = !within || sqrefAreas(format.ref).some((area) => within.some((w) => intersects(area, w)));
    const rules = inScope ? format.rules.filter((rule) => !isAddinRule(rule)) : format.rules;
    removed += format.rules.length - rules.length;
    if (rules.length > 0) kept.push(rules === format.rules ? format : { ...format, rules });
  }
  worksheet.conditionalFormattings = kept;
  return removed;
}

/** "#1F3A93" → "FF1F3A93" (exceljs colours are ARGB). */
export function toArgb(colour: string): string {
  const hex = colour.trim().replace(/^#/, '').toUpperCase();
  if (/^[0-9A-F]{6}$/.test(hex)) return `FF${hex}`;
  if (/^[0-9A-F]{8}$/.test(hex)) return hex;
  throw new Error(`applyWritePlan: "${colour}" is not a colour (expected #RRGGBB)`);
}

function colourRule(rule: GradeColourRule, topLeft: string, priority: number): ConditionalFormattingRule {
  const fill = rule.fill.trim();
  return {
    type: 'expression',
    priority,
    formulae: [gradeRuleFormula(topLeft, rule.gradeText)],
    style: {
      // A grade without a fill (－ 実施時期未到来) only gets its font colour.
      ...(fill !== '' && fill.toLowerCase() !== 'none'
        ? { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: toArgb(fill) }, bgColor: { argb: toArgb(fill) } } }
        : {}),
      font: { color: { argb: toArgb(rule.fontColor) } },
    },
  };
}

/**
 * exceljs numbers new rules from the highest existing priority without adding
 * one, which would give our first rule the same priority as the user's last;
 * number them explicitly after everything already on the sheet.
 */
function nextPriority(worksheet: Worksheet): number {
  let max = 0;
  for (const format of worksheet.conditionalFormattings) {
    for (const rule of format.rules) max = Math.max(max, rule.priority ?? 0);
  }
  return max + 1;
}

function noteText(note: string | Comment | undefined): string {
  if (note === undefined) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}

function worksheetOf(workbook: Workbook, sheet: string): Worksheet {
  const worksheet = workbook.getWorksheet(sheet);
  // A plan names only sheets it was made from: a missing one means the plan
  // belongs to another workbook, and nothing should be written at all.
  if (!worksheet) throw new Error(`applyWritePlan: the plan names sheet "${sheet}", which this workbook does not have`);
  return worksheet;
}

function cellOf(worksheet: Worksheet, row: number, col: number): Cell {
  const cell = worksheet.getCell(row + 1, col + 1);
  if (cell.type === ExcelJS.ValueType.Merge) {
    // Writing through a merge's slave would overwrite the master's text.
    throw new Error(
      `applyWritePlan: ${worksheet.name}!${cellAddress(row, col)} is inside a merged area; only its top-left cell can be written`,
    );
  }
  return cell;
}

/** Why one write must not happen now, or undefined when it may. */
function writeObstacle(write: CellWrite, cell: Cell, date1904: boolean): Problem | undefined {
  const now = readGridCell(cell, date1904);
  if (now?.formula !== undefined) return makeProblem('gradeIsFormula', write.sheet, write.address);
  const value = now?.value ?? null;
  if (value !== write.before.value) return makeProblem('changedSincePreview', write.sheet, write.address);
  return undefined;
}

/**
 * Applies `plan` to `workbook` in memory (the caller saves it, never over its
 * input). Cells on protected sheets, cells that now hold a formula and cells
 * whose content is no longer the plan's `before` are skipped and reported;
 * a cell with the officer's own note keeps it and gets none of ours.
 * The plan is checked whole before anything is written, so a plan that does
 * not fit the workbook throws without leaving it half-changed.
 */
export function applyWritePlan(workbook: Workbook, plan: WritePlan): ApplyReport {
  const date1904 = workbook.properties?.date1904 === true;
  const skipped: Problem[] = [];
  const protectedSheets = new Set<string>();
  const guard = (sheet: string, address: string): Worksheet | undefined => {
    const worksheet = worksheetOf(workbook, sheet);
    if (!isSheetProtected(worksheet)) return worksheet;
    if (!protectedSheets.has(sheet)) {
      protectedSheets.add(sheet);
      skipped.push(makeProblem('sheetProtected', sheet, address));
    }
    return undefined;
  };

  // Check everything first.
  const cellWrites: Array<{ cell: Cell; text: string }> = [];
  for (const write of plan.writes) {
    const worksheet = guard(write.sheet, write.address);
    if (!worksheet) continue;
    const cell = cellOf(worksheet, write.row, write.col);
    const obstacle = writeObstacle(write, cell, date1904);
    if (obstacle) skipped.push(obstacle);
    else cellWrites.push({ cell, text: write.after });
  }
  const noteWrites: Array<{ cell: Cell; note: NoteWrite }> = [];
  for (const note of plan.notes) {
    const worksheet = guard(note.sheet, note.address);
    if (!worksheet) continue;
    const at = parseRangeAddress(note.address);
    if (!at) throw new Error(`applyWritePlan: "${note.address}" is not a cell address`);
    const cell = cellOf(worksheet, at.top, at.left);
    // Same rule as the task pane (src/excel/notes.ts): our notes start with its
    // marker and are replaced; a note the officer wrote stays, and ours is not added.
    const existing = noteText(cell.note);
    if (existing !== '' && !isAddinNote(existing)) continue;
    noteWrites.push({ cell, note });
  }
  const formatsBySheet = new Map<Worksheet, Array<{ ref: string; range: CellRange; rules: ConditionalFormattingRule[] }>>();
  for (const format of plan.formats) {
    const worksheet = guard(format.sheet, format.range);
    if (!worksheet) continue;
    const range = parseRangeAddress(format.range);
    if (!range) throw new Error(`applyWritePlan: "${format.range}" is not a range address`);
    const topLeft = cellAddress(range.top, range.left);
    // Built (and their colours checked) now; numbered when added.
    const rules = format.rules.map((rule) => colourRule(rule, topLeft, 0));
    const list = formatsBySheet.get(worksheet) ?? [];
    list.push({ ref: format.range.replace(/\$/g, ''), range, rules });
    formatsBySheet.set(worksheet, list);
  }

  // Then write. Only `value` is set: exceljs keeps the cell's style, and the
  // merge belongs to the sheet, so neither is touched.
  for (const { cell, text } of cellWrites) cell.value = text;
  for (const { cell, note } of noteWrites) cell.note = noteContent(note.text);

  let rules = 0;
  for (const [worksheet, formats] of formatsBySheet) {
    removeAddinRules(worksheet, formats.map((f) => f.range));
    let priority = nextPriority(worksheet);
    for (const format of formats) {
      // A range planned with no rules keeps none: its old colours are gone above.
      if (format.rules.length === 0) continue;
      worksheet.addConditionalFormatting({ ref: format.ref, rules: format.rules.map((rule) => ({ ...rule, priority: priority++ })) });
      rules += format.rules.length;
    }
  }
  return { written: cellWrites.length, notes: noteWrites.length, rules, skipped };
}
