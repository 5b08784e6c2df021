/**
 * The command line end to end on a generated 10,000-KPI .xlsx: a real process,
 * as an officer would run it, reading the file, grading and writing a copy.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { rangeAddress, type SheetGrid } from '../src/core/grid';
import { generateLedgerGrids } from './generate';

export interface CliBench {
  kpis: number;
  fileBytes: number;
  seconds: number;
  secondsWithOut: number;
  exitCode: number | null;
}

/** Writes grids as an .xlsx: values as typed (numbers keep their formats), merges. */
export async function writeGridsAsXlsx(grids: readonly SheetGrid[], path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const grid of grids) {
    const ws = wb.addWorksheet(grid.name);
    grid.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (!cell || cell.value === null) return;
        const target = ws.getCell(r + 1, c + 1);
        target.value = cell.value;
        if (cell.numberFormat && typeof cell.value === 'number') target.numFmt = cell.numberFormat;
      }),
    );
    for (const m of grid.merges) ws.mergeCells(rangeAddress(m));
  }
  await wb.xlsx.writeFile(path);
}

function timeCli(args: string[]): { seconds: number; status: number | null; stdout: string } {
  const t = performance.now();
  // The built command (bin/kpi-hyoka.mjs, #14), as `npm run evaluate` runs it; before #14 this was tsx on the sources.
  const r = spawnSync(process.execPath, ['bin/kpi-hyoka.mjs', ...args], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  return { seconds: (performance.now() - t) / 1000, status: r.status, stdout: r.stdout };
}

export async function benchCli(kpis = 10_000): Promise<CliBench> {
  const dir = mkdtempSync(join(tmpdir(), 'kpi-bench-'));
  const file = join(dir, 'ledger-10000.xlsx');
  await writeGridsAsXlsx(generateLedgerGrids({ sheets: 10, kpisPerSheet: kpis / 10, seed: 11 }), file);
  timeCli([file, '--json']); // warm the file cache (and build dist-cli if it is stale)
  const plain = timeCli([file, '--json']);
  const found = (JSON.parse(plain.stdout) as { tables: { kpis: unknown[] }[] }).tables.reduce((n, t) => n + t.kpis.length, 0);
  const withOut = timeCli([file, '--json', '--out', join(dir, 'out.xlsx')]);
  return { kpis: found, fileBytes: statSync(file).size, seconds: plain.seconds, secondsWithOut: withOut.seconds, exitCode: plain.status };
}
