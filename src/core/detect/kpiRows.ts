/**
 * Reading the body of a KPI table, row by row, until it ends.
 *
 * Each sheet row is one of:
 *   - a KPI row: an indicator and figures of its own;
 *   - a parent row: numbered, an indicator, no figures — its sub-rows follow, each a KPI
 *     named "parent／label" (新規学校卒業者の市内就職率／市内高校). A parent with no sub-rows
 *     is a KPI whose figures are still empty (grading then says so);
 *   - the rest of the KPI above: cells merged down from it, or notes written under its
 *     figures ("(H22 国調)", "以上") or under its name ("（企画政策課）");
 *   - a short label row without figures (a group heading inside the table): skipped;
 *   - the end: a blank row, a heading or free text, or the header of the next table.
 */
import { compactText, DASHES } from '../text';
import type { KpiRow } from '../types';
import type { HeaderFinder } from './headerRow';
import { isNumberLike, numberPrefix } from './indicator';
import { buildKpiRow, type KpiDraft, type TableContext } from './kpiRow';
import { hasText } from './sheetView';

export interface BodyResult {
  readonly kpis: KpiRow[];
  /** Last sheet row of the last KPI (its merges included); the header bottom when none. */
  readonly lastRow: number;
}

/** Text longer than this, without figures, is a heading or a sentence rather than a label. */
const MAX_LABEL = 20;
/** Bullets and marks that start headings and lists of measures, not KPI labels. */
const HEADING_START = /^[・■□◆◇●○◎▼▽▲△★☆≪《<＜]/u;
/** A note under a figure: a bracketed year note, a bound on its own, or a ※ remark. */
const NOTE_BELOW = /^(?:[(（【][^()（）【】]*[)）】]|以上|以下|以内|未満|超|※.*)$/u;
/** The cheap first look at a cell before NOTE_BELOW: how such notes start. */
const NOTE_START = /^\s*[(（【以未超※]/u;

function isNoteBelow(text: string): boolean {
  return NOTE_START.test(text) && NOTE_BELOW.test(compactText(text));
}

/** Only a dash ("－": no figure for that year), without normalising: DASHES has both widths. */
function isDashOnly(text: string): boolean {
  if (text.length > 8) return false; // a dash with some spaces around it at most
  const t = text.trim();
  return t !== '' && DASHES.test(t.length === 1 ? t : t.replace(/\s/gu, ''));
}

/**
 * What one sheet row holds, in the table's columns. One instance per table is filled again for
 * each row (readRow): the scan reads every row of every table, and nothing keeps a row's facts
 * past its own turn.
 */
class RowFacts {
  /** Anything written or merged over in the table's columns. */
  content = false;
  /**
   * Figure columns (values, target) holding text of their own: the first ownCount entries.
   * (The array is kept from row to row; emptying it by length = 0 would drop its storage.)
   */
  readonly ownData: number[] = [];
  ownCount = 0;
  /** A figure column is covered by a merge anchored in a text column: a heading across the table. */
  spill = false;
  /** When every figure column is merged down from above: the earliest anchor row. */
  dataFromAbove: number | undefined = undefined;
  numberText = '';
  indicatorText = '';
  /** Rightmost sub-row label text of the row's own. */
  labelText = '';
  /** Last sheet row the row's merges reach. */
  bottom = 0;
}

interface Parent {
  readonly row: number;
  readonly text: string;
  readonly number: string;
  used: boolean;
}

/** A KPI found in the body: its draft, and the last sheet row that belongs to it. */
interface Placed extends KpiDraft {
  bottom: number;
}

export function readBody(ctx: TableContext, finder: HeaderFinder, bodyStart: number): BodyResult {
  const { view, leading, plan } = ctx;
  const left = leading.left;
  const right = plan.layout.right;
  const dataCols = [...ctx.dataColumns];
  const placed: Placed[] = [];
  const f = new RowFacts();
  let pending: Parent | undefined;
  let lastRow = plan.layout.bottom;
  let r = bodyStart;

  const flush = () => {
    if (pending && !pending.used) {
      placed.push(draft(pending.row, pending.text, pending.number, pending.row));
    }
    pending = undefined;
  };

  for (; r < view.rowCount; r++) {
    if (finder.startsTable(r, left, right)) break;
    readRow(ctx, dataCols, left, right, r, f);
    if (!f.content) break;
    const last = placed[placed.length - 1];
    const leadingText = f.indicatorText !== '' ? f.indicatorText : f.labelText;
    const number = numberOf(ctx, f);

    // Notes under the figures of the KPI just above, in cells of their own; the name cell may
    // hold a note too ("（企画政策課）"), but never a name of its own.
    if (
      last &&
      !pending &&
      r <= last.bottom + 1 &&
      f.numberText === '' &&
      f.labelText === '' &&
      f.ownCount > 0 &&
      (f.indicatorText === '' || isNoteBelow(f.indicatorText))
    ) {
      const texts: (readonly [number, string])[] = [];
      for (let i = 0; i < f.ownCount; i++) texts.push([f.ownData[i]!, view.ownText(r, f.ownData[i]!)]);
      if (texts.every(([, t]) => isNoteBelow(t))) {
        const notes = (last.notesBelow ??= new Map());
        for (const [c, t] of texts) notes.set(c, t);
        if (f.indicatorText !== '') appendName(last, f.indicatorText);
        last.bottom = Math.max(last.bottom, f.bottom, r);
        lastRow = Math.max(lastRow, last.bottom);
        continue;
      }
    }

    // A numbered row without figures: a parent whose sub-rows follow (or a KPI not yet filled in).
    if (number !== undefined && leadingText !== '' && !hasFigure(view, r, f.ownData, f.ownCount)) {
      flush();
      pending = { row: r, text: leadingText, number, used: false };
      lastRow = Math.max(lastRow, f.bottom, r);
      continue;
    }

    if (f.ownCount === 0) {
      // Only cells merged down from above, or a mark in the grade column: part of the KPI above.
      if (f.numberText === '' && leadingText === '') continue;
      if (f.spill) break; // text merged across the figures: a heading
      // The name goes on in the row below while the figures are merged over both rows.
      if (
        last &&
        !pending &&
        f.dataFromAbove !== undefined &&
        f.dataFromAbove >= last.row &&
        f.numberText === ''
      ) {
        appendName(last, leadingText);
        last.bottom = Math.max(last.bottom, f.bottom, r);
        lastRow = Math.max(lastRow, last.bottom);
        continue;
      }
      // Long text, or a bullet, in the No or name column: a heading or a sentence after the table.
      const compact = compactText(leadingText !== '' ? leadingText : f.numberText);
      if (compact.length > MAX_LABEL || HEADING_START.test(compact)) break;
      if (pending && f.numberText === '') {
        // A sub-row whose figures are not in yet: still a KPI (grading will say what is missing).
        const d = draft(r, pending.text, pending.number, Math.max(f.bottom, r));
        d.labelText = leadingText;
        pending.used = true;
        placed.push(d);
        lastRow = Math.max(lastRow, f.bottom, r);
        continue;
      }
      flush(); // a short group label inside the table: not a KPI
      continue;
    }

    // A parent and its first sub-row on one sheet row: name, label and figures side by side.
    if (f.labelText !== '' && f.indicatorText !== '') {
      flush();
      pending = { row: r, text: f.indicatorText, number: number ?? '', used: true };
      const d = draft(r, f.indicatorText, number ?? '', Math.max(f.bottom, r));
      d.labelText = f.labelText;
      placed.push(d);
      lastRow = Math.max(lastRow, f.bottom, r);
      continue;
    }

    if (pending && number === undefined) {
      // A sub-row of the parent above; without a label, the parent's figures one row down.
      const label = f.labelText !== '' ? f.labelText : f.indicatorText;
      const d = draft(r, pending.text, pending.number, Math.max(f.bottom, r));
      if (label !== '') d.labelText = label;
      pending.used = true;
      placed.push(d);
      lastRow = Math.max(lastRow, f.bottom, r);
      continue;
    }
    flush();

    // Figures need a name; a merged indicator cell names every row it covers.
    const name = leadingText !== '' ? leadingText : view.shownText(r, leading.indicator);
    if (!hasText(name)) continue; // figures without a name: chart data or a total, not a KPI
    placed.push(draft(r, name, number ?? '', Math.max(f.bottom, r)));
    lastRow = Math.max(lastRow, f.bottom, r);
  }
  flush();

  // In sheet order. A parent flushed after its sub-rows can land out of order; usually none does.
  if (!inRowOrder(placed)) placed.sort((a, b) => a.row - b.row);
  for (const p of placed) lastRow = Math.max(lastRow, p.bottom);
  // map: the table keeps this array, made at its size.
  return { kpis: placed.map((p) => buildKpiRow(ctx, p)), lastRow };
}

function inRowOrder(placed: readonly Placed[]): boolean {
  for (let i = 1; i < placed.length; i++) if (placed[i]!.row < placed[i - 1]!.row) return false;
  return true;
}

/** Does any of these cells hold more than a dash? Asked of numbered rows only. */
function hasFigure(view: TableContext['view'], r: number, columns: readonly number[], count: number): boolean {
  for (let i = 0; i < count; i++) if (!isDashOnly(view.ownText(r, columns[i]!))) return true;
  return false;
}

/** One shape for every draft (absent parts undefined), so the body scan stays monomorphic. */
function draft(row: number, indicatorText: string, number: string, bottom: number): Placed {
  return { row, indicatorText, labelText: undefined, number: number === '' ? undefined : number, notesBelow: undefined, bottom };
}

function appendName(d: KpiDraft, text: string): void {
  if (d.labelText !== undefined) d.labelText = `${d.labelText}\n${text}`;
  else d.indicatorText = `${d.indicatorText}\n${text}`;
}

/** The row's number: its No cell when that holds a number, else one written before the name. */
function numberOf(ctx: TableContext, f: RowFacts): string | undefined {
  if (ctx.leading.number !== undefined) return isNumberLike(f.numberText) ? f.numberText.trim() : undefined;
  return f.indicatorText === '' ? undefined : numberPrefix(f.indicatorText);
}

/** Fills `f` with what sheet row r holds. */
function readRow(ctx: TableContext, dataCols: readonly number[], left: number, right: number, r: number, f: RowFacts): void {
  const { view, leading } = ctx;
  let content = false;
  let bottom = r;
  if (!view.hasMerges(r)) {
    for (let c = left; c <= right && !content; c++) content = hasText(view.text(r, c));
  } else {
    for (let c = left; c <= right; c++) {
      const m = view.mergeAt(r, c);
      if (m) {
        content = true;
        if (m.bottom > bottom) bottom = m.bottom;
      } else if (hasText(view.text(r, c))) {
        content = true;
      }
    }
  }

  const ownData = f.ownData;
  let ownCount = 0;
  let spill = false;
  let dataFromAbove: number | undefined;
  let allFromAbove = dataCols.length > 0;
  for (let i = 0; i < dataCols.length; i++) {
    const c = dataCols[i]!;
    const m = view.mergeAt(r, c);
    if (m && m.left < c && !ctx.dataColumns.has(m.left) && m.top === r) spill = true;
    if (m && m.top < r) {
      dataFromAbove = dataFromAbove === undefined ? m.top : Math.min(dataFromAbove, m.top);
    } else {
      allFromAbove = false;
    }
    const text = view.ownText(r, c);
    if (!hasText(text)) continue;
    ownData[ownCount++] = c;
  }

  let labelText = '';
  for (let i = 0; i < leading.labels.length; i++) {
    const t = view.ownText(r, leading.labels[i]!);
    if (hasText(t)) labelText = t;
  }
  const numberText = leading.number === undefined ? '' : view.ownText(r, leading.number).trim();
  const indicatorText = view.ownText(r, leading.indicator);
  f.ownCount = ownCount;
  f.content = content;
  f.spill = spill;
  f.numberText = numberText;
  f.indicatorText = hasText(indicatorText) ? indicatorText : '';
  f.labelText = labelText;
  f.bottom = bottom;
  f.dataFromAbove = allFromAbove ? dataFromAbove : undefined;
}
