/**
 * The 「KPI評価集計」 sheet written through the Office.js adapter on the workbook double:
 * cell by cell (hand counts of the published report, see tests/core/summary.test.ts), a
 * fixed number of syncs, nothing outside the new sheet changed, an officer's sheet of the
 * same name never replaced, and undo removing exactly what was made.
 */
import { describe, expect, it } from 'vitest';
import { loadXlsx } from '../../src/xlsx/readWorkbook';
import { evaluateWorkbook } from '../../src/core/evaluate';
import { getBuiltinPreset } from '../../src/core/presets';
import { placesFor } from '../../src/core/structure';
import { summarize } from '../../src/core/summary';
import { cellAddress } from '../../src/core/grid';
import { earlierFrom } from '../../src/core/summary';
import { SUMMARY_SHEET_NAME, summarySheetContent, type SummarySheetContent } from '../../src/core/summarySheet';
import { SUMMARY_SHEET_NAMESPACE, removeSummarySheet, writeSummarySheet } from '../../src/excel/summarySheet';
import { createWorkbookDouble } from '../support/workbookDouble';
import { SAMPLE_PATH } from '../../scripts/make-sample';

const preset = getBuiltinPreset('standard')!;

let cached: SummarySheetContent | undefined;
async function content(): Promise<SummarySheetContent> {
  if (cached) return cached;
  const { grids } = await loadXlsx(SAMPLE_PATH);
  const evaluation = evaluateWorkbook(grids, preset);
  const places = placesFor(
    evaluation.tables.map((t) => t.table),
    grids,
  );
  cached = summarySheetContent(summarize(evaluation, places, preset, { basis: 'ledger' }), preset);
  return cached;
}

/** The same sheet compared with an earlier evaluation (the computed grades, as R5): two more columns. */
async function contentWithEarlier(): Promise<SummarySheetContent> {
  const { grids } = await loadXlsx(SAMPLE_PATH);
  const evaluation = evaluateWorkbook(grids, preset);
  const places = placesFor(
    evaluation.tables.map((t) => t.table),
    grids,
  );
  const earlier = earlierFrom(summarize(evaluation, places, preset, { basis: 'computed' }), 'R5年度評価');
  return summarySheetContent(summarize(evaluation, places, preset, { basis: 'ledger', earlier }), preset);
}

const a1 = (b: { top: number; left: number; bottom: number; right: number }) => `${cellAddress(b.top, b.left)}:${cellAddress(b.bottom, b.right)}`;

function ledgerDouble() {
  return createWorkbookDouble([
    { name: '第1節 地域産業', cells: [['No', '重要業績評価指標（ＫＰＩ）'], ['１', '就業率']] },
    { name: '第2節 子育て', cells: [['メモ']] },
  ]);
}

describe('writeSummarySheet on the double', () => {
  it('writes the sheet in 3 syncs, cell by cell, and nothing else', async () => {
    const double = ledgerDouble();
    const before = double.allCells();
    double.resetCounters();
    const result = await writeSummarySheet(double.run, await content());
    expect(result).toEqual({ kind: 'written', sheet: SUMMARY_SHEET_NAME, replaced: false });
    // read (sheet + record), write, record the new sheet's id: no record yet, so no text to read.
    expect(double.syncCount).toBe(3);
    expect(double.sheetNames()).toEqual(['第1節 地域産業', '第2節 子育て', SUMMARY_SHEET_NAME]);
    const after = double.allCells();
    expect(after['第1節 地域産業']).toEqual(before['第1節 地域産業']);
    expect(after['第2節 子育て']).toEqual(before['第2節 子育て']);

    const cell = (a: string) => double.getCell(SUMMARY_SHEET_NAME, a);
    expect(cell('A1').value).toBe('KPI評価集計');
    // Row 5 is the goal block's header; row 6 第１節: S1 A0 B2 C2 D0 E0 －0, 不能 0, 計 5, 順調以上 1 of 5 = 20.0%.
    expect(cell('A5').value).toBe('基本目標・基本的方向');
    expect(cell('A6').value).toBe('第１節 地域産業の振興を図り雇用の場をつくる');
    expect(['B6', 'C6', 'D6', 'E6', 'F6', 'G6', 'H6', 'I6', 'J6', 'K6', 'L6'].map((a) => cell(a).value)).toEqual([1, 0, 2, 2, 0, 0, 0, 0, 5, 1, 5]);
    expect(cell('M6').value).toBe(0.2);
    expect(cell('M6').text).toBe('20.0%');
    // 全体 (row 6 + 12): S4 A4 B2 C4 D1 E0 －2, 17 KPIs, 8 of 15 on track.
    expect(['A18', 'B18', 'C18', 'D18', 'E18', 'F18', 'G18', 'H18', 'J18', 'K18', 'L18'].map((a) => cell(a).value)).toEqual(['全体', 4, 4, 2, 4, 1, 0, 2, 17, 8, 15]);
    expect(cell('M18').text).toBe('53.3%');
    // The departments' block is empty where a 0 share makes no sense: 第３節 基本的方向２ has nothing assessed.
    expect(cell('M14').value).toBeNull();

    // Grade colours on the KPI list's grade column: the add-in's own rules, one per grade with a colour (S A B C D).
    const c = await content();
    const rules = double.conditionalFormats(SUMMARY_SHEET_NAME);
    expect(new Set(rules.map((r) => r.fill))).toEqual(new Set(['#1F3A93', '#1B7F3B', '#B8E0B0', '#FFE699', '#C0392B']));
    expect(rules.length).toBe(5);
    expect(new Set(rules.map((r) => r.range))).toEqual(new Set([`J${c.kpiBlock.top + 2}:J${c.kpiBlock.bottom + 1}`]));
    expect(rules.every((r) => r.formula?.includes('N("KPI評価")'))).toBe(true);
    expect(double.customXmlParts(SUMMARY_SHEET_NAMESPACE)).toHaveLength(1);

    // Every cell as the layout says, and nothing beyond it.
    const cells = double.allCells()[SUMMARY_SHEET_NAME]!;
    c.rows.forEach((row, r) =>
      row.forEach((v, col) => {
        expect(cells[cellAddress(r, col)]?.value ?? null, cellAddress(r, col)).toBe(v === '' ? null : v);
      }),
    );
    const width = c.rows[0]!.length;
    const inside = new Set(c.rows.flatMap((row, r) => row.map((_, col) => cellAddress(r, col))));
    expect(Object.keys(cells).filter((a) => !inside.has(a))).toEqual([]);
    expect(width).toBe(13);
  });

  it('makes the KPI list an Excel table and draws the charts, in the same syncs', async () => {
    const double = ledgerDouble();
    const c = await content();
    double.resetCounters();
    await writeSummarySheet(double.run, c);
    expect(double.syncCount).toBe(3);

    // The table: the KPI list's block, header row included, named, on the summary sheet only.
    expect(double.tables()).toEqual([{ sheet: SUMMARY_SHEET_NAME, name: 'KPI評価一覧', range: a1(c.kpiBlock), hasHeaders: true, style: 'TableStyleLight9' }]);
    expect(c.kpiBlock.bottom - c.kpiBlock.top).toBe(17);
    // 進捗率 and 経過率 as percentages: 市内高校 p = 0.75, t = 0.6 (hand-worked in tests/core/summarySheet.test.ts).
    const koko = c.kpiBlock.top + 1 + c.rows.slice(c.kpiBlock.top + 1).findIndex((r) => r[2] === '新規学校卒業者の市内就職率／市内高校');
    expect([double.getCell(SUMMARY_SHEET_NAME, `H${koko + 1}`).text, double.getCell(SUMMARY_SHEET_NAME, `I${koko + 1}`).text]).toEqual(['75.0%', '60.0%']);

    // The charts: grade counts per 節 as stacked bars, then one combo per 節.
    const charts = double.charts(SUMMARY_SHEET_NAME);
    expect(charts.map((x) => [x.type, x.title])).toEqual([
      ['BarStacked', '基本目標別の評価の件数'],
      ['ColumnClustered', '第１節 地域産業の振興を図り雇用の場をつくる：指標ごとの進捗率（線は経過率）'],
      ['ColumnClustered', '第２節 子どもを産み育てやすいまちをつくる：指標ごとの進捗率（線は経過率）'],
      ['ColumnClustered', '第３節 地域の活力を担う人材をつくる：指標ごとの進捗率（線は経過率）'],
      ['ColumnClustered', '第４節 定住を促す魅力あるまちをつくる：指標ごとの進捗率（線は経過率）'],
    ]);
    const grades = charts[0]!;
    // One series per grade (S A B C D E －) and 評価不能, the 節 as categories.
    expect(grades.series.map((x) => [x.name, x.chartType])).toEqual(
      ['Ｓ 早い', 'Ａ 順調', 'Ｂ おおむね順調', 'Ｃ やや遅れている', 'Ｄ 遅れている', 'Ｅ 未着手', '－ 実施時期未到来', '評価不能'].map((n) => [n, 'BarStacked']),
    );
    const data = c.charts[0]!.data;
    expect(grades.source).toBe(a1(data));
    expect(grades.series[0]!.categories).toBe(a1({ ...data, top: data.top + 1, right: data.left }));
    // The Ｓ series over the four 節: 1 1 1 1 (hand counts); the 「－」 series: 0 0 2 0.
    const column = (range: string) => {
      const [from, to] = range.split(':');
      const col = from!.replace(/\d+/g, '');
      const out: unknown[] = [];
      for (let r = Number(from!.replace(/\D+/g, '')); r <= Number(to!.replace(/\D+/g, '')); r++) out.push(double.getCell(SUMMARY_SHEET_NAME, `${col}${r}`).value);
      return out;
    };
    expect(column(grades.series[0]!.values)).toEqual([1, 1, 1, 1]);
    expect(column(grades.series[6]!.values)).toEqual([0, 0, 2, 0]);
    expect(column(grades.series[0]!.categories)).toEqual(c.rows.filter((r) => /^第[１-４]節/.test(String(r[0]))).slice(0, 4).map((r) => r[0]));

    // Each combo: 進捗率 bars and the 経過率 as a line; 第１節's bars include 市内高校's 0.75.
    for (const combo of charts.slice(1)) expect(combo.series.map((x) => [x.name, x.chartType])).toEqual([['進捗率', 'ColumnClustered'], ['経過率', 'Line']]);
    expect(column(charts[1]!.series[0]!.values)).toContain(0.75);
    expect(double.getCell(SUMMARY_SHEET_NAME, charts[1]!.series[0]!.values.split(':')[0]!).text).toMatch(/^\d+%$/);

    // Each over its slot of empty rows, legend at the bottom.
    c.charts.forEach((spec, i) => {
      expect(charts[i]!.position).toEqual({ start: cellAddress(spec.anchor.top, spec.anchor.left), end: cellAddress(spec.anchor.bottom, spec.anchor.right) });
      expect(charts[i]!.legendPosition).toBe('Bottom');
    });
    // Nothing on the other sheets.
    expect(double.charts('第1節 地域産業')).toEqual([]);
    expect(double.charts('第2節 子育て')).toEqual([]);
  });

  it('shows last time\u2019s share as a percentage and the change in points', async () => {
    const double = ledgerDouble();
    const c = await contentWithEarlier();
    await writeSummarySheet(double.run, c);
    const cell = (a: string) => double.getCell(SUMMARY_SHEET_NAME, a);
    expect([cell('N5').value, cell('O5').value]).toEqual(['前回の割合（R5年度評価）', '増減（ポイント）']);
    // 第１節: computed 2/5 then, 1/5 now: 40.0% and −20.0 points.
    expect(cell('N6').text).toBe('40.0%');
    expect(cell('O6').text).toBe('-20.0ポイント');
    // 第２節 the same 3/4 either way: 0.0 points.
    const g2 = 6 + c.rows.slice(6).findIndex((r) => String(r[0]).startsWith('第２節'));
    expect(cell(`O${g2 + 1}`).text).toBe('0.0ポイント');
  });

  it('names the table apart from a table of the officer\u2019s, and keeps that one', async () => {
    const double = ledgerDouble();
    double.addTable('第2節 子育て', 'A1:A1', 'KPI評価一覧');
    await writeSummarySheet(double.run, await content());
    expect(double.tables().map((t) => [t.sheet, t.name])).toEqual([
      ['第2節 子育て', 'KPI評価一覧'],
      [SUMMARY_SHEET_NAME, 'KPI評価一覧2'],
    ]);
    // Replacing our own sheet frees our own name again (no KPI評価一覧3).
    await writeSummarySheet(double.run, await content());
    expect(double.tables().map((t) => t.name)).toEqual(['KPI評価一覧', 'KPI評価一覧2']);
  });

  it('replaces its own earlier sheet in 4 syncs, keeping one record', async () => {
    const double = ledgerDouble();
    await writeSummarySheet(double.run, await content());
    double.setCell(SUMMARY_SHEET_NAME, 'A1', 'old');
    double.resetCounters();
    const result = await writeSummarySheet(double.run, await content());
    expect(result).toEqual({ kind: 'written', sheet: SUMMARY_SHEET_NAME, replaced: true });
    expect(double.syncCount).toBe(4);
    expect(double.getCell(SUMMARY_SHEET_NAME, 'A1').value).toBe('KPI評価集計');
    expect(double.sheetNames().filter((n) => n === SUMMARY_SHEET_NAME)).toHaveLength(1);
    // One table and one set of charts: the old ones went with the old sheet.
    expect(double.tables().map((t) => t.name)).toEqual(['KPI評価一覧']);
    expect(double.charts(SUMMARY_SHEET_NAME)).toHaveLength(5);
    expect(double.customXmlParts(SUMMARY_SHEET_NAMESPACE)).toHaveLength(1);
  });

  it('never replaces a sheet of that name the officer made, and says so in Japanese', async () => {
    const double = createWorkbookDouble([{ name: '第1節' }, { name: SUMMARY_SHEET_NAME, cells: [['課長への説明用メモ']] }]);
    const before = double.allCells();
    const result = await writeSummarySheet(double.run, await content());
    expect(result.kind).toBe('nameTaken');
    if (result.kind !== 'nameTaken') return;
    expect(result.problem.message).toContain('「KPI評価集計」という名前のシートが既にあり');
    expect(result.problem.message).toContain('名前を変える');
    expect(double.allCells()).toEqual(before);
    expect(double.customXmlParts(SUMMARY_SHEET_NAMESPACE)).toHaveLength(0);
    // Nor does undo remove it.
    expect(await removeSummarySheet(double.run, SUMMARY_SHEET_NAME)).toBe(false);
    expect(double.sheetNames()).toEqual(['第1節', SUMMARY_SHEET_NAME]);
  });

  it('an officer who renamed our sheet and made a new one of that name keeps theirs', async () => {
    const double = ledgerDouble();
    await writeSummarySheet(double.run, await content());
    double.renameSheet(SUMMARY_SHEET_NAME, '集計（保存用）');
    await writeSummarySheet(double.run, await content()); // a fresh one: the name is free again
    double.renameSheet(SUMMARY_SHEET_NAME, '集計（2回目）');
    const result = await writeSummarySheet(double.run, await content());
    expect(result.kind).toBe('written');
    expect(double.sheetNames()).toContain('集計（保存用）');
    expect(double.sheetNames()).toContain('集計（2回目）');
  });

  it('undo removes the sheet it made and its record, and nothing else', async () => {
    const double = ledgerDouble();
    const before = double.allCells();
    await writeSummarySheet(double.run, await content());
    double.resetCounters();
    expect(await removeSummarySheet(double.run, SUMMARY_SHEET_NAME)).toBe(true);
    expect(double.syncCount).toBeLessThanOrEqual(3);
    expect(double.sheetNames()).toEqual(['第1節 地域産業', '第2節 子育て']);
    expect(double.allCells()).toEqual(before);
    expect(double.customXmlParts(SUMMARY_SHEET_NAMESPACE)).toHaveLength(0);
    // Its table and charts went with it.
    expect(double.tables()).toEqual([]);
    expect(await removeSummarySheet(double.run, SUMMARY_SHEET_NAME)).toBe(false);
  });
});
