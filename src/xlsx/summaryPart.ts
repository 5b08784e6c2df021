/**
 * `--summary` (issue #12): the 「KPI評価集計」 sheet added to the `--out` copy through the package
 * patcher. What changes in the package: one new worksheet part (cells as inline strings and
 * numbers, no shared strings or styles touched), its Override in [Content_Types].xml, one
 * relationship in the workbook's rels, and one `<sheet>` element inserted before `</sheets>`
 * in workbook.xml — every other byte of workbook.xml stays. Nothing else is rebuilt.
 *
 * A sheet of that name already in the file is never replaced: a file carries no record of who
 * made it (the pane's custom XML record is the pane's), so the copy is written without a
 * summary and the problem says what to do.
 *
 * Not here (said in the README): number formats (shares are fractions, 0.2 = 20 %), grade
 * colours, the table object and charts; docProps/app.xml's list of sheet titles is left as is
 * (Excel and LibreOffice read the sheets from workbook.xml).
 */
import { cellAddress } from '../core/grid';
import { makeProblem } from '../core/problems';
import type { SheetValue, SummarySheetContent } from '../core/summarySheet';
import type { Problem } from '../core/types';
import type { LoadedWorkbook } from './readWorkbook';
import { escapeAttribute, escapeXstring } from './xml';

const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const WORKSHEET_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

export type SummaryAddResult = { readonly kind: 'added'; readonly part: string } | { readonly kind: 'nameTaken'; readonly problem: Problem };

function cellXml(row: number, col: number, value: SheetValue): string {
  if (value === null || value === '') return '';
  const r = cellAddress(row, col);
  if (typeof value === 'number') return Number.isFinite(value) ? `<c r="${r}"><v>${value}</v></c>` : '';
  // xml:space keeps the leading ideographic space of an indented 基本的方向.
  return `<c r="${r}" t="inlineStr"><is><t xml:space="preserve">${escapeXstring(value)}</t></is></c>`;
}

/** The worksheet part's XML for the content. */
export function summaryWorksheetXml(content: SummarySheetContent): string {
  const rows = content.rows
    .map((cells, row) => {
      const body = cells.map((v, col) => cellXml(row, col, v)).join('');
      return body === '' ? '' : `<row r="${row + 1}">${body}</row>`;
    })
    .join('');
  // Column A wide enough for a goal's heading, the rest for counts.
  const cols = '<cols><col min="1" max="1" width="48" customWidth="1"/><col min="2" max="16" width="12" customWidth="1"/></cols>';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${cols}<sheetData>${rows}</sheetData></worksheet>`;
}

/** Adds the summary sheet as the last sheet of the package. */
export function addSummarySheet(loaded: LoadedWorkbook, content: SummarySheetContent): SummaryAddResult {
  if (loaded.info.sheets.some((s) => s.name === content.name)) {
    return { kind: 'nameTaken', problem: makeProblem('summarySheetTaken', content.name, 'A1') };
  }
  const { pkg } = loaded;
  const workbookPart = loaded.info.part;
  const xml = pkg.text(workbookPart);
  const close = /<\/([A-Za-z_][\w.-]*:)?sheets\s*>/.exec(xml);
  if (!close) throw new Error(`${workbookPart}: no </sheets>`);

  const part = pkg.freeName((n) => `xl/worksheets/sheet${n}.xml`);
  pkg.add(part, summaryWorksheetXml(content), WORKSHEET_TYPE);
  const id = pkg.addRelationship(workbookPart, WORKSHEET_REL, part);

  const sheetIds = [...xml.matchAll(/<(?:[\w.-]+:)?sheet\b[^>]*\ssheetId="(\d+)"/g)].map((m) => Number(m[1]));
  const sheetId = Math.max(0, ...sheetIds) + 1;
  const prefix = close[1] ?? '';
  // The workbook's own prefix for the relationships namespace, else one declared on the element.
  const relPrefix = new RegExp(String.raw`xmlns:([\w.-]+)="${REL_NS.replace(/[./]/g, '\\$&')}"`).exec(xml)?.[1];
  const idAttr = relPrefix ? `${relPrefix}:id="${id}"` : `xmlns:r="${REL_NS}" r:id="${id}"`;
  const element = `<${prefix}sheet name="${escapeAttribute(content.name)}" sheetId="${sheetId}" ${idAttr}/>`;
  pkg.replace(workbookPart, xml.slice(0, close.index) + element + xml.slice(close.index));
  return { kind: 'added', part };
}
