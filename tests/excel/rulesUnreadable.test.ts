/**
 * When Excel cannot load a sheet's conditional formats — two cell-value rules on one range, as
 * after the officer duplicated a rule (office-js issues #6827, #6835; an option of the double) —
 * the grades are still written and undo still completes: only that sheet's colour rules are
 * left out (write) or left in place (undo), and the officer is told which sheet and what to do.
 */
import { describe, expect, it } from 'vitest';
import type { ExcelRun } from '../../src/excel/excelRun';
import { createOfficeHost } from '../../src/excel/officeHost';
import { UNDO_NAMESPACE } from '../../src/excel/undoSnapshot';
import { createWorkbookDouble } from '../support/workbookDouble';
import { RichApiErrorDouble } from '../support/workbookDoubleErrors';
import { GOAL1, MEMO, gradeWrite, ledgerSheets, plan, standardColours } from '../support/workbookDoubleLedger';

const OPTIONS = { conditionalFormatsFailOnDuplicateCellValueRules: true } as const;

function setUp() {
  const double = createWorkbookDouble(ledgerSheets(), OPTIONS);
  return { double, host: createOfficeHost(double.run, { isSetSupported: double.isSetSupported }) };
}

/** The officer's "greater than" rule on the figures, duplicated in Manage Rules. */
function duplicateOfficerRule(double: ReturnType<typeof createWorkbookDouble>): void {
  double.addConditionalFormat(GOAL1, 'F6:F10', { type: 'CellValue', fill: '#FFC7CE' });
  double.addConditionalFormat(GOAL1, 'F6:F10', { type: 'CellValue', fill: '#FFC7CE' });
}

const twoSheetPlan = () =>
  plan({
    writes: [gradeWrite(GOAL1, 'H8', 'Ａ'), gradeWrite(GOAL1, 'H10', 'Ｃ', { value: 5 }), gradeWrite(MEMO, 'B2', 'Ｓ', { value: 'ヒアリング済' })],
    formats: [standardColours(GOAL1, 'H6:H10'), standardColours(MEMO, 'B2:B2')],
  });

const ours = (double: ReturnType<typeof createWorkbookDouble>, sheet: string) =>
  double.conditionalFormats(sheet).filter((f) => f.formula?.includes('KPI評価'));

describe('conditional formats Excel cannot load', () => {
  it('the double models it: loading the rules of a sheet with a duplicated cell-value rule fails', async () => {
    const { double } = setUp();
    const load = () =>
      double.run(async (context) => {
        const formats = context.workbook.worksheets.getItem(GOAL1).getRange().conditionalFormats;
        formats.load('items/type');
        await context.sync();
        return formats.items.length;
      });
    double.addConditionalFormat(GOAL1, 'F6:F10', { type: 'CellValue' });
    await expect(load()).resolves.toBe(1);
    double.addConditionalFormat(GOAL1, 'F6:F10', { type: 'CellValue' });
    await expect(load()).rejects.toMatchObject({ code: 'GeneralException' });
  });

  it('writes every grade, colours the other sheets, and says why that sheet has no colours', async () => {
    const { double, host } = setUp();
    duplicateOfficerRule(double);
    const officers = double.conditionalFormats(GOAL1);
    double.resetCounters();
    const report = await host.applyPlan(twoSheetPlan());
    expect(report.written).toBe(3);
    expect(double.getCell(GOAL1, 'H8').value).toBe('Ａ');
    expect(double.getCell(GOAL1, 'H10').value).toBe('Ｃ');
    expect(double.getCell(MEMO, 'B2').value).toBe('Ｓ');
    // Only MEMO's colour rules: GOAL1 keeps exactly the officer's two.
    expect(report.rules).toBe(standardColours(MEMO, 'B2:B2').rules.length);
    expect(ours(double, MEMO)).toHaveLength(report.rules);
    expect(double.conditionalFormats(GOAL1)).toEqual(officers);
    expect(report.skipped).toEqual([
      expect.objectContaining({
        code: 'rulesUnreadable',
        sheet: GOAL1,
        cell: 'H6:H10',
        severity: 'warning',
        message: expect.stringMatching(/^「基本目標1」シートの条件付き書式を Excel から読み取れなかったため.*評価は書き込みました。.*ルールの管理/),
      }),
    ]);
    // The failed check, the check again without rules, one probe per coloured sheet, the write.
    expect(double.syncCount).toBe(5);
  });

  it("undo restores every cell and completes, leaving only that sheet's rules, with a message", async () => {
    const { double, host } = setUp();
    const before = double.allCells();
    await host.applyPlan(twoSheetPlan());
    expect(ours(double, GOAL1).length).toBeGreaterThan(0);
    duplicateOfficerRule(double); // after the write, before the undo

    const report = await host.undoLastWrite();
    expect(report.restored).toBe(3);
    expect(double.allCells()).toEqual(before);
    expect(ours(double, MEMO)).toEqual([]);
    expect(report.problems).toEqual([
      expect.objectContaining({ code: 'rulesNotRemoved', sheet: GOAL1, cell: 'H6:H10', message: expect.stringContaining('N("KPI評価")') }),
    ]);
    // Undo is done: nothing is kept to be undone again and again.
    expect(await host.hasUndo()).toBe(false);
    expect(double.customXmlParts(UNDO_NAMESPACE)).toEqual([]);
  });

  it('still refuses to write when Excel fails the check for another reason', async () => {
    const double = createWorkbookDouble(ledgerSheets(), OPTIONS);
    const failing: ExcelRun = (batch) =>
      double.run((context) => {
        context.sync = async () => {
          throw new RichApiErrorDouble('GeneralException', 'An internal error has occurred.');
        };
        return batch(context);
      });
    const host = createOfficeHost(failing, { isSetSupported: double.isSetSupported });
    await expect(host.applyPlan(twoSheetPlan())).rejects.toMatchObject({ code: 'checkFailed', message: expect.stringContaining('GeneralException') });
    expect(double.getCell(GOAL1, 'H8').value).toBeNull();
  });
});

describe('colour rules Excel refuses to delete (office-js #5222: rules sharing one range)', () => {
  function refusing() {
    const double = createWorkbookDouble(ledgerSheets(), { conditionalFormatDeleteFailsOnSharedRange: true });
    return { double, host: createOfficeHost(double.run, { isSetSupported: double.isSetSupported }) };
  }

  it('the double models it: a rule that shares its range with another cannot be deleted', async () => {
    const { double } = refusing();
    double.addConditionalFormat(GOAL1, 'H6:H10', { formula: '=H6="Ａ"' });
    double.addConditionalFormat(GOAL1, 'H6:H10', { formula: '=H6="Ｂ"' });
    const deleteFirst = () =>
      double.run(async (context) => {
        const formats = context.workbook.worksheets.getItem(GOAL1).getRange().conditionalFormats;
        formats.load('items/id');
        await context.sync();
        formats.items[0]!.delete();
        await context.sync();
      });
    await expect(deleteFirst()).rejects.toMatchObject({ code: 'ItemNotFound' });
    expect(double.conditionalFormats(GOAL1)).toHaveLength(2);
  });

  it('a second write still writes every grade and says the old colour rules stayed', async () => {
    const { double, host } = refusing();
    await host.applyPlan(twoSheetPlan());
    const firstRules = ours(double, GOAL1).length;
    expect(firstRules).toBeGreaterThan(1);
    // The officer clears two grades; the pane writes again.
    double.setCell(GOAL1, 'H8', null);
    double.setCell(MEMO, 'B2', null);
    const again = plan({
      writes: [gradeWrite(GOAL1, 'H8', 'Ｂ'), gradeWrite(MEMO, 'B2', 'Ａ')],
      formats: [standardColours(GOAL1, 'H6:H10'), standardColours(MEMO, 'B2:B2')],
    });
    const report = await host.applyPlan(again);
    expect(report.written).toBe(2);
    expect(double.getCell(GOAL1, 'H8').value).toBe('Ｂ');
    expect(double.getCell(MEMO, 'B2').value).toBe('Ａ');
    expect(report.skipped.map((p) => [p.code, p.sheet])).toEqual([
      ['oldRulesKept', GOAL1],
      ['oldRulesKept', MEMO],
    ]);
    expect(report.skipped[0]!.message).toMatch(/^「基本目標1」シートの以前の評価の色分けのルールを Excel が削除できなかったため.*評価は書き込みました/);
    // And undo of that write is complete: the cells are back and nothing is left to undo.
    const undo = await host.undoLastWrite();
    expect(double.getCell(GOAL1, 'H8').value).toBeNull();
    expect(double.getCell(MEMO, 'B2').value).toBeNull();
    expect(undo.problems.map((p) => [p.code, p.sheet])).toEqual([
      ['rulesNotRemoved', GOAL1],
      ['rulesNotRemoved', MEMO],
    ]);
    expect(await host.hasUndo()).toBe(false);
  });

  it('without the refusal, a second write replaces the old rules and reports nothing', async () => {
    const double = createWorkbookDouble(ledgerSheets());
    const host = createOfficeHost(double.run, { isSetSupported: double.isSetSupported });
    await host.applyPlan(twoSheetPlan());
    const first = ours(double, GOAL1).length;
    double.setCell(GOAL1, 'H8', null);
    const report = await host.applyPlan(plan({ writes: [gradeWrite(GOAL1, 'H8', 'Ｂ')], formats: [standardColours(GOAL1, 'H6:H10')] }));
    expect(report.skipped).toEqual([]);
    expect(ours(double, GOAL1)).toHaveLength(first);
  });
});
