/**
 * The reduced read (issue #10): readGrids asks Excel for the displayed text of every used cell,
 * and values, number formats and formulas only for numbers, booleans and formulas
 * (getSpecialCellsOrNullObject). It is held here to the general read, the four arrays of every
 * used cell turned into a grid by toSheetGrid (what readSelection still does), on generated
 * ledgers with merged cells, formulas, apostrophe text, per-cent, 0.0, thousands and date formats:
 * the same grid but for the number format of text cells, and the same evaluation. And the read of
 * the benchmark's 10,000-KPI workbook is counted: syncs and bytes per KPI.
 */
import { describe, expect, it } from 'vitest';
import { generateLedgerGrids } from '../../bench/generate';
import { gridToSheetSpec } from '../../bench/sheetSpec';
import { evaluateWorkbook } from '../../src/core/evaluate';
import type { GridCell, SheetGrid } from '../../src/core/grid';
import { BUILTIN_PRESETS } from '../../src/core/presets';
import { createOfficeHost } from '../../src/excel/officeHost';
import { mergeRange, toSheetGrid } from '../../src/excel/toSheetGrid';
import { createWorkbookDouble, type CellInput, type SheetSpec, type WorkbookDoubleOptions } from '../support/workbookDouble';

const UNLIMITED: WorkbookDoubleOptions = {
  mergedAreaLimit: Number.POSITIVE_INFINITY,
  responseLimitBytes: Number.POSITIVE_INFINITY,
  requestLimitBytes: Number.POSITIVE_INFINITY,
};

/** The general path: all four arrays of each sheet's used range and every merged area, in one go. */
async function fullRead(sheets: SheetSpec[]): Promise<SheetGrid[]> {
  const double = createWorkbookDouble(sheets, UNLIMITED);
  return double.run(async (context) => {
    const list = context.workbook.worksheets;
    list.load('items/name, items/protection/protected');
    await context.sync();
    const reads = list.items.map((sheet) => {
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load('rowIndex, columnIndex, values, text, numberFormat, formulas');
      const merges = sheet.getUsedRange(false).getMergedAreasOrNullObject();
      merges.load('areas/items/rowIndex, areas/items/columnIndex, areas/items/rowCount, areas/items/columnCount');
      return { sheet, used, merges };
    });
    await context.sync();
    return reads.map(({ sheet, used, merges }) =>
      toSheetGrid(sheet.name, sheet.protection.protected, used.isNullObject ? [] : [used], merges.isNullObject ? [] : merges.areas.items.map(mergeRange)),
    );
  });
}

async function reducedRead(sheets: SheetSpec[], options?: WorkbookDoubleOptions): Promise<SheetGrid[]> {
  const double = createWorkbookDouble(sheets, options);
  return createOfficeHost(double.run, { isSetSupported: double.isSetSupported }).readGrids({ kind: 'workbook' });
}

/**
 * What the reduced read does not carry: a text cell's number format (the engine reads number
 * formats of numbers only), and the order merged areas come in.
 */
function comparable(grids: SheetGrid[]): unknown {
  return grids.map((g) => ({
    ...g,
    rows: g.rows.map((row) =>
      row?.map((cell): GridCell | undefined => {
        if (!cell || typeof cell.value !== 'string' || cell.formula !== undefined) return cell;
        const rest: { -readonly [K in keyof GridCell]: GridCell[K] } = { ...cell };
        delete rest.numberFormat;
        return rest;
      }),
    ),
    merges: [...g.merges].sort((a, b) => a.top - b.top || a.left - b.left),
  }));
}

/** Every kind of cell the reduced read must get right, on a sheet of its own, with merges. */
function oddCells(): SheetSpec {
  const cells: CellInput[][] = [
    ['種類', '値'],
    ['数式の数値', { value: 0.4567, formula: '=B9/B10', numberFormat: '0.0%', text: '45.7%' }],
    ['数式の文字', { value: 'Ａ', formula: '=IF(B9>1,"Ａ","Ｂ")' }],
    ['空文字の数式', { value: '', formula: '=IF(1,"","x")' }],
    ['エラーの数式', { value: '#DIV/0!', formula: '=1/0', text: '#DIV/0!' }],
    ['アポストロフィ', '=集計中'],
    ['真偽', true],
    ['日付', { value: 45383, numberFormat: 'yyyy/m/d', text: '2024/4/1' }],
    ['0.0', { value: 12.34, numberFormat: '0.0', text: '12.3' }],
    ['桁区切り', { value: 1234567, numberFormat: '#,##0', text: '1,234,567' }],
    ['隠れた数値', { value: 42, numberFormat: ';;;', text: '' }],
    ['文字列書式の文字', { value: '0012', numberFormat: '@', text: '0012' }],
    ['結合', '結合した見出し', null],
    [null, null, null],
  ];
  return { name: '特殊なセル', cells, merges: ['B13:C14'] };
}

/** Generated ledgers with some figures turned into formulas and some texts typed with an apostrophe. */
function ledgers(seed: number): SheetSpec[] {
  const specs = generateLedgerGrids({ sheets: 2, kpisPerSheet: 120, seed }).map(gridToSheetSpec);
  return specs.map((spec, s) => ({
    ...spec,
    cells: spec.cells!.map((row, r) =>
      row.map((cell, c) => {
        if (cell === null || typeof cell !== 'object' || (r + c + s) % 7 !== 0) return cell;
        if (typeof cell.value === 'number') return { ...cell, formula: `=ROUND(${cell.value},6)` };
        if (typeof cell.value === 'string' && cell.value !== '' && !cell.formula) return { value: `=${cell.value}`, text: `=${cell.value}` };
        return cell;
      }),
    ),
  }));
}

describe('the reduced read held to the four-array read', () => {
  it('gives the same grids and the same evaluation on generated ledgers and every kind of cell', async () => {
    for (const seed of [3, 17, 29]) {
      const sheets = [...ledgers(seed), oddCells()];
      const [full, reduced] = await Promise.all([fullRead(sheets), reducedRead(sheets)]);
      expect(comparable(reduced)).toEqual(comparable(full));
      const preset = BUILTIN_PRESETS.standard;
      const graded = evaluateWorkbook(reduced, preset, { wholeWorkbook: true });
      expect(graded.tables.length).toBeGreaterThan(0);
      expect(graded).toEqual(evaluateWorkbook(full, preset, { wholeWorkbook: true }));
    }
  });

  it('reads the cells the text does not tell as they are', async () => {
    const [grid] = await reducedRead([oddCells()]);
    const at = (r: number) => grid!.rows[r]?.[1];
    expect(at(1)).toEqual({ text: '45.7%', value: 0.4567, numberFormat: '0.0%', formula: '=B9/B10' });
    expect(at(3)).toEqual({ text: '', value: null, formula: '=IF(1,"","x")' });
    expect(at(5)).toEqual({ text: '=集計中', value: '=集計中' }); // text typed '=集計中, not a formula
    expect(at(6)).toEqual({ text: 'TRUE', value: true });
    expect(at(7)).toEqual({ text: '2024/4/1', value: 45383, numberFormat: 'yyyy/m/d' });
    expect(at(10)).toEqual({ text: '', value: 42, numberFormat: ';;;' }); // hidden, but a number
    expect(at(11)).toEqual({ text: '0012', value: '0012' }); // a text cell: its format is not read
  });

  it('gives the same grids when it has to read in blocks, and under #3611', async () => {
    const sheets = [...ledgers(5), oddCells()];
    const full = comparable(await fullRead(sheets));
    expect(comparable(await reducedRead(sheets, { responseLimitBytes: 40_000 }))).toEqual(full);
    expect(comparable(await reducedRead(sheets, { mergedAreasTopLeftOnly: true }))).toEqual(full);
    expect(comparable(await reducedRead(sheets, { mergedAreaLimit: 20 }))).toEqual(full);
  });
});

describe('when Excel refuses the special cells (suspected on protected sheets, as VBA SpecialCells)', () => {
  it('reads the four arrays instead, the same grids, and this pane keeps reading them', async () => {
    const sheets = [...ledgers(13), { ...oddCells(), protected: true }];
    const double = createWorkbookDouble(sheets, { specialCellsFailOnProtectedSheet: true });
    const host = createOfficeHost(double.run, { isSetSupported: double.isSetSupported });
    const full = await fullRead(sheets);
    expect(comparable(await host.readGrids({ kind: 'workbook' }))).toEqual(comparable(full));
    // GeneralException is taken for a size or merged-area refusal first: list, refused, sizes, then
    // the first block with its merged-area bands refused while the bands halve (128 → 1 rows: 8
    // syncs) and the one-row bands are refused too, which is no size; then list + the four arrays.
    expect(double.syncCount).toBe(13);
    double.resetCounters();
    // The four arrays hold the text cells' number formats as well: the grids are the full read's.
    expect(await host.readGrids({ kind: 'workbook' })).toEqual(full);
    expect(double.syncCount).toBe(2);
  });
});

describe('the double models getSpecialCellsOrNullObject', () => {
  it('finds number and boolean constants, formulas apart, text typed with an apostrophe among neither; null when none', async () => {
    const double = createWorkbookDouble([
      { name: 'S', cells: [[1, 2, 'a'], [3, true, { value: 5, formula: '=1+4' }], ['x', null, 7]] },
      { name: '文字だけ', cells: [['a', 'b']] },
    ]);
    double.setCell('S', 'B3', '=A1+1'); // typed with an apostrophe: text
    const found = await double.run(async (context) => {
      const used = context.workbook.worksheets.getItem('S').getUsedRange(true);
      const constants = used.getSpecialCellsOrNullObject('Constants', 'LogicalNumbers');
      const formulas = used.getSpecialCellsOrNullObject('Formulas');
      const none = context.workbook.worksheets.getItem('文字だけ').getUsedRange(true).getSpecialCellsOrNullObject('Constants', 'LogicalNumbers');
      for (const areas of [constants, formulas, none]) areas.load('address');
      await context.sync();
      return [constants.address, formulas.address, none.isNullObject];
    });
    // A1, B1, A2, B2 (1, 2, 3, TRUE) stack into one rectangle; C3 (7) is alone; C2 is the formula.
    expect(found).toEqual(['S!A1:B2, S!C3', 'S!C2', true]);
  });
});

describe('the 10,000-KPI workbook of npm run bench', () => {
  it('is read in at most 4 syncs and 0.5 KB a KPI, with Excel’s 512 merged areas a lookup', async () => {
    const grids = generateLedgerGrids({ sheets: 10, kpisPerSheet: 1_000, seed: 7, emptyGrades: true });
    // Real merge counts: over 1,000 merged areas on each sheet, twice what one lookup may return.
    expect(Math.min(...grids.map((g) => g.merges.length))).toBeGreaterThan(1_000);
    const double = createWorkbookDouble(grids.map(gridToSheetSpec)); // 512 areas, 5 MB, as Excel
    const read = await createOfficeHost(double.run, { isSetSupported: double.isSetSupported }).readGrids({ kind: 'workbook' });
    const kpis = evaluateWorkbook(read, BUILTIN_PRESETS.standard).tables.reduce((n, t) => n + t.kpis.length, 0);
    expect(kpis).toBeGreaterThan(9_000);
    const bytes = double.responseBytes.reduce((n, b) => n + b, 0);
    // list + text, special cells and merged-area bands: 2. Four arrays of every cell: 7 and 1.14 KB.
    expect(double.syncCount).toBeLessThanOrEqual(4);
    expect(bytes / kpis).toBeLessThanOrEqual(512);
    expect(double.responseBytes.every((b) => b > 0 && b <= 5_000_000)).toBe(true); // none refused
    expect(read.map((g) => g.merges.length)).toEqual(grids.map((g) => g.merges.length));
  });
});
