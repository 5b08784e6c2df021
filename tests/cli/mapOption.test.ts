/**
 * `--map FILE.json`: the officer's table readings, in the shape the pane saves them, on a ledger
 * whose table the detector cannot read (tests/core/mapping/fixture.ts works out the grades).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/cli/jsonReport';
import { runCli } from '../../src/cli/run';
import { mappingFile } from '../../src/core/mapping';
import { mappingsToCustomXml } from '../../src/excel/mappingPart';
import { CUSTOM_XML_REL } from '../../src/xlsx/customXml';
import { readWorkbook } from '../../src/xlsx/readWorkbook';
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

/** The ledger with the officer's readings saved inside it, as the pane saves them (a custom XML part). */
function withSavedPart(xml: string, name: string): string {
  const loaded = readWorkbook(readFileSync(ledger));
  const item = loaded.pkg.freeName((n) => `customXml/item${n}.xml`);
  loaded.pkg.add(item, xml, 'application/xml');
  loaded.pkg.addRelationship(loaded.info.part, CUSTOM_XML_REL, item);
  const path = join(dir, name);
  writeFileSync(path, loaded.pkg.toBytes());
  return path;
}

describe('readings saved in the workbook (by the pane)', () => {
  it('are used without --map: the mapped table is graded as the pane grades it', async () => {
    const saved = withSavedPart(mappingsToCustomXml([MAPPING]), 'saved.xlsx');
    const r = await cli([saved, '--json']);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.tables.map((t) => t.range)).toEqual(['B2:G7']);
    expect(report.tables[0]!.kpis.map((k) => k.grade)).toEqual([...EXPECTED_GRADES]);
  });

  it('--map FILE.json takes their place', async () => {
    const saved = withSavedPart(mappingsToCustomXml([MAPPING]), 'saved-and-map.xlsx');
    const stale = join(dir, 'elsewhere.json');
    writeFileSync(stale, JSON.stringify(mappingFile([{ ...MAPPING, range: 'A2:F7', columns: MAPPING.columns.map((c, i) => ({ ...c, column: 'ABCDEF'[i]! })) }])));
    const report = JSON.parse((await cli([saved, '--map', stale, '--json'])).stdout) as JsonReport;
    expect(report.tables).toEqual([]);
  });

  it('a saved part that cannot be used is told in Japanese, not ignored', async () => {
    const broken = withSavedPart(mappingsToCustomXml([MAPPING]).replace('"version":1', '"version":99').replace(/"range":"[^"]*"/, '"range":"ここ"'), 'broken.xlsx');
    const r = await cli([broken, '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('に保存された表の読み方を使えません');
    expect(r.stderr).toContain('--map');
  });
});
