/**
 * The double's `readBook` in Node: a base64 .xlsx read by the project's own reader
 * (src/xlsx/readWorkbook.ts) into the double's sheets — values, displayed text, number
 * formats, formulas, merged areas and protection, as Excel would bring them in.
 */
import { readWorkbook } from '../../src/xlsx/readWorkbook';
import { rectAddress, type CellInput, type SheetSpec } from './workbookDoubleModel';

export function readBookForDouble(base64: string): SheetSpec[] {
  const { grids } = readWorkbook(new Uint8Array(Buffer.from(base64, 'base64')));
  return grids.map((g) => ({
    name: g.name,
    cells: Array.from({ length: g.rows.length }, (_, r) =>
      Array.from({ length: g.rows[r]?.length ?? 0 }, (_, c): CellInput => {
        const cell = g.rows[r]?.[c];
        if (!cell) return null;
        return {
          value: cell.value,
          text: cell.text,
          ...(cell.numberFormat !== undefined && { numberFormat: cell.numberFormat }),
          ...(cell.formula !== undefined && { formula: cell.formula }),
        };
      }),
    ),
    merges: g.merges.map((m) => rectAddress(m)),
    ...(g.protected && { protected: true }),
  }));
}
