/**
 * The officer's own words written from the pane (issue 13), one small Excel.run each: the cells
 * are checked to still hold what the pane showed (a cell changed meanwhile is refused, never
 * overwritten), written, and the 方向性 cells given the drop-down list where they have no data
 * validation of their own (ExcelApi 1.8). Undo is the same operation the other way round
 * (core/officerWords.ts undoOf). Grade cells are never among the cells: the core plans only
 * officer columns.
 */
import { DIRECTION_LIST_SOURCE, sameSnapshot, type OfficerWrite, type OfficerWriteResult } from '../core/officerWords';
import type { CellSnapshot } from '../core/types';
import { formulaOf, snapshotInput } from './cellInput';
import { HostError } from './errors';
import type { ExcelRun } from './excelRun';

function snapshotOf(range: Excel.Range): CellSnapshot {
  const value = range.values[0]![0] as CellSnapshot['value'];
  const formula = formulaOf(range.formulas[0]![0], value);
  return formula ? { value, formula } : { value: value === '' ? null : value };
}

export async function writeOfficerCells(run: ExcelRun, write: OfficerWrite): Promise<OfficerWriteResult> {
  try {
    return await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(write.sheet);
      sheet.load('protection/protected');
      const cells = write.changes.map((c) => sheet.getRange(c.address).load('values,formulas'));
      const lists = write.addList.map((address) => ({ address, validation: sheet.getRange(address).dataValidation.load('type') }));
      const ours = write.clearList.map((address) => ({ address, validation: sheet.getRange(address).dataValidation.load('type,rule') }));
      await context.sync();
      if (sheet.protection.protected) return { kind: 'protected' } as const;
      const changed = write.changes.filter((c, i) => !sameSnapshot(snapshotOf(cells[i]!), c.expected)).map((c) => c.address);
      if (changed.length > 0) return { kind: 'changed', cells: changed } as const;
      write.changes.forEach((c, i) => {
        const input = [[snapshotInput(c.next)]];
        if (c.next.formula !== undefined) cells[i]!.formulas = input;
        else cells[i]!.values = input;
      });
      // The officer's own validation (any type) stays as it is: only cells without one get the list.
      const listAdded = lists.filter((l) => l.validation.type === 'None').map((l) => l.address);
      for (const address of listAdded) sheet.getRange(address).dataValidation.rule = { list: { inCellDropDown: true, source: DIRECTION_LIST_SOURCE } };
      // Undo takes off the list the add-in added, and only while it is still ours as added.
      for (const { validation } of ours) if (validation.type === 'List' && validation.rule.list?.source === DIRECTION_LIST_SOURCE) validation.clear();
      await context.sync();
      return { kind: 'written', listAdded } as const;
    });
  } catch (error) {
    throw HostError.from('officerWriteFailed', error, { sheet: write.sheet, cells: write.changes.map((c) => c.address).join(', ') });
  }
}
