/**
 * 「他のブックから取り込む」 through the Office.js adapter on the workbook double (its
 * insertWorksheetsFromBase64 reads the file with the project's own reader): the files'
 * worksheets land at the end under names the workbook does not have, cell for cell as in the
 * file; the open workbook's sheets are untouched; the import is recorded by sheet id; undo
 * removes exactly those sheets, and asks first when one was changed since. Syncs counted.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createOfficeHost } from '../../src/excel/officeHost';
import { IMPORTS_NAMESPACE, importBook, loadImports, removeLastImport } from '../../src/excel/importSheets';
import type { BookToImport } from '../../src/core/host';
import { readWorkbook } from '../../src/xlsx/readWorkbook';
import { createWorkbookDouble, type WorkbookDoubleOptions } from '../support/workbookDouble';
import { readBookForDouble } from '../support/workbookDoubleBooks';

function book(fixture: string, fileName = `${fixture}.xlsx`): BookToImport {
  const bytes = readFileSync(`tests/fixtures/${fixture}.xlsx`);
  return { fileName, base64: bytes.toString('base64'), worksheets: readWorkbook(new Uint8Array(bytes)).grids.map((g) => g.name) };
}

const REIWA = book('reiwa-kijun', '企画課.xlsx'); // one sheet: KPI評価（R5）
const WESTERN = book('western-target-first', '商工課.xlsx'); // one sheet: 成果指標

function ledger(options: WorkbookDoubleOptions = {}) {
  return createWorkbookDouble(
    [
      { name: 'KPI評価（R5）', cells: [['指標', '目標'], ['就業率', '60%']] },
      { name: '集計', cells: [['メモ']] },
    ],
    { readBook: readBookForDouble, ...options },
  );
}

describe('importBook on the double', () => {
  it('inserts the file at the end under a free name, cell for cell, in 4 syncs; the workbook own sheets untouched', async () => {
    const double = ledger();
    const before = double.allCells();
    double.resetCounters();
    const imported = await importBook(double.run, REIWA, 'b1', 1);
    // the sheets now, the insert, the renames with the fingerprint, the record.
    expect(double.syncCount).toBe(4);
    expect(double.sheetNames()).toEqual(['KPI評価（R5）', '集計', 'KPI評価（R5） (2)']);
    expect(imported).toEqual({ fileName: '企画課.xlsx', sheets: [{ id: double.sheetIds()[2], name: 'KPI評価（R5） (2)', source: 'KPI評価（R5）' }] });
    const after = double.allCells();
    expect(after['KPI評価（R5）']).toEqual(before['KPI評価（R5）']);
    expect(after['集計']).toEqual(before['集計']);
    // Every cell of the file's sheet, as the command line reads the file.
    const grid = readWorkbook(new Uint8Array(readFileSync('tests/fixtures/reiwa-kijun.xlsx'))).grids[0]!;
    const expected: Record<string, string | number | boolean | null> = {};
    grid.rows.forEach((row, r) => row?.forEach((cell, c) => cell && cell.value !== null && (expected[`${String.fromCharCode(65 + c)}${r + 1}`] = cell.value)));
    const got = Object.fromEntries(Object.entries(after['KPI評価（R5） (2)']!).filter(([, v]) => v.value !== null).map(([a, v]) => [a, v.value]));
    expect(got).toEqual(expected);
    expect(Object.keys(got).length).toBeGreaterThan(20);
  });

  it('records each file by sheet id; loadImports gives them by batch, with the names they have now (2 syncs)', async () => {
    const double = ledger();
    await importBook(double.run, REIWA, 'b1', 1);
    await importBook(double.run, WESTERN, 'b1', 2);
    expect(double.customXmlParts(IMPORTS_NAMESPACE)).toHaveLength(2);
    double.renameSheet('成果指標', '商工課の指標');
    double.resetCounters();
    const batches = await loadImports(double.run);
    expect(double.syncCount).toBe(2);
    const [ids2, ids3] = [double.sheetIds()[2], double.sheetIds()[3]];
    expect(batches).toEqual([
      {
        batch: 'b1',
        books: [
          { fileName: '企画課.xlsx', sheets: [{ id: ids2, name: 'KPI評価（R5） (2)', source: 'KPI評価（R5）' }] },
          { fileName: '商工課.xlsx', sheets: [{ id: ids3, name: '商工課の指標', source: '成果指標' }] },
        ],
      },
    ]);
  });

  it('gives the same file twice two names', async () => {
    const double = ledger();
    await importBook(double.run, REIWA, 'b1', 1);
    await importBook(double.run, REIWA, 'b2', 2);
    expect(double.sheetNames()).toEqual(['KPI評価（R5）', '集計', 'KPI評価（R5） (2)', 'KPI評価（R5） (3)']);
  });

  it('without ExcelApi 1.13 the host says it cannot, and an attempt changes nothing', async () => {
    const double = ledger({ excelApi: '1.12' });
    const host = createOfficeHost(double.run, { isSetSupported: double.isSetSupported });
    expect(host.imports!.supported()).toBe(false);
    expect(createOfficeHost(ledger().run, { isSetSupported: ledger().isSetSupported }).imports!.supported()).toBe(true);
    await expect(host.imports!.importBook(REIWA, 'b1')).rejects.toMatchObject({ code: 'ApiNotFound' });
    expect(double.sheetNames()).toEqual(['KPI評価（R5）', '集計']);
  });

  it('a file Excel cannot read fails that file alone, and leaves nothing behind', async () => {
    const double = ledger();
    const bad = { fileName: '壊れた.xlsx', base64: Buffer.from('not a workbook').toString('base64'), worksheets: ['Sheet1'] };
    await expect(importBook(double.run, bad, 'b1', 1)).rejects.toMatchObject({ code: 'InvalidArgument' });
    await importBook(double.run, WESTERN, 'b1', 2);
    expect(double.sheetNames()).toEqual(['KPI評価（R5）', '集計', '成果指標']);
  });

  it('a file over the request limit is refused by Excel (as on the web, 5 MB) and nothing is inserted', async () => {
    const double = ledger({ requestLimitBytes: REIWA.base64.length });
    await expect(importBook(double.run, REIWA, 'b1', 1)).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(double.sheetNames()).toEqual(['KPI評価（R5）', '集計']);
    expect(double.customXmlParts(IMPORTS_NAMESPACE)).toEqual([]);
  });

  it('sheets placed although the insert failed (office-js #3179) are deleted before the error goes on', async () => {
    const double = ledger({ insertFailsAfterInserting: true });
    await expect(importBook(double.run, REIWA, 'b1', 1)).rejects.toMatchObject({ code: 'GeneralException' });
    expect(double.sheetNames()).toEqual(['KPI評価（R5）', '集計']);
    expect(double.customXmlParts(IMPORTS_NAMESPACE)).toEqual([]);
  });
});

describe('removeLastImport on the double', () => {
  it('removes only the last batch sheets and records, in 4 syncs', async () => {
    const double = ledger();
    await importBook(double.run, WESTERN, 'b1', 1);
    await importBook(double.run, REIWA, 'b2', 2);
    await importBook(double.run, WESTERN, 'b2', 3);
    const before = double.allCells();
    double.resetCounters();
    expect(await removeLastImport(double.run, { evenIfEdited: false })).toEqual({ kind: 'removed', sheets: ['KPI評価（R5） (2)', '成果指標 (2)'] });
    expect(double.syncCount).toBe(4);
    expect(double.sheetNames()).toEqual(['KPI評価（R5）', '集計', '成果指標']);
    const after = double.allCells();
    for (const name of double.sheetNames()) expect(after[name]).toEqual(before[name]);
    expect(await loadImports(double.run)).toEqual([{ batch: 'b1', books: [{ fileName: '商工課.xlsx', sheets: [expect.objectContaining({ name: '成果指標' })] }] }]);
    // Then the batch before it; then nothing.
    expect(await removeLastImport(double.run, { evenIfEdited: false })).toEqual({ kind: 'removed', sheets: ['成果指標'] });
    expect(await removeLastImport(double.run, { evenIfEdited: false })).toEqual({ kind: 'none' });
    expect(double.sheetNames()).toEqual(['KPI評価（R5）', '集計']);
  });

  it('asks before deleting a sheet the officer changed since (nothing removed), and removes it when told to', async () => {
    const double = ledger();
    await importBook(double.run, REIWA, 'b1', 1);
    await importBook(double.run, WESTERN, 'b1', 2);
    double.setCell('成果指標', 'H5', '要確認');
    double.resetCounters();
    expect(await removeLastImport(double.run, { evenIfEdited: false })).toEqual({ kind: 'edited', sheets: ['成果指標'] });
    expect(double.syncCount).toBe(3);
    expect(double.sheetNames()).toEqual(['KPI評価（R5）', '集計', 'KPI評価（R5） (2)', '成果指標']);
    expect(await removeLastImport(double.run, { evenIfEdited: true })).toEqual({ kind: 'removed', sheets: ['KPI評価（R5） (2)', '成果指標'] });
    expect(double.sheetNames()).toEqual(['KPI評価（R5）', '集計']);
  });

  it('finds a renamed sheet by its id, and leaves a sheet the officer deleted alone', async () => {
    const double = ledger();
    await importBook(double.run, REIWA, 'b1', 1);
    await importBook(double.run, WESTERN, 'b1', 2);
    double.renameSheet('KPI評価（R5） (2)', '企画課');
    await double.run(async (context) => {
      context.workbook.worksheets.getItem('成果指標').delete();
      await context.sync();
    });
    expect(await removeLastImport(double.run, { evenIfEdited: false })).toEqual({ kind: 'removed', sheets: ['企画課'] });
    expect(double.sheetNames()).toEqual(['KPI評価（R5）', '集計']);
  });
});
