import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Workbook } from 'exceljs';
import { describe, expect, it } from 'vitest';
import { detectKpiTables } from '../../src/core/detect';
import { cellAt, parseCellAddress, rangeAddress, type SheetGrid } from '../../src/core/grid';
import { XlsxReadError } from '../../src/xlsx/errors';
import { loadXlsx, readWorkbook } from '../../src/xlsx/readWorkbook';

/** The grids of a workbook written by exceljs (an independent writer), as the command line reads the file. */
async function gridsOf(workbook: Workbook): Promise<SheetGrid[]> {
  return readWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer())).grids;
}

function at(grid: SheetGrid, address: string) {
  const p = parseCellAddress(address)!;
  return cellAt(grid, p.row, p.col);
}

async function gridOf(build: (ws: ExcelJS.Worksheet) => void | Promise<void>): Promise<SheetGrid> {
  const workbook = new ExcelJS.Workbook();
  await build(workbook.addWorksheet('台帳'));
  return (await gridsOf(workbook))[0]!;
}

describe('displayed text of numbers (number formats rendered as Excel shows them)', () => {
  it('renders percent, comma, suffix and General formats', async () => {
    const grid = await gridOf((ws) => {
      const put = (address: string, value: number, numFmt?: string) => {
        ws.getCell(address).value = value;
        if (numFmt) ws.getCell(address).numFmt = numFmt;
      };
      put('A1', 0.63, '0.0%');
      put('A2', 0.698, '0.0%');
      put('A3', 2920, '#,##0');
      put('A4', 4_500_000, '#,##0"人以上"');
      put('A5', 16);
      put('A6', 1 / 3);
      put('A7', 0.5, '0%');
    });
    expect(at(grid, 'A1')).toEqual({ text: '63.0%', value: 0.63, numberFormat: '0.0%' });
    expect(at(grid, 'A2').text).toBe('69.8%');
    expect(at(grid, 'A3')).toEqual({ text: '2,920', value: 2920, numberFormat: '#,##0' });
    expect(at(grid, 'A4').text).toBe('4,500,000人以上');
    expect(at(grid, 'A5')).toEqual({ text: '16', value: 16 });
    expect(at(grid, 'A6').text).toBe('0.333333333');
    expect(at(grid, 'A7').text).toBe('50%');
  });

  it('renders dates through their format and keeps the serial as the raw value', async () => {
    const grid = await gridOf((ws) => {
      ws.getCell('A1').value = new Date(Date.UTC(2018, 2, 31));
      ws.getCell('A1').numFmt = 'yyyy"年"m"月"d"日"';
      ws.getCell('A2').value = new Date(Date.UTC(2019, 4, 1));
      ws.getCell('A2').numFmt = 'yyyy/mm/dd';
      // Built-in format 14: Excel shows the system's short date, on a Japanese system yyyy/m/d.
      ws.getCell('A3').value = new Date(Date.UTC(2018, 2, 31));
      ws.getCell('A3').numFmt = 'mm-dd-yy';
    });
    expect(at(grid, 'A1')).toMatchObject({ text: '2018年3月31日', value: 43190 });
    expect(at(grid, 'A2')).toMatchObject({ text: '2019/05/01', value: 43586 });
    expect(at(grid, 'A3').text).toBe('2018/3/31');
  });
});

describe('text, rich text, hyperlinks, booleans and errors', () => {
  it('reads each as the text Excel displays', async () => {
    const grid = await gridOf((ws) => {
      ws.getCell('A1').value = '63.0％\n(H22 国調)';
      ws.getCell('A2').value = { richText: [{ text: '65.0' }, { text: '%', font: { bold: true } }, { text: '\n(H32 国調)' }] };
      ws.getCell('A3').value = { text: '柏崎市', hyperlink: 'https://www.city.kashiwazaki.lg.jp/' };
      ws.getCell('A4').value = true;
      ws.getCell('A5').value = { error: '#N/A' };
      ws.getCell('A6').value = '';
    });
    expect(at(grid, 'A1')).toEqual({ text: '63.0％\n(H22 国調)', value: '63.0％\n(H22 国調)' });
    expect(at(grid, 'A2')).toEqual({ text: '65.0%\n(H32 国調)', value: '65.0%\n(H32 国調)' });
    expect(at(grid, 'A3')).toEqual({ text: '柏崎市', value: '柏崎市' });
    expect(at(grid, 'A4')).toEqual({ text: 'TRUE', value: true });
    expect(at(grid, 'A5')).toEqual({ text: '#N/A', value: '#N/A' });
    expect(at(grid, 'A7')).toEqual({ text: '', value: null });
  });
});

describe('formulas', () => {
  it('shows the cached result through the format and keeps the formula', async () => {
    const grid = await gridOf((ws) => {
      ws.getCell('A1').value = 0.59;
      ws.getCell('B1').value = { formula: 'A1+0.015', result: 0.605 };
      ws.getCell('B1').numFmt = '0.0%';
      ws.getCell('C1').value = { formula: 'IF(B1>=0.6,"Ｓ","Ａ")', result: 'Ｓ' };
      ws.getCell('D1').value = { formula: 'A1-A1', result: 0 };
      ws.getCell('E1').value = { formula: 'A1/0', result: { error: '#DIV/0!' } };
    });
    expect(at(grid, 'B1')).toEqual({ text: '60.5%', value: 0.605, numberFormat: '0.0%', formula: '=A1+0.015' });
    expect(at(grid, 'C1')).toEqual({ text: 'Ｓ', value: 'Ｓ', formula: '=IF(B1>=0.6,"Ｓ","Ａ")' });
    // A cached 0 is a result, not an empty cell.
    expect(at(grid, 'D1')).toEqual({ text: '0', value: 0, formula: '=A1-A1' });
    expect(at(grid, 'E1')).toEqual({ text: '#DIV/0!', value: '#DIV/0!', formula: '=A1/0' });
  });

  it('gives each cell of a shared formula its own translated formula', async () => {
    const grid = await gridOf((ws) => {
      ws.getCell('A1').value = 1;
      ws.getCell('A2').value = 2;
      ws.fillFormula('B1:B2', 'A1*10', [10, 20]);
    });
    expect(at(grid, 'B1')).toMatchObject({ text: '10', formula: '=A1*10' });
    expect(at(grid, 'B2')).toMatchObject({ text: '20', value: 20, formula: '=A2*10' });
  });
});

describe('merged areas', () => {
  it('lists merges as 0-based ranges and leaves slave cells empty', async () => {
    const grid = await gridOf((ws) => {
      ws.getCell('A1').value = 'No';
      ws.getCell('B1').value = '重要業績評価指標（ＫＰＩ）';
      ws.getCell('A2').value = 'stale text the merge hides';
      ws.mergeCells('A1:A2');
      ws.mergeCells('B1:B2');
      ws.getCell('C1').value = '当初';
      ws.getCell('C2').value = '(H26)';
      ws.getCell('D5').value = '主な取組と成果';
      ws.mergeCells('D5:G6');
    });
    expect(grid.merges.map(rangeAddress)).toEqual(['A1:A2', 'B1:B2', 'D5:G6']);
    expect(grid.merges[0]).toEqual({ top: 0, left: 0, bottom: 1, right: 0 });
    expect(at(grid, 'A1').text).toBe('No');
    for (const slave of ['A2', 'B2', 'E5', 'G5', 'D6', 'G6']) {
      expect(at(grid, slave), slave).toEqual({ text: '', value: null });
    }
    expect(at(grid, 'C2').text).toBe('(H26)');
  });
});

describe('sheet protection and loading files', () => {
  it('flags protected sheets only', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('自由').getCell('A1').value = 'x';
    const locked = workbook.addWorksheet('保護');
    locked.getCell('A1').value = 'y';
    await locked.protect('', {});
    const grids = await gridsOf(workbook);
    expect(grids.map((g) => [g.name, g.protected ?? false])).toEqual([
      ['自由', false],
      ['保護', true],
    ]);
  });

  it('loadXlsx returns the package and one grid per sheet in order', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('第1節 地域産業').getCell('G11').value = 'Ｓ';
    workbook.addWorksheet('第2節 子育て');
    const path = join(mkdtempSync(join(tmpdir(), 'kpi-grid-')), 'ledger.xlsx');
    await workbook.xlsx.writeFile(path);
    const { pkg, grids } = await loadXlsx(path);
    expect(pkg.partNames()).toContain('xl/workbook.xml');
    expect(grids.map((g) => g.name)).toEqual(['第1節 地域産業', '第2節 子育て']);
    expect(at(grids[0]!, 'G11').text).toBe('Ｓ');
    expect(grids[1]!.rows).toEqual([]);
  });

  it('rejects a missing file and a file that is not an xlsx', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kpi-bad-'));
    await expect(loadXlsx(join(dir, 'missing.xlsx'))).rejects.toThrow();
    const bad = join(dir, 'broken.xlsx');
    writeFileSync(bad, 'this is not a zip');
    await expect(loadXlsx(bad)).rejects.toThrow(XlsxReadError);
  });
});

// Load speed is measured by `npm run bench` and written in the README, never asserted here:
// the machines are shared and noisy. This checks that a large ledger arrives whole.
describe('a 10,000-KPI ledger', () => {
  it('loads with every KPI row, as the engine reads them', async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('大規模');
    ws.getRow(1).values = ['No', '重要業績評価指標（ＫＰＩ）', '当初', null, '現状', '目標値', '達成\n状況'];
    ws.getRow(2).values = [null, null, '(H26)', '(H28)', '(H29)', '(H31)', null];
    ws.mergeCells('A1:A2');
    ws.mergeCells('B1:B2');
    ws.mergeCells('G1:G2');
    for (let i = 0; i < 10_000; i++) {
      const row = ws.getRow(i + 3);
      row.values = [i + 1, `指標${i + 1}（企画政策課）`, 0.5 + (i % 40) / 100, `${1000 + i}件`, 0.6, `${2000 + i}件\n以上`, 'Ａ'];
      row.getCell(3).numFmt = '0.0%';
      row.getCell(5).numFmt = '0.0%';
    }
    const path = join(mkdtempSync(join(tmpdir(), 'kpi-big-')), 'big.xlsx');
    await workbook.xlsx.writeFile(path);

    const { grids } = await loadXlsx(path);
    expect(grids).toHaveLength(1);
    const grid = grids[0]!;
    expect(grid.rows).toHaveLength(10_002);
    expect(grid.merges.map(rangeAddress)).toEqual(['A1:A2', 'B1:B2', 'G1:G2']);
    expect(at(grid, 'C3').text).toBe('50.0%');
    expect(at(grid, 'F10002').text).toBe('11999件\n以上');

    const { tables } = detectKpiTables(grid);
    expect(tables).toHaveLength(1);
    const kpis = tables[0]!.kpis;
    expect(kpis).toHaveLength(10_000);
    const misread = kpis.filter((k, i) => {
      const b = k.baseline?.reading;
      const m = k.intermediates[0]?.reading;
      const c = k.current?.reading;
      const t = k.target.reading;
      return !(
        k.row === i + 2 &&
        k.name === `指標${i + 1}` &&
        k.department === '企画政策課' &&
        // A No column holds numbers of up to three digits (detect/indicator.ts): 1000 on are not kept.
        k.number === (i < 999 ? String(i + 1) : undefined) &&
        b?.kind === 'number' &&
        b.value === 50 + (i % 40) &&
        b.unit === '%' &&
        m?.kind === 'number' &&
        m.value === 1000 + i &&
        c?.kind === 'number' &&
        c.value === 60 &&
        t.kind === 'number' &&
        t.value === 2000 + i &&
        t.unit === '件' &&
        t.bound === 'ge' &&
        k.gradeCell?.text === 'Ａ'
      );
    });
    expect(misread.map((k) => k.row + 1)).toEqual([]);
  });
});
