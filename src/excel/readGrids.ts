/**
 * Reads the sheets in scope into grids in a number of syncs that does not grow
 * with the number of sheets: one to list the sheets (none for the active sheet),
 * one for every sheet's used range (values, text, number formats, formulas),
 * merged areas and protection together.
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
 * (ReadMemory): the all-at-once read Excel refused once is not asked for again.
 */
import type { CellRange, SheetGrid, SheetVisibility } from '../core/grid';
import { rangeAddress } from '../core/grid';
import { HostError } from './errors';
import { isExcelError, type ExcelRun } from './excelRun';
import type { EvaluationScope, ReadProgress } from '../core/host';
import { mergeRange, toSheetGrid, type LoadedBlock } from './toSheetGrid';
import { sheetVisibility } from './visibility';

const DATA = 'rowIndex, columnIndex, values, text, numberFormat, formulas';
const MERGES = 'areas/items/rowIndex, areas/items/columnIndex, areas/items/rowCount, areas/items/columnCount';
const SIZE = 'rowIndex, columnIndex, rowCount, columnCount';

/**
 * Cells in the first block sync when reading in blocks (≈ 200 bytes a cell over four
 * arrays stays near 4 MB). Later syncs are sized from the bytes per cell actually
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
/** Merged-area lookups per sync: about 1 KB of request each, so a sync stays near 2 MB. */
const MAX_BANDS_PER_SYNC = 2_000;
/** Failed block syncs in a row before the read gives up: each one halves what it asks for. */
const MAX_RETRIES = 12;
const utf8 = new TextEncoder();

export interface ReadOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ReadProgress) => void;
}

/**
 * What reads of one workbook learned about its size, kept by the host between reads: per scope,
 * the cells a block sync could carry when the last read of that scope had to go in blocks.
 */
export type ReadMemory = Partial<Record<EvaluationScope['kind'], number>>;

interface SheetData {
  readonly name: string;
  readonly isProtected: boolean;
  readonly visibility: SheetVisibility;
  readonly blocks: LoadedBlock[];
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
  try {
    sheets = await run((context) => readSheets(context, scope, signal, memory));
  } catch (error) {
    if (signal?.aborted && error === signal.reason) throw error;
    if (error instanceof HostError) throw error;
    throw HostError.from('readFailed', error);
  }
  const grids: SheetGrid[] = [];
  onProgress?.({ sheetsRead: 0, sheetsTotal: sheets.length });
  for (const sheet of sheets) {
    // Converting a big sheet takes a moment: let the pane repaint and an abort land in between.
    await nextTask();
    signal?.throwIfAborted();
    const grid = sheet.unreadable ? unreadableGrid(sheet) : toSheetGrid(sheet.name, sheet.isProtected, sheet.blocks, sheet.merges);
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
): Promise<SheetData[]> {
  const sheets = await sheetsInScope(context, scope);
  signal?.throwIfAborted();
  const remembered = memory[scope.kind];
  if (remembered !== undefined) {
    // Started in blocks on the strength of the last read: if all of it came in one sync this
    // time, the workbook has shrunk, and the next read may ask for everything at once again.
    return readInBlocks(context, sheets, signal, remembered, (cells, inOneSync) => {
      if (inOneSync) delete memory[scope.kind];
      else memory[scope.kind] = cells;
    });
  }
  const reads = sheets.map((sheet) => {
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load(DATA);
    return { sheet, used, merges: queueMerges(sheet.getUsedRange(false)) };
  });
  const inBlocks = (): Promise<SheetData[]> => {
    signal?.throwIfAborted();
    return readInBlocks(context, sheets, signal, BLOCK_CELLS, (cells) => (memory[scope.kind] = cells));
  };
  try {
    await context.sync();
  } catch (error) {
    // Too big; or GeneralException, which Excel has given both for a response too big and for a
    // sheet with more than 512 merged areas. The block read asks for less of both; a real
    // failure fails it again and is reported from there.
    if (isOversize(error) || isExcelError(error, 'GeneralException')) return inBlocks();
    throw error;
  }
  // Over five million cells Range.values "doesn't always throw an error. In some cases,
  // Range.values returns null instead" (Excel performance page, payload size limits).
  if (reads.some(({ used }) => !used.isNullObject && !isComplete(used))) return inBlocks();
  return reads.map(({ sheet, used, merges }) => ({
    name: sheet.name,
    isProtected: sheet.protection.protected,
    visibility: sheetVisibility(sheet),
    blocks: used.isNullObject ? [] : [loadedBlock(used)],
    merges: mergesOf(merges),
  }));
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

/**
 * Merged areas within a range: the used range counting formatting, since a merged header may
 * be empty, or a band of its rows. At most 512 per lookup (see MERGE_BAND_ROWS).
 */
function queueMerges(range: Excel.Range): Excel.RangeAreas {
  const areas = range.getMergedAreasOrNullObject();
  areas.load(MERGES);
  return areas;
}

function mergesOf(areas: Excel.RangeAreas): CellRange[] {
  return areas.isNullObject ? [] : areas.areas.items.map(mergeRange);
}

/** All four arrays arrived (see the five-million-cell note in readSheets). */
function isComplete(range: Excel.Range): boolean {
  return Array.isArray(range.values) && Array.isArray(range.text) && Array.isArray(range.numberFormat) && Array.isArray(range.formulas);
}

function loadedBlock(range: Excel.Range): LoadedBlock {
  return {
    rowIndex: range.rowIndex,
    columnIndex: range.columnIndex,
    values: range.values,
    text: range.text,
    numberFormat: range.numberFormat,
    formulas: range.formulas,
  };
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

/** A used range cut into blocks of at most `rowsPerBlock` rows. */
function rowBlocks(sheet: number, used: Excel.Range, rowsPerBlock: number): Block[] {
  const out: Block[] = [];
  for (let top = used.rowIndex; top < used.rowIndex + used.rowCount; top += rowsPerBlock) {
    const rows = Math.min(rowsPerBlock, used.rowIndex + used.rowCount - top);
    out.push({ sheet, top, left: used.columnIndex, rows, cols: used.columnCount });
  }
  return out;
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
 * The slow path for a workbook too big for one response, or with a sheet of more than 512
 * merged areas: sizes first, then row blocks, the first sync asking for `firstCells` cells.
 * Merged areas are looked up in bands of rows over the used range counting formatting, and the
 * bands ride along with the first block syncs, so they cost no sync of their own. The bands
 * cover the sheet's whole width and every row once, so each merged area's top-left cell lies in
 * exactly one band: the areas are all found even where Excel returns only the areas whose
 * top-left cell is inside the range asked about (office-js issue #3611), and found once.
 * `remember` is told, at the end, the cells a sync can carry and whether everything came in one
 * block sync without a refusal (and the all-at-once read would have carried the merged areas).
 */
async function readInBlocks(
  context: Excel.RequestContext,
  sheets: readonly Excel.Worksheet[],
  signal: AbortSignal | undefined,
  firstCells: number,
  remember: (cellsPerSync: number, inOneSync: boolean) => void,
): Promise<SheetData[]> {
  const sized = sheets.map((sheet) => {
    sheet.load('name, visibility, protection/protected'); // what the failed sync had loaded was not delivered
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load(SIZE);
    const formatted = sheet.getUsedRangeOrNullObject(false);
    formatted.load(SIZE);
    return { sheet, used, formatted };
  });
  await context.sync();
  const pending: Block[] = [];
  const bands: Block[] = [];
  sized.forEach(({ used, formatted }, sheet) => {
    if (!used.isNullObject) pending.push(...rowBlocks(sheet, used, Math.max(1, Math.floor(firstCells / used.columnCount))));
    if (!formatted.isNullObject) bands.push(...rowBlocks(sheet, formatted, MERGE_BAND_ROWS));
  });
  const blocks: LoadedBlock[][] = sheets.map(() => []);
  const merges = sheets.map(() => new Map<string, CellRange>());
  let cellsPerSync = firstCells;
  let bytesPerCell = FIRST_BYTES_PER_CELL;
  let ceiling = Number.POSITIVE_INFINITY;
  let blockSyncs = 0;
  let failures = 0;
  /** Sheets of which Excel would not send even one row: reported alone, the others read on. */
  const unreadable = new Set<number>();
  /**
   * Asks for half as much next time and returns true; when there is nothing smaller to ask for
   * (one row of one sheet), gives that sheet up instead: its blocks and bands are dropped, and the
   * sizes start again from what the read began with, since that sheet's rows were what Excel refused.
   */
  const shrink = (group: readonly Block[], cells: number): boolean => {
    if (group.length === 1 && group[0]!.rows === 1) {
      const sheet = group[0]!.sheet;
      unreadable.add(sheet);
      dropSheet(pending, sheet);
      dropSheet(bands, sheet);
      blocks[sheet] = [];
      merges[sheet]!.clear();
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
    const ranges = group.map((b) => {
      const range = sheets[b.sheet]!.getRange(blockAddress(b));
      range.load(DATA);
      return range;
    });
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
    asked.forEach((band, i) => {
      for (const area of mergesOf(areas[i]!)) merges[band.sheet]!.set(`${area.top},${area.left},${area.bottom},${area.right}`, area);
    });
    if (!ranges.every(isComplete)) {
      // Null for a read Excel found too big (the five-million-cell note): ask for less.
      pending.unshift(...group);
      shrink(group, cells);
      continue;
    }
    const loaded = ranges.map((range, i) => {
      const block = loadedBlock(range);
      blocks[group[i]!.sheet]!.push(block);
      return block;
    });
    const bytes = responseBytes(loaded);
    if (cells > 0 && bytes > 0) {
      bytesPerCell = bytes / cells;
      cellsPerSync = Math.min(ceiling, Math.max(1, Math.floor(RESPONSE_BUDGET / bytesPerCell)));
    }
  }
  const mergesFitOneLookup = merges.every((m) => m.size <= 512);
  remember(cellsPerSync, blockSyncs <= 1 && mergesFitOneLookup);
  return sized.map(({ sheet }, i) => ({
    name: sheet.name,
    isProtected: sheet.protection.protected,
    visibility: sheetVisibility(sheet),
    blocks: blocks[i]!,
    merges: [...merges[i]!.values()],
    unreadable: unreadable.has(i),
  }));
}

/** Removes every block of one sheet from a queue, in place. */
function dropSheet(queue: Block[], sheet: number): void {
  for (let i = queue.length - 1; i >= 0; i--) if (queue[i]!.sheet === sheet) queue.splice(i, 1);
}

/** The bytes these blocks came to, as JSON. */
function responseBytes(loaded: readonly LoadedBlock[]): number {
  return loaded.reduce((n, b) => n + utf8.encode(JSON.stringify([b.values, b.text, b.numberFormat, b.formulas])).length, 0);
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
