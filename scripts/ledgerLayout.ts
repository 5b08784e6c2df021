/**
 * Building blocks for the generated ledgers (samples/ and tests/fixtures/): a
 * sheet builder that places title rows, text blocks and bordered tables the way
 * municipal progress reports look, and writes deterministic workbooks.
 *
 * Deterministic means the same cell contents, styles and metadata on every run
 * (fixed dates, no random salts); the zip container's own timestamps may differ.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { Alignment, Borders, CellValue, Fill, Font, Style, Workbook, Worksheet } from 'exceljs';

/** Metadata fixed so regenerated files compare equal. */
const GENERATED_AT = new Date(Date.UTC(2018, 8, 1, 0, 0, 0));

export function newLedgerWorkbook(creator: string): Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = creator;
  workbook.lastModifiedBy = creator;
  workbook.created = GENERATED_AT;
  workbook.modified = GENERATED_AT;
  return workbook;
}

/** True when the calling module was started as a script (tsx scripts/x.ts), not imported. */
export function isMainModule(importMetaUrl: string): boolean {
  const started = process.argv[1];
  return started !== undefined && fileURLToPath(importMetaUrl) === resolve(started);
}

// ───────────────────────────── styles ─────────────────────────────

/** Japanese municipal documents are set in MS fonts; viewers without them substitute. */
const FONT: Partial<Font> = { name: 'ＭＳ Ｐゴシック', size: 10 };
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BOX: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' }, bgColor: { argb: 'FFDDEBF7' } };
const LABEL_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' }, bgColor: { argb: 'FFF2F2F2' } };

export type CellKind = 'title' | 'heading' | 'header' | 'body' | 'label' | 'text' | 'plain';
export type Horizontal = Alignment['horizontal'];

function styleFor(kind: CellKind, horizontal: Horizontal | undefined, numFmt: string | undefined): Partial<Style> {
  const style: Partial<Style> = {};
  switch (kind) {
    case 'title':
      style.font = { ...FONT, size: 12, bold: true };
      style.alignment = { vertical: 'middle', horizontal: horizontal ?? 'left' };
      break;
    case 'heading':
      style.font = { ...FONT, size: 11, bold: true };
      style.alignment = { vertical: 'middle', horizontal: horizontal ?? 'left' };
      style.border = { bottom: THIN };
      break;
    case 'header':
      style.font = { ...FONT, bold: true };
      style.alignment = { vertical: 'middle', horizontal: horizontal ?? 'center', wrapText: true };
      style.border = BOX;
      style.fill = HEADER_FILL;
      break;
    case 'body':
      style.font = { ...FONT };
      style.alignment = { vertical: 'middle', horizontal: horizontal ?? 'left', wrapText: true };
      style.border = BOX;
      break;
    case 'label':
      style.font = { ...FONT };
      style.alignment = { vertical: 'middle', horizontal: horizontal ?? 'center', wrapText: true };
      style.border = BOX;
      style.fill = LABEL_FILL;
      break;
    case 'text':
      style.font = { ...FONT };
      style.alignment = { vertical: 'top', horizontal: horizontal ?? 'left', wrapText: true };
      style.border = BOX;
      break;
    case 'plain':
      style.font = { ...FONT };
      style.alignment = { vertical: 'middle', horizontal: horizontal ?? 'left', wrapText: true };
      break;
  }
  if (numFmt) style.numFmt = numFmt;
  return style;
}

// ───────────────────────────── cells and blocks ─────────────────────────────

/** A cell to place: a plain value, or a value with its number format / alignment. */
export type CellInput =
  | string
  | number
  | null
  | { readonly value: CellValue; readonly numFmt?: string; readonly align?: Horizontal };

function unpack(input: CellInput): { value: CellValue; numFmt?: string; align?: Horizontal } {
  if (input === null || typeof input === 'string' || typeof input === 'number') return { value: input };
  return input;
}

export interface Area {
  /** 1-based, inclusive, as exceljs counts. */
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** A rectangular table: header rows, body rows, per-column alignment of the body. */
export interface BlockSpec {
  readonly top: number;
  readonly left: number;
  readonly header: ReadonlyArray<ReadonlyArray<CellInput>>;
  readonly body: ReadonlyArray<ReadonlyArray<CellInput>>;
  /** Merged areas relative to the block's top-left, 0-based inclusive: [r1, c1, r2, c2]. */
  readonly merges?: ReadonlyArray<readonly [number, number, number, number]>;
  readonly align?: ReadonlyArray<Horizontal | undefined>;
  /** Body cell kind; 'body' (boxed) unless the block is loose chart data. */
  readonly bodyKind?: CellKind;
}

/** Approximate display width in Excel column units: full-width characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.codePointAt(0)! > 0xff ? 1.8 : 1;
  return width;
}

export class SheetBuilder {
  readonly worksheet: Worksheet;
  private readonly widths: readonly number[];
  private readonly areas: Area[] = [];

  constructor(workbook: Workbook, name: string, widths: readonly number[]) {
    this.worksheet = workbook.addWorksheet(name, {
      pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
      views: [{ showGridLines: false }],
    });
    this.widths = widths;
    widths.forEach((width, i) => (this.worksheet.getColumn(i + 1).width = width));
  }

  /** Places one cell with the style of its kind. */
  put(row: number, col: number, input: CellInput, kind: CellKind): void {
    const { value, numFmt, align } = unpack(input);
    const cell = this.worksheet.getCell(row, col);
    // A fresh style object per cell: exceljs shares style objects it is handed.
    cell.style = styleFor(kind, align, numFmt);
    if (value !== null && value !== undefined) cell.value = value;
  }

  /**
   * Merges an area. Every cell was styled already, so the merge keeps each cell's
   * own border (the box stays closed) instead of copying the master's style.
   */
  merge(top: number, left: number, bottom: number, right: number): void {
    this.worksheet.mergeCellsWithoutStyle(top, left, bottom, right);
    this.areas.push({ top, left, bottom, right });
  }

  /** A full-width line of text (title, heading, note), merged across `left..right`. */
  line(row: number, text: string, kind: CellKind, left = 1, right = this.widths.length): void {
    for (let c = left; c <= right; c++) this.put(row, c, c === left ? text : null, kind);
    if (right > left) this.merge(row, left, row, right);
  }

  /** A boxed label on the left and its text on the right, as in the report's 主な取組と成果 blocks. */
  labelled(row: number, label: string, text: string, labelCols: readonly [number, number], textCols: readonly [number, number]): void {
    for (let c = labelCols[0]; c <= labelCols[1]; c++) this.put(row, c, c === labelCols[0] ? label : null, 'label');
    for (let c = textCols[0]; c <= textCols[1]; c++) this.put(row, c, c === textCols[0] ? text : null, 'text');
    if (labelCols[1] > labelCols[0]) this.merge(row, labelCols[0], row, labelCols[1]);
    if (textCols[1] > textCols[0]) this.merge(row, textCols[0], row, textCols[1]);
  }

  /** Places a table and returns its area (header through last body row). */
  block(spec: BlockSpec): Area {
    const width = Math.max(...[...spec.header, ...spec.body].map((r) => r.length));
    spec.header.forEach((cells, r) => {
      for (let c = 0; c < width; c++) this.put(spec.top + r, spec.left + c, cells[c] ?? null, 'header');
    });
    spec.body.forEach((cells, r) => {
      const row = spec.top + spec.header.length + r;
      for (let c = 0; c < width; c++) {
        const input = cells[c] ?? null;
        const align = spec.align?.[c];
        const placed = align && (input === null || typeof input !== 'object') ? { value: input, align } : input;
        this.put(row, spec.left + c, placed, spec.bodyKind ?? 'body');
      }
    });
    for (const [r1, c1, r2, c2] of spec.merges ?? []) {
      this.merge(spec.top + r1, spec.left + c1, spec.top + r2, spec.left + c2);
    }
    return { top: spec.top, left: spec.left, bottom: spec.top + spec.header.length + spec.body.length - 1, right: spec.left + width - 1 };
  }

  /**
   * Sets each row's height from its wrapped text: exceljs cannot auto-fit and
   * Excel does not re-fit on open, so without this long indicator names would
   * be cut off when the ledger is opened or printed.
   */
  fitRowHeights(): void {
    const spanOf = new Map<string, Area>();
    for (const area of this.areas) spanOf.set(`${area.top}:${area.left}`, area);
    const covered = new Set<string>();
    for (const a of this.areas) {
      for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) if (r !== a.top || c !== a.left) covered.add(`${r}:${c}`);
    }
    this.worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      let lines = 1;
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        if (covered.has(`${rowNumber}:${col}`)) return;
        const area = spanOf.get(`${rowNumber}:${col}`);
        if (area && area.bottom > area.top) return; // spread over several rows: fits already
        const right = area?.right ?? col;
        let width = 0;
        for (let c = col; c <= right; c++) width += this.widths[c - 1] ?? 9;
        const text = typeof cell.value === 'string' ? cell.value : String(cell.value ?? '');
        const needed = text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(displayWidth(part) / Math.max(1, width - 1.5))), 0);
        lines = Math.max(lines, needed);
      });
      row.height = Math.max(18, lines * 13.5 + 5);
    });
  }
}

/** Writes a workbook to `path` (the directory must exist). */
export async function saveWorkbook(workbook: Workbook, path: string): Promise<void> {
  await workbook.xlsx.writeFile(path);
}
