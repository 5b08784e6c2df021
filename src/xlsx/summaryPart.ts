/**
 * `--summary` (issue #12): the 「KPI評価集計」 sheet added to the `--out` copy through the package
 * patcher. What changes in the package:
 *   - new parts: the worksheet (cells as inline strings and numbers, no shared strings), the KPI
 *     list's table part, the drawing and one chart part per chart, and their rels;
 *   - their Overrides in [Content_Types].xml, one relationship in the workbook's rels and one
 *     `<sheet>` element inserted before `</sheets>` in workbook.xml;
 *   - styles.xml: cell formats appended (percent, grade colours, the title's bold font), none
 *     changed, so every existing cell keeps its format.
 * Nothing else is rebuilt.
 *
 * A sheet of that name already in the file is never replaced: a file carries no record of who
 * made it (the pane's custom XML record is the pane's), so the copy is written without a
 * summary and the problem says what to do.
 *
 * docProps/app.xml's list of sheet titles is left as is (Excel and LibreOffice read the sheets
 * from workbook.xml).
 */
import type { GradeColour } from '../core/colours';
import { cellAddress } from '../core/grid';
import { makeProblem } from '../core/problems';
import type { SheetValue, SummarySheetContent } from '../core/summarySheet';
import type { GradeKey, Problem } from '../core/types';
import { addCellFormats, type CellFormatRequest } from './cellStylesPatch';
import { chartSpaceXml, drawingXml } from './chartXml';
import type { LoadedWorkbook } from './readWorkbook';
import { TABLE_TYPE, freeTableName, tableXml, takenTableNames } from './tablePart';
import { escapeAttribute, escapeXstring } from './xml';

const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const DRAWING_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CHART_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WORKSHEET_REL = `${REL_NS}/worksheet`;
const TABLE_REL = `${REL_NS}/table`;
const DRAWING_REL = `${REL_NS}/drawing`;
const CHART_REL = `${REL_NS}/chart`;
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** The change since last time in points, as the pane formats it (src/excel/summarySheet.ts). */
const POINTS_FORMAT = '+0.0"ポイント";-0.0"ポイント";0.0"ポイント"';

export type SummaryAddResult = { readonly kind: 'added'; readonly part: string } | { readonly kind: 'nameTaken'; readonly problem: Problem };

/** The colours the layout does not say. */
export interface SummaryDecorations {
  /** The preset's grade colours (spec §7), for the KPI list's grade cells. */
  readonly colours: Readonly<Partial<Record<GradeKey, GradeColour>>>;
  /** The grade counts chart's bar series, in order ("#RRGGBB"): each grade's fill, then 評価不能's. */
  readonly gradeSeriesColours: readonly (string | undefined)[];
}

/** Cell style index by "row,col"; absent: the default (0). */
type StyleMap = ReadonlyMap<string, number>;

function cellXml(row: number, col: number, value: SheetValue, style: number | undefined): string {
  if (value === null || value === '') return '';
  const r = cellAddress(row, col);
  const s = style === undefined ? '' : ` s="${style}"`;
  if (typeof value === 'number') return Number.isFinite(value) ? `<c r="${r}"${s}><v>${value}</v></c>` : '';
  // xml:space keeps the leading ideographic space of an indented 基本的方向.
  return `<c r="${r}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXstring(value)}</t></is></c>`;
}

/** The parts the sheet points at, by relationship id. */
interface SheetLinks {
  readonly drawing?: string;
  readonly table?: string;
}

/** The worksheet part's XML for the content. */
function summaryWorksheetXml(content: SummarySheetContent, styles: StyleMap = new Map(), links: SheetLinks = {}): string {
  const rows = content.rows
    .map((cells, row) => {
      const body = cells.map((v, col) => cellXml(row, col, v, styles.get(`${row},${col}`))).join('');
      return body === '' ? '' : `<row r="${row + 1}">${body}</row>`;
    })
    .join('');
  // Column A wide enough for a goal's heading, C for an indicator's name, K for a reason; the rest for counts.
  const cols =
    '<cols><col min="1" max="1" width="48" customWidth="1"/><col min="2" max="2" width="14" customWidth="1"/><col min="3" max="3" width="36" customWidth="1"/>' +
    '<col min="4" max="10" width="12" customWidth="1"/><col min="11" max="11" width="40" customWidth="1"/><col min="12" max="16" width="14" customWidth="1"/></cols>';
  // A4, fitted to the page width: the sheet prints as the committee's hand-out.
  const print = '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>';
  const drawing = links.drawing ? `<drawing r:id="${links.drawing}"/>` : '';
  const table = links.table ? `<tableParts count="1"><tablePart r:id="${links.table}"/></tableParts>` : '';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>${cols}<sheetData>${rows}</sheetData>${print}${drawing}${table}</worksheet>`
  );
}

const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;

/** The cell formats the sheet needs, added to styles.xml; their indexes by cell. */
function addStyles(loaded: LoadedWorkbook, content: SummarySheetContent, colours: SummaryDecorations['colours']): StyleMap {
  const stylesPart = loaded.info.stylesPart;
  const styles = new Map<string, number>();
  // A package without styles.xml (rare, hand-made) gets the values without formats.
  if (!stylesPart) return styles;
  const grades = [...new Set(content.gradeCells.map((g) => g.key))].filter((k) => colours[k] !== undefined);
  const requests: CellFormatRequest[] = [
    { numberFormat: '0.0%' },
    { bold: true },
    { numberFormat: POINTS_FORMAT },
    { numberFormat: '0%' },
    ...grades.map((k) => ({ fillColour: argb(colours[k]!.fill), fontColour: argb(colours[k]!.fontColor), bold: true, horizontal: 'center' as const })),
  ];
  const xml = loaded.pkg.text(stylesPart);
  const { xml: patched, ids } = addCellFormats(xml, stylesPart, requests);
  if (patched !== xml) loaded.pkg.replace(stylesPart, patched);
  const [percent, bold, points, wholePercent] = ids as [number, number, number, number];
  const gradeStyle = new Map(grades.map((k, i) => [k, ids[4 + i]!]));

  const dataRows = (b: SummarySheetContent['goalBlock']) => Array.from({ length: b.bottom - b.top }, (_, i) => b.top + 1 + i);
  for (const block of [content.goalBlock, content.departmentBlock]) {
    styles.set(`${block.top},0`, bold);
    for (const row of dataRows(block)) for (const col of content.percentColumns.counts) styles.set(`${row},${col}`, percent);
    for (const row of dataRows(block)) for (const col of content.pointColumns) styles.set(`${row},${col}`, points);
  }
  for (const row of dataRows(content.kpiBlock)) for (const col of content.percentColumns.kpis) styles.set(`${row},${col}`, percent);
  for (const chart of content.charts) {
    for (const row of dataRows(chart.data)) for (const col of chart.percentColumns) styles.set(`${row},${chart.data.left + col}`, wholePercent);
  }
  styles.set('0,0', bold);
  for (const g of content.gradeCells) {
    const s = gradeStyle.get(g.key);
    if (s !== undefined) styles.set(`${g.row},${g.col}`, s);
  }
  return styles;
}

/** Adds the summary sheet as the last sheet of the package, with its table, formats and charts. */
export function addSummarySheet(loaded: LoadedWorkbook, content: SummarySheetContent, decorations: SummaryDecorations): SummaryAddResult {
  if (loaded.info.sheets.some((s) => s.name === content.name)) {
    return { kind: 'nameTaken', problem: makeProblem('summarySheetTaken', content.name, 'A1') };
  }
  const { pkg } = loaded;
  const workbookPart = loaded.info.part;
  const xml = pkg.text(workbookPart);
  const close = /<\/([A-Za-z_][\w.-]*:)?sheets\s*>/.exec(xml);
  if (!close) throw new Error(`${workbookPart}: no </sheets>`);
  const taken = takenTableNames(pkg, workbookPart);

  const part = pkg.freeName((n) => `xl/worksheets/sheet${n}.xml`);
  pkg.add(part, summaryWorksheetXml(content), WORKSHEET_TYPE);
  const styles = addStyles(loaded, content, decorations.colours);

  // The KPI list as a table, when it has a row (Excel's tables need one below the header).
  let table: string | undefined;
  const kpis = content.kpiTable.block;
  if (kpis.bottom > kpis.top) {
    const tablePart = pkg.freeName((n) => `xl/tables/table${n}.xml`);
    const id = Math.max(0, ...taken.ids) + 1;
    const columns = content.rows[kpis.top]!.slice(kpis.left, kpis.right + 1).map((v) => String(v ?? ''));
    pkg.add(tablePart, tableXml(id, freeTableName(content.kpiTable.name, taken.names), kpis, columns), TABLE_TYPE);
    table = pkg.addRelationship(part, TABLE_REL, tablePart);
  }

  let drawing: string | undefined;
  if (content.charts.length > 0) {
    const drawingPart = pkg.freeName((n) => `xl/drawings/drawing${n}.xml`);
    const cell = (row: number, col: number): SheetValue => content.rows[row]?.[col] ?? null;
    pkg.add(drawingPart, drawingXml([]), DRAWING_TYPE);
    const placed = content.charts.map((chart) => {
      const chartPart = pkg.freeName((n) => `xl/charts/chart${n}.xml`);
      const colours = chart.kind === 'gradeCounts' ? decorations.gradeSeriesColours : [];
      pkg.add(chartPart, chartSpaceXml(chart, content.name, cell, colours), CHART_TYPE);
      return { slot: chart.anchor, relId: pkg.addRelationship(drawingPart, CHART_REL, chartPart), title: chart.title };
    });
    pkg.replace(drawingPart, drawingXml(placed));
    drawing = pkg.addRelationship(part, DRAWING_REL, drawingPart);
  }
  pkg.replace(part, summaryWorksheetXml(content, styles, { ...(drawing ? { drawing } : {}), ...(table ? { table } : {}) }));

  const id = pkg.addRelationship(workbookPart, WORKSHEET_REL, part);
  const sheetIds = [...xml.matchAll(/<(?:[\w.-]+:)?sheet\b[^>]*\ssheetId="(\d+)"/g)].map((m) => Number(m[1]));
  const sheetId = Math.max(0, ...sheetIds) + 1;
  const prefix = close[1] ?? '';
  // The root element's prefix for the relationships namespace, else one declared on the element.
  // Only the root's counts: openpyxl declares xmlns:r on each <sheet>, where it does not reach ours.
  const root = /<(?:[\w.-]+:)?workbook\b[^>]*>/.exec(xml)?.[0] ?? '';
  const relPrefix = new RegExp(String.raw`xmlns:([\w.-]+)="${REL_NS.replace(/[./]/g, '\\$&')}"`).exec(root)?.[1];
  const idAttr = relPrefix ? `${relPrefix}:id="${id}"` : `xmlns:r="${REL_NS}" r:id="${id}"`;
  const element = `<${prefix}sheet name="${escapeAttribute(content.name)}" sheetId="${sheetId}" ${idAttr}/>`;
  pkg.replace(workbookPart, xml.slice(0, close.index) + element + xml.slice(close.index));
  return { kind: 'added', part };
}
