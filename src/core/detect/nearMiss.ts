/**
 * Saying why a table was not read (issue 8, item 3). Silence is the worst answer: a sheet that
 * holds what looks like a KPI table — header words of KPI columns (指標, 実績, 目標値 …) with
 * figures below them — but yields no table gets a problem naming the sheet and the row, what was
 * found and what is missing:
 *   「基本目標1」シートの5行目に「指標」「実績」の見出しがありますが、目標の列が見つかりません。
 *
 * Asked after the scan, of the rows the header finder already found two header words in (its
 * per-row cache), so a sheet whose tables were all read pays for nothing but that list. Rows a
 * table was read from are left alone. Header words that stand on no common row (a sheet of
 * scattered cells) are said once per sheet, when the sheet yields no table at all.
 */
import { parseCellValue } from '../cellValue';
import { cellAddress, rangeAddress } from '../grid';
import { makeProblem } from '../problems';
import type { KpiTable, Problem } from '../types';
import { planColumns } from './columns';
import type { HeaderFinder } from './headerRow';
import { KPI_ROLES, MAX_HEADER_LENGTH, mayHoldHeaderWord, readHeaderCell, type HeaderRole } from './headerWords';
import { joinHeaderText } from './indicator';
import { hasText, type SheetView } from './sheetView';

/** What a header row lacks to be read as a KPI table. */
type Missing = 'indicator' | 'target' | 'values' | 'rows' | 'headerRow';

const MISSING_WORDS: Readonly<Record<Missing, { readonly ja: string; readonly en: string }>> = {
  indicator: { ja: '指標の列（「指標」「KPI」などの見出し）', en: 'an indicator column (a header such as 指標 or KPI)' },
  target: { ja: '目標の列（「目標値」などの見出し）', en: 'a target column (a header such as 目標値)' },
  values: {
    ja: '値の列（「基準値」「実績値」などの見出し、または年度）',
    en: 'a value column (a header such as 基準値 or 実績値, or a year)',
  },
  rows: { ja: 'その下のKPIの行（指標名と数値の入った行）', en: 'KPI rows below it (a name and figures on each row)' },
  headerRow: {
    ja: '指標・目標・値の見出しが同じ行に並んだ見出し行',
    en: 'a header row with the indicator, target and value headers side by side',
  },
};

/** How far below a header row figures are looked for. */
const FIGURE_ROWS = 6;
/** Header texts quoted in a message, at most. */
const MAX_QUOTED = 5;

interface WordCell {
  readonly row: number;
  readonly col: number;
  readonly role: HeaderRole;
  readonly header: string;
}

/** Adds a problem for each near miss on the sheet (see the module comment). */
export function reportNearMisses(view: SheetView, finder: HeaderFinder, tables: readonly KpiTable[], problems: Problem[]): void {
  let reported = 0;
  let lastReported = -Infinity;
  const headerRows = finder.rowsWithHeaderWords();
  // Rows a table was read from, marked once: a sheet of many tables asks of every header row.
  const inTable = headerRows.length === 0 ? undefined : tableRows(view.rowCount, tables);
  for (const row of headerRows) {
    if (row <= lastReported + 2 || inTable![row] === 1) continue; // a second header row of the one just reported
    const words = kpiWords(view, row);
    if (words.length < 2) continue;
    const left = Math.min(...words.map((w) => w.col));
    const right = Math.max(...words.map((w) => w.col));
    if (!hasFiguresBelow(view, row, left, right)) continue;
    const missing = whatIsMissing(finder, row, words);
    problems.push(problem(view.name, rangeAddress({ top: row, bottom: row, left, right }), [row], words, missing));
    lastReported = row;
    reported++;
  }
  if (reported > 0 || tables.length > 0) return;
  // No header row at all: header words scattered over the sheet, with figures somewhere.
  const scattered = scatteredWords(view);
  if (scattered.words.length < 2 || !scattered.figures) return;
  const rows = [...new Set(scattered.words.map((w) => w.row))];
  const first = scattered.words[0]!;
  problems.push(problem(view.name, cellAddress(first.row, first.col), rows, scattered.words, 'headerRow'));
}

function problem(sheet: string, cell: string, rows: readonly number[], words: readonly WordCell[], missing: Missing): Problem {
  const quoted = [...new Set(words.map((w) => w.header))].slice(0, MAX_QUOTED);
  return makeProblem('tableIncomplete', sheet, cell, {
    rows: rows
      .slice(0, MAX_QUOTED)
      .map((r) => String(r + 1))
      .join('・'),
    found: quoted.map((h) => `「${h}」`).join(''),
    missing: MISSING_WORDS[missing].ja,
    missingEn: MISSING_WORDS[missing].en,
  });
}

function tableRows(rowCount: number, tables: readonly KpiTable[]): Uint8Array {
  const marks = new Uint8Array(rowCount);
  for (const t of tables) marks.fill(1, t.range.top, Math.min(rowCount, t.range.bottom + 1));
  return marks;
}

/** The cells of the row (its own, not merged over) whose header words name a KPI column. */
function kpiWords(view: SheetView, row: number): WordCell[] {
  const out: WordCell[] = [];
  const width = view.width(row);
  for (let c = 0; c < width; c++) {
    const word = kpiWordAt(view, row, c);
    if (word) out.push(word);
  }
  return out;
}

function kpiWordAt(view: SheetView, row: number, col: number): WordCell | undefined {
  const text = view.text(row, col);
  if (text === '' || text.length > MAX_HEADER_LENGTH || !mayHoldHeaderWord(text) || view.covered(row, col)) return undefined;
  const role = readHeaderCell(text)?.role;
  if (role === undefined || !KPI_ROLES.has(role)) return undefined;
  return { row, col, role, header: joinHeaderText(text) };
}

/** A figure (a number that is no header cell, such as a year) in the rows just below, within left..right. */
function hasFiguresBelow(view: SheetView, row: number, left: number, right: number): boolean {
  const end = Math.min(view.rowCount, row + 1 + FIGURE_ROWS);
  for (let r = row + 1; r < end; r++) {
    for (let c = left; c <= right; c++) if (isFigure(view.text(r, c))) return true;
  }
  return false;
}

function isFigure(text: string): boolean {
  if (!hasText(text)) return false;
  return parseCellValue(text).kind === 'number' && readHeaderCell(text) === undefined;
}

/** The first reason, in the order a table needs its parts, why no table starts on the row. */
function whatIsMissing(finder: HeaderFinder, row: number, words: readonly WordCell[]): Missing {
  const layouts = finder.find(row);
  if (layouts.length === 0) return words.some((w) => w.role === 'indicator') ? 'target' : 'indicator';
  // A header with an indicator and a target: no value column, or no KPI rows under it.
  return layouts.some((l) => planColumns(l) !== undefined) ? 'rows' : 'values';
}

/** Every KPI header word on the sheet (the first few) and whether any figure is there too. */
function scatteredWords(view: SheetView): { words: WordCell[]; figures: boolean } {
  const words: WordCell[] = [];
  let figures = false;
  for (let r = 0; r < view.rowCount; r++) {
    const width = view.width(r);
    for (let c = 0; c < width; c++) {
      const word = words.length < MAX_QUOTED ? kpiWordAt(view, r, c) : undefined;
      if (word) words.push(word);
      else if (!figures && !view.covered(r, c)) figures = isFigure(view.text(r, c));
    }
    if (figures && words.length >= MAX_QUOTED) break;
  }
  return { words, figures };
}
