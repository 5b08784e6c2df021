/** Excel's Worksheet.visibility in core's words (src/core/grid.ts SheetVisibility). */
import type { SheetVisibility } from '../core/grid';

const VISIBILITY: Readonly<Record<string, SheetVisibility>> = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' };

/** A value Excel may add later reads as visible: it is written as before, never refused by surprise. */
export function sheetVisibility(worksheet: Excel.Worksheet): SheetVisibility {
  return VISIBILITY[worksheet.visibility] ?? 'visible';
}
