/**
 * `--summary` adds the 「KPI評価集計」 sheet to the `--out` copy through the package patcher
 * (issue #12). The copy is compared with the copy the same run makes without `--summary`:
 *   - every entry is the same (same compressed bytes, same method, same order) except
 *     [Content_Types].xml, xl/workbook.xml and its rels, and styles.xml; the new parts (the
 *     worksheet, its table, drawing and charts, their rels) come after them;
 *   - workbook.xml and its rels are the other copy's text with exactly one element inserted,
 *     [Content_Types].xml with one Override per new part, styles.xml with entries appended to
 *     its collections (every existing entry kept, in place);
 *   - every new part is well-formed (xmllint); openpyxl reads the KPI list as a table and the
 *     five charts (titles, bar + line), the percent format and the grade fills;
 *   - openpyxl reads the sheet's cells as the counts worked out by hand (the seed report's
 *     grades per 節, as in tests/core/summarySheet.test.ts), and LibreOffice converts the copy
 *     to PDF with the sheet in it.
 * A file that already has a sheet of that name keeps it: no sheet is added, the problem says so.
 *
 * Needs Debian's python3-openpyxl, libreoffice-calc-nogui, poppler-utils (pdftotext) and
 * libxml2-utils (xmllint).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/cli/jsonReport';
import { runCli } from '../../src/cli/run';
import { SUMMARY_SHEET_NAME } from '../../src/core/summarySheet';
import { entryContent, readZip, type ZipEntry } from '../../src/xlsx/zip';
import { SAMPLE_PATH } from '../../scripts/make-sample';

const PYTHON = '/usr/bin/python3';
const PATCHED = ['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml'];
/** The parts --summary adds to the sample's copy, in the order it adds them. */
const ADDED = [
  'xl/worksheets/sheet5.xml',
  'xl/tables/table1.xml',
  'xl/worksheets/_rels/sheet5.xml.rels',
  'xl/drawings/drawing1.xml',
  'xl/charts/chart1.xml',
  'xl/drawings/_rels/drawing1.xml.rels',
  'xl/charts/chart2.xml',
  'xl/charts/chart3.xml',
  'xl/charts/chart4.xml',
  'xl/charts/chart5.xml',
];
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
    expect(b.map((e) => e.name)).toEqual([...a.map((e) => e.name), ...ADDED]);
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
    // One Override per new part (the rels parts are covered by the package's Default for .rels).
    const typesBefore = byName(a, '[Content_Types].xml');
    const typesAfter = byName(b, '[Content_Types].xml');
    const overrides = [...typesAfter.matchAll(/<Override [^>]*\/>/g)].map((m) => m[0]).filter((o) => !typesBefore.includes(o));
    expect(overrides.map((o) => /PartName="\/([^"]+)"/.exec(o)![1])).toEqual(ADDED.filter((p) => !p.endsWith('.rels')));
    expect(overrides.reduce((t, o) => t.replace(o, ''), typesAfter)).toBe(typesBefore);
    expect(overrides[0]).toBe(
      '<Override PartName="/xl/worksheets/sheet5.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>',
    );

    // styles.xml: each collection's existing entries are kept, in place, new ones only appended;
    // outside the collections (and their counts) not a byte differs.
    const stylesBefore = byName(a, 'xl/styles.xml');
    const stylesAfter = byName(b, 'xl/styles.xml');
    const collection = (xml: string, name: string) => new RegExp(`<${name}\\b[^>]*>(.*?)</${name}>`, 's').exec(xml);
    let outsideBefore = stylesBefore;
    let outsideAfter = stylesAfter;
    for (const name of ['numFmts', 'fonts', 'fills', 'cellXfs']) {
      const before = collection(stylesBefore, name);
      const after = collection(stylesAfter, name)!;
      expect(after, name).not.toBeNull();
      if (before) {
        expect(after[1]!.startsWith(before[1]!), `${name}: existing entries first, unchanged`).toBe(true);
        outsideBefore = outsideBefore.replace(before[0], `<${name}/>`);
        outsideAfter = outsideAfter.replace(after[0], `<${name}/>`);
      } else outsideAfter = outsideAfter.replace(after[0], '');
    }
    expect(outsideAfter).toBe(outsideBefore);
  });

  it('writes well-formed parts (xmllint)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kpi-summary-parts-'));
    const list = entries(withSummary).filter((e) => ADDED.includes(e.name) || PATCHED.includes(e.name));
    const files = list.map((e, i) => {
      const f = join(dir, `${i}.xml`);
      writeFileSync(f, entryContent(e));
      return f;
    });
    const r = spawnSync('xmllint', ['--noout', ...files], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(files).toHaveLength(ADDED.length + PATCHED.length);
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

  it('openpyxl reads the KPI list as a table, the five charts, the percent format and the grade colours', () => {
    const script = [
      'import json, sys, openpyxl',
      'wb = openpyxl.load_workbook(sys.argv[1])',
      `ws = wb[${JSON.stringify(SUMMARY_SHEET_NAME)}]`,
      'def title(c):',
      '    return "".join(r.t for p in c.title.tx.rich.p for r in (p.r or []))',
      'tables = [{"name": t.name, "ref": t.ref, "columns": [c.name for c in t.tableColumns]} for t in ws.tables.values()]',
      'charts = [{"title": title(c), "types": [type(x).__name__ for x in c._charts], "series": [s.val.numRef.f for x in c._charts for s in x.series]} for c in ws._charts]',
      'header = [c.value for c in ws[129]][:12]',
      'fmt = {a: ws[a].number_format for a in ["H130", "I130", "M6", "M17", "B156", "C156"]}',
      'def rgb(c):',
      '    return c.rgb if c is not None and c.type == "rgb" else None',
      'grades = {ws.cell(r, 10).value: [rgb(ws.cell(r, 10).fill.fgColor), rgb(ws.cell(r, 10).font.color)] for r in range(130, 147)}',
      'print(json.dumps({"tables": tables, "charts": charts, "header": header, "fmt": fmt, "grades": grades}, ensure_ascii=False))',
    ].join('\n');
    const r = spawnSync(PYTHON, ['-c', script, withSummary], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const got = JSON.parse(r.stdout) as {
      tables: { name: string; ref: string; columns: string[] }[];
      charts: { title: string; types: string[]; series: string[] }[];
      header: string[];
      fmt: Record<string, string>;
      grades: Record<string, [string, string | null]>;
    };
    // Row 129 is the KPI list's header (after the title, the goal block to row 18, the department block
    // and five chart slots of 20 rows); the sample's 17 KPIs are rows 130–146.
    expect(got.tables).toEqual([{ name: 'KPI評価一覧', ref: 'A129:L146', columns: got.header }]);
    expect(got.header.slice(0, 3)).toEqual(['基本目標', '基本的方向', '指標']);
    expect(got.charts.map((c) => c.title)).toEqual([
      '基本目標別の評価の件数',
      '第１節 地域産業の振興を図り雇用の場をつくる：指標ごとの進捗率（線は経過率）',
      '第２節 子どもを産み育てやすいまちをつくる：指標ごとの進捗率（線は経過率）',
      '第３節 地域の活力を担う人材をつくる：指標ごとの進捗率（線は経過率）',
      '第４節 定住を促す魅力あるまちをつくる：指標ごとの進捗率（線は経過率）',
    ]);
    // The stacked bar reads the グラフのデータ block under the KPI list (rows 149–153: header, four 節), one
    // series per grade of the standard preset (Ｓ Ａ Ｂ Ｃ Ｄ Ｅ －) and 評価不能.
    expect(got.charts[0]!.types).toEqual(['BarChart']);
    expect(got.charts[0]!.series).toHaveLength(8);
    expect(got.charts[0]!.series[0]).toBe("'KPI評価集計'!$B$150:$B$153");
    // Each 節: 進捗率 as columns and 経過率 as a line in one plot area, from its own data block; 第３節 has two
    // KPIs with a 進捗率 (its other two are not yet due).
    expect(got.charts.slice(1).map((c) => c.types)).toEqual(Array(4).fill(['BarChart', 'LineChart']));
    expect(got.charts.slice(1).map((c) => c.series)).toEqual([
      ["'KPI評価集計'!$B$156:$B$160", "'KPI評価集計'!$C$156:$C$160"],
      ["'KPI評価集計'!$B$163:$B$166", "'KPI評価集計'!$C$163:$C$166"],
      ["'KPI評価集計'!$B$169:$B$170", "'KPI評価集計'!$C$169:$C$170"],
      ["'KPI評価集計'!$B$173:$B$176", "'KPI評価集計'!$C$173:$C$176"],
    ]);
    // 進捗率, 経過率 and the share 順調以上 as percent; the charts' data in whole percent (the axis shows it).
    expect(got.fmt).toEqual({ H130: '0.0%', I130: '0.0%', M6: '0.0%', M17: '0.0%', B156: '0%', C156: '0%' });
    // Grade colours of spec §7: Ｓ dark blue, Ａ green, Ｂ light green, Ｃ yellow, Ｄ red with dark text on light fills.
    expect(got.grades['Ｓ']).toEqual(['FF1F3A93', 'FFFFFFFF']);
    expect(got.grades['Ａ']).toEqual(['FF1B7F3B', 'FFFFFFFF']);
    expect(got.grades['Ｂ']).toEqual(['FFB8E0B0', 'FF1A1A1A']);
    expect(got.grades['Ｃ']).toEqual(['FFFFE699', 'FF1A1A1A']);
    expect(got.grades['Ｄ']).toEqual(['FFC0392B', 'FFFFFFFF']);
  });

  it("the sheet's counts and the charts' cached values are --json's summary", async () => {
    const json = join(root, 'json.xlsx');
    const r = await cli([SAMPLE_PATH, '--out', json, '--summary', '--json']);
    const summary = (JSON.parse(r.stdout) as JsonReport).summary!;
    const script = [
      'import json, sys, openpyxl',
      'wb = openpyxl.load_workbook(sys.argv[1])',
      `ws = wb[${JSON.stringify(SUMMARY_SHEET_NAME)}]`,
      'rows = {ws.cell(r, 1).value: [ws.cell(r, c).value for c in range(2, 14)] for r in range(6, 28) if ws.cell(r, 1).value}',
      'c = ws._charts[0]',
      'cache = [[p.v for p in s.val.numRef.numCache.pt] for x in c._charts for s in x.series]',
      'print(json.dumps({"rows": rows, "cache": cache}, ensure_ascii=False))',
    ].join('\n');
    const p = spawnSync(PYTHON, ['-c', script, json], { encoding: 'utf8' });
    expect(p.status, p.stderr).toBe(0);
    const { rows, cache } = JSON.parse(p.stdout) as { rows: Record<string, (number | null)[]>; cache: number[][] };
    const expected = (c: (typeof summary)['total']) => [...summary.grades.map((g) => c.byGrade[g] ?? 0), c.ungraded, c.total, c.onTrack, c.assessed, c.onTrackShare];
    for (const g of summary.goals) {
      expect(rows[g.label], g.label).toEqual(expected(g.counts));
      for (const d of g.directions) expect(rows[`　${d.label}`], d.label).toEqual(expected(d.counts));
    }
    expect(rows['全体']).toEqual(expected(summary.total));
    // The stacked bar's cache, one series per grade: each goal's count of that grade.
    expect(cache).toEqual([...summary.grades.map((k) => summary.goals.map((g) => g.counts.byGrade[k] ?? 0)), summary.goals.map((g) => g.counts.ungraded)]);
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
    // The charts are drawn: their titles are in the PDF.
    expect(t.stdout).toContain('基本目標別の評価の件数');
    // (A chart that a page break crosses is printed on both pages: at least once each.)
    expect(t.stdout.match(/指標ごとの進捗率（線は経過率）/g)!.length).toBeGreaterThanOrEqual(4);
  }, 200_000);

  it('LibreOffice keeps the table and the charts when it saves the copy again (openpyxl reads its save)', () => {
    const profile = `file://${mkdtempSync(join(tmpdir(), 'kpi-lo-profile-'))}`;
    const dir = join(root, 'resaved');
    const r = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'xlsx', withSummary, '--outdir', dir], {
      encoding: 'utf8',
      timeout: 180_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const script = [
      'import json, sys, openpyxl',
      'wb = openpyxl.load_workbook(sys.argv[1])',
      `ws = wb[${JSON.stringify(SUMMARY_SHEET_NAME)}]`,
      'print(json.dumps({"tables": [t.ref for t in ws.tables.values()], "charts": [[type(x).__name__ for x in c._charts] for c in ws._charts]}))',
    ].join('\n');
    const p = spawnSync(PYTHON, ['-c', script, join(dir, 'summary.xlsx')], { encoding: 'utf8' });
    expect(p.status, p.stderr).toBe(0);
    expect(JSON.parse(p.stdout)).toEqual({ tables: ['A129:L146'], charts: [['BarChart'], ...Array(4).fill(['BarChart', 'LineChart'])] });
  }, 200_000);

  it('gives the table an id and a name no table or defined name of the workbook has, and new part names', async () => {
    // The sample, saved by openpyxl with a table already called KPI評価一覧 (id 1) and a chart of its own.
    const taken = join(root, 'taken.xlsx');
    const script = [
      'import sys, openpyxl',
      'from openpyxl.worksheet.table import Table',
      'from openpyxl.chart import BarChart, Reference',
      'wb = openpyxl.load_workbook(sys.argv[1])',
      'ws = wb.create_sheet("既存")',
      'ws.append(["項目", "値"]); ws.append(["a", 1]); ws.append(["b", 2])',
      'ws.add_table(Table(displayName="KPI評価一覧", ref="A1:B3"))',
      'c = BarChart(); c.add_data(Reference(ws, min_col=2, min_row=1, max_row=3), titles_from_data=True); ws.add_chart(c, "D2")',
      'wb.save(sys.argv[2])',
    ].join('\n');
    const made = spawnSync(PYTHON, ['-c', script, SAMPLE_PATH, taken], { encoding: 'utf8' });
    expect(made.status, made.stderr).toBe(0);
    const out = join(root, 'taken-summary.xlsx');
    const r = await cli([taken, '--out', out, '--summary']);
    expect(r.code, r.stderr).toBeLessThan(2);
    const names = entries(out).map((e) => e.name);
    expect(names.filter((n) => /^xl\/(tables|charts|drawings)\/[^/]+\.xml$/.test(n)).sort()).toEqual(
      ['xl/charts/chart1.xml', 'xl/charts/chart2.xml', 'xl/charts/chart3.xml', 'xl/charts/chart4.xml', 'xl/charts/chart5.xml', 'xl/charts/chart6.xml',
        'xl/drawings/drawing1.xml', 'xl/drawings/drawing2.xml', 'xl/tables/table1.xml', 'xl/tables/table2.xml'],
    );
    const read = [
      'import json, sys, openpyxl',
      'wb = openpyxl.load_workbook(sys.argv[1])',
      'print(json.dumps({ws.title: [[t.id, t.name] for t in ws.tables.values()] for ws in wb.worksheets if ws.tables}, ensure_ascii=False))',
    ].join('\n');
    const p = spawnSync(PYTHON, ['-c', read, out], { encoding: 'utf8' });
    expect(p.status, p.stderr).toBe(0);
    expect(JSON.parse(p.stdout)).toEqual({ 既存: [[1, 'KPI評価一覧']], [SUMMARY_SHEET_NAME]: [[2, 'KPI評価一覧2']] });
  }, 60_000);

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
