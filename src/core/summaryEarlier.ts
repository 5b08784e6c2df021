/**
 * Last time's share 順調以上 per group, from the evaluation history kept in the workbook
 * (issue #12 item 2: "when an earlier evaluation is known, last time's share and the change").
 *
 * Decisions, stated once here:
 * - Which entry is "last time": the newest entry of an earlier fiscal year than this
 *   evaluation's (its current-value year). Not simply the last entry: after 書き込む the last
 *   entry is this very evaluation, and an officer who graded the same year twice did not
 *   evaluate "last time" twice. Without a year on either side there is no earlier one (a date
 *   alone does not say which year was evaluated).
 * - Only an entry graded by the same rule: a share 順調以上 of another rule (Ａ・Ｂ of `tassei`
 *   against Ｓ・Ａ of `standard`) is not the same measure, and a change between them means nothing.
 * - Which grade counts, by the summary's basis: `ledger` the grade the ledger showed after that
 *   write (written, else the officer's kept grade, else computed: `shownGrade`), `computed`
 *   the rule's grade of that time. The denominator is as now: graded and not 実施時期未到来.
 * - Where an old KPI counts: the history stores each KPI's sheet, name and 担当課, not its
 *   基本目標. A KPI still in the ledger (same kpiKey) counts under the goal and direction it is
 *   under now; one no longer in the ledger counts in 全体 and its 担当課 only.
 */
import { shownGrade } from './history/compare';
import { kpiKey, type History, type HistoryEntry } from './history/model';
import { evaluatedYear } from './history/record';
import { gradeKeysOf, noCurrentGrade } from './presets';
import type { TablePlace } from './structure';
import { departmentKey, directionKey, goalKey, NO_DEPARTMENT, onTrackGradesOf, TOTAL_KEY, type EarlierEvaluation, type SummaryBasis } from './summary';
import type { Evaluation, GradeKey, Preset } from './types';
import { eraLabel } from './years';

/** The newest entry of an earlier fiscal year graded by this rule, or undefined. */
export function earlierEntry(history: History, evaluation: Evaluation): HistoryEntry | undefined {
  const year = evaluatedYear(evaluation);
  if (year === undefined) return undefined;
  for (let i = history.entries.length - 1; i >= 0; i--) {
    const entry = history.entries[i]!;
    if (entry.fiscalYear !== undefined && entry.fiscalYear < year && entry.presetId === evaluation.presetId) return entry;
  }
  return undefined;
}

/** 「R5年度評価」: how the sheet, the report and --json name the earlier evaluation. */
export function earlierLabel(entry: HistoryEntry): string {
  return entry.fiscalYear !== undefined ? `${eraLabel(entry.fiscalYear)}年度評価` : '前回の評価';
}

/**
 * Last time's shares by group key, for `summarize(…, { earlier })`; undefined when the history
 * holds no earlier evaluation by this rule. `places[i]` is the place of `evaluation.tables[i]`.
 */
export function earlierFromHistory(
  history: History,
  evaluation: Evaluation,
  places: readonly TablePlace[],
  preset: Preset,
  basis: SummaryBasis,
): EarlierEvaluation | undefined {
  const entry = earlierEntry(history, evaluation);
  if (!entry || entry.presetId !== preset.id) return undefined;

  // Where each KPI of this evaluation counts now, by its identity across years.
  const groupsNow = new Map<string, string[]>();
  evaluation.tables.forEach((t, i) => {
    const place = places[i];
    if (!place) return;
    const keys = [goalKey(place.goal.text), ...(place.direction ? [directionKey(place.goal.text, place.direction.text)] : [])];
    for (const e of t.kpis) groupsNow.set(kpiKey(t.table.sheet, e.kpi.name, e.kpi.department), keys);
  });

  const grades = new Set(gradeKeysOf(preset));
  const notYetDue = noCurrentGrade(preset);
  const onTrack = new Set(onTrackGradesOf(preset));
  const tally = new Map<string, { onTrack: number; assessed: number }>();
  const add = (key: string, good: boolean) => {
    const t = tally.get(key) ?? { onTrack: 0, assessed: 0 };
    t.assessed++;
    if (good) t.onTrack++;
    tally.set(key, t);
  };
  for (const k of entry.kpis) {
    const grade: GradeKey | undefined = basis === 'ledger' ? shownGrade(k) : ((k.grade as GradeKey | null) ?? undefined);
    // Ungraded, not yet due, or a grade this rule does not give: not assessed, as now.
    if (grade === undefined || grade === notYetDue || !grades.has(grade)) continue;
    const good = onTrack.has(grade);
    add(TOTAL_KEY, good);
    add(departmentKey(k.department ?? NO_DEPARTMENT), good);
    for (const g of groupsNow.get(k.key) ?? []) add(g, good);
  }
  const shares: Record<string, number> = {};
  for (const [key, t] of tally) shares[key] = t.onTrack / t.assessed;
  return { label: earlierLabel(entry), shares };
}
