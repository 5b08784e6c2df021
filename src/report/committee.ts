/**
 * What the command line needs for the committee report, in one call: each table's place, the
 * summary, the `--json` additions and the HTML. Kept out of src/cli/run.ts so the CLI change is
 * a few lines.
 */
import type { JsonReport } from '../cli/jsonReport';
import type { SheetGrid } from '../core/grid';
import { placesFor, type TablePlace } from '../core/structure';
import type { History } from '../core/history/model';
import { summarize, type EvaluationSummary, type SummaryBasis } from '../core/summary';
import { earlierFromHistory } from '../core/summaryEarlier';
import type { Evaluation, Preset, Problem } from '../core/types';
import { renderReportHtml, reportTitle, summarySections } from './html';
import { filePlace } from './manyHtml';
import { toJsonSummary, type JsonSummary } from './jsonSummary';

export interface Committee {
  readonly places: readonly TablePlace[];
  readonly summary: EvaluationSummary;
  readonly json: JsonSummary;
}

/** `history`: the workbook's evaluation history, for last time's share and the change (when it holds an earlier year). */
export function committeeSummary(evaluation: Evaluation, grids: readonly SheetGrid[], preset: Preset, basis: SummaryBasis, history?: History): Committee {
  const places = placesFor(
    evaluation.tables.map((t) => t.table),
    grids,
  );
  const earlier = history ? earlierFromHistory(history, evaluation, places, preset, basis) : undefined;
  const summary = summarize(evaluation, places, preset, { basis, ...(earlier && { earlier }) });
  return { places, summary, json: toJsonSummary(summary) };
}

/** The text of the first filled cell of the first sheet: a ledger's title line. */
function firstLine(grids: readonly SheetGrid[]): string | undefined {
  const grid = grids[0];
  if (!grid) return undefined;
  for (const row of grid.rows.slice(0, 5)) for (const cell of row ?? []) if (cell && cell.text.trim() !== '') return cell.text;
  return undefined;
}

/** Where a package keeps its document properties (title, author …). */
export const CORE_PART = 'docProps/core.xml';

/** The workbook's own title (ファイル → 情報 → タイトル) from docProps/core.xml, when it has one. */
export function coreTitle(coreXml: string | undefined): string | undefined {
  const m = coreXml ? /<dc:title(?:\s[^>]*)?>([^<]*)<\/dc:title>/.exec(coreXml) : null;
  if (!m) return undefined;
  const text = m[1]!
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
  return text === '' ? undefined : text;
}

/** 「2026年12月4日」 */
export function japaneseDate(d: Date): string {
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

export function committeeHtml(
  committee: Committee,
  input: { workbookTitle?: string; grids: readonly SheetGrid[]; sourceFile: string; preset: Preset; problems: readonly Problem[]; date: Date },
): string {
  return renderReportHtml({
    title: reportTitle(input.workbookTitle, firstLine(input.grids), input.sourceFile),
    sourceFile: input.sourceFile,
    date: japaneseDate(input.date),
    preset: input.preset,
    summary: committee.summary,
    problems: input.problems,
  });
}

/** `--json`: each table's goal and direction, and the summary. */
export function addPlaces(report: JsonReport, committee: Committee): void {
  report.tables.forEach((table, i) => {
    const place = committee.places[i];
    if (!place) return;
    table.goal = place.goal.text;
    if (place.direction) table.direction = place.direction.text;
  });
  report.summary = committee.json;
}

/** One file's part of the many-file report (rendered where the file was graded: the charts cost). */
export function committeeSection(
  committee: Committee,
  input: { index: number; workbookTitle?: string; grids: readonly SheetGrid[]; sourceFile: string },
): { title: string; html: string } {
  const title = reportTitle(input.workbookTitle, firstLine(input.grids), input.sourceFile);
  return { title, html: summarySections(committee.summary, filePlace(input.index), { overview: '評価の概要', level: 'h3' }) };
}
