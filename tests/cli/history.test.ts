/**
 * Issue 13 through the command line, on files: evaluate → --out → change values and a target →
 * evaluate → --out gives two entries, a revision flag and the change counts; a ledger with
 * yearly columns shows their history before any write; the officer's text survives every write;
 * the second write changes only the patched sheet and the history part.
 *
 * Grades by hand (standard: S p ≥ 1; A p ≥ t; B p ≥ 0.5·t; D worse than baseline by > 10 %; else C):
 *   R3 (t = 3/6 = 0.5):  観光客数 p = 40/100 = 0.4 → B; 移住者数 40 < 50, d = 20 % → D; 公園数 p = 6/10 = 0.6 → A.
 *   R4 (t = 4/6 = 0.67): 観光客数 220 vs 250 now, p = 120/150 = 0.8 → A (better);
 *                        移住者数 62, p = 12/30 = 0.4 ≥ 0.33 → B (better); 公園数 still 16, p = 0.6 < 0.67 → B (worse).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { JsonKpiHistory } from '../../src/cli/history';
import type { JsonReport } from '../../src/cli/jsonReport';
import { runCli } from '../../src/cli/run';
import { XlsxPackage } from '../../src/xlsx/package';
import { patchSheet } from '../../src/xlsx/sheetPatch';
import { readWorkbook } from '../../src/xlsx/readWorkbook';
import { nextYear } from '../support/nextYearLedger';
import { readHistoryPart } from '../../src/xlsx/historyPart';

type Kpi = JsonReport['tables'][number]['kpis'][number] & JsonKpiHistory;
type Report = JsonReport & { changes: Record<string, number> };

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}
async function json(args: string[]): Promise<Report> {
  return JSON.parse((await cli([...args, '--json'])).stdout) as Report;
}
const kpis = (r: JsonReport) => r.tables.flatMap((t) => t.kpis) as Kpi[];

const OFFICER = { I2: 'イベントの回数を増やした', J2: '拡大', K2: '観光協会と連携', J3: '継続' };

async function ledger(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('基本目標1');
  ws.getRow(1).values = ['No', '指標', '当初\n(H30)', 'R2実績', 'R3実績', '目標値\n(R6)', '前年度評価', '達成状況', '要因分析', '今後の方向性', '担当課コメント'];
  ws.getRow(2).values = ['1', '観光客数（観光課）', '100人', '120人', '140人', '200人', 'Ｂ', '', OFFICER.I2, OFFICER.J2, OFFICER.K2];
  ws.getRow(3).values = ['2', '移住者数（企画課）', '50人', '45人', '40人', '80人', '', '', '', OFFICER.J3, ''];
  ws.getRow(4).values = ['3', '公園数（都市計画課）', '10か所', '12か所', '16か所', '20か所', '', '', '', '', ''];
  const path = join(dir, 'ledger.xlsx');
  await wb.xlsx.writeFile(path);
  return path;
}

function parts(path: string): Map<string, string> {
  const pkg = XlsxPackage.read(readFileSync(path));
  return new Map(pkg.partNames().map((n) => [n, Buffer.from(pkg.bytes(n)).toString('base64')]));
}

describe('evaluation history on files', () => {
  it('the ledger’s yearly columns and 前年度評価 are history before any write, with the officer’s text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kpi-hist-'));
    const report = await json([await ledger(dir)]);
    const [kanko, iju] = kpis(report);
    expect(kanko!.history).toEqual([
      { source: 'ledger', value: '100人', role: 'baseline', fiscalYear: 2018 },
      { source: 'ledger', value: '120人', role: 'intermediate', fiscalYear: 2020 },
      { source: 'ledger', grade: 'Ｂ', fiscalYear: 2020 },
      { source: 'ledger', value: '140人', role: 'current', fiscalYear: 2021 },
    ]);
    expect(kanko!.officerText.map((t) => [t.header, t.cell, t.text])).toEqual([
      ['要因分析', 'I2', OFFICER.I2],
      ['今後の方向性', 'J2', OFFICER.J2],
      ['担当課コメント', 'K2', OFFICER.K2],
    ]);
    expect(iju!.officerText.map((t) => t.text)).toEqual([OFFICER.J3]);
    expect(kanko!.change).toBe('new');
  });

  it('write → next year → write: two entries, the revised target, change counts, only two parts differ', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kpi-hist-'));
    const a = await ledger(dir);
    const b = join(dir, 'b.xlsx');
    const c = join(dir, 'c.xlsx');
    const d = join(dir, 'd.xlsx');

    const first = await json([a, '--out', b]);
    expect(kpis(first).map((k) => k.grade)).toEqual(['B', 'D', 'A']);
    const h1 = readHistoryPart(readWorkbook(readFileSync(b)));
    expect(h1.kind === 'ok' && h1.history.entries.map((e) => [e.fiscalYear, e.source, e.kpis.map((k) => k.gradeWritten)])).toEqual([
      [2021, 'cli', ['Ｂ', 'Ｄ', 'Ａ']],
    ]);

    nextYear(b, c);
    const second = await json([c, '--out', d]);
    const [kanko, iju, koen] = kpis(second);
    expect([kanko, iju, koen].map((k) => [k!.grade, k!.change])).toEqual([
      ['A', 'better'],
      ['B', 'better'],
      ['B', 'worse'],
    ]);
    expect(second.changes).toEqual({ better: 2, worse: 1, same: 0, new: 0, ungraded: 0 });
    expect(kanko!.revisions).toEqual([
      { what: 'target', from: '200人', to: '250人', since: 2021, message: '目標値が 200人 から 250人 に変更されています（R3 評価時）', messageEn: 'The target was changed from 200人 to 250人 (since the R3 evaluation)' },
    ]);
    expect(kanko!.reason).toBe('進捗率 80%（経過 67%）→ Ａ 順調（目標値を 200人 から 250人 に変更）');
    expect(iju!.revisions).toEqual([]);
    // The add-in's own last grades were replaced: no 「手入力の値はそのまま残しています」 about them.
    expect(second.problems.filter((p) => p.code === 'handGradeDiffers')).toEqual([]);

    const h2 = readHistoryPart(readWorkbook(readFileSync(d)));
    if (h2.kind !== 'ok') throw new Error('no history in d');
    expect(h2.history.entries.map((e) => [e.fiscalYear, e.kpis.map((k) => [k.name, k.gradeWritten, k.target.text])])).toEqual([
      [2021, [['観光客数', 'Ｂ', '200人'], ['移住者数', 'Ｄ', '80人'], ['公園数', 'Ａ', '20か所']]],
      [2022, [['観光客数', 'Ａ', '250人'], ['移住者数', 'Ｂ', '80人'], ['公園数', 'Ｂ', '20か所']]],
    ]);
    // The written entry's reason says the target was revised.
    expect(h2.history.entries[1]!.kpis[0]!.reason).toContain('（目標値を 200人 から 250人 に変更）');

    // The second write: the sheet (grades) and the history part, nothing else.
    const before = parts(c);
    const after = parts(d);
    expect([...after.keys()]).toEqual([...before.keys()]);
    const changed = [...after.keys()].filter((k) => after.get(k) !== before.get(k));
    expect(changed.sort()).toEqual(['customXml/item1.xml', 'xl/worksheets/sheet1.xml']);

    // The officer's words survived both writes.
    const out = await json([d]);
    expect(kpis(out)[0]!.officerText.map((t) => t.text)).toEqual([OFFICER.I2, OFFICER.J2, OFFICER.K2]);
    expect(kpis(out)[1]!.officerText.map((t) => t.text)).toEqual([OFFICER.J3]);

    // --history: R3 from the first entry (and the ledger's 前年度評価), R4 from the second.
    const table = (await cli([d, '--history'])).stdout;
    expect(table.slice(table.indexOf('評価の履歴'))).toBe(
      ['評価の履歴（年度ごとの評価）', 'シート\t指標\tR3\tR4', '基本目標1\t観光客数（観光課）\tＢ\tＡ', '基本目標1\t移住者数（企画課）\tＤ\tＢ', '基本目標1\t公園数（都市計画課）\tＡ\tＢ', ''].join('\n'),
    );
  });

  it('--revision-reason records why the target changed, for a revised KPI only; a wrong row or an unrevised KPI is said', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kpi-hist-'));
    const a = await ledger(dir);
    const b = join(dir, 'b.xlsx');
    const c = join(dir, 'c.xlsx');
    const d = join(dir, 'd.xlsx');
    await cli([a, '--out', b]);
    nextYear(b, c);
    // Row 2 is 観光客数 (target 200人 → 250人), row 3 移住者数 (not revised), row 9 has no KPI.
    const r = await cli([
      c,
      '--out',
      d,
      '--revision-reason',
      '基本目標1!2=総合戦略の改訂で目標を引き上げた',
      '--revision-reason',
      '基本目標1!C3=理由',
      '--revision-reason',
      "'基本目標1'!9=理由",
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      '警告: --revision-reason「基本目標1!3」: 「移住者数」の目標値・基準値は前回の評価から変わっていないので、理由は記録していません。',
      '警告: --revision-reason「基本目標1!9」: シート「基本目標1」の 9 行目に指標がありません。指標の行番号を確かめてください（理由は記録していません）。',
    ]);
    const h = readHistoryPart(readWorkbook(readFileSync(d)));
    if (h.kind !== 'ok') throw new Error('no history in d');
    expect(h.history.entries.map((e) => e.kpis.map((k) => k.revisionReason))).toEqual([
      [undefined, undefined, undefined],
      ['総合戦略の改訂で目標を引き上げた', undefined, undefined],
    ]);
    // --json of the copy shows the reason in the KPI's history.
    const out = await json([d]);
    expect(kpis(out)[0]!.history.filter((p) => p.source === 'entry').map((p) => 'revisionReason' in p && p.revisionReason)).toEqual([
      false,
      '総合戦略の改訂で目標を引き上げた',
    ]);
  });

  it('--revision-reason of the wrong shape, or without --out, is a usage error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kpi-hist-'));
    const a = await ledger(dir);
    const bad = await cli([a, '--out', join(dir, 'x.xlsx'), '--revision-reason', '観光客数=理由']);
    expect([bad.code, bad.stderr.trim()]).toEqual([
      2,
      'エラー: --revision-reason「観光客数=理由」の形が違います。「シート名!行番号=理由」の形で指定してください（例: --revision-reason "第1節!7=総合戦略の改訂で引き上げた"）。',
    ]);
    const noOut = await cli([a, '--revision-reason', '基本目標1!2=理由']);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--revision-reason は --out と一緒に');
  });

  it('the officer’s 方向性 list (data validation) and words survive two --out writes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kpi-hist-'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await ledger(dir));
    const ws = wb.getWorksheet('基本目標1')!;
    for (const address of ['J2', 'J3', 'J4']) ws.getCell(address).dataValidation = { type: 'list', allowBlank: true, formulae: ['"拡大,継続,改善,縮小,廃止"'] };
    const a = join(dir, 'a.xlsx');
    await wb.xlsx.writeFile(a);
    const b = join(dir, 'b.xlsx');
    const c = join(dir, 'c.xlsx');
    await cli([a, '--out', b]);
    await cli([b, '--out', c, '--force']);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(c);
    const out = back.getWorksheet('基本目標1')!;
    expect(['J2', 'J3', 'J4'].map((address) => out.getCell(address).dataValidation?.formulae)).toEqual([
      ['"拡大,継続,改善,縮小,廃止"'],
      ['"拡大,継続,改善,縮小,廃止"'],
      ['"拡大,継続,改善,縮小,廃止"'],
    ]);
    expect(['I2', 'J2', 'K2', 'J3'].map((address) => out.getCell(address).value)).toEqual([OFFICER.I2, OFFICER.J2, OFFICER.K2, OFFICER.J3]);
  });

  it('the first --out adds the history part with its relationships; other parts stay byte for byte', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kpi-hist-'));
    const a = await ledger(dir);
    const b = join(dir, 'b.xlsx');
    await cli([a, '--out', b]);
    const before = parts(a);
    const after = parts(b);
    const added = [...after.keys()].filter((k) => !before.has(k)).sort();
    expect(added).toEqual(['customXml/_rels/item1.xml.rels', 'customXml/item1.xml', 'customXml/itemProps1.xml']);
    const changed = [...before.keys()].filter((k) => after.get(k) !== before.get(k)).sort();
    expect(changed).toEqual(['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/worksheets/sheet1.xml']);
  });

  it('a grade the officer typed over ours since the last write is kept as the hand grade', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kpi-hist-'));
    const a = await ledger(dir);
    const b = join(dir, 'b.xlsx');
    await cli([a, '--out', b]);
    const loaded = readWorkbook(readFileSync(b));
    const part = loaded.sheets.get('基本目標1')!.part;
    // The officer overrules the computed Ｂ with Ｓ; 移住者数 still shows our Ｄ.
    loaded.pkg.replace(part, patchSheet(loaded.pkg.text(part), part, { cells: [{ row: 1, col: 7, text: 'Ｓ' }], clearRulesWithin: [], formats: [] }).xml);
    const c = join(dir, 'c.xlsx');
    writeFileSync(c, loaded.pkg.toBytes());
    nextYear(c, c);
    const d = join(dir, 'd.xlsx');
    await cli([c, '--out', d]);
    const h = readHistoryPart(readWorkbook(readFileSync(d)));
    if (h.kind !== 'ok') throw new Error('no history in d');
    expect(JSON.parse((await cli([c, '--json'])).stdout).problems.filter((p: { code: string }) => p.code === 'handGradeDiffers').map((p: { cell: string }) => p.cell)).toEqual(['H2', 'H3', 'H4']);
    expect(h.history.entries[1]!.kpis.map((k) => [k.name, k.grade, k.gradeWritten, k.handGrade])).toEqual([
      ['観光客数', 'A', undefined, 'Ｓ'],
      ['移住者数', 'B', 'Ｂ', undefined],
      ['公園数', 'B', 'Ｂ', undefined],
    ]);
  });

  it('a damaged history part is reported, neither read nor replaced', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kpi-hist-'));
    const a = await ledger(dir);
    const b = join(dir, 'b.xlsx');
    await cli([a, '--out', b]);
    const loaded = readWorkbook(readFileSync(b));
    const broken = '<kpiHistory xmlns="urn:kpi-ledger-addin:history:v1" version="1">{"version":1,"entries":[{"date":1}]}</kpiHistory>';
    loaded.pkg.replace('customXml/item1.xml', broken);
    const c = join(dir, 'c.xlsx');
    writeFileSync(c, loaded.pkg.toBytes());
    const d = join(dir, 'd.xlsx');
    const r = await cli([c, '--out', d]);
    expect(r.stderr).toContain('評価の履歴が壊れている');
    expect(XlsxPackage.read(readFileSync(d)).text('customXml/item1.xml')).toBe(broken);
  });
});
