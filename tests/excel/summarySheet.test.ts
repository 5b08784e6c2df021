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
    expect(await removeSummarySheet(double.run, SUMMARY_SHEET_NAME)).toBe(false);
  });
});
