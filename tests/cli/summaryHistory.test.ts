/**
 * The committee summary against last year, from the history the command line records: --json
 * `summary`, the --summary sheet and the --report HTML all give last time's share and the
 * change. By hand (grades as in tests/cli/history.test.ts, standard, Ｓ・Ａ on track):
 *
 *   R3 written:  観光客数 Ｂ (観光課), 移住者数 Ｄ (企画課), 公園数 Ａ (都市計画課)  → 1/3
 *   R4 computed: 観光客数 Ａ,          移住者数 Ｂ,          公園数 Ｂ              → 1/3
 * The R4 ledger still shows R3's grades, written by the add-in: they are this run's to replace,
 * so R4 counts its computed grades. Per 担当課: 観光課 0/1 → 1/1 (+100 points), 都市計画課
 * 1/1 → 0/1 (−100), 企画課 0/1 → 0/1 (0). The sheet has no goal heading: its name is the goal.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/cli/jsonReport';
import { runCli } from '../../src/cli/run';
import { SUMMARY_SHEET_NAME } from '../../src/core/summarySheet';
import { readWorkbook } from '../../src/xlsx/readWorkbook';
import { nextYear } from '../support/nextYearLedger';

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

/** The R3 ledger of tests/cli/history.test.ts (without the officer's text columns). */
async function ledger(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('基本目標1');
  ws.getRow(1).values = ['No', '指標', '当初\n(H30)', 'R2実績', 'R3実績', '目標値\n(R6)', '達成状況'];
  ws.getRow(2).values = ['1', '観光客数（観光課）', '100人', '120人', '140人', '200人', ''];
  ws.getRow(3).values = ['2', '移住者数（企画課）', '50人', '45人', '40人', '80人', ''];
  ws.getRow(4).values = ['3', '公園数（都市計画課）', '10か所', '12か所', '16か所', '20か所', ''];
  const path = join(dir, 'ledger.xlsx');
  await wb.xlsx.writeFile(path);
  return path;
}

describe('the summary compared with last year, on files', () => {
  it('--json summary, --summary and --report give last time\u2019s share and the change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kpi-sum-hist-'));
    const a = await ledger(dir);
    const b = join(dir, 'b.xlsx');
    const c = join(dir, 'c.xlsx');
    const d = join(dir, 'd.xlsx');
    const html = join(dir, 'report.html');

    // The first year: no earlier evaluation, no comparison.
    const first = JSON.parse((await cli([a, '--json', '--out', b])).stdout) as JsonReport;
    expect(first.summary!.earlierLabel).toBeUndefined();
    expect(first.summary!.total.previousShare).toBeUndefined();

    nextYear(b, c);
    const r = await cli([c, '--json', '--out', d, '--summary', '--report', html]);
    expect(r.stderr).toBe('');
    const s = (JSON.parse(r.stdout) as JsonReport).summary!;
    expect(s.earlierLabel).toBe('R3年度評価');
    expect([s.total.onTrackShare, s.total.previousShare, s.total.change]).toEqual([1 / 3, 1 / 3, 0]);
    expect(s.goals.map((g) => [g.label, g.counts.byGrade.A, g.counts.byGrade.B, g.counts.previousShare])).toEqual([['基本目標1', 1, 2, 1 / 3]]);
    const dept = (name: string) => s.departments.find((x) => x.label === name)!.counts;
    expect([dept('観光課').previousShare, dept('観光課').change]).toEqual([0, 1]);
    expect([dept('都市計画課').previousShare, dept('都市計画課').change]).toEqual([1, -1]);
    expect([dept('企画課').previousShare, dept('企画課').change]).toEqual([0, 0]);

    // The sheet in the copy: row 6 is the goal (A5 the header); N the earlier share, O the change in points.
    const sheet = readWorkbook(readFileSync(d)).grids.find((g) => g.name === SUMMARY_SHEET_NAME)!;
    const cell = (row: number, col: number) => sheet.rows[row]?.[col]?.value;
    expect(cell(4, 13)).toBe('前回の割合（R3年度評価）');
    expect(cell(4, 14)).toBe('増減（ポイント）');
    expect(cell(5, 0)).toBe('基本目標1');
    expect(cell(5, 13)).toBeCloseTo(1 / 3, 10);
    expect(cell(5, 14)).toBe(0);

    // The report names the earlier evaluation and says the change of the whole.
    const text = readFileSync(html, 'utf8');
    expect(text).toContain('R3年度評価');
    expect(text).toContain('前回（R3年度評価）の 33.3');
  });
});
