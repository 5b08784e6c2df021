/**
 * Helpers every workbook-double object shares: the model behind a context, and the
 * checks Excel makes before a change (sheet still there, sheet not protected).
 */
import type { DoubleContext } from './workbookDoubleCore';
import { doubleErrors } from './workbookDoubleErrors';
import type { Rect, SheetModel, WorkbookModel } from './workbookDoubleModel';

export function model(ctx: DoubleContext): WorkbookModel {
  return ctx.env.model;
}

export function assertEditable(sheet: SheetModel, where: string): void {
  if (sheet.protected) throw doubleErrors.accessDenied(where);
}

export function assertAlive(ctx: DoubleContext, sheet: SheetModel, where: string): SheetModel {
  if (!model(ctx).sheets.includes(sheet)) throw doubleErrors.itemNotFound(where);
  return sheet;
}

/** Excel finds sheets by name without regard to case, or by id. */
export function findSheet(ctx: DoubleContext, key: string): SheetModel | undefined {
  const k = key.toLowerCase();
  return model(ctx).sheets.find((s) => s.name.toLowerCase() === k || s.id === key);
}

/** What a Range proxy resolves to. */
export interface RangeTarget {
  readonly sheet: SheetModel;
  readonly rect: Rect;
}
