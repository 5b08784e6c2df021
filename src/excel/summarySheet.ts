/**
 * Writes the 「KPI評価集計」 sheet (issue #12 item 2) through Office.js, and removes it again.
 *
 * Whose sheet it is: the add-in records the id of the sheet it made in a custom XML part of
 * its own namespace. A sheet of that name whose id is not the recorded one is the officer's:
 * it is never replaced (the result says so, with a problem naming the sheet), and nothing is
 * written. Our own earlier summary is replaced. No other sheet is touched.
 *
 * Syncs, whatever the size of the ledger: 1 read (existing sheet, our record), 1 more to read
 * the record's text when there is one, 1 to write the sheet (values in one range, number
 * formats per column, grade colours as the add-in's conditional-format rules), 1 to record
 * the new sheet's id. `removeSummarySheet` (undo) takes at most 3.
 *
 * Not yet: the KPI list as an Excel table object and the Excel charts (the double models
 * neither); the HTML report (`--report`) has the charts.
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
  return { existing, parts, recorded, ours: !existing.isNullObject && recorded !== undefined && existing.id === recorded };
}

/** Office.js wants a value in every cell: null becomes an empty cell (""). */
function cellValues(rows: SummarySheetContent['rows']): (string | number)[][] {
  return rows.map((r) => r.map((v) => (v === null ? '' : v)));
}

export async function writeSummarySheet(run: ExcelRun, content: SummarySheetContent): Promise<SummaryWriteResult> {
  return run(async (context) => {
    const { existing, parts, ours } = await readOwnership(context, content.name);
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
    const percent = (top: number, bottom: number, col: number) => {
      if (bottom < top) return;
      const n = bottom - top + 1;
      sheet.getRangeByIndexes(top, col, n, 1).numberFormat = Array.from({ length: n }, () => ['0.0%']);
    };
    for (const block of [content.goalBlock, content.departmentBlock]) {
      for (const col of content.percentColumns.counts) percent(block.top + 1, block.bottom, col);
    }
    for (const col of content.percentColumns.kpis) percent(content.kpiBlock.top + 1, content.kpiBlock.bottom, col);

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
