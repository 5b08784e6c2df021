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

interface RowFacts {
  /** Anything written or merged over in the table's columns. */
  readonly content: boolean;
  /** Figure columns (values, target) holding text of their own. */
  readonly ownData: readonly number[];
  /** A figure column is covered by a merge anchored in a text column: a heading across the table. */
  readonly spill: boolean;
  /** When every figure column is merged down from above: the earliest anchor row. */
  readonly dataFromAbove: number | undefined;
  readonly numberText: string;
  readonly indicatorText: string;
  /** Rightmost sub-row label text of the row's own. */
  readonly labelText: string;
  /** Last sheet row the row's merges reach. */
  readonly bottom: number;
}

interface Parent {
  readonly row: number;
  readonly text: string;
  readonly number: string;
  used: boolean;
}

interface Placed {
  readonly draft: KpiDraft;
  bottom: number;
}

export function readBody(ctx: TableContext, finder: HeaderFinder, bodyStart: number): BodyResult {
  const { view, leading, plan } = ctx;
  const left = leading.left;
  const right = plan.layout.right;
  const dataCols = [...ctx.dataColumns];
  const placed: Placed[] = [];
  let pending: Parent | undefined;
  let lastRow = plan.layout.bottom;
  let r = bodyStart;

  const flush = () => {
    if (pending && !pending.used) {
      placed.push({ draft: draft(pending.row, pending.text, pending.number), bottom: pending.row });
    }
    pending = undefined;
  };

  for (; r < view.rowCount; r++) {
    if (finder.startsTable(r, left, right)) break;
    const f = readRow(ctx, dataCols, left, right, r);
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
      f.ownData.length > 0 &&
      (f.indicatorText === '' || isNoteBelow(f.indicatorText))
    ) {
      const texts = f.ownData.map((c) => [c, view.ownText(r, c)] as const);
      if (texts.every(([, t]) => isNoteBelow(t))) {
        const notes = (last.draft.notesBelow ??= new Map());
        for (const [c, t] of texts) notes.set(c, t);
        if (f.indicatorText !== '') appendName(last.draft, f.indicatorText);
        last.bottom = Math.max(last.bottom, f.bottom, r);
        lastRow = Math.max(lastRow, last.bottom);
        continue;
      }
    }

    // A numbered row without figures: a parent whose sub-rows follow (or a KPI not yet filled in).
    if (number !== undefined && leadingText !== '' && !hasFigure(view, r, f.ownData)) {
      flush();
      pending = { row: r, text: leadingText, number, used: false };
      lastRow = Math.max(lastRow, f.bottom, r);
      continue;
    }

    if (f.ownData.length === 0) {
      // Only cells merged down from above, or a mark in the grade column: part of the KPI above.
      if (f.numberText === '' && leadingText === '') continue;
      if (f.spill) break; // text merged across the figures: a heading
      // The name goes on in the row below while the figures are merged over both rows.
      if (
        last &&
        !pending &&
        f.dataFromAbove !== undefined &&
        f.dataFromAbove >= last.draft.row &&
        f.numberText === ''
      ) {
        appendName(last.draft, leadingText);
        last.bottom = Math.max(last.bottom, f.bottom, r);
        lastRow = Math.max(lastRow, last.bottom);
        continue;
      }
      // Long text, or a bullet, in the No or name column: a heading or a sentence after the table.
      const compact = compactText(leadingText !== '' ? leadingText : f.numberText);
      if (compact.length > MAX_LABEL || HEADING_START.test(compact)) break;
      if (pending && f.numberText === '') {
        // A sub-row whose figures are not in yet: still a KPI (grading will say what is missing).
        const d = draft(r, pending.text, pending.number);
        d.labelText = leadingText;
        pending.used = true;
        placed.push({ draft: d, bottom: Math.max(f.bottom, r) });
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
      const d = draft(r, f.indicatorText, number ?? '');
      d.labelText = f.labelText;
      placed.push({ draft: d, bottom: Math.max(f.bottom, r) });
      lastRow = Math.max(lastRow, f.bottom, r);
      continue;
    }

    if (pending && number === undefined) {
      // A sub-row of the parent above; without a label, the parent's figures one row down.
      const label = f.labelText !== '' ? f.labelText : f.indicatorText;
      const d = draft(r, pending.text, pending.number);
      if (label !== '') d.labelText = label;
      pending.used = true;
      placed.push({ draft: d, bottom: Math.max(f.bottom, r) });
      lastRow = Math.max(lastRow, f.bottom, r);
      continue;
    }
    flush();

    // Figures need a name; a merged indicator cell names every row it covers.
    const name = leadingText !== '' ? leadingText : view.shownText(r, leading.indicator);
    if (!hasText(name)) continue; // figures without a name: chart data or a total, not a KPI
    placed.push({ draft: draft(r, name, number ?? ''), bottom: Math.max(f.bottom, r) });
    lastRow = Math.max(lastRow, f.bottom, r);
  }
  flush();

  placed.sort((a, b) => a.draft.row - b.draft.row);
  for (const p of placed) lastRow = Math.max(lastRow, p.bottom);
  return { kpis: placed.map((p) => buildKpiRow(ctx, p.draft)), lastRow };
}

/** Does any of these cells hold more than a dash? Asked of numbered rows only. */
function hasFigure(view: TableContext['view'], r: number, columns: readonly number[]): boolean {
  for (const c of columns) if (!isDashOnly(view.ownText(r, c))) return true;
  return false;
}

function draft(row: number, indicatorText: string, number: string): KpiDraft {
  return number === '' ? { row, indicatorText } : { row, indicatorText, number };
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

function readRow(ctx: TableContext, dataCols: readonly number[], left: number, right: number, r: number): RowFacts {
  const { view, leading } = ctx;
  let content = false;
  let bottom = r;
  const merges = view.mergesOnRow(r);
  if (merges.length === 0) {
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

  const ownData: number[] = [];
  let spill = false;
  let dataFromAbove: number | undefined;
  let allFromAbove = dataCols.length > 0;
  for (const c of dataCols) {
    const m = view.mergeAt(r, c);
    if (m && m.left < c && !ctx.dataColumns.has(m.left) && m.top === r) spill = true;
    if (m && m.top < r) {
      dataFromAbove = dataFromAbove === undefined ? m.top : Math.min(dataFromAbove, m.top);
    } else {
      allFromAbove = false;
    }
    const text = view.ownText(r, c);
    if (!hasText(text)) continue;
    ownData.push(c);
  }

  let labelText = '';
  for (const c of leading.labels) {
    const t = view.ownText(r, c);
    if (hasText(t)) labelText = t;
  }
  const numberText = leading.number === undefined ? '' : view.ownText(r, leading.number).trim();
  const indicatorText = view.ownText(r, leading.indicator);
  return {
    content,
    ownData,
    spill,
    numberText,
    indicatorText: hasText(indicatorText) ? indicatorText : '',
    labelText,
    bottom,
    dataFromAbove: allFromAbove ? dataFromAbove : undefined,
  };
}
