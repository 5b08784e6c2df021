/**
 * An Excel table (ListObject) part for a block of a sheet the add-in writes: the summary
 * sheet's KPI list becomes sortable and filterable. A table's id and name must be unique in the
 * whole workbook, and its name must not be a defined name either (they share one namespace in
 * formulas), so the existing tables and names are read first and a free id and name chosen.
 */
import { rangeAddress } from '../core/grid';
import type { SheetBlock } from '../core/summarySheet';
import type { XlsxPackage } from './package';
import { escapeAttribute, walkXml } from './xml';

export const TABLE_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** Ids and names (lower case: Excel compares them without case) of every table, and the defined names. */
export function takenTableNames(pkg: XlsxPackage, workbookPart: string): { ids: Set<number>; names: Set<string> } {
  const ids = new Set<number>();
  const names = new Set<string>();
  for (const part of pkg.partNames()) {
    if (pkg.contentType(part) !== TABLE_TYPE) continue;
    walkXml(pkg.text(part), part, {
      open(name, a) {
        if (name !== 'table') return;
        if (a.id !== undefined) ids.add(Number(a.id));
        for (const n of [a.name, a.displayName]) if (n !== undefined) names.add(n.toLowerCase());
      },
    });
  }
  walkXml(pkg.text(workbookPart), workbookPart, {
    open(name, a) {
      if (name === 'definedName' && a.name !== undefined) names.add(a.name.toLowerCase());
    },
  });
  return { ids, names };
}

/** The first of "KPI評価一覧", "KPI評価一覧2", … not taken. */
export function freeTableName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}${n}`.toLowerCase())) return `${base}${n}`;
}

/**
 * The table part's XML. The header cells must hold exactly these column names (Excel repairs a
 * table whose names differ from its header row); names must be unique, which the caller's layout
 * guarantees (checked: a duplicate would make Excel repair the file).
 */
export function tableXml(id: number, name: string, block: SheetBlock, columns: readonly string[]): string {
  if (new Set(columns.map((c) => c.toLowerCase())).size !== columns.length) throw new Error(`tableXml: duplicate column names in ${name}`);
  const ref = rangeAddress(block);
  // The same table style as the pane gives it (src/excel/summarySheet.ts).
  const cols = columns.map((c, i) => `<tableColumn id="${i + 1}" name="${escapeAttribute(c)}"/>`).join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<table xmlns="${MAIN_NS}" id="${id}" name="${escapeAttribute(name)}" displayName="${escapeAttribute(name)}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${columns.length}">${cols}</tableColumns>` +
    `<tableStyleInfo name="TableStyleLight9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}
