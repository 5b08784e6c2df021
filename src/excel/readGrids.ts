/**
 * Reads the sheets in scope into grids in a number of syncs that does not grow
 * with the number of sheets: one to list the sheets (none for the active sheet),
 * one for every sheet's used range (its displayed text, and values, number formats and
 * formulas only where the text does not give the value: readCells), protection and the
 * merged areas of its first 4,096 rows in bands, and one more only for the merged areas of
 * sheets taller than that.
 *
 * Excel on the web caps responses at 5 MB as well as requests (ErrorCodes has
 * ResponsePayloadSizeLimitExceeded), and a range read at 5,000,000 cells. A
 * ledger workbook is far below that, so we ask for everything at once; only when
 * Excel refuses do we fall back to reading in row blocks, a few per sync, sized
 * from the bytes per cell of what already arrived, halving whenever a response is
 * still too big.
 *
 * A pane reads the same workbook again and again (preview, write, preview again). When a read
 * had to go in blocks, the next read of that scope starts in blocks, sized as the last one ended
 * (ReadMemory): the all-at-once read Excel refused once is not asked for again. Should Excel
 * refuse the reduced read for a reason other than size, the read is done again with the four
 * arrays of every cell (ReadMode 'full', as before issue #10), and that pane keeps reading so.
 */
import type { CellRange, SheetGrid, SheetVisibility } from '../core/grid';
import { rangeAddress } from '../core/grid';
import { HostError } from './errors';
import { hasExcelCode, isExcelError, type ExcelRun } from './excelRun';
import type { EvaluationScope, ReadProgress } from '../core/host';
import { collectCells, queueCells, type QueuedCells, type ReadMode } from './readCells';
import { mergeRange, toSheetGridFromText, type TextBlock, type TypedArea } from './toSheetGrid';
import { sheetVisibility } from './visibility';

const MERGES = 'areas/items/rowIndex, areas/items/columnIndex, areas/items/rowCount, areas/items/columnCount';
const SIZE = 'rowIndex, columnIndex, rowCount, columnCount';

/**
 * Cells in the first block sync when reading in blocks (≈ 200 bytes a cell, far more than
 * a ledger's text costs, stays near 4 MB). Later syncs are sized from the bytes per cell actually
 * received, to fill RESPONSE_BUDGET: ledgers run far below 200 bytes a cell.
 */
const BLOCK_CELLS = 20_000;
/** What a block sync aims to receive: under the 5 MB cap with room for the envelope. */
const RESPONSE_BUDGET = 3_500_000;
/** Bytes a cell is assumed to cost before any arrived (BLOCK_CELLS × 200 ≈ 4 MB). */
const FIRST_BYTES_PER_CELL = 200;
/**
 * A GeneralException on a request expected to bring back more than this is taken for an
 * oversized response: Excel on the web has answered those with GeneralException instead of
 * ResponsePayloadSizeLimitExceeded (office-js issues #1314, #1012). On a smaller request it is
 * a real failure and reaches the officer.
 */
const GENERAL_OVERSIZE_BYTES = 1_000_000;
/**
 * Rows per merged-area lookup in the block path. Range.getMergedAreasOrNullObject fails when
 * the range holds more than 512 merged areas (API reference, ExcelApi 1.13); a ledger merges at
 * most a few cells a row (No, indicator and grade down the sub-rows, a title across), so 128 rows
 * stay far below that. A lookup that still fails is halved.
 */
const MERGE_BAND_ROWS = 128;
/**
 * Bands the first read looks up before it knows how tall the sheets are: the first 4,096 rows of
 * each sheet (a ledger section is a few thousand rows), 1,000 lookups in all (about 1 MB of
 * request). A band below the used range costs a null in the response; a taller sheet's other
 * bands follow in one more sync.
 */
const FIRST_BANDS_PER_SHEET = 32;
const FIRST_BANDS_TOTAL = 1_000;
/** Excel's last column (XFD): a band covers whole rows, so every merged area starts in one band. */
const LAST_COLUMN = 16_383;
/** Merged-area lookups per sync: about 1 KB of request each, so a sync stays near 2 MB. */
const MAX_BANDS_PER_SYNC = 2_000;
/** Failed block syncs in a row before the read gives up: each one halves what it asks for. */
const MAX_RETRIES = 12;

export interface ReadOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ReadProgress) => void;
}

/**
 * What reads of one workbook learned about its size, kept by the host between reads: per scope,
 * the cells a block sync could carry when the last read of that scope had to go in blocks.
 */
export type ReadMemory = Partial<Record<EvaluationScope['kind'], number>> & {
  /** Excel refused the reduced read (text and special cells) once: this pane reads the four arrays. */
  fourArrays?: true;
};

interface SheetData {
  readonly name: string;
  readonly isProtected: boolean;
  readonly visibility: SheetVisibility;
  readonly blocks: TextBlock[];
  readonly typed: TypedArea[];
  readonly merges: CellRange[];
  /** Excel would not send even one row of it: graded as unreadable, the other sheets as usual. */
  readonly unreadable?: boolean;
}

export async function readGrids(
  run: ExcelRun,
  scope: EvaluationScope,
  options: ReadOptions = {},
  memory: ReadMemory = {},
): Promise<SheetGrid[]> {
  const { signal, onProgress } = options;
  signal?.throwIfAborted();
  let sheets: SheetData[];
  const read = (mode: ReadMode) => run((context) => readSheets(context, scope, signal, memory, mode));
  const reported = (error: unknown): unknown => {
    if (signal?.aborted && error === signal.reason) return error;
    if (error instanceof HostError) return error;
    return HostError.from('readFailed', error);
  };
  try {
    sheets = await read(memory.fourArrays ? 'full' : 'reduced');
  } catch (error) {
    if (memory.fourArrays || !hasExcelCode(error) || (signal?.aborted && error === signal.reason)) throw reported(error);
    // Excel refused the reduced read, and not for its size: read as before issue #10, the four
    // arrays of every cell, and keep doing so in this pane. A real failure fails this too.
    try {
      sheets = await read('full');
    } catch (again) {
      throw reported(again);
    }
    memory.fourArrays = true;
  }
  const grids: SheetGrid[] = [];
  onProgress?.({ sheetsRead: 0, sheetsTotal: sheets.length });
  for (const sheet of sheets) {
    // Converting a big sheet takes a moment: let the pane repaint and an abort land in between.
    await nextTask();
    signal?.throwIfAborted();
    const grid = sheet.unreadable ? unreadableGrid(sheet) : toSheetGridFromText(sheet.name, sheet.isProtected, sheet.blocks, sheet.typed, sheet.merges);
    // Hidden sheets are graded too; the evaluation says so, and a write asks before a very hidden one.
    grids.push(sheet.visibility === 'visible' ? grid : { ...grid, visibility: sheet.visibility });
    onProgress?.({ sheetsRead: grids.length, sheetsTotal: sheets.length });
  }
  return grids;
}

/** A sheet Excel would not send: no cells, marked so that grading reports it (sheetUnreadable). */
function unreadableGrid(sheet: SheetData): SheetGrid {
  return { name: sheet.name, rows: [], merges: [], protected: sheet.isProtected, unreadable: true };
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Excel said the answer is too big for one response or one range read. */
function isOversize(error: unknown): boolean {
  return isExcelError(error, 'ResponsePayloadSizeLimitExceeded', 'RangeExceedsLimit');
}

async function readSheets(
  context: Excel.RequestContext,
  scope: EvaluationScope,
  signal: AbortSignal | undefined,
  memory: ReadMemory,
  mode: ReadMode,
): Promise<SheetData[]> {
  const sheets = await sheetsInScope(context, scope);
  signal?.throwIfAborted();
  const remembered = memory[scope.kind];
  if (remembered !== undefined) {
    // Started in blocks on the strength of the last read: if all of it came in one sync this
    // time, the workbook has shrunk, and the next read may ask for everything at once again.
    return readInBlocks(context, sheets, signal, mode, remembered, (cells, inOneSync) => {
      if (inOneSync) delete memory[scope.kind];
      else memory[scope.kind] = cells;
    });
  }
  const bandsPerSheet = Math.max(1, Math.min(FIRST_BANDS_PER_SHEET, Math.floor(FIRST_BANDS_TOTAL / Math.max(1, sheets.length))));
  const firstRows = bandsPerSheet * MERGE_BAND_ROWS;
  const reads = sheets.map((sheet, i) => {
    const cells = queueCells(sheet.getUsedRangeOrNullObject(true), mode, sheet.getUsedRange(true));
    const formatted = sheet.getUsedRangeOrNullObject(false);
    formatted.load(SIZE);
    const bands = rowBands(i, 0, firstRows, 0, LAST_COLUMN + 1);
    return { sheet, cells, formatted, bands, areas: bands.map((b) => queueMerges(sheet.getRange(blockAddress(b)))) };
  });
  const inBlocks = (): Promise<SheetData[]> => {
    signal?.throwIfAborted();
    return readInBlocks(context, sheets, signal, mode, BLOCK_CELLS, (cells) => (memory[scope.kind] = cells));
  };
  try {
    await context.sync();
  } catch (error) {
    // Too big; or GeneralException, which Excel has given both for a response too big and for a
    // band with more than 512 merged areas. The block read asks for less of both; a real
    // failure fails it again and is reported from there.
    if (isOversize(error) || isExcelError(error, 'GeneralException')) return inBlocks();
    throw error;
  }
  const acc = newAccumulator(sheets.length);
  for (const [i, read] of reads.entries()) {
    if (!read.cells.text.isNullObject) {
      // Over five million cells Range.text "doesn't always throw an error. In some cases, [it]
      // returns null instead" (Excel performance page, payload size limits).
      const got = collectCells(read.cells);
      if (!got) return inBlocks();
      acc.blocks[i]!.push(got.block);
      acc.typed[i]!.push(...got.typed);
    }
    read.bands.forEach((band, b) => addMerges(acc, band, read.areas[b]!));
  }
  // The merged areas of rows below the first bands, of the sheets that reach so far.
  const rest = reads.flatMap(({ formatted }, i) =>
    formatted.isNullObject ? [] : rowBands(i, Math.max(firstRows, formatted.rowIndex), formatted.rowIndex + formatted.rowCount, 0, LAST_COLUMN + 1),
  );
  if (rest.length > 0) await drain(context, sheets, signal, mode, acc, [], rest, BLOCK_CELLS);
  return sheets.map((sheet, i) => sheetData(sheet, acc, i));
}

/** What the syncs of one read have brought so far, per sheet (by index in the scope). */
interface Accumulator {
  readonly blocks: TextBlock[][];
  readonly typed: TypedArea[][];
  readonly merges: Map<string, CellRange>[];
  /** Sheets of which Excel would not send even one row: reported alone, the others read on. */
  readonly unreadable: Set<number>;
}

function newAccumulator(sheets: number): Accumulator {
  return {
    blocks: Array.from({ length: sheets }, () => []),
    typed: Array.from({ length: sheets }, () => []),
    merges: Array.from({ length: sheets }, () => new Map()),
    unreadable: new Set(),
  };
}

/** Keyed by position, so an area two bands both report (the double, Excel without #3611) counts once. */
function addMerges(acc: Accumulator, band: Block, areas: Excel.RangeAreas): void {
  for (const area of mergesOf(areas)) acc.merges[band.sheet]!.set(`${area.top},${area.left},${area.bottom},${area.right}`, area);
}

function sheetData(sheet: Excel.Worksheet, acc: Accumulator, i: number): SheetData {
  return {
    name: sheet.name,
    isProtected: sheet.protection.protected,
    visibility: sheetVisibility(sheet),
    blocks: acc.blocks[i]!,
    typed: acc.typed[i]!,
    merges: [...acc.merges[i]!.values()],
    unreadable: acc.unreadable.has(i),
  };
}

/** The active sheet costs no sync of its own; the workbook needs one to learn its sheets. */
async function sheetsInScope(context: Excel.RequestContext, scope: EvaluationScope): Promise<Excel.Worksheet[]> {
  if (scope.kind === 'activeSheet') {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.load('name, visibility, protection/protected');
    return [sheet];
  }
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name, items/visibility, items/protection/protected');
  await context.sync();
  return worksheets.items;
}

/** Merged areas within a range (a band of rows): at most 512 per lookup (see MERGE_BAND_ROWS). */
function queueMerges(range: Excel.Range): Excel.RangeAreas {
  const areas = range.getMergedAreasOrNullObject();
  areas.load(MERGES);
  return areas;
}

function mergesOf(areas: Excel.RangeAreas): CellRange[] {
  return areas.isNullObject ? [] : areas.areas.items.map(mergeRange);
}

/** Rows top … top + rows − 1 and columns left … left + cols − 1 of one sheet. */
interface Block {
  readonly sheet: number;
  readonly top: number;
  readonly left: number;
  readonly rows: number;
  readonly cols: number;
}

function blockAddress(b: Block): string {
  return rangeAddress({ top: b.top, left: b.left, bottom: b.top + b.rows - 1, right: b.left + b.cols - 1 });
}

/** Rows from … to − 1 of columns left … left + cols − 1, cut into blocks of at most `rowsPerBlock` rows. */
function rowBands(sheet: number, from: number, to: number, left: number, cols: number, rowsPerBlock = MERGE_BAND_ROWS): Block[] {
  const out: Block[] = [];
  for (let top = from; top < to; top += rowsPerBlock) out.push({ sheet, top, left, rows: Math.min(rowsPerBlock, to - top), cols });
  return out;
}

/** A used range cut into blocks of at most `rowsPerBlock` rows. */
function rowBlocks(sheet: number, used: Excel.Range, rowsPerBlock: number): Block[] {
  return rowBands(sheet, used.rowIndex, used.rowIndex + used.rowCount, used.columnIndex, used.columnCount, rowsPerBlock);
}

/** A band cut in two by rows (a one-row band stays as it is). */
function halves(band: Block): Block[] {
  if (band.rows < 2) return [band];
  const upper = Math.ceil(band.rows / 2);
  return [
    { ...band, rows: upper },
    { ...band, top: band.top + upper, rows: band.rows - upper },
  ];
}

/**
 * The slow path for a workbook too big for one response, or with a band of more than 512
 * merged areas: sizes first, then row blocks, the first sync asking for `firstCells` cells.
 * Merged areas are looked up in bands of rows over the used range counting formatting, and the
 * bands ride along with the first block syncs, so they cost no sync of their own. The bands
 * cover the sheet's whole width and every row once, so each merged area's top-left cell lies in
 * exactly one band: the areas are all found even where Excel returns only the areas whose
 * top-left cell is inside the range asked about (office-js issue #3611), and found once.
 * `remember` is told, at the end, the cells a sync can carry and whether everything came in one
 * block sync without a refusal (the all-at-once read would have done).
 */
async function readInBlocks(
  context: Excel.RequestContext,
  sheets: readonly Excel.Worksheet[],
  signal: AbortSignal | undefined,
  mode: ReadMode,
  firstCells: number,
  remember: (cellsPerSync: number, inOneSync: boolean) => void,
): Promise<SheetData[]> {
  const sized = sheets.map((sheet) => {
    sheet.load('name, visibility, protection/protected'); // what the failed sync had loaded was not delivered
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load(SIZE);
    const formatted = sheet.getUsedRangeOrNullObject(false);
    formatted.load(SIZE);
    return { used, formatted };
  });
  await context.sync();
  const pending: Block[] = [];
  const bands: Block[] = [];
  sized.forEach(({ used, formatted }, sheet) => {
    if (!used.isNullObject) pending.push(...rowBlocks(sheet, used, Math.max(1, Math.floor(firstCells / used.columnCount))));
    if (!formatted.isNullObject) bands.push(...rowBlocks(sheet, formatted, MERGE_BAND_ROWS));
  });
  const acc = newAccumulator(sheets.length);
  const { cellsPerSync, blockSyncs } = await drain(context, sheets, signal, mode, acc, pending, bands, firstCells);
  remember(cellsPerSync, blockSyncs <= 1);
  return sheets.map((sheet, i) => sheetData(sheet, acc, i));
}

/**
 * Reads the pending blocks and bands into `acc`, a few per sync, sized from the bytes that
 * arrived and halved on a refusal (see readInBlocks). Returns the cells a sync could carry at the
 * end and the syncs it took.
 */
async function drain(
  context: Excel.RequestContext,
  sheets: readonly Excel.Worksheet[],
  signal: AbortSignal | undefined,
  mode: ReadMode,
  acc: Accumulator,
  pending: Block[],
  bands: Block[],
  firstCells: number,
): Promise<{ cellsPerSync: number; blockSyncs: number }> {
  let cellsPerSync = firstCells;
  let bytesPerCell = FIRST_BYTES_PER_CELL;
  let ceiling = Number.POSITIVE_INFINITY;
  let blockSyncs = 0;
  let failures = 0;
  /**
   * Asks for half as much next time and returns true; when there is nothing smaller to ask for
   * (one row of one sheet), gives that sheet up instead: its blocks and bands are dropped, and the
   * sizes start again from what the read began with, since that sheet's rows were what Excel refused.
   */
  const shrink = (group: readonly Block[], cells: number): boolean => {
    if (group.length === 1 && group[0]!.rows === 1) {
      const sheet = group[0]!.sheet;
      acc.unreadable.add(sheet);
      dropSheet(pending, sheet);
      dropSheet(bands, sheet);
      acc.blocks[sheet] = [];
      acc.typed[sheet] = [];
      acc.merges[sheet]!.clear();
      cellsPerSync = firstCells;
      ceiling = Number.POSITIVE_INFINITY;
      failures = 0;
      return false;
    }
    cellsPerSync = Math.max(1, Math.floor(cells / 2));
    // Never grow back to what was refused: the real cap may be below our budget.
    ceiling = Math.min(ceiling, cellsPerSync);
    return true;
  };
  while (pending.length > 0 || bands.length > 0) {
    signal?.throwIfAborted();
    const group = takeBlocks(pending, cellsPerSync);
    const cells = group.reduce((n, b) => n + b.rows * b.cols, 0);
    const queued: QueuedCells[] = group.map((b) => queueCells(sheets[b.sheet]!.getRange(blockAddress(b)), mode));
    const asked = bands.splice(0, MAX_BANDS_PER_SYNC);
    const areas = asked.map((b) => queueMerges(sheets[b.sheet]!.getRange(blockAddress(b))));
    try {
      blockSyncs++;
      await context.sync();
    } catch (error) {
      const general = isExcelError(error, 'GeneralException');
      if (!(isExcelError(error, 'ResponsePayloadSizeLimitExceeded') || general) || ++failures > MAX_RETRIES) throw error;
      if (group.length === 0 && !general) throw error;
      const big = cells * bytesPerCell > GENERAL_OVERSIZE_BYTES;
      // A GeneralException on a small request with no merged areas in it is a real failure.
      if (general && !big && asked.length === 0) throw error;
      // Which lookup failed is not known: every band is halved (a one-row band cannot be).
      if (general && asked.length > 0) {
        if (asked.every((b) => b.rows === 1) && !big) throw error;
        bands.unshift(...asked.flatMap(halves));
      } else bands.unshift(...asked);
      pending.unshift(...group);
      if (!general || big) shrink(group, cells);
      continue;
    }
    failures = 0;
    asked.forEach((band, i) => addMerges(acc, band, areas[i]!));
    const got = queued.map(collectCells);
    if (!got.every((g) => g !== undefined)) {
      // Null for a read Excel found too big (the five-million-cell note): ask for less.
      pending.unshift(...group);
      shrink(group, cells);
      continue;
    }
    let bytes = 0;
    got.forEach((g, i) => {
      const sheet = group[i]!.sheet;
      acc.blocks[sheet]!.push(g.block);
      acc.typed[sheet]!.push(...g.typed);
      bytes += g.bytes;
    });
    if (cells > 0 && bytes > 0) {
      bytesPerCell = bytes / cells;
      cellsPerSync = Math.min(ceiling, Math.max(1, Math.floor(RESPONSE_BUDGET / bytesPerCell)));
    }
  }
  return { cellsPerSync, blockSyncs };
}

/** Removes every block of one sheet from a queue, in place. */
function dropSheet(queue: Block[], sheet: number): void {
  for (let i = queue.length - 1; i >= 0; i--) if (queue[i]!.sheet === sheet) queue.splice(i, 1);
}

/** The next blocks, up to `cells` cells; the block that would overflow is cut (by rows) to fill it. */
function takeBlocks(pending: Block[], cells: number): Block[] {
  const group: Block[] = [];
  let taken = 0;
  while (pending.length > 0) {
    const next = pending[0]!;
    const room = cells - taken;
    if (next.rows * next.cols > room) {
      // Cut the block to fill the room left; a sync always takes at least one row.
      // No room left (a first block wider than the sync was cut to one row): stop here.
      const fits = Math.floor(room / next.cols);
      if (fits <= 0 && group.length > 0) break;
      const rows = Math.max(1, fits);
      if (rows < next.rows) pending.splice(0, 1, { ...next, rows }, { ...next, top: next.top + rows, rows: next.rows - rows });
    }
    const block = pending.shift()!;
    group.push(block);
    taken += block.rows * block.cols;
  }
  return group;
}
