/**
 * Issue 8, item 3, through the command line: a workbook whose KPI-like table cannot be read, and
 * one without any table, say so in the text report and in `--json` problems (they said nothing).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/cli/jsonReport';
import { runCli } from '../../src/cli/run';

async function cli(args: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const code = await runCli(args, { stdout: (s) => (stdout += s), stderr: () => undefined });
  return { code, stdout };
}

/** A workbook of the two sheets: one with a header lacking its target column, one budget. */
async function ledgerWithoutTarget(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const goal = wb.addWorksheet('基本目標1');
  goal.getCell('A1').value = '基本目標１ 地域産業の振興';
  goal.getRow(5).values = ['指標', '実績', '(H28)'];
  goal.getRow(6).values = ['観光入込客数', '400万人', '380万人'];
  const budget = wb.addWorksheet('予算');
  budget.getRow(1).values = ['事業名', '予算額'];
  budget.getRow(2).values = ['観光振興', '1,200千円'];
  const path = join(mkdtempSync(join(tmpdir(), 'kpi-')), 'no-target.xlsx');
  await wb.xlsx.writeFile(path);
  return path;
}

describe('the command line says why nothing was read', () => {
  it('--json: the near miss and the workbook without a table, as problems', async () => {
    const path = await ledgerWithoutTarget();
    const { stdout } = await cli([path, '--json']);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.tables).toEqual([]);
    const problems = report.problems.map((p) => [p.code, p.sheet, p.cell]);
    expect(problems).toEqual([
      ['tableIncomplete', '基本目標1', 'A5:B5'],
      ['noTableFound', '基本目標1', 'A1'],
    ]);
    expect(report.problems[1]!.message).toContain('調べたシート: 「基本目標1」「予算」');
  });

  it('the text report lists them', async () => {
    const path = await ledgerWithoutTarget();
    const { stdout } = await cli([path]);
    expect(stdout).toContain('「基本目標1」シートの5行目に「指標」「実績」の見出しがありますが、目標の列');
    expect(stdout).toContain('このブックにはKPIの表が見つかりませんでした（調べたシート: 「基本目標1」「予算」）');
  });
});
