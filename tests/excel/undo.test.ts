/**
 * Undo from the snapshot in the workbook: every cell back exactly (values,
 * formulas, empty cells), the add-in's rules and notes gone, the officer's kept;
 * also from a new host (the pane was closed and reopened); a protected sheet is
 * reported and kept for later while the rest is restored.
 */
import { describe, expect, it } from 'vitest';
import { HostError } from '../../src/excel/errors';
import { createOfficeHost } from '../../src/excel/officeHost';
import { snapshotToParts, UNDO_NAMESPACE, type UndoSnapshot } from '../../src/excel/undoSnapshot';
import { createWorkbookDouble } from '../support/workbookDouble';
import { GOAL1, MEMO, gradeWrite, ledgerSheets, plan, standardColours } from '../support/workbookDoubleLedger';

function setUp() {
  const double = createWorkbookDouble(ledgerSheets());
  const newHost = () => createOfficeHost(double.run, { isSetSupported: double.isSetSupported });
  return { double, host: newHost(), newHost };
}

const fullPlan = () =>
  plan({
    writes: [
      gradeWrite(GOAL1, 'H8', 'Ａ'),
      gradeWrite(GOAL1, 'H10', 'Ｃ', { value: 5 }),
      gradeWrite(MEMO, 'B2', 'Ｓ', { value: 'ヒアリング済' }),
      gradeWrite(MEMO, 'A1', '7', { value: '令和6年度 進捗確認のメモ' }),
    ],
    notes: [
      { sheet: GOAL1, address: 'H8', text: '進捗率 75%（経過 60%）→ Ａ 順調' },
      { sheet: MEMO, address: 'B2', text: '目標達成 → Ｓ' }, // the officer's note is there: kept
    ],
    formats: [standardColours(GOAL1, 'H6:H10'), standardColours(MEMO, 'B2:B2')],
  });

describe('undoLastWrite', () => {
  it('restores every cell exactly and removes the rules and notes it added', async () => {
    const { double, host } = setUp();
    double.addConditionalFormat(GOAL1, 'H6:H10', { formula: '=H6="要確認"', fill: '#FFFF00' });
    const before = double.allCells();
    const userRules = double.conditionalFormats(GOAL1);
    expect(await host.hasUndo()).toBe(false);

    await host.applyPlan(fullPlan());
    expect(await host.hasUndo()).toBe(true);
    expect(double.allCells()).not.toEqual(before);

    double.resetCounters();
    const report = await host.undoLastWrite();
    expect(report).toEqual({ restored: 4, problems: [] });
    // Undo itself: 4; one more asks whether a history entry must go with it (none here).
    expect(double.syncCount).toBeLessThanOrEqual(5);
    expect(double.allCells()).toEqual(before);
    expect(double.getCell(GOAL1, 'H10')).toMatchObject({ value: 5, text: '5', numberFormat: '0' });
    expect(double.getCell(MEMO, 'A1').value).toBe('令和6年度 進捗確認のメモ');
    expect(double.conditionalFormats(GOAL1)).toEqual(userRules);
    expect(double.conditionalFormats(MEMO)).toEqual([]);
    expect(await host.hasUndo()).toBe(false);
    expect(double.customXmlParts(UNDO_NAMESPACE)).toEqual([]);
  });

  it('works from a new host over the same workbook, as after reopening the pane', async () => {
    const { double, host, newHost } = setUp();
    const before = double.allCells();
    await host.applyPlan(fullPlan());
    const reopened = newHost();
    expect(await reopened.hasUndo()).toBe(true);
    await expect(reopened.undoLastWrite()).resolves.toMatchObject({ restored: 4 });
    expect(double.allCells()).toEqual(before);
  });

  it('undoes only the last write: the first run’s grades come back after undoing the second', async () => {
    const { double, host } = setUp();
    await host.applyPlan(plan({ writes: [gradeWrite(GOAL1, 'H8', 'Ｂ')] }));
    const afterFirst = double.allCells();
    await host.applyPlan(plan({ writes: [gradeWrite(GOAL1, 'H8', 'Ａ', { value: 'Ｂ' }), gradeWrite(MEMO, 'C1', 'Ｓ')] }));
    await host.undoLastWrite();
    expect(double.allCells()).toEqual(afterFirst);
    expect(await host.hasUndo()).toBe(false);
  });

  it('restores formulas as formulas', async () => {
    const { double, host } = setUp();
    // A snapshot as a write over formula cells would leave it (the adapter itself never writes over formulas).
    const snapshot: UndoSnapshot = {
      version: 1,
      takenAt: '2025-01-01T00:00:00.000Z',
      cells: [
        { sheet: GOAL1, address: 'H9', row: 8, col: 7, value: 'Ｂ', formula: '=IF(F9>=G9,"Ｓ","Ｂ")' },
        { sheet: GOAL1, address: 'H10', row: 9, col: 7, value: 5 },
        { sheet: GOAL1, address: 'I10', row: 9, col: 8, value: null },
      ],
      rules: [],
      notes: [],
    };
    double.setCell(GOAL1, 'H9', 'Ａ');
    double.setCell(GOAL1, 'H10', 'Ａ');
    double.setCell(GOAL1, 'I10', 'Ａ');
    for (const xml of snapshotToParts(snapshot, 'planted')) double.addCustomXmlPart(xml);
    await expect(host.undoLastWrite()).resolves.toEqual({ restored: 3, problems: [] });
    expect(double.getCell(GOAL1, 'H9')).toMatchObject({ formula: '=IF(F9>=G9,"Ｓ","Ｂ")', value: 'Ｂ', text: 'Ｂ' });
    expect(double.getCell(GOAL1, 'H10')).toMatchObject({ value: 5, formula: undefined });
    expect(double.getCell(GOAL1, 'I10')).toMatchObject({ value: null, text: '' });
  });

  it('reports a sheet protected since, restores the rest, and can finish after unprotecting', async () => {
    const { double, host } = setUp();
    const before = double.allCells();
    await host.applyPlan(fullPlan());
    double.setProtected(MEMO, true);
    const first = await host.undoLastWrite();
    expect(first.problems.map((p) => [p.code, p.sheet])).toEqual([['sheetProtected', MEMO]]);
    expect(first.restored).toBe(2);
    expect(double.allCells()[GOAL1]).toEqual(before[GOAL1]);
    expect(double.getCell(MEMO, 'B2').value).toBe('Ｓ');
    expect(await host.hasUndo()).toBe(true);

    double.setProtected(MEMO, false);
    await expect(host.undoLastWrite()).resolves.toEqual({ restored: 2, problems: [] });
    expect(double.allCells()).toEqual(before);
    expect(double.conditionalFormats(MEMO)).toEqual([]);
    expect(await host.hasUndo()).toBe(false);
  });

  it('does nothing when there is nothing to undo, and refuses a damaged snapshot', async () => {
    const { double, host } = setUp();
    await expect(host.undoLastWrite()).resolves.toEqual({ restored: 0, problems: [] });
    double.addCustomXmlPart(`<kpiUndo xmlns="${UNDO_NAMESPACE}" snapshot="x" part="1" of="2">{"version":1,</kpiUndo>`);
    const damaged = host.undoLastWrite();
    await expect(damaged).rejects.toBeInstanceOf(HostError);
    await expect(host.undoLastWrite()).rejects.toMatchObject({ code: 'undoDamaged' });
  });
});
