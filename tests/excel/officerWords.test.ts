/**
 * The officer's own words written from the pane (issue 13), through the Office host on the
 * workbook double: one cell per edit in one request, refused when the cell changed meanwhile or
 * the sheet is protected; the 方向性 cells get the drop-down list unless the officer has a
 * validation of their own; undo puts back exactly what the cell held and takes off only our list;
 * grade cells are never touched.
 */
import { describe, expect, it } from 'vitest';
import { evaluateWorkbook } from '../../src/core/evaluate';
import { officerColumns } from '../../src/core/history/ledger';
import { DIRECTION_LIST_SOURCE, officerCells, officerEdit, planOfficerColumns, undoOf } from '../../src/core/officerWords';
import { getBuiltinPreset } from '../../src/core/presets';
import { createOfficeHost } from '../../src/excel/officeHost';
import type { LedgerHost } from '../../src/core/host';
import { createWorkbookDouble, type SheetSpec } from '../support/workbookDouble';

const SHEET = '基本目標1';
const HEADER = ['No', '指標', '当初\n(H30)', '現状\n(R3)', '目標値\n(R6)', '達成状況', '要因分析', '今後の方向性'];
const LIST = { list: { inCellDropDown: true, source: DIRECTION_LIST_SOURCE } };

function setUp(spec: Partial<SheetSpec> = {}) {
  const double = createWorkbookDouble([
    {
      name: SHEET,
      cells: [
        HEADER,
        ['1', '観光客数（観光課）', '100人', '140人', '200人', 'Ｂ', 'イベントを増やした', '拡大'],
        ['2', '移住者数（企画課）', '50人', '40人', '80人', 'Ｄ', 12, ''],
        ['3', '公園数（都市計画課）', '10か所', '16か所', '20か所', 'Ａ', { formula: '=A4&"件"', value: '3件' }, ''],
      ],
      ...spec,
    },
  ]);
  return { double, host: createOfficeHost(double.run, { isSetSupported: double.isSetSupported }) };
}

async function cellsOf(host: LedgerHost, row: number) {
  const grids = await host.readGrids({ kind: 'workbook' });
  const evaluation = evaluateWorkbook(grids, getBuiltinPreset('standard')!);
  const table = evaluation.tables[0]!.table;
  const grid = grids[0]!;
  const kpi = table.kpis.find((k) => k.row === row)!;
  return { table, grid, cells: officerCells(kpi, officerColumns(table, grid), grid) };
}

describe('writing the officer’s words', () => {
  it('one 要因分析 cell written in one request of two syncs; nothing else changes', async () => {
    const { double, host } = setUp();
    const { table, grid, cells } = await cellsOf(host, 1);
    expect(cells.map((c) => [c.kind, c.header, c.address, c.text])).toEqual([
      ['analysis', '要因分析', 'G2', 'イベントを増やした'],
      ['direction', '今後の方向性', 'H2', '拡大'],
    ]);
    const before = double.allCells();
    double.resetCounters();
    const result = await host.writeOfficerCells!(officerEdit(table, grid, cells[0]!, '=SUM は使わず、回数で評価'));
    expect(result).toEqual({ kind: 'written', listAdded: [] });
    expect(double.syncCount).toBe(2);
    // Text that looks like a formula stays text.
    expect(double.getCell(SHEET, 'G2')).toMatchObject({ value: '=SUM は使わず、回数で評価', formula: undefined });
    const after = double.allCells();
    delete before[SHEET]!.G2;
    delete after[SHEET]!.G2;
    expect(after).toEqual(before);
  });

  it('a 方向性 edit gives the column’s KPI cells the list, except a cell with the officer’s own validation', async () => {
    const own = { list: { inCellDropDown: true, source: '継続,見直し' } };
    const { double, host } = setUp({ validations: { H3: own } });
    const { table, grid, cells } = await cellsOf(host, 1);
    const edit = officerEdit(table, grid, cells[1]!, '継続');
    expect(edit.addList).toEqual(['H2', 'H3', 'H4']);
    const result = await host.writeOfficerCells!(edit);
    expect(result).toEqual({ kind: 'written', listAdded: ['H2', 'H4'] });
    expect(double.getCell(SHEET, 'H2').value).toBe('継続');
    expect([double.validation(SHEET, 'H2'), double.validation(SHEET, 'H3'), double.validation(SHEET, 'H4')]).toEqual([LIST, own, LIST]);
    // The grade column has none.
    expect(double.validation(SHEET, 'F2')).toBeUndefined();

    // Undo: the cell as it was, our lists off, the officer's own kept.
    if (result.kind !== 'written') throw new Error(result.kind);
    expect(await host.writeOfficerCells!(undoOf(edit, result.listAdded))).toEqual({ kind: 'written', listAdded: [] });
    expect(double.getCell(SHEET, 'H2').value).toBe('拡大');
    expect([double.validation(SHEET, 'H2'), double.validation(SHEET, 'H3'), double.validation(SHEET, 'H4')]).toEqual([undefined, own, undefined]);
  });

  it('undo restores exactly what the cell held: a number, a formula', async () => {
    const { double, host } = setUp();
    for (const row of [2, 3]) {
      const { table, grid, cells } = await cellsOf(host, row);
      const before = double.getCell(SHEET, `G${row + 1}`);
      const edit = officerEdit(table, grid, cells[0]!, '書き換えた');
      expect((await host.writeOfficerCells!(edit)).kind).toBe('written');
      expect(double.getCell(SHEET, `G${row + 1}`).value).toBe('書き換えた');
      expect(await host.writeOfficerCells!(undoOf(edit, []))).toEqual({ kind: 'written', listAdded: [] });
      expect(double.getCell(SHEET, `G${row + 1}`)).toEqual(before);
    }
    expect(double.getCell(SHEET, 'G3').value).toBe(12);
    expect(double.getCell(SHEET, 'G4').formula).toBe('=A4&"件"');
  });

  it('a cell changed since it was read is refused, and so is a protected sheet: nothing written', async () => {
    const { double, host } = setUp();
    const { table, grid, cells } = await cellsOf(host, 1);
    double.setCell(SHEET, 'G2', '課長が書き足した');
    expect(await host.writeOfficerCells!(officerEdit(table, grid, cells[0]!, '上書き'))).toEqual({ kind: 'changed', cells: ['G2'] });
    expect(double.getCell(SHEET, 'G2').value).toBe('課長が書き足した');

    double.setProtected(SHEET, true);
    const fresh = await cellsOf(host, 1);
    expect(await host.writeOfficerCells!(officerEdit(fresh.table, fresh.grid, fresh.cells[1]!, '縮小'))).toEqual({ kind: 'protected' });
    expect(double.getCell(SHEET, 'H2').value).toBe('拡大');
    expect(double.validation(SHEET, 'H2')).toBeUndefined();
  });
});

describe('adding the officer’s columns beside a table without them', () => {
  const PLAIN = ['No', '指標', '当初\n(H30)', '現状\n(R3)', '目標値\n(R6)', '達成状況'];
  const rows = [PLAIN, ['1', '観光客数（観光課）', '100人', '140人', '200人', 'Ｂ'], ['2', '移住者数（企画課）', '50人', '40人', '80人', 'Ｄ']];

  it('要因分析 and 今後の方向性 right of the table, with the list on the KPI rows; undo takes both away', async () => {
    const { double, host } = setUp({ cells: rows });
    const grids = await host.readGrids({ kind: 'workbook' });
    const evaluated = evaluateWorkbook(grids, getBuiltinPreset('standard')!).tables[0]!;
    const plan = planOfficerColumns(evaluated, grids[0]!);
    if (plan.kind !== 'add') throw new Error(plan.kind);
    expect(plan.headers).toBe('G1:H1');
    const result = await host.writeOfficerCells!(plan.write);
    expect(result).toEqual({ kind: 'written', listAdded: ['H2', 'H3'] });
    expect([double.getCell(SHEET, 'G1').value, double.getCell(SHEET, 'H1').value]).toEqual(['要因分析', '今後の方向性']);

    // The next read finds them as the officer's columns.
    const again = await host.readGrids({ kind: 'workbook' });
    const table = evaluateWorkbook(again, getBuiltinPreset('standard')!).tables[0]!;
    expect(officerColumns(table.table, again[0]!).map((c) => c.header)).toEqual(['要因分析', '今後の方向性']);
    expect(planOfficerColumns(table, again[0]!).kind).toBe('present');

    if (result.kind !== 'written') throw new Error(result.kind);
    await host.writeOfficerCells!(undoOf(plan.write, result.listAdded));
    expect(double.allCells()[SHEET]!.G1).toBeUndefined();
    expect(double.allCells()[SHEET]!.H1).toBeUndefined();
    expect(double.validation(SHEET, 'H2')).toBeUndefined();
  });

  it('a table without a grade column keeps the column right of it for the grade; cells in the way are named', async () => {
    const noGrade = rows.map((r) => r.slice(0, 5));
    noGrade[2] = [...noGrade[2]!, '', '', 'メモ'];
    const { host } = setUp({ cells: noGrade });
    const grids = await host.readGrids({ kind: 'workbook' });
    const evaluated = evaluateWorkbook(grids, getBuiltinPreset('standard')!).tables[0]!;
    expect(planOfficerColumns(evaluated, grids[0]!)).toEqual({ kind: 'blocked', sheet: SHEET, cells: ['H3'] });
  });
});
