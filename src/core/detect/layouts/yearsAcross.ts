/**
 * Years across, kinds of value down: the layout of 施策評価シート, 事務事業評価シート and
 * 指標総括表 (総合計画 evaluation). Each indicator takes two or more rows, labelled in a 区分
 * column — 目標 (or 計画) above 実績, sometimes 達成率 and 評価 below — with one column per
 * year (H27 H28 … or R2 R3 …), and sometimes a 基準値 column before the years and a 最終目標値
 * (with 目標年度) after them:
 *
 *   | 成果指標名            | 単位 | 区分 | 基準値(H26) | H27 | H28 | H29 | 最終目標値 | 目標年度 |
 *   | 避難場所を知っている… | ％   | 目標 |             | 60  | 65  | 70  | 75        | H31      |
 *   |                       |      | 実績 | 55.0        | 57.9| 58.2|     |           |          |
 *
 * The baseline is the 基準値 (else the first 実績, when a later one follows), the target the final target column (else the
 * final year's 目標), the current value the latest 実績, the 実績 between them intermediates.
 * The grade goes in an 評価 column when the header has one, or in the 評価 row under the year
 * being evaluated (the latest year with any 実績 in the table: one column for the whole table,
 * as the write plan wants) — never in a value cell.
 *
 * Found from its labels: a plan label directly above an actual label (or the reverse) in one
 * column, with a header of years above. A budget (予算 / 決算) or a schedule laid out
 * years-across has no such labels, or no indicator word and no figures, and is passed over.
 */
import { compactText } from '../../text';
import type { KpiRow, KpiTable, ValueCell, ValueColumn } from '../../types';
import { bareFiscalYear, eraOf, findYear } from '../../years';
import { readIndicatorText } from '../indicator';
import { hasText, type SheetView } from '../sheetView';
import { gradeCellAt, hasValue, readLayoutHeader, valueCellAt } from './cells';
import type { Claims } from './claims';
import { rowKind, type RowKind } from './kinds';

/** How far above the first labelled row the year header may be. */
const MAX_HEADER_GAP = 4;

interface YearColumn {
  readonly col: number;
  readonly year: number;
  readonly header: string;
}

interface Header {
  readonly top: number;
  readonly row: number;
  readonly years: readonly YearColumn[];
  readonly baseline?: { readonly col: number; readonly year?: number; readonly header: string };
  readonly target?: { readonly col: number; readonly year?: number; readonly header: string };
  readonly grade?: { readonly col: number; readonly header: string };
  readonly indicator?: number;
  readonly unit?: number;
  /** 目標年度: written per indicator, in this column. */
  readonly targetYearCol?: number;
  /** An indicator word (指標, KPI) stands in the header left of the values. */
  readonly indicatorWord: boolean;
}

interface Group {
  readonly top: number;
  bottom: number;
  readonly rows: Map<RowKind, number>;
}

/**
 * Is (row, col) the first label of a years-across group: plan over actual, actual over plan, or
 * actual over 達成率 / 評価 (a yearly results block, whose targets are in a plan block)?
 */
export function startsYearsAcross(view: SheetView, row: number, col: number): boolean {
  const a = rowKind(view.text(row, col));
  if (a !== 'plan' && a !== 'actual') return false;
  const b = rowKind(view.shownText(row + 1, col));
  return (a === 'plan' && b === 'actual') || (a === 'actual' && (b === 'plan' || b === 'rate' || b === 'grade'));
}

export interface YearsAcrossTable {
  readonly table: KpiTable;
  /**
   * A results block (実績 / 達成率 / 評価 rows) with no 目標 row and no target column: its targets
   * are in a plan block elsewhere on the sheet, and each KPI's target here is only a placeholder.
   */
  readonly lacksTargets: boolean;
}

/** The years-across table whose first label is at (row, col), or undefined when it is none. */
export function readYearsAcross(view: SheetView, claims: Claims, row: number, col: number): YearsAcrossTable | undefined {
  const header = findHeader(view, row, col);
  if (!header) return undefined;
  const skip = new Set([header.unit, header.baseline?.col, header.target?.col]);
  const nameCol = header.indicator ?? nameColumn(view, row, col, skip);
  if (nameCol === undefined) return undefined;

  const requirePlan = rowKind(view.text(row, col)) === 'plan' || rowKind(view.shownText(row + 1, col)) === 'plan';
  const groups = readGroups(view, claims, row, col, nameCol, requirePlan);
  if (groups.length === 0) return undefined;
  if (!header.indicatorWord && !sectionLabel(view, groups, nameCol)) return undefined;

  const drafts = groups.map((g) => draftKpi(view, header, g, nameCol));
  const lacksTargets = drafts.some((d) => d.lacksTarget);
  // A schedule's 計画 / 実績 rows hold marks and words (実施, ●): no figure, no KPI table.
  if (!drafts.some((d) => d.figures > 0)) return undefined;

  const grade = gradePlacement(view, header, groups, drafts);
  const kpis: KpiRow[] = drafts.map((d, i) => {
    const kpi: { -readonly [K in keyof KpiRow]: KpiRow[K] } = { ...d.kpi };
    if (grade) kpi.gradeCell = grade.cells[i]!;
    return kpi;
  });

  let right = col;
  for (const y of header.years) right = Math.max(right, y.col);
  for (const c of [header.baseline?.col, header.target?.col, header.grade?.col, grade?.col, header.targetYearCol]) {
    if (c !== undefined) right = Math.max(right, c);
  }
  const bottom = groups[groups.length - 1]!.bottom;
  const left = Math.min(nameCol, col);
  const values: ValueColumn[] = [];
  if (header.baseline) values.push(valueColumn(header.baseline.col, 'baseline', header.baseline.year, header.baseline.header));
  header.years.forEach((y, i) => {
    const role = i === header.years.length - 1 ? 'current' : i === 0 && !header.baseline ? 'baseline' : 'intermediate';
    values.push(valueColumn(y.col, role, y.year, y.header));
  });
  const lastYear = header.years[header.years.length - 1];
  const targetColumn = header.target ?? (lastYear ? { col: lastYear.col, year: lastYear.year, header: lastYear.header } : undefined);
  if (!targetColumn) return undefined;
  const targetYear = header.target ? header.target.year : lastYear?.year;
  const table: KpiTable = {
    sheet: view.name,
    range: { top: header.top, left, bottom, right },
    headerRows: { top: header.top, bottom: header.row },
    columns: {
      indicator: nameCol,
      values,
      target:
        targetYear === undefined
          ? { col: targetColumn.col, header: targetColumn.header }
          : { col: targetColumn.col, year: targetYear, header: targetColumn.header },
      ...(grade ? { grade: { col: grade.col, header: grade.header } } : {}),
    },
    kpis,
  };
  return { table, lacksTargets };
}

function valueColumn(col: number, role: ValueColumn['role'], year: number | undefined, header: string): ValueColumn {
  return year === undefined ? { col, role, header } : { col, role, year, header };
}

/** The header row of years above the first labelled row, and the columns it names. */
function findHeader(view: SheetView, row: number, col: number): Header | undefined {
  for (let h = row - 1; h >= 0 && h >= row - MAX_HEADER_GAP; h--) {
    const header = readHeaderRow(view, h, col);
    if (header) return header;
    // A row of figures between the labels and the header: no header of ours.
    if (rowKind(view.shownText(h, col)) !== undefined) return undefined;
  }
  return undefined;
}

function readHeaderRow(view: SheetView, h: number, col: number): Header | undefined {
  const width = Math.max(view.width(h), h > 0 ? view.width(h - 1) : 0);
  const years: YearColumn[] = [];
  let baseline: Header['baseline'];
  let target: Header['target'];
  let grade: Header['grade'];
  let indicator: number | undefined;
  let unit: number | undefined;
  let targetYearCol: number | undefined;
  let indicatorWord = false;
  let era: ReturnType<typeof eraOf>;
  let eraLooked = false;
  for (let c = 0; c < width; c++) {
    const a = view.anchor(h, c);
    if (a.col < c) continue; // the rest of a cell merged across
    let text = view.text(a.row, a.col);
    let token = hasText(text) ? readLayoutHeader(text) : undefined;
    // A two-row header: a word above a cell with nothing of its own (基準値 merged down is found already).
    if ((!token || token.role === undefined) && h > 0 && !hasText(text)) {
      const above = view.shownText(h - 1, c);
      if (hasText(above)) {
        text = above;
        token = readLayoutHeader(above);
      }
    }
    if (!hasText(text)) continue;
    const compact = compactText(text);
    if (c <= col && (compact.includes('指標') || /KPI/iu.test(compact))) indicatorWord = true;
    if (compact === '目標年度') {
      targetYearCol = c;
      continue;
    }
    if (compact === '単位' && c < col) {
      unit = c;
      continue;
    }
    if (!token && c > col) {
      // "25年度": a year without its era, in the era the sheet names above (its title).
      if (!eraLooked) {
        era = sheetEra(view, h);
        eraLooked = true;
      }
      const year = bareFiscalYear(text, era);
      if (year !== undefined) years.push({ col: c, year, header: compact });
      continue;
    }
    if (!token) continue;
    // 基準値 / 目標値 may stand left of the labels too: a plan block beside the yearly results.
    if (c !== col && token.role === 'baseline') baseline ??= withYear(c, token.year, compact);
    else if (c !== col && token.role === 'target') target = withYear(c, token.year, compact);
    else if (c > col) {
      if (token.role === undefined && token.year !== undefined) years.push({ col: c, year: token.year, header: compact });
      else if (token.role === 'grade') grade ??= { col: c, header: compact };
    } else if (token.role === 'indicator' && c < col) {
      indicator ??= c;
    }
  }
  if (years.length < 2 && !(years.length === 1 && (baseline || target))) return undefined;
  // Years run left to right; a header whose years go back and forth is some other table.
  for (let i = 1; i < years.length; i++) if (years[i]!.year <= years[i - 1]!.year) return undefined;
  const header: { -readonly [K in keyof Header]: Header[K] } = { top: h, row: h, years, indicatorWord };
  if (baseline) header.baseline = baseline;
  if (target) header.target = target;
  if (grade) header.grade = grade;
  if (indicator !== undefined) header.indicator = indicator;
  if (unit !== undefined) header.unit = unit;
  if (targetYearCol !== undefined) header.targetYearCol = targetYearCol;
  // A header cell merged down from above (成果指標 over two rows) moves the top up.
  for (let c = 0; c <= col; c++) {
    const m = view.mergeAt(h, c);
    if (m && m.top < header.top) header.top = m.top;
  }
  return header;
}

/** The era the rows above a header name (「平成27年度 事務事業評価シート」), or undefined. */
function sheetEra(view: SheetView, h: number): ReturnType<typeof eraOf> {
  for (let r = h - 1; r >= 0 && r >= h - 8; r--) {
    for (let c = 0; c < view.width(r); c++) {
      const text = view.text(r, c);
      if (text === '' || text.length > 80) continue;
      const era = eraOf(text);
      if (era) return era;
    }
  }
  return undefined;
}

function withYear(col: number, year: number | undefined, header: string): { col: number; year?: number; header: string } {
  return year === undefined ? { col, header } : { col, year, header };
}

/** The indicator's column when the header does not say: the nearest text left of the labels. */
function nameColumn(view: SheetView, row: number, col: number, skip: ReadonlySet<number | undefined>): number | undefined {
  for (let c = col - 1; c >= 0; c--) {
    if (skip.has(c)) continue;
    if (hasText(view.shownText(row, c))) return c;
  }
  return undefined;
}

/** 成果指標 / 活動指標 written as a section label left of the names, merged down over them. */
function sectionLabel(view: SheetView, groups: readonly Group[], nameCol: number): boolean {
  const row = groups[0]!.top;
  for (let c = nameCol - 1; c >= 0; c--) {
    const t = compactText(view.shownText(row, c));
    if (t.includes('指標') || /KPI/iu.test(t)) return true;
  }
  return false;
}

/** The indicators, one group of labelled rows each, from the first label down. */
function readGroups(view: SheetView, claims: Claims, row: number, col: number, nameCol: number, requirePlan: boolean): Group[] {
  const groups: Group[] = [];
  let current: Group | undefined;
  let first: RowKind | undefined;
  const complete = (g: Group) => g.rows.has('actual') && (!requirePlan || g.rows.has('plan'));
  const close = () => {
    if (current && complete(current)) groups.push(current);
    current = undefined;
  };
  for (let r = row; r < view.rowCount; r++) {
    if (claims.covers(r, col)) break;
    const kind = rowKind(view.shownText(r, col));
    if (kind === undefined) break;
    const ownName = r > row && hasText(view.ownText(r, nameCol));
    if (!current || ownName || kind === first || current.rows.has(kind)) {
      const wasComplete = current ? complete(current) : true;
      close();
      if (!wasComplete) break; // a group without its plan or actual ends the table
      current = { top: r, bottom: r, rows: new Map() };
      first = kind;
    }
    current.rows.set(kind, r);
    current.bottom = Math.max(current.bottom, r, view.mergeAt(r, nameCol)?.bottom ?? r);
  }
  close();
  return groups;
}

interface Draft {
  readonly kpi: KpiRow;
  /** Cells of the group that read as numbers: a table without any is no KPI table. */
  readonly figures: number;
  /** No 目標 row and no target column: the target is a placeholder (see YearsAcrossTable). */
  readonly lacksTarget: boolean;
}

function draftKpi(view: SheetView, header: Header, g: Group, nameCol: number): Draft {
  const planRow = g.rows.get('plan');
  const actualRow = g.rows.get('actual')!;
  const text = readIndicatorText(view.shownText(g.top, nameCol));
  let figures = 0;
  const count = (c: ValueCell) => {
    if (c.reading.kind === 'number') figures++;
    return c;
  };

  const actuals = header.years.map((y) => count(valueCellAt(view, actualRow, y.col, y.year)));
  const plans = planRow === undefined ? [] : header.years.map((y) => count(valueCellAt(view, planRow, y.col, y.year)));
  const filled = actuals.filter(hasValue);

  let baseline: ValueCell | undefined;
  if (header.baseline) {
    const b = header.baseline;
    // The baseline is written in one of the group's rows, or merged over them.
    const cells = [actualRow, planRow ?? g.top, g.top].map((r) => valueCellAt(view, r, b.col, b.year));
    baseline = cells.find(hasValue) ?? cells[0];
    if (baseline) count(baseline);
  }
  // Without a 基準値, the first 実績 — when a later one follows: a single 実績 is the current
  // value only, and the KPI has no baseline (a value cannot be measured against itself).
  if ((!baseline || !hasValue(baseline)) && filled.length >= 2) baseline = filled[0];
  const current = filled.length > 0 ? filled[filled.length - 1] : undefined;
  const intermediates = filled.filter((c) => c !== baseline && c !== current);

  let target: ValueCell;
  let lacksTarget = false;
  const ownTargetYear = targetYearOf(view, header, g);
  if (header.target) {
    const t = header.target;
    const year = t.year ?? ownTargetYear ?? header.years[header.years.length - 1]?.year;
    const cells = [planRow ?? g.top, g.top, actualRow].map((r) => valueCellAt(view, r, t.col, year));
    target = count(cells.find(hasValue) ?? cells[0]!);
  } else if (planRow === undefined) {
    lacksTarget = true;
    target = actuals[actuals.length - 1]!;
  } else {
    // The final year's 目標: the last year with a plan figure.
    const planned = plans.filter(hasValue);
    target = planned[planned.length - 1] ?? plans[plans.length - 1]!;
  }

  // The KPI's row is its first (as for a KPI merged over rows); its figures are in the rows below.
  const kpi: { -readonly [K in keyof KpiRow]: KpiRow[K] } = { row: g.top, name: text.name, intermediates, target };
  if (text.department) kpi.department = text.department;
  if (text.note !== undefined) kpi.note = text.note;
  if (baseline) kpi.baseline = baseline;
  if (current) kpi.current = current;
  return { kpi, figures, lacksTarget };
}

/** 目標年度 written in the group's rows ("H31", "令和7年度"). */
function targetYearOf(view: SheetView, header: Header, g: Group): number | undefined {
  const col = header.targetYearCol;
  if (col === undefined) return undefined;
  for (let r = g.top; r <= g.bottom; r++) {
    const y = findYear(view.shownText(r, col));
    if (y) return y.year;
  }
  return undefined;
}

interface GradePlacement {
  readonly col: number;
  readonly header: string;
  readonly cells: readonly NonNullable<KpiRow['gradeCell']>[];
}

/**
 * Where each indicator's grade goes: the header's 評価 column, or each group's 評価 row under the
 * year being evaluated. Only when every indicator has its cell and all the cells are in one
 * column (the write plan writes a table's grades in one column); otherwise none, and the
 * officer is offered a column to the right, as for any table without one.
 */
function gradePlacement(view: SheetView, header: Header, groups: readonly Group[], drafts: readonly Draft[]): GradePlacement | undefined {
  if (header.grade) {
    const col = header.grade.col;
    const cells = groups.map((g) => {
      // Typed in one of the group's rows, or merged over them; else the actual row's cell.
      for (let r = g.top; r <= g.bottom; r++) {
        const cell = gradeCellAt(view, r, col);
        if (cell.text !== '' || cell.formula) return cell;
      }
      return gradeCellAt(view, g.rows.get('actual')!, col);
    });
    return sameColumn(cells) ? { col: cells[0]!.col, header: header.grade.header, cells } : undefined;
  }
  if (!groups.every((g) => g.rows.has('grade'))) return undefined;
  // The year being evaluated: the latest with any 実績 in the table.
  let evaluated: YearColumn | undefined;
  for (const y of header.years) {
    if (drafts.some((d) => d.kpi.current?.col === y.col || d.kpi.intermediates.some((c) => c.col === y.col))) evaluated = y;
  }
  if (!evaluated) return undefined;
  const col = evaluated.col;
  const cells = groups.map((g) => gradeCellAt(view, g.rows.get('grade')!, col));
  return sameColumn(cells) ? { col: cells[0]!.col, header: evaluated.header, cells } : undefined;
}

function sameColumn(cells: readonly { col: number }[]): boolean {
  return cells.length > 0 && cells.every((c) => c.col === cells[0]!.col);
}
