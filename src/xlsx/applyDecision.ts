/**
 * Carries out a write decision (src/core/decide.ts) on an .xlsx package: grade
 * texts into their cells, reason notes, and the grade colours as conditional
 * formats with their dxf entries in styles.xml. Only the parts that receive
 * something are rewritten; the package writes everything else back as it was.
 */
import { gradeRuleFormula } from '../core/colours';
import { nowFromGrids, type WorkbookNow, type WriteDecision } from '../core/decide';
import type { ApplyReport } from '../core/host';
import { cellAddress, parseRangeAddress, type CellRange } from '../core/grid';
import { noteContent } from '../core/notes';
import type { GradeColourRule, WritePlan } from '../core/types';
import { sheetNotes } from './comments';
import { writeNotes, type NoteText } from './notesPatch';
import type { LoadedWorkbook } from './readWorkbook';
import { legacyDrawingId, patchSheet, type CellText, type NewFormat } from './sheetPatch';
import { rootPrefix } from './splice';
import { addDxfs, gradeDxf } from './stylesPatch';

/** "#1F3A93" → "FF1F3A93" (spreadsheet colours are ARGB). */
function toArgb(colour: string): string {
  const hex = colour.trim().replace(/^#/, '').toUpperCase();
  if (/^[0-9A-F]{6}$/.test(hex)) return `FF${hex}`;
  if (/^[0-9A-F]{8}$/.test(hex)) return hex;
  throw new Error(`applyDecision: "${colour}" is not a colour (expected #RRGGBB)`);
}

/** What the workbook holds now, for the sheets a plan touches: cells as read, and notes where the plan writes notes. */
export function workbookNow(loaded: LoadedWorkbook, plan: WritePlan): WorkbookNow {
  return nowFromGrids(loaded.grids, plan, (name) => {
    const sheet = loaded.sheets.get(name);
    return sheet ? sheetNotes(loaded.pkg, sheet.part) : new Map<string, string>();
  });
}

interface SheetWork {
  cells: CellText[];
  notes: NoteText[];
  clear: CellRange[];
  formats: Array<{ sqref: string; rules: readonly GradeColourRule[]; topLeft: string }>;
}

function dxfOf(rule: GradeColourRule, prefix: string): string {
  const fill = rule.fill.trim();
  const noFill = fill === '' || fill.toLowerCase() === 'none';
  // A grade without a fill (－ 実施時期未到来) only gets its font colour.
  return gradeDxf(toArgb(rule.fontColor), noFill ? undefined : toArgb(fill), prefix);
}

export function applyDecision(loaded: LoadedWorkbook, decision: WriteDecision): ApplyReport {
  const { pkg } = loaded;
  const work = new Map<string, SheetWork>();
  const of = (sheet: string): SheetWork => {
    let w = work.get(sheet);
    if (!w) {
      w = { cells: [], notes: [], clear: [], formats: [] };
      work.set(sheet, w);
    }
    return w;
  };
  for (const write of decision.writes) of(write.sheet).cells.push({ row: write.row, col: write.col, text: write.after });
  for (const { note } of decision.notes) of(note.sheet).notes.push({ address: note.address, text: noteContent(note.text) });
  for (const format of decision.formats) {
    const range = parseRangeAddress(format.range)!;
    const w = of(format.sheet);
    w.clear.push(range);
    w.formats.push({ sqref: format.range.replace(/\$/g, ''), rules: format.rules, topLeft: cellAddress(range.top, range.left) });
  }

  // Every colour the rules need, as dxf entries (checked, and added to styles.xml once).
  const allRules = [...work.values()].flatMap((w) => w.formats.flatMap((f) => f.rules));
  const dxfIds = new Map<GradeColourRule, number>();
  if (allRules.length > 0) {
    const stylesPart = loaded.info.stylesPart;
    if (!stylesPart) throw new Error('applyDecision: the workbook has no styles part for the grade colours');
    const stylesXml = pkg.text(stylesPart);
    const prefix = rootPrefix(stylesXml, 'styleSheet');
    const { xml, ids } = addDxfs(stylesXml, stylesPart, allRules.map((r) => dxfOf(r, prefix)));
    allRules.forEach((r, i) => dxfIds.set(r, ids[i]!));
    if (xml !== stylesXml) pkg.replace(stylesPart, xml);
  }

  let written = 0;
  let notes = 0;
  let rules = 0;
  for (const [name, w] of work) {
    const sheet = loaded.sheets.get(name);
    if (!sheet) throw new Error(`applyDecision: no worksheet "${name}"`);
    let xml = pkg.text(sheet.part);
    const { legacyDrawingRelId } = writeNotes(pkg, sheet.part, w.notes.length > 0 ? legacyDrawingId(xml, sheet.part) : undefined, w.notes);
    const formats: NewFormat[] = w.formats.map((f) => ({
      sqref: f.sqref,
      rules: f.rules.map((r) => ({ formula: gradeRuleFormula(f.topLeft, r.gradeText), dxfId: dxfIds.get(r)! })),
    }));
    const patched = patchSheet(xml, sheet.part, {
      cells: w.cells,
      clearRulesWithin: w.clear,
      formats,
      ...(legacyDrawingRelId !== undefined && { legacyDrawingRelId }),
    });
    if (patched.xml !== xml) {
      xml = patched.xml;
      pkg.replace(sheet.part, xml);
    }
    written += w.cells.length;
    notes += w.notes.length;
    rules += patched.rulesAdded;
  }
  return { written, notes, rules, skipped: decision.skipped };
}
