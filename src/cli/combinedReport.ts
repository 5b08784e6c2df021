/**
 * The many-file `--json` shape: one entry per file (the one-file report's tables and
 * problems, or the reason it could not be read), the files left out, the totals
 * (`summary`) and the consistency review. With one file given, the command prints the
 * one-file shape instead (jsonReport.ts).
 */
import type { ConsistencyReview } from '../core/consistency';
import { sumJsonCounts, type JsonCounts } from '../report/jsonSummary';
import type { JsonReport } from './jsonReport';
import { say, type CliMessage } from './messages';

/** The one-file report without its preset (given once, at the top), and the file's name. */
export type CombinedFile = { file: string } & Omit<JsonReport, 'preset'> & {
    /** Set when the file could not be graded: which message (`notZip`, `encrypted`, …). */
    error?: string;
  };

export interface CombinedSummary {
  /** Files attempted (given, or found in the folders). */
  files: number;
  graded: number;
  /** Files that could not be read or written, and paths given that do not exist. */
  failed: number;
  /** Lock files and other files left out of the folders. */
  skipped: number;
  tables: number;
  kpis: number;
  /** KPIs per computed grade (half-width key); KPIs the rule cannot grade are `ungraded`. */
  byGrade: Record<string, number>;
  ungraded: number;
  /** KPIs whose typed grade differs from the rule's. */
  differs: number;
  problems: number;
  /** With --out-dir: copies written and grade cells written in them. */
  written?: { files: number; cells: number };
  /**
   * The committee counts (#12) of all graded files together, counted as each file's `summary`
   * (typed grades where valid): what the many-file report's 全体 row shows.
   */
  committee?: JsonCounts;
}

export interface CombinedJson {
  preset: string;
  files: CombinedFile[];
  skipped: { file: string; reason: string; message: string; messageEn: string }[];
  summary: CombinedSummary;
  review: ConsistencyReview;
}

export type FileOutcome = { file: string; ok: true; report: JsonReport } | { file: string; ok: false; error: CliMessage };

/** A file that could not be graded, as a problem like any other (the message names the file and what to do). */
function failedFile(file: string, error: CliMessage): CombinedFile {
  return {
    file,
    tables: [],
    problems: [{ sheet: '', cell: '', code: 'fileNotGraded', severity: 'warning', message: say('ja', error), messageEn: say('en', error) }],
    error: error.key,
  };
}

export function combine(
  preset: string,
  outcomes: readonly FileOutcome[],
  skipped: readonly { file: string; note: CliMessage }[],
  review: ConsistencyReview,
): CombinedJson {
  const files = outcomes.map((o): CombinedFile => {
    if (!o.ok) return failedFile(o.file, o.error);
    const { preset: _given, ...report } = o.report;
    return { file: o.file, ...report };
  });
  const byGrade: Record<string, number> = {};
  let kpis = 0;
  let ungraded = 0;
  let differs = 0;
  let tables = 0;
  let problems = 0;
  let writtenFiles = 0;
  let writtenCells = 0;
  for (const f of files) {
    tables += f.tables.length;
    problems += f.problems.length;
    if (f.written) {
      writtenFiles++;
      writtenCells += f.written.cells;
    }
    for (const t of f.tables) {
      for (const k of t.kpis) {
        kpis++;
        if (k.grade === null) ungraded++;
        else byGrade[k.grade] = (byGrade[k.grade] ?? 0) + 1;
        if (k.differs) differs++;
      }
    }
  }
  const failed = files.filter((f) => f.error !== undefined).length;
  const summaries = files.flatMap((f) => (f.error === undefined && f.summary ? [f.summary.total] : []));
  return {
    preset,
    files,
    skipped: skipped.map((s) => ({ file: s.file, reason: s.note.key, message: say('ja', s.note), messageEn: say('en', s.note) })),
    summary: {
      files: files.length,
      graded: files.length - failed,
      failed,
      skipped: skipped.length,
      tables,
      kpis,
      byGrade,
      ungraded,
      differs,
      problems,
      ...(writtenFiles > 0 ? { written: { files: writtenFiles, cells: writtenCells } } : {}),
      ...(summaries.length > 0 && summaries.length === files.length - failed ? { committee: sumJsonCounts(summaries) } : {}),
    },
    review,
  };
}
