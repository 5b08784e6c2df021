/**
 * One worksheet part as the engine's grid: for every cell the text Excel would
 * display, the raw value, the number format and the formula; merged areas; and
 * whether the sheet is protected. Everything else in the part (columns, views,
 * conditional formats, drawings …) is skipped unread.
 */
import type { CellRange, GridCell, SheetGrid } from '../core/grid';
import { parseRangeAddress } from '../core/grid';
import { parseCellRef } from './cellRef';
import { isoDateToSerial, numberText } from './displayText';
import { shiftFormula } from './sharedFormula';
import { unescapeXstring, walkXml } from './xml';

export interface SheetContext {
  readonly sharedStrings: readonly string[];
  /** Number format per style index (a cell's `s`); undefined for General. */
  readonly cellFormats: ReadonlyArray<string | undefined>;
  readonly date1904: boolean;
}

type Row = Array<GridCell | undefined>;

interface SharedMaster {
  readonly formula: string;
  readonly row: number;
  readonly col: number;
}

function booleanText(v: string): { text: string; value: boolean } {
  const value = v.trim() === '1' || v.trim().toLowerCase() === 'true';
  return { text: value ? 'TRUE' : 'FALSE', value };
}

export function readSheetGrid(xml: string, part: string, name: string, context: SheetContext): SheetGrid {
  const rows: Array<Row | undefined> = [];
  const merges: CellRange[] = [];
  const shared = new Map<string, SharedMaster>();
  let isProtected = false;

  let rowIndex = -1;
  let colIndex = -1;
  // The cell being read.
  let type = 'n';
  let style = 0;
  let value: string | undefined;
  let formula: string | undefined;
  let inlineText = '';
  let hasInline = false;
  // What text goes where: 0 none, 1 <v>, 2 <f>, 3 <t> of an inline string.
  let collecting = 0;
  let phonetic = 0;
  let formulaAttributes: { t?: string; si?: string } = {};

  const finishCell = () => {
    const numberFormat = context.cellFormats[style];
    let shownFormula: string | undefined;
    if (formulaAttributes.t === 'shared' && formulaAttributes.si !== undefined) {
      const si = formulaAttributes.si;
      if (formula !== undefined && formula !== '') shared.set(si, { formula, row: rowIndex, col: colIndex });
      else {
        const master = shared.get(si);
        if (master) formula = shiftFormula(master.formula, rowIndex - master.row, colIndex - master.col);
      }
    }
    if (formula !== undefined) shownFormula = `=${formula}`;

    let cell: GridCell | undefined;
    if (type === 'inlineStr' && hasInline) {
      const text = unescapeXstring(inlineText);
      cell = { text, value: text };
    } else if (value !== undefined) {
      switch (type) {
        case 's': {
          const text = context.sharedStrings[Number(value)] ?? '';
          cell = { text, value: text };
          break;
        }
        case 'str':
        case 'inlineStr': {
          const text = unescapeXstring(value);
          cell = { text, value: text };
          break;
        }
        case 'b':
          cell = booleanText(value);
          break;
        case 'e':
          cell = { text: value, value };
          break;
        case 'd': {
          const serial = isoDateToSerial(value, context.date1904);
          cell = serial === undefined ? { text: value, value } : { text: numberText(serial, numberFormat ?? 'yyyy/m/d', context.date1904), value: serial };
          break;
        }
        default: {
          const n = Number(value);
          cell = Number.isNaN(n) || value.trim() === '' ? { text: value, value } : { text: numberText(n, numberFormat, context.date1904), value: n };
        }
      }
    } else if (shownFormula !== undefined) cell = { text: '', value: null };

    if (cell) {
      if (numberFormat !== undefined) cell = { ...cell, numberFormat };
      if (shownFormula !== undefined) cell = { ...cell, formula: shownFormula };
      const row = (rows[rowIndex] ??= []);
      row[colIndex] = cell;
    }
  };

  walkXml(xml, part, {
    open(element, a) {
      switch (element) {
        case 'row': {
          const r = a.r !== undefined ? Number(a.r) - 1 : rowIndex + 1;
          rowIndex = Number.isInteger(r) && r >= 0 ? r : rowIndex + 1;
          colIndex = -1;
          break;
        }
        case 'c': {
          const at = a.r !== undefined ? parseCellRef(a.r) : undefined;
          if (at) {
            rowIndex = at.row;
            colIndex = at.col;
          } else colIndex++;
          type = a.t ?? 'n';
          style = a.s !== undefined ? Number(a.s) : 0;
          value = undefined;
          formula = undefined;
          inlineText = '';
          hasInline = false;
          formulaAttributes = {};
          break;
        }
        case 'v':
          value = '';
          collecting = 1;
          break;
        case 'f':
          formula = '';
          formulaAttributes = { ...(a.t !== undefined && { t: a.t }), ...(a.si !== undefined && { si: a.si }) };
          collecting = 2;
          break;
        case 'is':
          hasInline = true;
          break;
        case 'rPh':
          phonetic++;
          break;
        case 't':
          if (hasInline && phonetic === 0) collecting = 3;
          break;
        case 'mergeCell': {
          const range = a.ref !== undefined ? parseRangeAddress(a.ref) : undefined;
          if (range) merges.push(range);
          break;
        }
        case 'sheetProtection':
          isProtected = a.sheet === '1' || a.sheet === 'true';
          break;
      }
    },
    close(element) {
      switch (element) {
        case 'c':
          finishCell();
          break;
        case 'v':
        case 'f':
        case 't':
          collecting = 0;
          break;
        case 'rPh':
          phonetic--;
          break;
      }
    },
    text(text) {
      if (collecting === 1) value += text;
      else if (collecting === 2) formula += text;
      else if (collecting === 3) inlineText += text;
    },
  });

  clearMergeSlaves(rows, merges);
  let length = rows.length;
  while (length > 0 && rows[length - 1] === undefined) length--;
  rows.length = length;
  merges.sort((p, q) => p.top - q.top || p.left - q.left);
  return isProtected ? { name, rows, merges, protected: true } : { name, rows, merges };
}

/**
 * Excel holds a merged area's value in its top-left cell; a value left in another
 * cell of the area (a stale one from before the merge) is not shown, so it is not read.
 */
function clearMergeSlaves(rows: Array<Row | undefined>, merges: readonly CellRange[]): void {
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom && r < rows.length; r++) {
      const row = rows[r];
      if (!row) continue;
      for (let c = m.left; c <= m.right && c < row.length; c++) {
        if (r === m.top && c === m.left) continue;
        row[c] = undefined;
      }
      if (row.every((cell) => cell === undefined)) rows[r] = undefined;
    }
  }
}
