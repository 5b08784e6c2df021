/**
 * The columns before the figures: No, indicator, and sub-row labels.
 *
 * The header does not always say which is which. In the seed report the header
 * 重要業績評価指標（ＫＰＩ） is one cell merged over the No column and the indicator column,
 * and sub-row labels (市内高校 "city high schools", 市内大学 "city universities") may sit in a
 * third column under the same header. So the first body rows decide: a column holding only
 * short numbers ("１", "2", "①") is the No column; the leftmost other column with text is the
 * indicator; the columns between the indicator and the figures hold sub-row labels.
 */
import type { ColumnPlan } from './columns';
import { isNumberLike } from './indicator';
import { hasText, type SheetView } from './sheetView';

export interface LeadingColumns {
  readonly number?: number;
  readonly indicator: number;
  /** Columns whose text names a sub-row, right of the indicator and before the figures. */
  readonly labels: readonly number[];
  /** First table column, after the unheaded left column was kept or dropped. */
  readonly left: number;
}

/** How far the body is looked at to tell the No column from the indicator. */
const PEEK_ROWS = 60;

export function resolveLeadingColumns(view: SheetView, plan: ColumnPlan, bodyStart: number): LeadingColumns {
  const { layout } = plan;
  const span = layout.indicatorSpan;
  const firstData = Math.min(plan.target.col, ...plan.values.map((v) => v.col));

  const candidates: number[] = [];
  if (plan.number === undefined) {
    if (layout.blankLeft !== undefined) candidates.push(layout.blankLeft);
    if (span.right > span.left) for (let c = span.left; c <= span.right; c++) candidates.push(c);
  } else {
    for (let c = span.left; c <= span.right; c++) if (c !== plan.number) candidates.push(c);
  }
  // The counts decide between candidates: with a No column from the header and one column left
  // for the name (the seed's layout), or no candidate at all, there is nothing to decide.
  const decide = plan.number === undefined ? candidates.length > 0 : candidates.length > 1;
  const counts = decide
    ? peekLeadingTexts(view, candidates, [plan.target.col, ...plan.values.map((v) => v.col)], bodyStart, layout.left, layout.right)
    : NO_COUNTS;

  let number = plan.number;
  if (number === undefined) {
    number = candidates.find((c) => {
      const k = counts.get(c);
      return k !== undefined && k.numbers > 0 && k.wordsBesideFigures === 0;
    });
  }
  const named: number[] = [];
  for (let c = span.left; c <= span.right; c++) if (c !== number) named.push(c);
  const indicator = named.find((c) => (counts.get(c)?.words ?? 0) > 0) ?? named[0] ?? span.left;

  const labels: number[] = [];
  const headed = (c: number) => layout.columns[c - layout.left]?.header !== '';
  for (let c = indicator + 1; c < firstData; c++) {
    // A unit, year, direction or note column between the name and the figures is no label column.
    if (c === number || c === plan.department || c === plan.grade?.col || plan.roled.has(c)) continue;
    if (c <= span.right || !headed(c)) labels.push(c);
  }
  // Text beside every name (a unit such as 人 or ％ under the same header) is no sub-row label:
  // labels stand on rows of their own, under a parent's name merged down or left blank.
  if (labels.length > 0 && !labelsStandAlone(view, labels, indicator, bodyStart, layout.left, layout.right))
    labels.length = 0;
  const left = layout.blankLeft !== undefined && number === layout.blankLeft ? layout.blankLeft : layout.left;
  return number === undefined ? { indicator, labels, left } : { number, indicator, labels, left };
}

function labelsStandAlone(
  view: SheetView,
  labels: readonly number[],
  indicator: number,
  bodyStart: number,
  left: number,
  right: number,
): boolean {
  const end = Math.min(view.rowCount, bodyStart + PEEK_ROWS);
  for (let r = bodyStart; r < end; r++) {
    if (isBlankRow(view, r, left, right)) break;
    if (hasText(view.ownText(r, indicator))) continue;
    if (labels.some((c) => hasText(view.ownText(r, c)))) return true;
  }
  return false;
}

const NO_COUNTS: ReadonlyMap<number, TextCounts> = new Map();

interface TextCounts {
  numbers: number;
  /** Cells with other text. */
  words: number;
  /** Of those, cells on rows that hold figures. */
  wordsBesideFigures: number;
}

/**
 * Counts, per column, the cells of the first body rows holding a number or other text.
 * Text beside figures is counted apart: a line of free text right under the table
 * ("ｓｓｓ…", a heading) must not make the No column look like a text column.
 */
function peekLeadingTexts(
  view: SheetView,
  columns: readonly number[],
  dataColumns: readonly number[],
  bodyStart: number,
  left: number,
  right: number,
): Map<number, TextCounts> {
  const counts = new Map<number, TextCounts>();
  for (const c of columns) counts.set(c, { numbers: 0, words: 0, wordsBesideFigures: 0 });
  const spanLeft = Math.min(left, ...columns);
  const end = Math.min(view.rowCount, bodyStart + PEEK_ROWS);
  for (let r = bodyStart; r < end; r++) {
    if (isBlankRow(view, r, spanLeft, right)) break;
    const withFigures = dataColumns.some((c) => hasText(view.ownText(r, c)));
    for (const c of columns) {
      const text = view.ownText(r, c);
      if (!hasText(text)) continue;
      const k = counts.get(c)!;
      if (isNumberLike(text)) k.numbers++;
      else {
        k.words++;
        if (withFigures) k.wordsBesideFigures++;
      }
    }
  }
  return counts;
}

/** Nothing written and nothing merged over the row, from `left` to `right`. */
export function isBlankRow(view: SheetView, row: number, left: number, right: number): boolean {
  for (let c = left; c <= right; c++) {
    if (view.mergeAt(row, c)) return false;
    if (hasText(view.text(row, c))) return false;
  }
  return true;
}
