/**
 * `--map FILE.json`: the officer's table readings, in the shape the pane saves them, on a ledger
 * whose table the detector cannot read (tests/core/mapping/fixture.ts works out the grades).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/cli/jsonReport';
import { runCli } from '../../src/cli/run';
import { mappingFile } from '../../src/core/mapping';
import { EXPECTED_GRADES, MAPPING, ROWS, SHEET } from '../core/mapping/fixture';

const dir = mkdtempSync(join(tmpdir(), 'kpi-map-'));
const ledger = join(dir, 'policy.xlsx');
const mapPath = join(dir, 'tables.json');

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  ROWS.forEach((row, r) => row.forEach((text, c) => text !== '' && (ws.getCell(r + 2, c + 2).value = text)));
  await wb.xlsx.writeFile(ledger);
  writeFileSync(mapPath, JSON.stringify(mappingFile([MAPPING]), null, 2));
});

describe('--map FILE.json', () => {
  it('without it, the table is not found', async () => {
    const r = await cli([ledger, '--json']);
    expect((JSON.parse(r.stdout) as JsonReport).tables).toEqual([]);
  });

  it('with it, the mapped table is graded: the grades worked out by hand', async () => {
    const r = await cli([ledger, '--map', mapPath, '--json']);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.tables).toHaveLength(1);
    expect(report.tables[0]!.range).toBe('B2:G7');
    expect(report.tables[0]!.gradeColumn).toBe('G');
    expect(report.tables[0]!.kpis.map((k) => k.grade)).toEqual([...EXPECTED_GRADES]);
    expect(r.code).toBe(0);
  });

  it('a mapping that no longer fits is reported and not used', async () => {
    const stale = join(dir, 'stale.json');
    const moved = { ...MAPPING, range: 'A2:F7', columns: MAPPING.columns.map((c, i) => ({ ...c, column: 'ABCDEF'[i]! })) };
    writeFileSync(stale, JSON.stringify(mappingFile([moved])));
    const r = await cli([ledger, '--map', stale, '--json']);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.tables).toEqual([]);
    expect(report.problems.map((p) => [p.code, p.sheet, p.cell])).toEqual([
      ['mappingChanged', SHEET, 'A2:F7'],
      ['noTableFound', SHEET, 'A1'], // no table left anywhere: where it was looked for
    ]);
    expect(report.problems[0]!.message).toContain('セル A2 の見出しが「施策の成果を測る項目」から「（空）」に');
    expect(r.code).toBe(1);
  });

  it('a file that is not a mapping: exit 2 with Japanese reasons', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ version: 1, mappings: [{ ...MAPPING, headerRows: 0 }] }));
    const r = await cli([ledger, '--map', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`エラー: 表の読み方のファイル「${bad}」を使えません: 1 件目の表 の headerRows（見出しの行数）は 1 以上にしてください。`);
    const missing = await cli([ledger, '--map', join(dir, 'none.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('が見つかりません');
  });
});
