/**
 * Shows the officer a cell: activates its sheet and selects it (ExcelApi 1.1).
 */
import { HostError } from './errors';
import type { ExcelRun } from './excelRun';

export async function selectCell(run: ExcelRun, sheet: string, address: string): Promise<void> {
  try {
    await run(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      worksheet.activate();
      worksheet.getRange(address).select();
      await context.sync();
    });
  } catch (error) {
    throw HostError.from('selectFailed', error, { sheet, cell: address });
  }
}
