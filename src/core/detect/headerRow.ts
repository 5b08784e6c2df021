/**
 * Finding the header of a KPI table: one row with header words, plus up to two rows below
 * it that hold only years or header words (two-row headers put "(H26)" under "当初"), with
 * header cells merged across rows or columns (the text sits in the merge's top-left).
 *
 * Speed: only rows with header words in two cells are looked at closely, and the cheap stem
 * test (mayHoldHeaderWord) runs before any normalisation; results are cached per row, so the
 * body scan and the sheet scan can both ask "does a table start here?" of every row.
 */
import { hasStemStart, MAX_HEADER_LENGTH, readHeaderCell, mayHoldHeaderWord, type HeaderRole, type HeaderToken, type YearOf } from './headerWords';
import { joinHeaderText } from './indicator';
import { hasText, type SheetView } from './sheetView';

/** One column of a header, all header rows taken together. */
export interface HeaderColumn {
  readonly col: number;
  /** The role of the lowest header word in the column (the most specific one). */
  readonly role?: HeaderRole;
  /** The lowest year written in the column's header cells. */
  readonly year?: number;
  /** Header text as written, normalised: "当初 (H26)". '' when nothing is written. */
  readonly header: string;
  /** A year column: whose year it gives (from the word that gave the role). */
  readonly yearOf?: YearOf;
  /** An office rate column: which rate. */
  readonly rate?: 'progress' | 'attainment';
}

export interface HeaderLayout {
  /** First and last header row. */
  readonly top: number;
  readonly bottom: number;
  /** The columns of the table, by header: contiguous columns with something written. */
  readonly left: number;
  readonly right: number;
  /** Header columns left..right, by column index minus `left`. */
  readonly columns: readonly HeaderColumn[];
  /** Columns under the indicator header cell; one merge may also cover the No column. */
  readonly indicatorSpan: { readonly left: number; readonly right: number };
  /**
   * An unheaded column just left of the table: where the seed puts its No column when the
   * indicator header does not cover it. Kept or dropped once the body has been looked at.
   */
  readonly blankLeft?: number;
}

/** No KPI table is wider than this; merges reaching further are cut here. */
const MAX_TABLE_WIDTH = 256;

/** More header rows than this are not a KPI header but a block of text. */
const MAX_HEADER_ROWS = 3;

const NO_LAYOUTS: readonly HeaderLayout[] = Object.freeze([]);

/** Cells up to this long are read first when looking for header words (figures, grades, header words). */
const SHORT_CELL = 12;

export class HeaderFinder {
  private readonly headerWordCache: Int8Array;
  private readonly layouts = new Map<number, readonly HeaderLayout[]>();

  constructor(private readonly view: SheetView) {
    this.headerWordCache = new Int8Array(view.rowCount);
  }

  /**
   * The rows found so far to hold header words in two cells or more, top to bottom: after the
   * sheet scan (which asks of every row), every such row. What nearMiss.ts looks into.
   */
  rowsWithHeaderWords(): number[] {
    const rows: number[] = [];
    const cache = this.headerWordCache;
    for (let r = 0; r < cache.length; r++) if (cache[r] === 2) rows.push(r);
    return rows;
  }

  /** True when a KPI table header starts on this row, over some of the columns left..right. */
  startsTable(row: number, left: number, right: number): boolean {
    const layouts = this.find(row);
    for (let i = 0; i < layouts.length; i++) if (layouts[i]!.left <= right && layouts[i]!.right >= left) return true;
    return false;
  }

  /**
   * The KPI table headers that start on this row: one per indicator header cell whose
   * columns also hold a target header. Empty for any other row.
   */
  find(row: number): readonly HeaderLayout[] {
    if (row < 0 || row >= this.view.rowCount || !this.holdsHeaderWords(row)) return NO_LAYOUTS;
    const cached = this.layouts.get(row);
    if (cached) return cached;
    const found = this.layoutsAt(row);
    this.layouts.set(row, found);
    return found;
  }

  /**
   * Does the row hold header words in at least two cells of its own (an indicator and a
   * target at the least)? Cached; the common answer is a cheap no: a KPI row whose name
   * happens to contain 指標 or 目標 has one such cell, not two, and is not read further.
   */
  private holdsHeaderWords(row: number): boolean {
    const known = this.headerWordCache[row]!;
    if (known !== 0) return known === 2;
    const width = this.view.width(row);
    // First the cheapest necessary condition: two cells, short enough to be header cells (a
    // longer one cannot count below, readHeaderCell turns it away), with a character a stem
    // can start with. Short cells are looked into first, longer ones only when they could make
    // the second: a KPI row (short figures and one longer cell, its name) is done without
    // reading its name character by character, and no regex runs for it.
    let candidates = 0;
    let longer = 0;
    for (let c = 0; c < width && candidates < 2; c++) {
      const text = this.view.text(row, c);
      const n = text.length;
      if (n === 0 || n > MAX_HEADER_LENGTH) continue;
      if (n > SHORT_CELL) longer++;
      else if (hasStemStart(text)) candidates++;
    }
    if (candidates < 2 && candidates + longer >= 2) {
      for (let c = 0; c < width && candidates < 2; c++) {
        const text = this.view.text(row, c);
        const n = text.length;
        if (n > SHORT_CELL && n <= MAX_HEADER_LENGTH && hasStemStart(text)) candidates++;
      }
    }
    let stems = 0;
    for (let c = 0; c < width && stems < 2 && candidates >= 2; c++) {
      const text = this.view.text(row, c);
      if (text !== '' && text.length <= MAX_HEADER_LENGTH && mayHoldHeaderWord(text)) stems++;
    }
    let words = 0;
    if (stems >= 2) {
      for (let c = 0; c < width && words < 2; c++) {
        const text = this.view.text(row, c);
        if (text === '' || text.length > MAX_HEADER_LENGTH || !mayHoldHeaderWord(text) || this.view.covered(row, c)) continue;
        if (readHeaderCell(text)?.role !== undefined) words++;
      }
    }
    const yes = words >= 2;
    this.headerWordCache[row] = yes ? 2 : 1;
    return yes;
  }

  private layoutsAt(top: number): readonly HeaderLayout[] {
    const view = this.view;
    const topTokens = ownTokens(view, top);
    // The header's extent is that of its worded cells; lower header rows are checked there only,
    // so a chart or note beside the table cannot spoil a two-row header.
    let extentLeft = Infinity;
    let extentRight = -1;
    for (const t of topTokens) {
      if (t.token.role === undefined) continue;
      const m = view.mergeAt(top, t.col);
      extentLeft = Math.min(extentLeft, m ? m.left : t.col);
      extentRight = Math.max(extentRight, m ? m.right : t.col);
    }
    if (extentRight < 0) return NO_LAYOUTS;

    let bottom = top;
    while (bottom - top + 1 < MAX_HEADER_ROWS && isHeaderContinuation(view, bottom + 1, extentLeft, extentRight)) {
      bottom++;
    }

    let width = 0;
    for (let r = top; r <= bottom; r++) {
      width = Math.max(width, view.width(r));
      // A header merged over the whole sheet width must not make every body row that wide.
      for (const m of view.mergesOnRow(r)) width = Math.max(width, Math.min(m.right + 1, MAX_TABLE_WIDTH));
    }
    width = Math.max(width, extentRight + 1);
    const columns: HeaderColumn[] = [];
    const indicatorAnchors: { row: number; col: number; left: number; right: number }[] = [];
    for (let c = 0; c < width; c++) {
      columns.push(this.readColumn(c, top, bottom, indicatorAnchors));
    }

    const layouts: HeaderLayout[] = [];
    let takenRight = -1;
    for (const found of indicatorAnchors) {
      const anchor = { left: found.left, right: Math.min(found.right, columns.length - 1) };
      if (anchor.left <= takenRight) continue; // a second indicator word in the same table
      let left = anchor.left;
      let right = anchor.right;
      while (left > 0 && columns[left - 1]!.header !== '') left--;
      while (right + 1 < columns.length && columns[right + 1]!.header !== '') right++;
      takenRight = right;
      let hasTarget = false;
      for (let c = left; c <= right; c++) if (columns[c]?.role === 'target') hasTarget = true;
      if (!hasTarget) continue;
      const layout: { -readonly [K in keyof HeaderLayout]: HeaderLayout[K] } = {
        top: this.headerTop(top, bottom, left, right),
        bottom,
        left,
        right,
        columns: columns.slice(left, right + 1),
        indicatorSpan: anchor,
      };
      if (left > 0 && anchor.left === left) layout.blankLeft = left - 1;
      layouts.push(layout);
    }
    return layouts.length > 0 ? layouts : NO_LAYOUTS;
  }

  /** Reads one column down the header rows; records the indicator header cells it meets. */
  private readColumn(
    col: number,
    top: number,
    bottom: number,
    indicatorAnchors: { row: number; col: number; left: number; right: number }[],
  ): HeaderColumn {
    const view = this.view;
    let role: HeaderRole | undefined;
    let year: number | undefined;
    let roleToken: HeaderToken | undefined;
    // The header text: the parts joined by a space (one part, the common case, is kept as is).
    let header = '';
    let parts = 0;
    let lastRow = -1;
    let lastCol = -1;
    for (let r = top; r <= bottom; r++) {
      const m = view.mergeAt(r, col);
      const aRow = m ? m.top : r;
      const aCol = m ? m.left : col;
      if (aRow === lastRow && aCol === lastCol) continue; // the same merged cell seen from the row below
      lastRow = aRow;
      lastCol = aCol;
      const text = view.text(aRow, aCol);
      if (!hasText(text)) continue;
      const token: HeaderToken | undefined = readHeaderCell(text);
      // Lower rows count only where they read as header cells: the extent check let them in.
      if (r > top && !token) continue;
      const part = joinHeaderText(text);
      header = parts++ === 0 ? part : `${header} ${part}`;
      if (token?.role !== undefined) {
        role = token.role;
        roleToken = token;
      }
      if (token?.year !== undefined) year = token.year;
      if (token?.role === 'indicator' && aCol === col) {
        indicatorAnchors.push({ row: aRow, col, left: m ? m.left : col, right: m ? m.right : col });
      }
    }
    const column: { -readonly [K in keyof HeaderColumn]: HeaderColumn[K] } = { col, header };
    if (role !== undefined) column.role = role;
    if (year !== undefined) column.year = year;
    if (roleToken?.yearOf !== undefined) column.yearOf = roleToken.yearOf;
    if (roleToken?.rate !== undefined) column.rate = roleToken.rate;
    return column;
  }

  /** A header cell merged down from above the word row (a tall "No" cell) moves the top up. */
  private headerTop(top: number, bottom: number, left: number, right: number): number {
    let first = top;
    for (let c = left; c <= right; c++) {
      const m = this.view.mergeAt(top, c);
      if (m && m.top < first && m.bottom <= bottom) first = m.top;
    }
    return first;
  }
}

interface PlacedToken {
  readonly col: number;
  readonly token: HeaderToken;
}

/** Header tokens of the cells a row holds itself (not covered by a merge). */
function ownTokens(view: SheetView, row: number): PlacedToken[] {
  const out: PlacedToken[] = [];
  const width = view.width(row);
  for (let c = 0; c < width; c++) {
    const text = view.text(row, c);
    if (!hasText(text) || view.covered(row, c)) continue;
    const token = readHeaderCell(text);
    if (token) out.push({ col: c, token });
  }
  return out;
}

/**
 * A row continues the header when, within the header's extent, every cell it holds itself
 * reads as a header cell (a year, a header word, or both) — or it holds nothing and is wholly
 * covered by header cells merged down from above. A row with an indicator word of its own
 * starts a header itself: a heading such as 数値目標 above the real header must not swallow it.
 */
function isHeaderContinuation(view: SheetView, row: number, left: number, right: number): boolean {
  if (row >= view.rowCount) return false;
  let own = 0;
  let fromAbove = 0;
  let blank = 0;
  for (let c = left; c <= right; c++) {
    const m = view.mergeAt(row, c);
    if (m && m.top < row) {
      fromAbove++;
      continue;
    }
    if (m && m.left < c) continue; // the rest of a cell merged across this row
    const text = view.text(row, c);
    if (!hasText(text)) {
      blank++;
      continue;
    }
    if (!readHeaderCell(text)) return false;
    own++;
  }
  if (own === 0 && (fromAbove === 0 || blank > 0)) return false;
  return !holdsIndicatorWord(view, row, left, right); // checked last: most rows have failed by now
}

/**
 * An indicator word of the row's own within the header's extent. Only there: a note 「指標」
 * typed beside the table in its years row must not cut the header short (the table vanished).
 */
function holdsIndicatorWord(view: SheetView, row: number, left: number, right: number): boolean {
  const end = Math.min(view.width(row), right + 1);
  for (let c = left; c < end; c++) {
    const text = view.text(row, c);
    if (text === '' || !mayHoldHeaderWord(text) || view.covered(row, c)) continue;
    if (readHeaderCell(text)?.role === 'indicator') return true;
  }
  return false;
}
