/**
 * What the preview shows, derived from the evaluation on screen and the write options:
 * the write plan (or why there is none), the counts of the tabs and the summary, the
 * points to check, and the marks of what the write will leave alone. Pure: the pane
 * computes it once per change of its inputs, and tests check it without rendering.
 */
import type { SheetGrid } from '../../core/grid';
import type { Evaluation, Preset, Problem, WriteOptions, WritePlan } from '../../core/types';
import { planWrite } from '../../core/writePlan';
import { describeError, differingKeys, type LedgerState } from './machine';
import type { WriteConsent } from '../../core/decide';
import { previewSkips, skipMarks, type SkipMarks } from './skipped';
import { consentFor, veryHiddenSheets } from './veryHidden';

/**
 * Up to this many KPIs a changed rule grades the results again by itself; above it
 * (grading is synchronous and takes seconds) the officer asks for it with a button.
 */
export const AUTO_REGRADE_MAX = 2000;

/** Above this many KPIs the results get a search box over the indicator names. */
export const SEARCH_FROM = 40;

export interface PreviewInput {
  readonly evaluation: Evaluation;
  readonly grids: readonly SheetGrid[];
  readonly adopted: ReadonlySet<string>;
  readonly notes: boolean;
  readonly addGradeColumns: boolean;
  /** The officer said yes to writing on very hidden sheets (the switch beside the write options). */
  readonly veryHiddenAgreed?: boolean;
}

export interface PreviewModel {
  /** The very hidden sheets the plan writes on: the pane asks before writing there. */
  readonly veryHiddenSheets: readonly string[];
  /** What the write hands to the host with the plan (the officer's answer to that ask). */
  readonly consent: WriteConsent;
  /** The plan the write button hands to the host; undefined when planning failed. */
  readonly plan?: WritePlan;
  /** Why there is no plan, in the engine's words (shown folded away under the pane's advice). */
  readonly planError?: string;
  readonly kpiCount: number;
  /** Grade cells whose typed grade differs from the computed one (gradeCellKey). */
  readonly differing: readonly string[];
  /** KPIs the rule could not grade. */
  readonly ungraded: number;
  /**
   * The points to check: first what the write will leave alone (protected sheet, formula,
   * blocked column), known before writing, then the evaluation's problems — without the
   * typed grades that differ, which are shown on their rows.
   */
  readonly toCheck: readonly Problem[];
  /** What the write will leave alone, known before writing (in plan order). */
  readonly skips: readonly Problem[];
  /** The skips among toCheck, as a set: the problem list marks them 「書き込まれません」. */
  readonly notWritten: ReadonlySet<Problem>;
  /** The skips by table and row, for the results list. */
  readonly marks: SkipMarks;
  /** Tables without a grade column: the add-column switch shows only when there are some. */
  readonly tablesWithoutGrade: number;
  /** Nothing found: the pane shows which sheets were searched, not 0/0/0 results. */
  readonly empty: boolean;
  /** The sheets searched (a sheet Excel could not hand over was not searched). */
  readonly searchedSheets: readonly string[];
  /** The sheets that could not be read, told as warnings in the empty state. */
  readonly unreadable: readonly Problem[];
  /** The officer may search the indicator names. */
  readonly searchable: boolean;
  /** A changed rule grades again by itself (else the officer presses 再評価). */
  readonly autoRegrade: boolean;
}

function planOf(input: PreviewInput): { plan: WritePlan } | { planError: string } {
  const options: WriteOptions = {
    adopt: input.adopted.size > 0 ? input.adopted : 'none',
    notes: input.notes,
    addGradeColumns: input.addGradeColumns,
  };
  try {
    return { plan: planWrite(input.evaluation, input.grids, options) };
  } catch (e) {
    return { planError: describeError(e) };
  }
}

export function previewModel(input: PreviewInput): PreviewModel {
  const { evaluation, grids } = input;
  const planned = planOf(input);
  const plan = 'plan' in planned ? planned.plan : undefined;
  const hidden = veryHiddenSheets(plan, grids);
  const consent = consentFor(input.veryHiddenAgreed ?? false, hidden);
  const skips = previewSkips(plan, grids, consent);
  const problems = evaluation.problems.filter((p) => p.code !== 'handGradeDiffers');
  const kpiCount = evaluation.tables.reduce((sum, tb) => sum + tb.kpis.length, 0);
  return {
    ...planned,
    veryHiddenSheets: hidden,
    consent,
    kpiCount,
    differing: differingKeys(evaluation),
    ungraded: evaluation.tables.reduce((n, tb) => n + tb.kpis.filter((k) => k.outcome.grade === null).length, 0),
    toCheck: skips.length > 0 ? [...skips, ...problems] : problems,
    skips,
    notWritten: new Set(skips),
    marks: skipMarks(skips),
    tablesWithoutGrade: evaluation.tables.filter((tb) => !tb.table.columns.grade).length,
    empty: evaluation.tables.length === 0,
    searchedSheets: grids.filter((g) => !g.unreadable).map((g) => g.name),
    unreadable: evaluation.problems.filter((p) => p.code === 'sheetUnreadable'),
    searchable: kpiCount > SEARCH_FROM,
    autoRegrade: kpiCount <= AUTO_REGRADE_MAX,
  };
}

/** The rule on screen is valid and not the one the preview was graded with. */
export function isStale(state: LedgerState, active: Preset | undefined): boolean {
  return state.phase === 'preview' && active !== undefined && state.evaluatedWith !== active;
}

/** 「集計を作成」 may be pressed: a graded preview (or a write just made), with the rule on screen. */
export function canSummarize(state: LedgerState, model: PreviewModel | undefined, stale: boolean): boolean {
  return (state.phase === 'preview' || state.phase === 'written') && model !== undefined && !model.empty && !stale;
}
