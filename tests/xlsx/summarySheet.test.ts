/**
 * `--summary` adds the 「KPI評価集計」 sheet to the `--out` copy through the package patcher
 * (issue #12). The copy is compared with the copy the same run makes without `--summary`:
 *   - every entry is the same (same compressed bytes, same method, same order) except
 *     [Content_Types].xml, xl/workbook.xml and its rels, and one new worksheet part at the end;
 *   - each of those three is the other copy's text with exactly one element inserted;
 *   - openpyxl reads the sheet's cells as the counts worked out by hand (the seed report's
 *     grades per 節, as in tests/core/summarySheet.test.ts), and LibreOffice converts the copy
 *     to PDF with the sheet in it.
 * A file that already has a sheet of that name keeps it: no sheet is added, the problem says so.
 *
 * Needs Debian's python3-openpyxl, libreoffice-calc-nogui and poppler-utils (pdftotext).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/cli/jsonReport';
import { runCli } from '../../src/cli/run';
import { SUMMARY_SHEET_NAME } from '../../src/core/summarySheet';
import { entryContent, readZip, type ZipEntry } from '../../src/xlsx/zip';
import { SAMPLE_PATH } from '../../scripts/make-sample';

const PYTHON = '/usr/bin/python3';
const PATCHED = ['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels'];
const root = mkdtempSync(join(tmpdir(), 'kpi-summary-'));
const plain = join(root, 'plain.xlsx');
const withSummary = join(root, 'summary.xlsx');

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

const text = (e: ZipEntry) => new TextDecoder().decode(entryContent(e));
const entries = (file: string) => readZip(new Uint8Array(readFileSync(file))).entries;

/** A custom XML part's text without its write time and item id. */
const unstamped = (xml: string): string =>
  xml.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, 'TIME').replace(/\{[0-9A-F-]{36}\}/g, '{ID}');

beforeAll(async () => {
  await cli([SAMPLE_PATH, '--out', plain]);
  await cli([SAMPLE_PATH, '--out', withSummary, '--summary']);
}, 60_000);

describe('--summary', () => {
  it('adds one worksheet part and patches only the content types, workbook.xml and its rels', () => {
    const a = entries(plain);
    const b = entries(withSummary);
    expect(b.map((e) => e.name)).toEqual([...a.map((e) => e.name), 'xl/worksheets/sheet5.xml']);
    for (const [i, ea] of a.entries()) {
      if (PATCHED.includes(ea.name)) continue;
      const eb = b[i]!;
      expect(eb.method, ea.name).toBe(ea.method);
      // The history part (issue 13) records when it was written and its itemProps a fresh id:
      // the two runs differ there only.
      if (ea.name.startsWith('customXml/')) expect(unstamped(text(eb)), ea.name).toBe(unstamped(text(ea)));
      else expect(Buffer.from(eb.data).equals(Buffer.from(ea.data)), `${ea.name} byte for byte`).toBe(true);
    }
    const byName = (list: readonly ZipEntry[], name: string) => text(list.find((e) => e.name === name)!);

    // Each patched part is the plain copy's with exactly one element inserted.
    const one = (before: string, after: string, pattern: RegExp) => {
      const found = [...after.matchAll(pattern)].filter((m) => !before.includes(m[0]));
      expect(found.length, String(pattern)).toBe(1);
      expect(after.replace(found[0]![0], '')).toBe(before);
      return found[0]![0];
    };
    const rel = one(
      byName(a, 'xl/_rels/workbook.xml.rels'),
      byName(b, 'xl/_rels/workbook.xml.rels'),
      /<Relationship [^>]*\/>/g,
    );
    expect(rel).toMatch(/Type="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships\/worksheet" Target="worksheets\/sheet5\.xml"/);
    const id = /Id="(rId\d+)"/.exec(rel)![1];
    // The sample has four sheets (sheetId 1–4): the summary is the fifth.
    expect(one(byName(a, 'xl/workbook.xml'), byName(b, 'xl/workbook.xml'), /<sheet [^>]*\/>/g)).toBe(
      `<sheet name="${SUMMARY_SHEET_NAME}" sheetId="5" r:id="${id}"/>`,
    );
    expect(one(byName(a, '[Content_Types].xml'), byName(b, '[Content_Types].xml'), /<Override [^>]*\/>/g)).toBe(
      '<Override PartName="/xl/worksheets/sheet5.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>',
    );
  });

  it('openpyxl reads the counts per 節 worked out by hand', () => {
    const script = [
      'import json, sys, openpyxl',
      'wb = openpyxl.load_workbook(sys.argv[1])',
      `ws = wb[${JSON.stringify(SUMMARY_SHEET_NAME)}]`,
      'print(json.dumps({"sheets": wb.sheetnames, "rows": [list(r)[:13] for r in ws.iter_rows(min_row=1, max_row=18, values_only=True)]}))',
    ].join('\n');
    const r = spawnSync(PYTHON, ['-c', script, withSummary], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const { sheets, rows } = JSON.parse(r.stdout) as { sheets: string[]; rows: unknown[][] };
    expect(sheets).toEqual(['第1節 地域産業', '第2節 子育て', '第3節 人材', '第4節 定住', SUMMARY_SHEET_NAME]);
    expect(rows[0]![0]).toBe('KPI評価集計');
    //                                                                 S  A  B  C  D  E  －  不能 計 順調以上 対象 割合
    expect(rows[5]).toEqual(['第１節 地域産業の振興を図り雇用の場をつくる', 1, 0, 2, 2, 0, 0, 0, 0, 5, 1, 5, 0.2]);
    expect(rows[6]![0]).toBe('　基本的方向１ 雇用対策の強化を図る');
    expect(rows[6]![12]).toBeCloseTo(1 / 3, 12);
    expect(rows[8]).toEqual(['第２節 子どもを産み育てやすいまちをつくる', 1, 2, 0, 1, 0, 0, 0, 0, 4, 3, 4, 0.75]);
    // Nothing assessed under 第３節 基本的方向２: its share is an empty cell.
    expect(rows[13]).toEqual(['　基本的方向２ 愛着や誇りを育む人材をつくる', 0, 0, 0, 0, 0, 0, 2, 0, 2, 0, 0, null]);
    // 全体: 17 KPIs, Ｓ4 Ａ4 on track of 15 assessed (two not yet due).
    expect(rows[17]!.slice(0, 12)).toEqual(['全体', 4, 4, 2, 4, 1, 0, 2, 0, 17, 8, 15]);
    expect(rows[17]![12]).toBeCloseTo(8 / 15, 12);
  });

  it('LibreOffice opens the copy: it converts to PDF, the summary sheet in it', () => {
    const profile = `file://${mkdtempSync(join(tmpdir(), 'kpi-lo-profile-'))}`;
    const r = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', withSummary, '--outdir', root], {
      encoding: 'utf8',
      timeout: 180_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const pdf = join(root, 'summary.pdf');
    expect(existsSync(pdf)).toBe(true);
    const t = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    expect(t.status, t.stderr).toBe(0);
    expect(t.stdout).toContain('基本目標・基本的方向');
    expect(t.stdout).toContain('順調以上（Ｓ・Ａ） 割合');
  }, 200_000);

  it('keeps a sheet of that name already in the file and says so', async () => {
    const again = join(root, 'again.xlsx');
    const r = await cli([withSummary, '--out', again, '--summary', '--json']);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.problems.map((p) => p.code)).toContain('summarySheetTaken');
    const names = entries(again).map((e) => e.name);
    expect(names.filter((n) => n.startsWith('xl/worksheets/sheet')).sort()).toEqual(
      entries(withSummary).map((e) => e.name).filter((n) => n.startsWith('xl/worksheets/sheet')).sort(),
    );
  });

  it('asks for --out', async () => {
    const r = await cli([SAMPLE_PATH, '--summary']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--summary は --out');
  });
});
