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
import type { CellRange, SheetGrid } from '../core/grid';
import { rangeAddress } from '../core/grid';
import { HostError } from './errors';
import { isExcelError, type ExcelRun } from './excelRun';
import type { EvaluationScope, ReadProgress } from './host';
import { mergeRange, toSheetGrid, type LoadedBlock } from './toSheetGrid';

const DATA = 'rowIndex, columnIndex, values, text, numberFormat, formulas';
const MERGES = 'areas/items/rowIndex, areas/items/columnIndex, areas/items/rowCount, areas/items/columnCount';

/**
 * Cells in the first block sync when reading in blocks (≈ 200 bytes a cell over four
 * arrays stays near 4 MB). Later syncs are sized from the bytes per cell actually
 * received, to fill RESPONSE_BUDGET: ledgers run far below 200 bytes a cell.
 */
const BLOCK_CELLS = 20_000;
/** What a block sync aims to receive: under the 5 MB cap with room for the envelope. */
const RESPONSE_BUDGET = 3_500_000;
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
  readonly blocks: LoadedBlock[];
  readonly merges: CellRange[];
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
    throw HostError.from('readFailed', error);
  }
  const grids: SheetGrid[] = [];
  onProgress?.({ sheetsRead: 0, sheetsTotal: sheets.length });
  for (const sheet of sheets) {
    // Converting a big sheet takes a moment: let the pane repaint and an abort land in between.
    await nextTask();
    signal?.throwIfAborted();
    grids.push(toSheetGrid(sheet.name, sheet.isProtected, sheet.blocks, sheet.merges));
    onProgress?.({ sheetsRead: grids.length, sheetsTotal: sheets.length });
  }
  return grids;
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
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
    return { sheet, used, merges: queueMerges(sheet) };
  });
  try {
    await context.sync();
  } catch (error) {
    if (!isExcelError(error, 'ResponsePayloadSizeLimitExceeded', 'RangeExceedsLimit')) throw error;
    signal?.throwIfAborted();
    return readInBlocks(context, sheets, signal, BLOCK_CELLS, (cells) => (memory[scope.kind] = cells));
  }
  return reads.map(({ sheet, used, merges }) => ({
    name: sheet.name,
    isProtected: sheet.protection.protected,
    blocks: used.isNullObject ? [] : [loadedBlock(used)],
    merges: mergesOf(merges),
  }));
}

/** The active sheet costs no sync of its own; the workbook needs one to learn its sheets. */
async function sheetsInScope(context: Excel.RequestContext, scope: EvaluationScope): Promise<Excel.Worksheet[]> {
  if (scope.kind === 'activeSheet') {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.load('name, protection/protected');
    return [sheet];
  }
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name, items/protection/protected');
  await context.sync();
  return worksheets.items;
}

/**
 * Merged areas within the used range counting formatting, since a merged header
 * may be empty. Excel answers for at most 512 merged areas per range.
 */
function queueMerges(sheet: Excel.Worksheet): Excel.RangeAreas {
  const areas = sheet.getUsedRange(false).getMergedAreasOrNullObject();
  areas.load(MERGES);
  return areas;
}

function mergesOf(areas: Excel.RangeAreas): CellRange[] {
  return areas.isNullObject ? [] : areas.areas.items.map(mergeRange);
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

interface Block {
  readonly sheet: number;
  readonly top: number;
  readonly left: number;
  readonly rows: number;
  readonly cols: number;
}

/**
 * The slow path for a workbook too big for one response: sizes first, then row blocks, the first
 * sync asking for `firstCells` cells. `remember` is told, at the end, the cells a sync can carry
 * and whether everything came in one block sync without a refusal.
 */
async function readInBlocks(
  context: Excel.RequestContext,
  sheets: readonly Excel.Worksheet[],
  signal: AbortSignal | undefined,
  firstCells: number,
  remember: (cellsPerSync: number, inOneSync: boolean) => void,
): Promise<SheetData[]> {
  const sized = sheets.map((sheet) => {
    sheet.load('name, protection/protected'); // what the failed sync had loaded was not delivered
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load('rowIndex, columnIndex, rowCount, columnCount');
    return { sheet, used, merges: queueMerges(sheet) };
  });
  await context.sync();
  const pending: Block[] = [];
  sized.forEach(({ used }, sheet) => {
    if (used.isNullObject) return;
    const rowsPerBlock = Math.max(1, Math.floor(firstCells / used.columnCount));
    for (let top = used.rowIndex; top < used.rowIndex + used.rowCount; top += rowsPerBlock) {
      const rows = Math.min(rowsPerBlock, used.rowIndex + used.rowCount - top);
      pending.push({ sheet, top, left: used.columnIndex, rows, cols: used.columnCount });
    }
  });
  const blocks: LoadedBlock[][] = sheets.map(() => []);
  let cellsPerSync = firstCells;
  let ceiling = Number.POSITIVE_INFINITY;
  let blockSyncs = 0;
  while (pending.length > 0) {
    signal?.throwIfAborted();
    const group = takeBlocks(pending, cellsPerSync);
    const cells = group.reduce((n, b) => n + b.rows * b.cols, 0);
    const ranges = group.map((b) => {
      const range = sheets[b.sheet]!.getRange(rangeAddress({ top: b.top, left: b.left, bottom: b.top + b.rows - 1, right: b.left + b.cols - 1 }));
      range.load(DATA);
      return range;
    });
    try {
      blockSyncs++;
      await context.sync();
    } catch (error) {
      if (!isExcelError(error, 'ResponsePayloadSizeLimitExceeded')) throw error;
      // Nothing smaller to ask for than one row; otherwise ask for half as much.
      if (group.length === 1 && group[0]!.rows === 1) throw error;
      cellsPerSync = Math.max(1, Math.floor(cells / 2));
      // Never grow back to what was refused: the real cap may be below our budget.
      ceiling = Math.min(ceiling, cellsPerSync);
      pending.unshift(...group);
      continue;
    }
    const loaded = ranges.map((range, i) => {
      const block = loadedBlock(range);
      blocks[group[i]!.sheet]!.push(block);
      return block;
    });
    cellsPerSync = Math.min(ceiling, cellsForBudget(loaded, cells, cellsPerSync));
  }
  remember(cellsPerSync, blockSyncs <= 1);
  return sized.map(({ sheet, merges }, i) => ({
    name: sheet.name,
    isProtected: sheet.protection.protected,
    blocks: blocks[i]!,
    merges: mergesOf(merges),
  }));
}

/** How many cells the next sync can ask for, from the bytes these blocks came to. */
function cellsForBudget(loaded: readonly LoadedBlock[], cells: number, current: number): number {
  const bytes = loaded.reduce((n, b) => n + utf8.encode(JSON.stringify([b.values, b.text, b.numberFormat, b.formulas])).length, 0);
  if (cells === 0 || bytes === 0) return current;
  return Math.max(1, Math.floor(RESPONSE_BUDGET / (bytes / cells)));
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
      const fits = Math.floor(room / next.cols);
      if (fits === 0 && group.length > 0) break;
      const rows = Math.max(1, fits);
      if (rows < next.rows) pending.splice(0, 1, { ...next, rows }, { ...next, top: next.top + rows, rows: next.rows - rows });
    }
    const block = pending.shift()!;
    group.push(block);
    taken += block.rows * block.cols;
  }
  return group;
}
