/**
 * `--report FILE.html` over many files: the one report of the collection, from the combined
 * JSON (so its numbers are `--json`'s) and the sections each worker rendered for its file.
 */
import { gradeKeysOf, gradeMeaning } from '../core/presets';
import { toGradeText } from '../core/gradeText';
import { japaneseDate } from '../report/committee';
import { renderManyReportHtml, type ReportFile } from '../report/manyHtml';
import { sumJsonCounts } from '../report/jsonSummary';
import { OutputExistsError, writeOutputFile } from '../xlsx/outputFile';
import type { CombinedJson } from './combinedReport';
import type { CliMessage } from './messages';
import type { Options } from './options';

/** Writes the report; returns what went wrong, worded by the caller, or undefined. */
export async function writeManyReport(
  path: string,
  report: CombinedJson,
  sections: ReadonlyMap<string, { title: string; html: string }>,
  o: Pick<Options, 'preset' | 'force' | 'overwrite'>,
): Promise<CliMessage | undefined> {
  const files: ReportFile[] = report.files.map((f) => {
    const section = sections.get(f.file);
    const graded = f.error === undefined && f.summary && section ? { title: section.title, counts: f.summary.total, sectionHtml: section.html } : undefined;
    return { file: f.file, ...(graded ? { graded } : {}), problems: f.problems };
  });
  const first = report.files.find((f) => f.summary)?.summary;
  const html = renderManyReportHtml({
    preset: o.preset,
    basis: first?.basis ?? (o.overwrite ? 'computed' : 'ledger'),
    onTrackLabel: first?.onTrackLabel ?? '',
    grades: gradeKeysOf(o.preset).map((key) => ({ key, text: toGradeText(key, 'full'), meaning: gradeMeaning(o.preset, key)?.meaning ?? key })),
    date: japaneseDate(new Date()),
    files,
    total: report.summary.committee ?? sumJsonCounts([]),
    review: report.review,
    skipped: report.skipped.map((s) => ({ file: s.file, message: s.message })),
  });
  try {
    await writeOutputFile(path, new TextEncoder().encode(html), o.force);
    return undefined;
  } catch (error) {
    if (error instanceof OutputExistsError) return { key: 'outExists', params: { file: path } };
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    return { key: 'writeFailed', params: { file: path, detail: code ?? (error instanceof Error ? error.message : String(error)) } };
  }
}
