/**
 * Layouts other than "one header row, one row per KPI" (issue #8, item 2). Each reader lives in
 * its own module and yields the same KpiTable / KpiRow objects as the standard reader, so the
 * grading, the pane, the command line and the write plan need nothing new.
 *
 * The hook in scanSheet is two calls:
 *   - yieldsToLayout(view, header): a standard header whose body is labelled 目標 / 実績 rows
 *     (a years-across sheet) is left to the years-across reader, not read one row per KPI;
 *   - readLayouts(view, claims, result): after the standard scan, the cells no table has claimed
 *     are walked once; a cell that may start a layout (a 目標 / 実績 label, an arrow line) is
 *     handed to its reader, and each table read is claimed in turn.
 * A sheet of standard tables has few unclaimed cells (titles, headings, notes), so the walk
 * costs next to nothing there; the per-cell test is a character comparison or two.
 */
import { cellAddress, rangeAddress } from '../../grid';
import { makeProblem } from '../../problems';
import type { KpiTable, Problem } from '../../types';
import type { HeaderLayout } from '../headerRow';
import type { SheetView } from '../sheetView';
import { readArrowLines, mayHoldArrow } from './arrowLines';
import { readCaptionTable, mayStartCaptionTable } from './captionTables';
import { markRows, type Claims } from './claims';
import { readNameValueCells, mayBeIndicatorHeader } from './nameValueCells';
import { mergeResults } from './planResults';
import { mayBeValueKind } from './kinds';
import { readYearsAcross, startsYearsAcross } from './yearsAcross';

export { Claims } from './claims';

/** Does this standard header head a years-across body (目標 / 実績 labels in its first rows)? */
export function yieldsToLayout(view: SheetView, header: HeaderLayout): boolean {
  const below = header.bottom + 1;
  // Over the whole row: the 区分 labels may stand right of what the standard header spans
  // (a plan block of 指標 / 基準値 / 目標値 with the yearly results beside it).
  const width = view.width(below);
  for (let c = header.left; c < width; c++) {
    if (mayBeValueKind(view.text(below, c)) && startsYearsAcross(view, below, c)) return true;
  }
  return false;
}

interface Sink {
  tables: KpiTable[];
  problems: Problem[];
}

/** Reads the layouts found in the cells no table has claimed yet; claims what it reads. */
export function readLayouts(view: SheetView, claims: Claims, result: Sink): void {
  if (view.rowCount === 0) return;
  const before = result.tables.length;
  walkUnclaimed(view, claims, result);
  if (result.tables.length > before) inSheetOrder(result.tables, view.name);
}

/**
 * The sheet's tables (the last run of `tables`) top to bottom, left to right, as the standard
 * reader gives them: a layout read after the scan may lie above a table the scan found.
 */
function inSheetOrder(tables: KpiTable[], sheet: string): void {
  let first = tables.length;
  while (first > 0 && tables[first - 1]!.sheet === sheet) first--;
  const mine = tables.slice(first).sort((a, b) => a.range.top - b.range.top || a.range.left - b.range.left);
  for (let i = 0; i < mine.length; i++) tables[first + i] = mine[i]!;
}

function walkUnclaimed(view: SheetView, claims: Claims, result: Sink): void {
  const claimed = claims.byRow(view.rowCount);
  const { left, right, several } = claimed;
  for (let r = 0; r < view.rowCount; r++) {
    const width = view.width(r);
    if (width === 0) continue;
    // The usual row: wholly inside one table (its cells all lie in the table's columns).
    const from = left[r]!;
    if (from === 0 && right[r]! >= width - 1 && several[r] === 0) continue;
    for (let c = 0; c < width; c++) {
      if (from >= 0 && c >= from && c <= right[r]!) {
        c = right[r]!;
        continue;
      }
      if (several[r] === 1 && claims.covers(r, c)) continue;
      const text = view.text(r, c);
      if (text === '') continue;
      const signals = cellSignals(text);
      if (signals === 0) continue;
      let table: KpiTable | undefined;
      if ((signals & KIND) !== 0 && mayBeValueKind(text) && startsYearsAcross(view, r, c)) {
        const read = readYearsAcross(view, claims, r, c);
        if (read?.lacksTargets) {
          if (!claims.overlaps(read.table.range)) mergePlan(view, claims, result, read.table);
          c = Math.max(c, read.table.range.right);
          continue;
        }
        table = read?.table;
      } else if ((signals & ARROW) !== 0 && mayHoldArrow(text)) table = readArrowLines(view, claims, r, c);
      else if ((signals & BASELINE) !== 0 && mayStartCaptionTable(text)) table = readCaptionTable(view, claims, r, c);
      else if ((signals & INDICATOR) !== 0 && mayBeIndicatorHeader(text)) table = readNameValueCells(view, claims, r, c);
      if (!table || claims.overlaps(table.range)) continue;
      claims.add(table.range);
      // Later rows of this table are skipped by this walk too.
      markRows(left, right, several, table.range);
      result.tables.push(table);
      if (!table.columns.grade) {
        const shared = sharedRow(table);
        result.problems.push(
          shared === undefined
            ? makeProblem('noGradeColumn', view.name, rangeAddress(table.range))
            : makeProblem('gradeCellShared', view.name, cellAddress(shared, table.columns.indicator)),
        );
      }
      c = Math.max(c, table.range.right);
    }
  }
}

// ───────────── the per-cell pre-check ─────────────

export const KIND = 1; // 目標 / 計画 / 実績 / 年度目標: a years-across label (short cells only)
export const ARROW = 2; // → ⇒ ➡ ➔ ⟶ > ＞: an arrow line
export const BASELINE = 4; // 基準 / 策定時 / 当初: a KPI box's baseline mark (short cells only)
export const INDICATOR = 8; // 指標 / KPI: an indicator header over name-and-figure cells (short cells only)

/** For each UTF-16 unit, the layouts a cell holding it may start. */
const SIGNAL = new Uint8Array(0x10000);
for (const ch of '目計実年') SIGNAL[ch.charCodeAt(0)]! |= KIND;
for (const ch of '→⇒➡➔⟶>＞') SIGNAL[ch.charCodeAt(0)]! |= ARROW;
for (const ch of '基策当') SIGNAL[ch.charCodeAt(0)]! |= BASELINE;
for (const ch of '指KＫ') SIGNAL[ch.charCodeAt(0)]! |= INDICATOR;
/** The longest cell each signal is looked for in (longer cells can only hold arrow lines). */
const SHORT_SIGNALS = 48;

/**
 * Which layout readers a cell may interest: one pass over its characters with a table look-up
 * each, so a sheet's titles, headings and paragraphs cost a loop over their text and nothing more.
 */
export function cellSignals(text: string): number {
  let bits = 0;
  const n = text.length;
  // A paragraph can only hold arrow lines: the native search is faster than a loop over it.
  if (n > SHORT_SIGNALS) return mayHoldArrow(text) ? ARROW : 0;
  for (let i = 0; i < n; i++) bits |= SIGNAL[text.charCodeAt(i)]!;
  return bits;
}

/**
 * A results block without targets: merged into the plan table above it (planResults.ts), which
 * it replaces in the result; the results block is claimed. Without a plan to match, nothing is
 * read from it: without targets there is nothing to grade against.
 */
function mergePlan(view: SheetView, claims: Claims, result: Sink, results: KpiTable): void {
  const merged = mergeResults(result.tables, results);
  if (!merged) return;
  const at = result.tables.indexOf(merged.plan);
  result.tables[at] = merged.table;
  claims.add(results.range);
  if (merged.table.columns.grade && !merged.plan.columns.grade) {
    // The plan was told it had no grade column; now it has the 評価 rows of its results.
    const cell = rangeAddress(merged.plan.range);
    const i = result.problems.findIndex((p) => p.code === 'noGradeColumn' && p.sheet === view.name && p.cell === cell);
    if (i >= 0) result.problems.splice(i, 1);
  }
}

/** A grade column can be added only when every KPI has a sheet row of its own: the first shared row. */
function sharedRow(table: KpiTable): number | undefined {
  const rows = new Set<number>();
  for (const k of table.kpis) {
    if (rows.has(k.row)) return k.row;
    rows.add(k.row);
  }
  return undefined;
}
