/**
 * Writes the 「KPI評価集計」 sheet (issue #12 item 2) through Office.js, and removes it again.
 *
 * Whose sheet it is: the add-in records the id of the sheet it made in a custom XML part of
 * its own namespace. A sheet of that name whose id is not the recorded one is the officer's:
 * it is never replaced (the result says so, with a problem naming the sheet), and nothing is
 * written. Our own earlier summary is replaced. No other sheet is touched.
 *
 * Syncs, whatever the size of the ledger: 1 read (existing sheet, its tables, the workbook's
 * table names, our record), 1 more to read the record's text when there is one, 1 to write the
 * sheet (values in one range, number formats per column, grade colours as the add-in's
 * conditional-format rules, the KPI list as an Excel table, the charts), 1 to record the new
 * sheet's id. `removeSummarySheet` (undo) takes at most 3; the table and charts go with the sheet.
 *
 * The table's name: 「KPI評価一覧」, unless another table in the workbook has it (names are
 * unique in the whole workbook, office-js #551): then 「KPI評価一覧2」, 3 …. Our own earlier
 * sheet's table does not count: it is deleted in the same request, before the new one is made.
 *
 * Charts (layout in core/summarySheet.ts): made from the グラフのデータ blocks, series by columns
 * (said, not "Auto": Excel on the web reads Auto as columns, desktop Excel guesses), the 経過率
 * series drawn as a line over the 進捗率 bars (ChartSeries.chartType, ExcelApi 1.7), each placed
 * over its slot of empty rows with setPosition, legend at the bottom for a narrow printed page.
 */
import { colourRulesFor } from '../core/colours';
import { cellAddress } from '../core/grid';
import { toGradeText } from '../core/gradeText';
import { makeProblem } from '../core/problems';
import type { SummarySheetContent } from '../core/summarySheet';
import type { GradeKey } from '../core/types';
import { gradeRuleFormulaFor, queueGradeRule } from './conditionalFormats';
import type { ExcelRun } from './excelRun';
import type { SummaryWriteResult } from '../core/host';
import { unwrapXml, wrapInXml } from './xmlPayload';

export const SUMMARY_SHEET_NAMESPACE = 'urn:kpi-ledger-addin:summary-sheet:v1';
const ROOT = 'kpiSummarySheet';

export type { SummaryWriteResult };

/** The sheet id in our record, or undefined when the record is missing or not ours. */
function recordedSheetId(xml: string | undefined): string | undefined {
  if (xml === undefined) return undefined;
  const element = unwrapXml(xml);
  if (!element || element.root !== ROOT) return undefined;
  try {
    const parsed = JSON.parse(element.text) as { sheetId?: unknown };
    return typeof parsed.sheetId === 'string' ? parsed.sheetId : undefined;
  } catch (error) {
    // A damaged record proves nothing: the sheet is then treated as the officer's (never replaced).
    void error;
    return undefined;
  }
}

/** Reads our record and the sheet of that name: the first one or two syncs of both operations. */
async function readOwnership(context: Excel.RequestContext, name: string) {
  const existing = context.workbook.worksheets.getItemOrNullObject(name);
  existing.load('id');
  // Table names in use, and those on the sheet of that name (ours are deleted with it).
  const tables = context.workbook.tables;
  tables.load('items/name');
  // Navigating to the sheet's tables queues a proxy in this same batch; it reads nothing
  // before the sync (the rule takes any property access for a read).
  // eslint-disable-next-line office-addins/call-sync-before-read
  const ownTables = existing.tables;
  ownTables.load('items/name');
  const parts = context.workbook.customXmlParts.getByNamespace(SUMMARY_SHEET_NAMESPACE);
  parts.load('items/id');
  await context.sync();
  const last = parts.items[parts.items.length - 1];
  let xml: string | undefined;
  if (last) {
    const result = last.getXml();
    await context.sync();
    xml = result.value;
  }
  const recorded = recordedSheetId(xml);
  const ours = !existing.isNullObject && recorded !== undefined && existing.id === recorded;
  const gone = new Set(ours ? ownTables.items.map((t) => t.name.toLowerCase()) : []);
  const takenTableNames = new Set(tables.items.map((t) => t.name.toLowerCase()).filter((n) => !gone.has(n)));
  return { existing, parts, recorded, ours, takenTableNames };
}

/** The name, or the name with the first free number after it; Excel compares table names without case. */
function freeTableName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base.toLowerCase())) return base;
  let n = 2;
  while (taken.has(`${base}${n}`.toLowerCase())) n++;
  return `${base}${n}`;
}

/** The change since last time in points, signed: 「+5.0ポイント」「-12.5ポイント」. */
const POINTS_FORMAT = '+0.0"ポイント";-0.0"ポイント";0.0"ポイント"';
/** A table style that prints clearly in black and white (banded rows, plain header). */
const TABLE_STYLE = 'TableStyleLight9';

function rangeOf(sheet: Excel.Worksheet, block: SummarySheetContent['kpiBlock']): Excel.Range {
  return sheet.getRangeByIndexes(block.top, block.left, block.bottom - block.top + 1, block.right - block.left + 1);
}

/** The charts over their slots (see the module comment). */
function queueCharts(sheet: Excel.Worksheet, content: SummarySheetContent): void {
  for (const spec of content.charts) {
    if (spec.data.bottom <= spec.data.top) continue; // nothing to draw
    const chart = sheet.charts.add(spec.chartType, rangeOf(sheet, spec.data), 'Columns');
    chart.title.text = spec.title;
    chart.legend.position = 'Bottom';
    for (const col of spec.lineColumns) chart.series.getItemAt(col - spec.data.left - 1).chartType = 'Line';
    chart.setPosition(sheet.getCell(spec.anchor.top, spec.anchor.left), sheet.getCell(spec.anchor.bottom, spec.anchor.right));
  }
}

/** Office.js wants a value in every cell: null becomes an empty cell (""). */
function cellValues(rows: SummarySheetContent['rows']): (string | number)[][] {
  return rows.map((r) => r.map((v) => (v === null ? '' : v)));
}

export async function writeSummarySheet(run: ExcelRun, content: SummarySheetContent): Promise<SummaryWriteResult> {
  return run(async (context) => {
    const { existing, parts, ours, takenTableNames } = await readOwnership(context, content.name);
    if (!existing.isNullObject && !ours) {
      return { kind: 'nameTaken', sheet: content.name, problem: makeProblem('summarySheetTaken', content.name, 'A1') };
    }
    const replaced = !existing.isNullObject;
    // Delete before adding: the new sheet takes the same name.
    if (replaced) existing.delete();
    const sheet = context.workbook.worksheets.add(content.name);
    const width = content.rows[0]?.length ?? 1;
    if (content.rows.length > 0) sheet.getRangeByIndexes(0, 0, content.rows.length, width).values = cellValues(content.rows);

    // Shares and rates as percentages, one range per column of each block.
    const format = (top: number, bottom: number, col: number, numberFormat = '0.0%') => {
      if (bottom < top) return;
      const n = bottom - top + 1;
      sheet.getRangeByIndexes(top, col, n, 1).numberFormat = Array.from({ length: n }, () => [numberFormat]);
    };
    for (const block of [content.goalBlock, content.departmentBlock]) {
      for (const col of content.percentColumns.counts) format(block.top + 1, block.bottom, col);
      for (const col of content.pointColumns) format(block.top + 1, block.bottom, col, POINTS_FORMAT);
    }
    for (const col of content.percentColumns.kpis) format(content.kpiBlock.top + 1, content.kpiBlock.bottom, col);
    for (const chart of content.charts) for (const col of chart.percentColumns) format(chart.data.top + 1, chart.data.bottom, chart.data.left + col, '0%');

    // The KPI list as an Excel table: sortable and filterable (not made when there is no KPI).
    if (content.kpiTable.block.bottom > content.kpiTable.block.top) {
      const table = sheet.tables.add(rangeOf(sheet, content.kpiTable.block), true);
      table.name = freeTableName(content.kpiTable.name, takenTableNames);
      table.style = TABLE_STYLE;
    }

    // Grade colours: the add-in's own rules (spec §7) on the KPI list's grade column.
    const gradeCol = content.gradeCells[0]?.col;
    if (gradeCol !== undefined && content.kpiBlock.bottom > content.kpiBlock.top) {
      const top = cellAddress(content.kpiBlock.top + 1, gradeCol);
      const range = `${top}:${cellAddress(content.kpiBlock.bottom, gradeCol)}`;
      const keys = [...new Set(content.gradeCells.map((g) => g.key))] as GradeKey[];
      for (const rule of colourRulesFor(keys.map((key) => ({ key, text: toGradeText(key, 'full') })))) {
        queueGradeRule(sheet, range, gradeRuleFormulaFor(range, rule), rule);
      }
    }
    queueCharts(sheet, content);
    sheet.load('id');
    await context.sync();

    // Record the new sheet as ours: add first, then delete the old record.
    context.workbook.customXmlParts.add(wrapInXml(ROOT, SUMMARY_SHEET_NAMESPACE, { version: '1' }, JSON.stringify({ sheetId: sheet.id })));
    for (const part of parts.items) part.delete();
    await context.sync();
    return { kind: 'written', sheet: content.name, replaced };
  });
}

/**
 * Undo: removes the summary sheet the add-in made, and its record. A sheet of that name the
 * add-in did not make stays. True when a sheet was removed.
 */
export async function removeSummarySheet(run: ExcelRun, name: string): Promise<boolean> {
  return run(async (context) => {
    const { existing, parts, ours } = await readOwnership(context, name);
    if (ours) existing.delete();
    for (const part of parts.items) part.delete();
    if (ours || parts.items.length > 0) await context.sync();
    return ours;
  });
}
