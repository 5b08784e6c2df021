/**
 * Arrow lines: a KPI written as one line of text, its figures joined by arrows, as in the
 * Kanazawa report (金沢版総合戦略 進捗状況):
 *
 *   ・産後ケアサポート人材数 132人 (H26) → 147人 (H28) → 200人 (H31)
 *
 * and the baseline and target written inside an indicator cell (「合計特殊出生率 H26年1.54→H31年1.68」,
 * 「132人（H26）→200人（H31）」). Several lines may share one cell, or each line have a cell of
 * its own (one row per line); the name may be at the start of the line, on the line above in
 * the same cell, or in the cell to the left.
 *
 * Three figures or more: baseline → current → target (any between are intermediates); two:
 * baseline → target, with no current value — unless a 現状 / 実績 column beside the cell (under
 * a header naming this column as the indicator) gives it. Each figure is read by the cell
 * grammar (parseValuePart: a year may also stand before its figure, "H26年1.54").
 *
 * The grade: the header's grade column when there is one; otherwise none. A cell holding several
 * KPIs has no row of its own per KPI, so no grade column can be offered for it (the
 * gradeCellShared problem): the officer is told, and nothing is written over.
 */
import { parseValuePart } from '../../cellValue';
import { compactText, nfkc } from '../../text';
import type { KpiRow, KpiTable, ValueCell } from '../../types';
import { readHeaderCell } from '../headerWords';
import { readIndicatorText } from '../indicator';
import { hasText, type SheetView } from '../sheetView';
import { gradeCellAt, valueCellAt, valuePart } from './cells';
import type { Claims } from './claims';

/** The arrows officers type between figures, before NFKC ("－＞" folds to "->"). */
const ARROW_CHARS = /[→⇒➡➔⟶]|[-－]\s*[>＞]/u;
const ARROW_SPLIT = /\s*(?:[→⇒➡➔⟶]|->)\s*/u;
const BULLET = /^[\s・●○◆◇■□◎▪▸►\-*]+/u;
const NAME_TAIL = /[\s:：、,＝=]+$/u;
/** An era or a sign may stand just before the first digit of a figure: "H26年1.54", "▲1.2". */
const BEFORE_FIGURE = /(?:平成|令和|昭和|[HRS]\.?|[▲△\-+−])$/u;

/** Cheap: could this cell hold an arrow line? */
export function mayHoldArrow(text: string): boolean {
  // indexOf is native and fast; most cells hold none of these.
  return (
    text.length >= 3 &&
    (text.indexOf('→') >= 0 ||
      text.indexOf('⇒') >= 0 ||
      text.indexOf('➡') >= 0 ||
      text.indexOf('➔') >= 0 ||
      text.indexOf('⟶') >= 0 ||
      ((text.indexOf('>') >= 0 || text.indexOf('＞') >= 0) && ARROW_CHARS.test(text)))
  );
}

interface Line {
  readonly name: string;
  readonly figures: readonly ValueCell[];
}

interface ArrowHeader {
  readonly row: number;
  readonly current?: { readonly col: number; readonly year?: number };
  readonly grade?: { readonly col: number; readonly header: string };
  /** 目安値: the expected value for the year evaluated (and so that year, for a current value without one). */
  readonly expected?: { readonly col: number; readonly year?: number };
}

/** The arrow-line table starting at (row, col), or undefined when the cell holds no arrow line of figures. */
export function readArrowLines(view: SheetView, claims: Claims, row: number, col: number): KpiTable | undefined {
  const kpis: KpiRow[] = [];
  let bottom = row;
  let left = col;
  const header = headerAbove(view, row, col);
  // Lines in the sheet's first row have no row above for a heading: a ledger always has a title
  // there, so such a cell is no list of KPIs (and a grade column could not be headed).
  if (!header && row === 0) return undefined;
  for (let r = row; r < view.rowCount; r++) {
    if (r > row && claims.covers(r, col)) break;
    const text = view.text(r, col);
    if (!mayHoldArrow(text)) break;
    const lines = readCellLines(r, col, text);
    if (lines.length === 0) break;
    const nameCol = lines.some((l) => l.name === '') ? nameLeft(view, r, col) : undefined;
    for (const line of lines) {
      const name = line.name !== '' ? line.name : nameCol !== undefined ? view.shownText(r, nameCol) : '';
      if (name === '') continue;
      if (nameCol !== undefined) left = Math.min(left, nameCol);
      kpis.push(toKpi(view, header, r, name, line.figures));
    }
    bottom = Math.max(r, view.mergeAt(r, col)?.bottom ?? r);
    r = bottom;
  }
  if (kpis.length === 0) return undefined;
  let right = col;
  if (header?.expected) right = Math.max(right, header.expected.col);
  if (header?.current) right = Math.max(right, header.current.col);
  if (header?.grade) right = Math.max(right, header.grade.col);
  const shared = new Set(kpis.map((k) => k.row)).size < kpis.length;
  const grade = header?.grade && !shared ? header.grade : undefined;
  const last = kpis[0]!.target;
  // Without a header, the line above (a caption such as 【重要業績評価指標（KPI）】, or nothing)
  // stands for one: a grade column added on the right gets its heading there, not in a KPI's row.
  const top = header ? header.row : Math.max(0, row - 1);
  return {
    sheet: view.name,
    range: { top, left, bottom, right },
    headerRows: { top, bottom: top },
    columns: {
      indicator: col,
      values: header?.current
        ? [header.current.year === undefined ? { col: header.current.col, role: 'current', header: '' } : { col: header.current.col, role: 'current', year: header.current.year, header: '' }]
        : [],
      target: last.year === undefined ? { col, header: '' } : { col, year: last.year, header: '' },
      ...(grade ? { grade } : {}),
    },
    kpis: grade ? kpis : kpis.map(withoutGrade),
  };
}

function withoutGrade(k: KpiRow): KpiRow {
  if (!k.gradeCell) return k;
  const { gradeCell: _dropped, ...rest } = k;
  return rest;
}

/** The lines of one cell that are arrow lines of figures; a line without arrows names the next. */
function readCellLines(row: number, col: number, text: string): Line[] {
  const out: Line[] = [];
  let pendingName = '';
  for (const raw of text.split(/\r\n?|\n/u)) {
    const line = nfkc(raw).trim();
    if (line === '') continue;
    if (!ARROW_SPLIT.test(line)) {
      pendingName = line;
      continue;
    }
    const parsed = readLine(row, col, line);
    if (!parsed) {
      pendingName = '';
      continue;
    }
    out.push(parsed.name === '' && pendingName !== '' ? { name: cleanName(pendingName), figures: parsed.figures } : parsed);
    pendingName = '';
  }
  return out;
}

/** "名前 132人 (H26) → 147人 (H28) → 200人 (H31)" → name and figures; undefined when not figures. */
function readLine(row: number, col: number, line: string): Line | undefined {
  const parts = line.split(ARROW_SPLIT);
  if (parts.length < 2) return undefined;
  const first = splitName(parts[0]!);
  if (!first) return undefined;
  const figures: ValueCell[] = [first.value];
  for (let i = 1; i < parts.length; i++) {
    const text = parts[i]!.trim();
    const reading = parseValuePart(text);
    figures.push(valuePart(row, col, text, reading, reading.kind === 'number' ? reading.year : undefined));
  }
  // Words joined by arrows (検討 → 実施 → 評価: a schedule) are no KPI: the first and last must be figures.
  if (figures[figures.length - 1]!.reading.kind !== 'number') return undefined;
  return { name: cleanName(first.name), figures };

  function splitName(part: string): { name: string; value: ValueCell } | undefined {
    const p = part.trim();
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      if (c < 0x30 || c > 0x39) continue;
      const prev = i > 0 ? p.charCodeAt(i - 1) : 0;
      if ((prev >= 0x30 && prev <= 0x39) || prev === 0x2e || prev === 0x2c) continue; // inside a figure
      const lead = BEFORE_FIGURE.exec(p.slice(0, i));
      const start = lead ? i - lead[0].length : i;
      const text = p.slice(start).trim();
      const reading = parseValuePart(text);
      if (reading.kind !== 'number') continue;
      return { name: p.slice(0, start), value: valuePart(row, col, text, reading, reading.year) };
    }
    return undefined;
  }
}

function cleanName(raw: string): string {
  return raw.replace(BULLET, '').replace(NAME_TAIL, '').trim();
}

/** The nearest cell left of the arrow cell with text: the name, when the line has none. */
function nameLeft(view: SheetView, row: number, col: number): number | undefined {
  for (let c = col - 1; c >= 0 && c >= col - 3; c--) if (hasText(view.shownText(row, c))) return c;
  return undefined;
}

function toKpi(view: SheetView, header: ArrowHeader | undefined, row: number, rawName: string, figures: readonly ValueCell[]): KpiRow {
  const text = readIndicatorText(cleanName(rawName));
  const n = figures.length;
  const baseline = figures[0]!;
  const target = figures[n - 1]!;
  let current: ValueCell | undefined = n >= 3 ? figures[n - 2] : undefined;
  let intermediates: ValueCell[] = n >= 4 ? figures.slice(1, n - 2) : [];
  const expected = header?.expected ? valueCellAt(view, row, header.expected.col, header.expected.year) : undefined;
  if (header?.current) {
    // A current value without a year of its own is the year of the row's 目安値 ("1.62\n(H29年)").
    const beside = valueCellAt(view, row, header.current.col, header.current.year ?? expected?.year);
    if (beside.reading.kind !== 'missing') {
      if (current) intermediates = [...intermediates, current];
      current = beside;
    }
  }
  const kpi: { -readonly [K in keyof KpiRow]: KpiRow[K] } = { row, name: text.name, intermediates, target, baseline };
  if (text.department) kpi.department = text.department;
  if (text.note !== undefined) kpi.note = text.note;
  if (current) kpi.current = current;
  if (expected && expected.reading.kind !== 'missing') kpi.expected = expected;
  if (header?.grade) kpi.gradeCell = gradeCellAt(view, row, header.grade.col);
  return kpi;
}

/**
 * A header right above the arrow cells naming their column as the indicator (数値目標, 指標):
 * its 現状 / 実績 column gives the current value, its 評価 column the grade cell.
 */
function headerAbove(view: SheetView, row: number, col: number): ArrowHeader | undefined {
  const h = row - 1;
  if (h < 0) return undefined;
  const own = view.shownText(h, col);
  if (!hasText(own) || readHeaderCell(own)?.role !== 'indicator') return undefined;
  const header: {
    row: number;
    current?: { col: number; year?: number };
    grade?: { col: number; header: string };
    expected?: { col: number; year?: number };
  } = { row: h };
  const width = view.width(h);
  for (let c = col + 1; c < width; c++) {
    const text = view.text(h, c);
    if (!hasText(text) || view.covered(h, c)) continue;
    const token = readHeaderCell(text);
    if (token?.role === 'current' && !header.current) header.current = token.year === undefined ? { col: c } : { col: c, year: token.year };
    else if (token?.role === 'grade' && !header.grade) header.grade = { col: c, header: compactText(text) };
    else if (token?.role === 'expected' && !header.expected) header.expected = token.year === undefined ? { col: c } : { col: c, year: token.year };
  }
  return header;
}
