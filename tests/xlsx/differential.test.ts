/**
 * The package reader held to exceljs, the independent reader the command line
 * used before: the same grids — every cell's text, value, number format and
 * formula, merges, protection — on the sample, every fixture and a generated
 * ledger laid out like the benchmark's (numbers with % formats, merges, census
 * notes, sub-rows, text between tables).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeGridsAsXlsx } from '../../bench/cli';
import { generateLedgerGrids } from '../../bench/generate';
import { loadXlsx } from '../../src/xlsx/readWorkbook';
import { FIXTURES, FIXTURES_DIR } from '../../scripts/make-fixtures';
import { SAMPLE_PATH } from '../../scripts/make-sample';
import { loadWithExceljs } from './exceljsReference';

async function same(path: string): Promise<void> {
  const mine = (await loadXlsx(path)).grids;
  const reference = (await loadWithExceljs(path)).grids;
  expect(JSON.parse(JSON.stringify(mine))).toEqual(JSON.parse(JSON.stringify(reference)));
}

describe('src/xlsx reads what exceljs reads', () => {
  it('on the sample and the fixtures', async () => {
    await same(SAMPLE_PATH);
    for (const name of Object.keys(FIXTURES)) await same(join(FIXTURES_DIR, name));
  });

  it('on a generated ledger of 1,000 KPIs', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'kpi-diff-')), 'ledger.xlsx');
    await writeGridsAsXlsx(generateLedgerGrids({ sheets: 2, kpisPerSheet: 500, seed: 7 }), path);
    await same(path);
  });
});
