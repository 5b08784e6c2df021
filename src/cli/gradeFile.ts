/**
 * The one-file flow: read a workbook, grade it, and (with an output path) write the
 * graded copy through the package patcher. It prints nothing: it returns the report,
 * or the reason the file could not be graded as a message key, so the same function
 * serves the one-file command, the many-file command and its workers.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, resolve } from 'node:path';
import { decideWrites } from '../core/decide';
import { evaluateWorkbook } from '../core/evaluate';
import type { TableMapping } from '../core/mapping';
import { CORE_PART, addPlaces, committeeHtml, committeeSection, committeeSummary, coreTitle } from '../report/committee';
import { gradeColours } from '../core/colours';
import type { EvaluationSummary } from '../core/summary';
import { summarySheetContent } from '../core/summarySheet';
import { addSummarySheet } from '../xlsx/summaryPart';
import type { Evaluation, Preset, Problem } from '../core/types';
import { planWrite } from '../core/writePlan';
import { applyDecision, workbookNow } from '../xlsx/applyDecision';
import { XlsxReadError } from '../xlsx/errors';
import { OutputExistsError, outputRefusal, writeOutputFile } from '../xlsx/outputFile';
import { mappingsFromCustomXml } from '../excel/mappingPart';
import { workbookCustomXml } from '../xlsx/customXml';
import { readWorkbook, type LoadedWorkbook } from '../xlsx/readWorkbook';
import { jsonProblem, newWriteProblems, toJsonReport, type JsonReport } from './jsonReport';
import type { Lang } from '../core/i18n';
import type { Options } from './options';
import { withAdoptedGrades } from '../core/adoptedGrades';
import { matchGivenReasons, type GivenReason } from '../core/history/revisionReasons';
import { addHistoryToReport, lastOwnGrades, ownGradeCells, prepareHistory, recordOutWrite } from './history';
import { formatHistoryTable } from './historyTable';
import type { CliMessage } from './messages';

export interface GradeJob {
  file: string;
  preset: Preset;
  /** The officer's table readings (--map); none given: those saved in the workbook. */
  mappings?: readonly TableMapping[];
  /** The committee summary goes into the report (--json); with `reportFile`, its HTML is written there too. */
  summary?: boolean;
  /** --summary: the 「KPI評価集計」 sheet is added to the `out` copy. */
  summarySheet?: boolean;
  reportFile?: string;
  /** A many-file --report: this file's sections of it, rendered here (the file's place in the report). */
  reportSection?: { index: number };
  /** Where the graded copy goes; none = only the report. */
  out?: string;
  force: boolean;
  overwrite: boolean;
  notes: boolean;
  addGradeColumns: boolean;
  /** Write on very hidden sheets too (--write-very-hidden); otherwise they are graded, not written. */
  writeVeryHidden?: boolean;
  /** The language of the words this job writes itself (the history warning and table). */
  lang: Lang;
  /** Also word the grades per fiscal year of every KPI (--history). */
  historyTable?: boolean;
  /** --revision-reason: recorded with the `out` write for the KPIs revised since the last entry. */
  revisionReasons?: readonly GivenReason[];
}

/** What every job of a run shares, from the command line's options: one file's job or each of many. */
export function jobFromOptions(o: Options, file: string): GradeJob {
  return {
    file,
    preset: o.preset,
    ...(o.mappings ? { mappings: o.mappings } : {}),
    force: o.force,
    overwrite: o.overwrite,
    notes: o.notes,
    addGradeColumns: o.addGradeColumns,
    writeVeryHidden: o.writeVeryHidden,
    lang: o.lang,
    summarySheet: o.summarySheet,
  };
}

export type GradeFileResult =
  | {
      ok: true;
      report: JsonReport;
      exitCode: 0 | 1;
      evaluation: Evaluation;
      /** Worded already: said on stderr (a damaged history part). */
      warnings: string[];
      /** --history: the grades per fiscal year, worded. */
      historyTable?: string;
      /** A many-file --report: the ledger's title and its sections' HTML. */
      reportSection?: { title: string; html: string };
    }
  | { ok: false; error: CliMessage };

/** Exit 1 when a KPI could not be graded or a warning was raised; info alone is fine. */
function exitCodeFor(evaluation: Evaluation, problems: readonly Problem[]): 0 | 1 {
  const ungraded = evaluation.tables.some((t) => t.kpis.some((k) => k.outcome.grade === null));
  return ungraded || problems.some((p) => p.severity === 'warning') ? 1 : 0;
}

function isMacroEnabled(loaded: LoadedWorkbook): boolean {
  return loaded.pkg.contentType(loaded.info.part)?.includes('macroEnabled') === true;
}

/** A file-system error in words: its code, never a stack. */
function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code ?? (error instanceof Error ? error.message : String(error));
}

/** Each reason a file cannot be read has its own message: what the officer must do differs. */
function readError(file: string, error: unknown): CliMessage {
  if (error instanceof XlsxReadError) {
    const key = error.problem === 'unsupported' ? 'damaged' : error.problem;
    return { key, params: { file } };
  }
  return { key: 'unreadable', params: { file, detail: describeFsError(error) } };
}

/**
 * The table readings the officer saved in the workbook from the pane (the same part the pane
 * reads), so the command line grades the ledger as the pane does. A saved part that cannot be
 * used is told, not dropped: `unusable` holds its reasons.
 */
function savedMappings(loaded: LoadedWorkbook): { mappings: readonly TableMapping[]; unusable?: string } {
  for (const { text } of workbookCustomXml(loaded)) {
    const read = mappingsFromCustomXml(text);
    if (read === undefined) continue;
    return read.ok ? { mappings: read.mappings } : { mappings: [], unusable: read.errors.join(' / ') };
  }
  return { mappings: [] };
}

/** --summary: the sheet, its table, grade colours and charts, from the one summary. */
function addSummarySheetOf(loaded: LoadedWorkbook, summary: EvaluationSummary, preset: Preset) {
  const content = summarySheetContent(summary, preset);
  const colours = gradeColours(preset);
  // The grade counts chart's series: each grade in its colour (－ has none: the pale grey of the HTML report), then 評価不能 white.
  const gradeSeriesColours = [...summary.grades.map((g) => colours[g.key]?.fill ?? '#E7E6E6'), '#FFFFFF'];
  return addSummarySheet(loaded, content, { colours, gradeSeriesColours });
}

export async function gradeFile(job: GradeJob): Promise<GradeFileResult> {
  const fail = (error: CliMessage): GradeFileResult => ({ ok: false, error });
  if (!existsSync(job.file)) return fail({ key: 'notFound', params: { file: job.file } });
  if (job.out !== undefined) {
    const refusal = outputRefusal(job.file, job.out, job.force);
    if (refusal) {
      const key = refusal === 'sameAsInput' ? 'sameAsInput' : refusal === 'exists' ? 'outExists' : 'outDirMissing';
      return fail({ key, params: { file: job.out, dir: dirname(resolve(job.out)) } });
    }
  }

  if (job.reportFile !== undefined) {
    const refusal = /\.html?$/i.test(job.reportFile) ? outputRefusal(job.file, job.reportFile, job.force) : 'notHtml';
    if (refusal) {
      const key = refusal === 'notHtml' ? 'reportNotHtml' : refusal === 'sameAsInput' ? 'sameAsInput' : refusal === 'exists' ? 'outExists' : 'outDirMissing';
      return fail({ key, params: { file: job.reportFile, dir: dirname(resolve(job.reportFile)) } });
    }
  }

  let loaded: LoadedWorkbook;
  try {
    loaded = readWorkbook(await readFile(job.file));
  } catch (error) {
    return fail(readError(job.file, error));
  }
  if (job.out !== undefined && isMacroEnabled(loaded) && extname(job.out).toLowerCase() !== '.xlsm') {
    return fail({ key: 'macroOut', params: { file: job.out } });
  }

  const saved = job.mappings ? { mappings: job.mappings } : savedMappings(loaded);
  if (saved.unusable !== undefined) return fail({ key: 'badSavedMap', params: { file: job.file, errors: saved.unusable } });
  // The history (issue 13): compared with the last entry, revised targets said in the reasons.
  const history = prepareHistory(loaded, evaluateWorkbook(loaded.grids, job.preset, { mappings: saved.mappings, wholeWorkbook: true }), job.lang);
  const evaluation = history.evaluation;
  const report = toJsonReport(evaluation);
  let writeProblems: Problem[] = [];
  const reasonWarnings: string[] = [];

  // The committee summary (#12), counted as the ledger stands after this run (before the copy is
  // written, so the summary sheet can go into it); the text report does not show it.
  // The add-in's own last grades still in the ledger are this run's to replace, not the officer's
  // grades for this year (ownGradeCells), so they are counted as this year's computed grade.
  const committee =
    job.summary || job.reportFile !== undefined || job.summarySheet || job.reportSection
      ? job.overwrite
        ? committeeSummary(evaluation, loaded.grids, job.preset, 'computed', history.history)
        : committeeSummary(withAdoptedGrades(evaluation, lastOwnGrades(history)), loaded.grids, job.preset, 'ledger', history.history)
      : undefined;

  if (job.out !== undefined) {
    const plan = planWrite(evaluation, loaded.grids, {
      adopt: job.overwrite ? 'all' : ownGradeCells(history),
      notes: job.notes,
      addGradeColumns: job.addGradeColumns,
    });
    // The decision is made on the file as read now, and carried out on its package.
    const decision = decideWrites(plan, workbookNow(loaded, plan), { veryHidden: job.writeVeryHidden === true });
    const applied = applyDecision(loaded, decision);
    const given = matchGivenReasons(evaluation, history.comparison, job.revisionReasons ?? [], job.lang);
    reasonWarnings.push(...given.warnings);
    recordOutWrite(loaded, history, decision, new Date().toISOString(), given.reasons);
    const sheet = committee && job.summarySheet ? addSummarySheetOf(loaded, committee.summary, job.preset) : undefined;
    try {
      await writeOutputFile(job.out, loaded.pkg.toBytes(), job.force);
    } catch (error) {
      if (error instanceof OutputExistsError) return fail({ key: 'outExists', params: { file: job.out } });
      return fail({ key: 'writeFailed', params: { file: job.out, detail: describeFsError(error) } });
    }
    // Everything the plan and the decision left alone (the evaluation's own problems said once).
    writeProblems = newWriteProblems(evaluation, applied.skipped);
    if (sheet?.kind === 'nameTaken') writeProblems.push(sheet.problem);
    report.problems.push(...writeProblems.map(jsonProblem));
    report.written = {
      cells: applied.written,
      notes: applied.notes,
      rules: applied.rules,
      file: job.out,
      planned: plan.writes.length,
      skipped: applied.skipped.map(jsonProblem),
    };
  }

  addHistoryToReport(report, history, loaded.grids);

  if (committee && (job.summary || job.reportFile !== undefined || job.reportSection)) addPlaces(report, committee);
  const section =
    committee && job.reportSection
      ? committeeSection(committee, {
          index: job.reportSection.index,
          workbookTitle: coreTitle(loaded.pkg.has(CORE_PART) ? loaded.pkg.text(CORE_PART) : undefined),
          grids: loaded.grids,
          sourceFile: basename(job.file),
        })
      : undefined;
  if (committee && job.reportFile !== undefined) {
    const html = committeeHtml(committee, {
      workbookTitle: coreTitle(loaded.pkg.has(CORE_PART) ? loaded.pkg.text(CORE_PART) : undefined),
      grids: loaded.grids,
      sourceFile: basename(job.file),
      preset: job.preset,
      problems: [...evaluation.problems, ...writeProblems],
      date: new Date(),
    });
    try {
      await writeOutputFile(job.reportFile, new TextEncoder().encode(html), job.force);
    } catch (error) {
      if (error instanceof OutputExistsError) return fail({ key: 'outExists', params: { file: job.reportFile } });
      return fail({ key: 'writeFailed', params: { file: job.reportFile, detail: describeFsError(error) } });
    }
  }

  return {
    ok: true,
    report,
    // A reason given for no revised KPI was not recorded: a point to check, like a warning.
    exitCode: reasonWarnings.length > 0 ? 1 : exitCodeFor(evaluation, [...evaluation.problems, ...writeProblems]),
    evaluation,
    warnings: [...(history.warning ? [history.warning] : []), ...reasonWarnings],
    ...(job.historyTable ? { historyTable: formatHistoryTable(history, job.lang) } : {}),
    ...(section ? { reportSection: section } : {}),
  };
}
