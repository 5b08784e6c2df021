/**
 * Issue 8 through the command line: a ledger with a forecast column, a 目安値, last year's grade, a
 * unit column and notes is read and graded, and `--json` carries what was read beside the values.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/cli/jsonReport';
import { runCli } from '../../src/cli/run';

async function ledger(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('基本目標2');
  ws.getRow(1).values = ['主な指標', '単位', '基準値\n(H26)', '実績見込\n(H29)', '目安値', '目標値\n(H31)', '前年度評価', '評価', '備考'];
  // B = 100 (2014), C = 130 (2017, a forecast), E = 125, T = 200 (2019). pace: C ≥ E → Ａ.
  // Our line: t = 3/5, 100 + 100 × 0.6 = 160 ≠ 125 → expectedDiffers.
  ws.getRow(2).values = ['観光案内件数', '件', 100, 130, 125, 200, 'Ｂ', '', '観光協会調べ 2017年'];
  const path = join(mkdtempSync(join(tmpdir(), 'kpi-')), 'beside.xlsx');
  await wb.xlsx.writeFile(path);
  return path;
}

describe('columns beside the values, through the command line', () => {
  it('--json --preset pace', async () => {
    let stdout = '';
    await runCli([await ledger(), '--json', '--preset', 'pace'], { stdout: (s) => (stdout += s), stderr: () => undefined });
    const report = JSON.parse(stdout) as JsonReport;
    const k = report.tables[0]!.kpis[0]!;
    expect(k).toMatchObject({ name: '観光案内件数', grade: 'A', forecast: true, expected: '125', previousGrade: 'Ｂ', gradeCell: 'H2' });
    expect(k.reason).toBe('目安値に到達（130件 ≥ 目安値 125件）→ Ａ 目安値以上（現状値は見込値）');
    expect(report.problems.map((p) => [p.code, p.cell])).toEqual([['expectedDiffers', 'E2']]);
  });
});
