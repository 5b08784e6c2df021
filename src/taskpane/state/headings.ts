/**
 * The heading of every table on screen (src/core/tableHeading.ts), by table key
 * ("sheet!A2:G9"), found once per evaluation from the grids that were read.
 */
import { rangeAddress, type SheetGrid } from '../../core/grid';
import { tableHeading } from '../../core/tableHeading';
import type { EvaluatedTable, Evaluation } from '../../core/types';

export const tableKey = (t: EvaluatedTable): string => `${t.table.sheet}!${rangeAddress(t.table.range)}`;

export function tableHeadings(evaluation: Evaluation | undefined, grids: readonly SheetGrid[] | undefined): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  if (!evaluation || !grids) return out;
  const bySheet = new Map(grids.map((g) => [g.name, g]));
  for (const et of evaluation.tables) {
    const grid = bySheet.get(et.table.sheet);
    const heading = grid ? tableHeading(grid, et.table) : undefined;
    if (heading) out.set(tableKey(et), heading);
  }
  return out;
}
