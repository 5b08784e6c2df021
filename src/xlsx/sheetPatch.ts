/**
 * Edits one worksheet part in place: grade cells written as inline strings (so
 * the shared-string table is not touched), keeping each cell's style; the
 * add-in's old colour rules removed and its new ones added after the officer's;
 * a <legacyDrawing> added when notes get their first drawing. Every byte outside
 * the edited elements stays as it was, and new elements go where CT_Worksheet's
 * schema order puts them.
 */
import { isAddinRuleFormula } from '../core/colours';
import { cellAddress, parseRangeAddress, type CellRange } from '../core/grid';
import { parseCellRef } from './cellRef';
import { applySplices, rootPrefix, type Splice } from './splice';
import { escapeAttribute, escapeText, escapeXstring, walkXml, type XmlAttributes } from './xml';

/** The children of <worksheet>, in the order the schema requires (ECMA-376 §18.3.1.99). */
const WORKSHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection',
  'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells',
  'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup',
  'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing',
  'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts',
  'extLst',
] as const;
const ORDER = new Map<string, number>(WORKSHEET_ORDER.map((name, i) => [name, i]));
// Markup-compatibility wrappers hold oleObjects or controls in files Excel writes.
ORDER.set('AlternateContent', ORDER.get('oleObjects')!);

const RELATIONSHIPS_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface CellText {
  readonly row: number;
  readonly col: number;
  readonly text: string;
}

export interface NewRule {
  /** The rule's formula, without "=". */
  readonly formula: string;
  readonly dxfId: number;
}

export interface NewFormat {
  /** "G11:G14" */
  readonly sqref: string;
  readonly rules: readonly NewRule[];
}

export interface SheetEdit {
  readonly cells: readonly CellText[];
  /** Ranges where the add-in's previous rules are removed (the officer's stay). */
  readonly clearRulesWithin: readonly CellRange[];
  readonly formats: readonly NewFormat[];
  /** Adds <legacyDrawing r:id="…"/> (the notes' drawing) when the sheet has none. */
  readonly legacyDrawingRelId?: string;
}

interface Span {
  readonly name: string;
  readonly start: number;
  end: number;
}

interface RowSpan extends Span {
  readonly row: number;
  readonly openEnd: number;
  readonly selfClosing: boolean;
  readonly style?: string;
  readonly cells: Array<{ col: number; start: number; end: number; attributes: XmlAttributes }>;
}

interface RuleSpan extends Span {
  ours: boolean;
}

interface FormatSpan extends Span {
  readonly areas: CellRange[];
  readonly rules: RuleSpan[];
}

interface SheetOutline {
  readonly children: Span[];
  rootCloseStart: number;
  sheetData?: { start: number; openEnd: number; end: number; selfClosing: boolean };
  readonly rows: RowSpan[];
  readonly formats: FormatSpan[];
  readonly columnStyles: Array<{ min: number; max: number; style: string }>;
  maxPriority: number;
  legacyDrawingId?: string;
  relationshipsPrefix?: string;
}

function areasOf(sqref: string): CellRange[] {
  return sqref
    .split(/\s+/)
    .filter((p) => p !== '')
    .map((p) => parseRangeAddress(p))
    .filter((a): a is CellRange => a !== undefined);
}

const intersects = (a: CellRange, b: CellRange) => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

/** One pass over the part, recording where the elements the patch may touch are. */
function outline(xml: string, part: string, wantedRows: ReadonlySet<number>): SheetOutline {
  const o: SheetOutline = { children: [], rootCloseStart: -1, rows: [], formats: [], columnStyles: [], maxPriority: 0 };
  let depth = 0;
  let inSheetData = false;
  let inCols = false;
  let row: RowSpan | undefined;
  let rowIndex = -1;
  let colIndex = -1;
  let cellStart = -1;
  let cellAttributes: XmlAttributes = {};
  let format: FormatSpan | undefined;
  let rule: RuleSpan | undefined;
  let inRuleFormula = false;
  let formulaText = '';
  walkXml(xml, part, {
    open(name, a, selfClosing, start, end) {
      depth++;
      if (depth === 1) {
        for (const key in a) if (key.startsWith('xmlns:') && a[key] === RELATIONSHIPS_NS) o.relationshipsPrefix = key.slice(6);
        return;
      }
      if (name === 'cfRule' && a.priority !== undefined) o.maxPriority = Math.max(o.maxPriority, Number(a.priority) || 0);
      if (depth === 2) {
        o.children.push({ name, start, end });
        if (name === 'sheetData') {
          o.sheetData = { start, openEnd: end, end, selfClosing };
          inSheetData = true;
        } else if (name === 'cols') inCols = true;
        else if (name === 'conditionalFormatting') {
          format = { name, start, end, areas: areasOf(a.sqref ?? ''), rules: [] };
          o.formats.push(format);
        } else if (name === 'legacyDrawing') {
          for (const key in a) if (key === 'id' || key.endsWith(':id')) o.legacyDrawingId = a[key];
        }
        return;
      }
      if (depth === 3 && inCols && name === 'col' && a.style !== undefined) {
        o.columnStyles.push({ min: Number(a.min), max: Number(a.max), style: a.style });
      } else if (depth === 3 && inSheetData && name === 'row') {
        const r = a.r !== undefined ? Number(a.r) - 1 : rowIndex + 1;
        rowIndex = Number.isInteger(r) && r >= 0 ? r : rowIndex + 1;
        colIndex = -1;
        row = {
          name,
          row: rowIndex,
          start,
          openEnd: end,
          end,
          selfClosing,
          ...(a.s !== undefined && (a.customFormat === '1' || a.customFormat === 'true') && { style: a.s }),
          cells: [],
        };
        o.rows.push(row);
      } else if (depth === 4 && row && name === 'c') {
        const at = a.r !== undefined ? parseCellRef(a.r) : undefined;
        colIndex = at ? at.col : colIndex + 1;
        cellStart = start;
        cellAttributes = a;
      } else if (depth === 3 && format && name === 'cfRule') {
        rule = { name, start, end, ours: false };
        format.rules.push(rule);
      } else if (rule && name === 'formula') {
        inRuleFormula = true;
        formulaText = '';
      }
    },
    close(name, end) {
      if (depth === 1) o.rootCloseStart = xml.lastIndexOf('<', end - 1);
      else if (depth === 2) {
        o.children[o.children.length - 1]!.end = end;
        if (name === 'sheetData' && o.sheetData) o.sheetData.end = end;
        inSheetData = false;
        inCols = false;
        if (format) format.end = end;
        format = undefined;
      } else if (depth === 3 && row && name === 'row') {
        row.end = end;
        row = undefined;
      } else if (depth === 4 && row && name === 'c' && wantedRows.has(row.row)) {
        row.cells.push({ col: colIndex, start: cellStart, end, attributes: cellAttributes });
      } else if (depth === 3 && rule && name === 'cfRule') {
        rule.end = end;
        rule = undefined;
      } else if (inRuleFormula && name === 'formula') {
        inRuleFormula = false;
        if (rule && isAddinRuleFormula(formulaText)) rule.ours = true;
      }
      depth--;
    },
    text(text) {
      if (inRuleFormula) formulaText += text;
    },
  });
  return o;
}

/** Where a new top-level element goes: before the first child that the schema puts after it. */
function insertionPoint(o: SheetOutline, name: string): number {
  const rank = ORDER.get(name)!;
  for (const child of o.children) {
    const r = ORDER.get(child.name);
    if (r !== undefined && r > rank) return child.start;
  }
  return o.rootCloseStart;
}

function inlineStringCell(p: string, ref: string, attributes: string, text: string): string {
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
  return `<${p}c r="${ref}"${attributes} t="inlineStr"><${p}is><${p}t${space}>${escapeXstring(text)}</${p}t></${p}is></${p}c>`;
}

/** The attributes a rewritten cell keeps: its style and phonetic flag (its type and value metadata change). */
function keptAttributes(a: XmlAttributes): string {
  let out = '';
  if (a.s !== undefined) out += ` s="${escapeAttribute(a.s)}"`;
  if (a.ph !== undefined) out += ` ph="${escapeAttribute(a.ph)}"`;
  return out;
}

function cellSplices(xml: string, o: SheetOutline, cells: readonly CellText[], p: string): Splice[] {
  const splices: Splice[] = [];
  const byRow = new Map<number, CellText[]>();
  for (const cell of cells) {
    const list = byRow.get(cell.row) ?? [];
    list.push(cell);
    byRow.set(cell.row, list);
  }
  const rows = new Map(o.rows.map((r) => [r.row, r]));
  const styleFor = (row: RowSpan | undefined, col: number): string => {
    // A new cell takes the style Excel would give it: its row's, else its column's.
    const style = row?.style ?? o.columnStyles.find((c) => col + 1 >= c.min && col + 1 <= c.max)?.style;
    return style !== undefined ? ` s="${escapeAttribute(style)}"` : '';
  };
  const newRows: Array<{ row: number; xml: string }> = [];

  for (const [r, list] of byRow) {
    list.sort((a, b) => a.col - b.col);
    const row = rows.get(r);
    if (!row) {
      const body = list.map((c) => inlineStringCell(p, cellAddress(c.row, c.col), styleFor(undefined, c.col), c.text)).join('');
      newRows.push({ row: r, xml: `<${p}row r="${r + 1}">${body}</${p}row>` });
      continue;
    }
    const inserts: string[] = [];
    let insertAt = -1;
    const flushInserts = () => {
      if (inserts.length > 0) splices.push({ start: insertAt, end: insertAt, text: inserts.join('') });
      inserts.length = 0;
    };
    const rowCloseStart = row.selfClosing ? row.end : xml.lastIndexOf('<', row.end - 1);
    for (const cell of list) {
      const ref = cellAddress(cell.row, cell.col);
      const existing = row.cells.find((c) => c.col === cell.col);
      if (existing) {
        splices.push({ start: existing.start, end: existing.end, text: inlineStringCell(p, ref, keptAttributes(existing.attributes), cell.text) });
        continue;
      }
      const next = row.cells.find((c) => c.col > cell.col);
      const at = next ? next.start : rowCloseStart;
      if (at !== insertAt) flushInserts();
      insertAt = at;
      inserts.push(inlineStringCell(p, ref, styleFor(row, cell.col), cell.text));
    }
    flushInserts();
    if (row.selfClosing) {
      // <row r="5"/> becomes <row r="5">…</row>: the cells went in at its end above.
      const open = xml.slice(row.start, row.openEnd).replace(/\s*\/>$/, '>');
      splices.push({ start: row.start, end: row.openEnd, text: open });
      splices.push({ start: row.end, end: row.end, text: `</${p}row>` });
    }
  }

  if (newRows.length > 0) {
    const data = o.sheetData;
    if (!data) throw new Error('patchSheet: the worksheet has no <sheetData>');
    newRows.sort((a, b) => a.row - b.row);
    if (data.selfClosing) {
      const open = xml.slice(data.start, data.openEnd).replace(/\s*\/>$/, '>');
      splices.push({ start: data.start, end: data.openEnd, text: `${open}${newRows.map((n) => n.xml).join('')}</${p}sheetData>` });
    } else {
      const dataCloseStart = xml.lastIndexOf('<', data.end - 1);
      for (const n of newRows) {
        const next = o.rows.find((r) => r.row > n.row);
        const at = next ? next.start : dataCloseStart;
        splices.push({ start: at, end: at, text: n.xml });
      }
    }
  }
  return splices;
}

export interface SheetPatchResult {
  readonly xml: string;
  readonly rulesAdded: number;
  readonly rulesRemoved: number;
}

export function patchSheet(xml: string, part: string, edit: SheetEdit): SheetPatchResult {
  const o = outline(xml, part, new Set(edit.cells.map((c) => c.row)));
  const p = rootPrefix(xml, 'worksheet');
  const splices = cellSplices(xml, o, edit.cells, p);

  let rulesRemoved = 0;
  for (const format of o.formats) {
    if (!format.areas.some((area) => edit.clearRulesWithin.some((w) => intersects(area, w)))) continue;
    const ours = format.rules.filter((r) => r.ours);
    if (ours.length === 0) continue;
    rulesRemoved += ours.length;
    // A block left with no rules is removed whole: an empty one makes Excel offer a repair.
    if (ours.length === format.rules.length) splices.push({ start: format.start, end: format.end, text: '' });
    else for (const r of ours) splices.push({ start: r.start, end: r.end, text: '' });
  }

  let priority = o.maxPriority;
  let rulesAdded = 0;
  const blocks = edit.formats
    .filter((f) => f.rules.length > 0)
    .map((f) => {
      const rules = f.rules
        .map((r) => `<${p}cfRule type="expression" dxfId="${r.dxfId}" priority="${++priority}"><${p}formula>${escapeText(r.formula)}</${p}formula></${p}cfRule>`)
        .join('');
      rulesAdded += f.rules.length;
      return `<${p}conditionalFormatting sqref="${escapeAttribute(f.sqref)}">${rules}</${p}conditionalFormatting>`;
    });
  if (blocks.length > 0) {
    // After the sheet's last conditional format (the officer's keep their precedence), else in schema order.
    const last = o.formats[o.formats.length - 1];
    const at = last ? last.end : insertionPoint(o, 'conditionalFormatting');
    splices.push({ start: at, end: at, text: blocks.join('') });
  }

  if (edit.legacyDrawingRelId !== undefined && o.legacyDrawingId === undefined) {
    const prefix = o.relationshipsPrefix;
    const element =
      prefix !== undefined
        ? `<${p}legacyDrawing ${prefix}:id="${escapeAttribute(edit.legacyDrawingRelId)}"/>`
        : `<${p}legacyDrawing xmlns:r="${RELATIONSHIPS_NS}" r:id="${escapeAttribute(edit.legacyDrawingRelId)}"/>`;
    const at = insertionPoint(o, 'legacyDrawing');
    splices.push({ start: at, end: at, text: element });
  }

  return { xml: splices.length > 0 ? applySplices(xml, splices) : xml, rulesAdded, rulesRemoved };
}

/** The relationship id of the sheet's <legacyDrawing> (its notes' VML), if any. */
export function legacyDrawingId(xml: string, part: string): string | undefined {
  return outline(xml, part, new Set()).legacyDrawingId;
}
