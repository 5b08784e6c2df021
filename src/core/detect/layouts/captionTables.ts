/**
 * One small table per KPI: a caption line with the indicator's name, a row of years each
 * marked with what its value is, and one row of values under them:
 *
 *   ■市内企業の新規雇用者数
 *   | H26（基準値） | H28（現状値） | H31（目標値） | 評価 |
 *   | 120人         | 135人         | 200人         |      |
 *
 * (the form of 数値目標 / KPI boxes in many 総合戦略 進捗 reports, each KPI in a box of its own).
 * The name may also stand left of the values instead of above. A 評価 / 達成状況 cell in the
 * marked row gives the grade cell below it; otherwise none (a column to the right is offered).
 */
import { compactText } from '../../text';
import type { KpiRow, KpiTable, ValueCell, ValueColumn } from '../../types';
import { findYear } from '../../years';
import { readHeaderCell } from '../headerWords';
import { readIndicatorText } from '../indicator';
import { hasText, type SheetView } from '../sheetView';
import { gradeCellAt, valueCellAt } from './cells';
import type { Claims } from './claims';
import { rowKind } from './kinds';

type Mark = 'baseline' | 'intermediate' | 'current' | 'target';

const MARKS: readonly (readonly [string, Mark])[] = [
  ['基準値', 'baseline'],
  ['基準', 'baseline'],
  ['策定時', 'baseline'],
  ['当初値', 'baseline'],
  ['当初', 'baseline'],
  ['現状値', 'current'],
  ['現状', 'current'],
  ['実績値', 'current'],
  ['実績', 'current'],
  ['現況値', 'current'],
  ['直近値', 'current'],
  ['中間値', 'intermediate'],
  ['目標値', 'target'],
  ['目標', 'target'],
];

/** Longest marked cell: a year, a bracket and a word. */
const MAX_MARKED = 24;
/** What is left of a marked cell once its year and word are out: brackets, 年度, spaces. */
const LEFTOVER = /^[()（）[\]【】\s年度:：・/]*$/u;

/** Cheap: could this cell be the baseline mark of such a table? */
export function mayStartCaptionTable(text: string): boolean {
  return text.length <= MAX_MARKED && (text.indexOf('基準') >= 0 || text.indexOf('策定時') >= 0 || text.indexOf('当初') >= 0);
}

interface Marked {
  readonly col: number;
  readonly mark: Mark;
  readonly year?: number;
  readonly header: string;
}

/** A marked year cell: "H26（基準値）", "平成28年度\n(現状値)"; a year is required. */
function readMarked(raw: string, col: number): Marked | undefined {
  if (raw === '' || raw.length > MAX_MARKED) return undefined;
  const text = compactText(raw);
  const y = findYear(text);
  if (!y) return undefined;
  const rest = text.slice(0, y.index) + text.slice(y.index + y.text.length);
  for (const [word, mark] of MARKS) {
    const at = rest.indexOf(word);
    if (at < 0) continue;
    if (!LEFTOVER.test(rest.slice(0, at) + rest.slice(at + word.length))) return undefined;
    return { col, mark, year: y.year, header: text };
  }
  // A year alone between the marked ones ("H25年度"): an intermediate year.
  return LEFTOVER.test(rest) ? { col, mark: 'intermediate', year: y.year, header: text } : undefined;
}

/** The one-KPI table whose marked row holds a baseline mark at (row, col); undefined when it is none. */
export function readCaptionTable(view: SheetView, claims: Claims, row: number, col: number): KpiTable | undefined {
  const first = readMarked(view.text(row, col), col);
  if (!first || first.mark !== 'baseline') return undefined;
  const marked: Marked[] = [first];
  let grade: { col: number; header: string } | undefined;
  const width = view.width(row);
  for (let c = col + 1; c < width; c++) {
    const text = view.text(row, c);
    if (!hasText(text)) {
      if (view.covered(row, c)) continue;
      break;
    }
    const m = readMarked(text, c);
    if (m) {
      marked.push(m);
      continue;
    }
    if (readHeaderCell(text)?.role === 'grade') grade = { col: c, header: compactText(text) };
    break;
  }
  const targets = marked.filter((m) => m.mark === 'target');
  if (targets.length === 0) return undefined;
  const values = row + 1;
  if (values >= view.rowCount || claims.covers(values, col)) return undefined;
  // A header with an indicator word (指標 | 基準値(H26) | 目標値(H31) …) heads a table of many
  // rows, and a row of 実績 / 目標 labels below is a years-across body: neither is a KPI box.
  for (let c = 0; c < col; c++) if (readHeaderCell(view.shownText(row, c))?.role === 'indicator') return undefined;
  for (let c = 0; c < view.width(values); c++) if (rowKind(view.text(values, c)) !== undefined) return undefined;

  // The name: in the values row left of the first value, else the caption line above.
  let name = '';
  let left = col;
  for (let c = col - 1; c >= 0; c--) {
    const t = view.shownText(values, c);
    if (hasText(t)) {
      name = t;
      left = c;
      break;
    }
  }
  let top = row;
  if (name === '' && row > 0 && !claims.covers(row - 1, col)) {
    const above = row - 1;
    for (let c = 0; c < Math.max(view.width(above), col + 1); c++) {
      const t = view.shownText(above, c);
      if (hasText(t)) {
        name = t;
        top = above;
        left = Math.min(left, c);
        break;
      }
    }
  }
  const indicator = readIndicatorText(name.replace(/^[\s■□◆◇●○・◎▼▽]+/u, ''));
  if (indicator.name === '') return undefined;

  const cells = marked.map((m) => ({ m, cell: valueCellAt(view, values, m.col, m.year) }));
  if (!cells.some((x) => x.cell.reading.kind === 'number')) return undefined;
  const target = pickLast(cells.filter((x) => x.m.mark === 'target'))!;
  const baseline = cells.find((x) => x.m.mark === 'baseline')!.cell;
  const currents = cells.filter((x) => x.m.mark === 'current' && x.cell.reading.kind !== 'missing');
  const current = currents.length > 0 ? pickLast(currents) : undefined;
  const intermediates: ValueCell[] = cells
    .filter((x) => x.m.mark === 'intermediate' || (x.m.mark === 'current' && x.cell !== current))
    .map((x) => x.cell)
    .filter((c) => c.reading.kind !== 'missing');

  const kpi: { -readonly [K in keyof KpiRow]: KpiRow[K] } = { row: values, name: indicator.name, intermediates, target, baseline };
  if (indicator.department) kpi.department = indicator.department;
  if (indicator.note !== undefined) kpi.note = indicator.note;
  if (current) kpi.current = current;
  if (grade) kpi.gradeCell = gradeCellAt(view, values, grade.col);
  if (grade && kpi.gradeCell!.col !== grade.col) {
    delete kpi.gradeCell; // merged from elsewhere: the write plan could not write there
    grade = undefined;
  }

  const right = Math.max(...marked.map((m) => m.col), grade?.col ?? 0);
  const targetMark = targets[targets.length - 1]!;
  const columns: ValueColumn[] = marked
    .filter((m) => m.mark !== 'target')
    .map((m) => (m.year === undefined ? { col: m.col, role: m.mark as ValueColumn['role'], header: m.header } : { col: m.col, role: m.mark as ValueColumn['role'], year: m.year, header: m.header }));
  return {
    sheet: view.name,
    range: { top, left, bottom: values, right },
    headerRows: { top: row, bottom: row },
    columns: {
      indicator: left,
      values: columns,
      target: targetMark.year === undefined ? { col: targetMark.col, header: targetMark.header } : { col: targetMark.col, year: targetMark.year, header: targetMark.header },
      ...(grade ? { grade } : {}),
    },
    kpis: [kpi],
  };
}

/** The last of several (the final target, the latest current value), by year, else the rightmost. */
function pickLast(cells: readonly { m: Marked; cell: ValueCell }[]): ValueCell | undefined {
  let best: { m: Marked; cell: ValueCell } | undefined;
  for (const x of cells) if (!best || (x.m.year ?? -Infinity) >= (best.m.year ?? -Infinity)) best = x;
  return best?.cell;
}
