/**
 * The committee report's numbers (issue #12 item 2): per 基本目標, per 基本的方向 under it and
 * per 担当課, how many KPIs got each grade of the rule, how many could not be graded, and the
 * share 順調以上 — the rule's two best grades (Ｓ・Ａ in `standard`, Ａ・Ｂ in `tassei`), the
 * roll-up 阿見町, いの町 and 西川町 publish.
 *
 * Pure: an Evaluation and the places of its tables in, numbers out. The HTML report, `--json`
 * and (later) the pane's 「KPI評価集計」 sheet all read this one summary, so they cannot
 * disagree about a count.
 *
 * Decisions, stated once here:
 * - Which grade counts. `ledger` counts the grade that stands in the ledger after a write that
 *   keeps hand grades (spec §8, the default): a grade an officer typed, where it is one of the
 *   rule's grades, else the computed one. `computed` counts the rule's grades only (what
 *   `--overwrite` writes). The published report is the officers' grades, so `ledger` is what
 *   matches it.
 * - The share's denominator is the KPIs 評価対象: graded, and not 実施時期未到来 (－, no figure
 *   yet). A KPI that has no figure cannot be on track or behind; counting it would make a plan
 *   look worse the earlier it is evaluated. Shown as "2/4件".
 */
import { gradeKeysOf, gradeMeaning, noCurrentGrade } from './presets';
import { readGradeCode, toGradeText } from './gradeText';
import type { TablePlace } from './structure';
import type { EvaluatedKpi, EvaluatedTable, Evaluation, GradeKey, Preset } from './types';

/** The grade "not yet due" (－): counted, but not part of the share's denominator. */

/** A department name for KPIs whose indicator cell names none. */
export const NO_DEPARTMENT = '（担当課の記載なし）';

export type SummaryBasis = 'ledger' | 'computed';

export interface GradeCounts {
  /** KPIs per grade of the rule, every grade present (0 when none), best first. */
  readonly byGrade: Readonly<Partial<Record<GradeKey, number>>>;
  /** All KPIs of the group. */
  readonly total: number;
  /** KPIs with no grade (an unreadable cell, no target …). */
  readonly ungraded: number;
  /** KPIs in the rule's two best grades. */
  readonly onTrack: number;
  /** KPIs with a grade other than 実施時期未到来: the share's denominator. */
  readonly assessed: number;
  /** onTrack / assessed; undefined when nothing was assessed. */
  readonly onTrackShare?: number;
}

/** Last time's share for the same group, and the change in points (0.05 = +5 ポイント). */
export interface ShareChange {
  readonly previousShare: number;
  readonly change?: number;
}

export interface SummaryGroup {
  /** Stable key for matching with an earlier summary: "goal|第１節 …", "goal|…|direction|…", "dept|保育課". */
  readonly key: string;
  readonly label: string;
  readonly counts: GradeCounts;
  readonly earlier?: ShareChange;
}

export interface GoalSummary extends SummaryGroup {
  readonly sheet: string;
  /** Per 基本的方向, in sheet order; empty when the ledger has none for this goal. */
  readonly directions: readonly SummaryGroup[];
}

/** One KPI as the report lists it. */
export interface SummaryKpi {
  readonly goalKey: string;
  readonly directionKey?: string;
  readonly department: string;
  readonly evaluated: EvaluatedKpi;
  readonly sheet: string;
  /** The grade counted (see SummaryBasis); null when none. */
  readonly grade: GradeKey | null;
  /** True when the counted grade is the officer's typed one and differs from the rule's. */
  readonly handGrade: boolean;
}

/**
 * An earlier evaluation's shares, by group key (the history issue fills this from the
 * workbook; `earlierFrom` builds it from an earlier summary).
 */
export interface EarlierEvaluation {
  /** How the report names it: 「平成28年度」. */
  readonly label: string;
  readonly shares: Readonly<Record<string, number>>;
}

export interface EvaluationSummary {
  readonly presetId: string;
  readonly basis: SummaryBasis;
  /** The rule's grades, best first, with their text and meaning: the columns of every count table. */
  readonly grades: readonly { readonly key: GradeKey; readonly text: string; readonly meaning: string }[];
  /** The two best grades, and their name for headings: 「順調以上（Ｓ・Ａ）」. */
  readonly onTrackGrades: readonly GradeKey[];
  readonly onTrackLabel: string;
  readonly total: SummaryGroup;
  readonly goals: readonly GoalSummary[];
  readonly departments: readonly SummaryGroup[];
  readonly kpis: readonly SummaryKpi[];
  readonly earlierLabel?: string;
}

export function goalKey(goal: string): string {
  return `goal|${goal}`;
}
export function directionKey(goal: string, direction: string): string {
  return `goal|${goal}|direction|${direction}`;
}
export function departmentKey(department: string): string {
  return `dept|${department}`;
}
export const TOTAL_KEY = 'total';

/** The rule's two best grades other than 実施時期未到来 (gradeKeysOf is best first): 順調以上. */
export function onTrackGradesOf(preset: Preset): GradeKey[] {
  const notYetDue = noCurrentGrade(preset);
  return gradeKeysOf(preset)
    .filter((g) => g !== notYetDue)
    .slice(0, 2);
}

/** The grade a KPI counts under, by basis. */
function countedGrade(k: EvaluatedKpi, gradeKeys: ReadonlySet<GradeKey>, basis: SummaryBasis): { grade: GradeKey | null; hand: boolean } {
  if (basis === 'ledger' && k.existing !== undefined) {
    const typed = readGradeCode(k.existing, [...gradeKeys]);
    if (typed !== undefined && gradeKeys.has(typed)) return { grade: typed, hand: typed !== k.outcome.grade };
  }
  return { grade: k.outcome.grade, hand: false };
}

/** The share 順調以上: on track of those assessed; none when nothing was assessed. */
export function onTrackShareOf(onTrack: number, assessed: number): number | undefined {
  return assessed > 0 ? onTrack / assessed : undefined;
}

function countGrades(kpis: readonly SummaryKpi[], grades: readonly GradeKey[], onTrack: ReadonlySet<GradeKey>, notYetDue: GradeKey): GradeCounts {
  const byGrade: Partial<Record<GradeKey, number>> = {};
  for (const g of grades) byGrade[g] = 0;
  let ungraded = 0;
  let onTrackCount = 0;
  let assessed = 0;
  for (const k of kpis) {
    if (k.grade === null) {
      ungraded++;
      continue;
    }
    byGrade[k.grade] = (byGrade[k.grade] ?? 0) + 1;
    if (k.grade !== notYetDue) assessed++;
    if (onTrack.has(k.grade)) onTrackCount++;
  }
  return {
    byGrade,
    total: kpis.length,
    ungraded,
    onTrack: onTrackCount,
    assessed,
    ...(assessed > 0 ? { onTrackShare: onTrackShareOf(onTrackCount, assessed) } : {}),
  };
}

function withEarlier(group: Omit<SummaryGroup, 'earlier'>, earlier: EarlierEvaluation | undefined): SummaryGroup {
  const previousShare = earlier?.shares[group.key];
  if (previousShare === undefined) return group;
  const share = group.counts.onTrackShare;
  return { ...group, earlier: { previousShare, ...(share !== undefined ? { change: share - previousShare } : {}) } };
}

export interface SummaryOptions {
  readonly basis: SummaryBasis;
  readonly earlier?: EarlierEvaluation;
}

/**
 * The summary of an evaluation. `places[i]` is the place of `evaluation.tables[i]`
 * (from `placeTables`, sheet by sheet).
 */
export function summarize(evaluation: Evaluation, places: readonly TablePlace[], preset: Preset, options: SummaryOptions): EvaluationSummary {
  if (places.length !== evaluation.tables.length) throw new Error('summarize: one place per table is needed');
  const gradeOrder = gradeKeysOf(preset);
  const notYetDue = noCurrentGrade(preset);
  const gradeSet = new Set(gradeOrder);
  const onTrackGrades = onTrackGradesOf(preset);
  const onTrack = new Set(onTrackGrades);
  const earlier = options.earlier;

  const kpis: SummaryKpi[] = [];
  evaluation.tables.forEach((table: EvaluatedTable, i) => {
    const place = places[i]!;
    const gKey = goalKey(place.goal.text);
    const dKey = place.direction ? directionKey(place.goal.text, place.direction.text) : undefined;
    for (const k of table.kpis) {
      const { grade, hand } = countedGrade(k, gradeSet, options.basis);
      kpis.push({
        goalKey: gKey,
        ...(dKey ? { directionKey: dKey } : {}),
        department: k.kpi.department ?? NO_DEPARTMENT,
        evaluated: k,
        sheet: table.table.sheet,
        grade,
        handGrade: hand,
      });
    }
  });

  // Goals and directions in sheet order of first appearance.
  const goals: GoalSummary[] = [];
  const seenGoals = new Map<string, { label: string; sheet: string; directions: Map<string, string> }>();
  places.forEach((place) => {
    const gKey = goalKey(place.goal.text);
    let g = seenGoals.get(gKey);
    if (!g) {
      g = { label: place.goal.text, sheet: place.sheet, directions: new Map() };
      seenGoals.set(gKey, g);
    }
    if (place.direction) g.directions.set(directionKey(place.goal.text, place.direction.text), place.direction.text);
  });
  for (const [gKey, g] of seenGoals) {
    const inGoal = kpis.filter((k) => k.goalKey === gKey);
    const directions = [...g.directions].map(([dKey, label]) =>
      withEarlier({ key: dKey, label, counts: countGrades(inGoal.filter((k) => k.directionKey === dKey), gradeOrder, onTrack, notYetDue) }, earlier),
    );
    const group = withEarlier({ key: gKey, label: g.label, counts: countGrades(inGoal, gradeOrder, onTrack, notYetDue) }, earlier);
    goals.push({ ...group, sheet: g.sheet, directions });
  }

  const departmentNames = [...new Set(kpis.map((k) => k.department))].sort((a, b) => a.localeCompare(b, 'ja'));
  const departments = departmentNames.map((d) =>
    withEarlier({ key: departmentKey(d), label: d, counts: countGrades(kpis.filter((k) => k.department === d), gradeOrder, onTrack, notYetDue) }, earlier),
  );

  const gradeTexts = onTrackGrades.map((g) => toGradeText(g, 'full')).join('・');
  return {
    presetId: preset.id,
    basis: options.basis,
    grades: gradeOrder.map((key) => ({ key, text: toGradeText(key, 'full'), meaning: gradeMeaning(preset, key)?.meaning ?? key })),
    onTrackGrades,
    onTrackLabel: `${gradeMeaning(preset, onTrackGrades[1]!)?.meaning ?? ''}以上（${gradeTexts}）`,
    total: withEarlier({ key: TOTAL_KEY, label: '全体', counts: countGrades(kpis, gradeOrder, onTrack, notYetDue) }, earlier),
    goals,
    departments,
    kpis,
    ...(earlier ? { earlierLabel: earlier.label } : {}),
  };
}

/** An earlier summary's shares, to compare the next one with (until the history issue records them). */
export function earlierFrom(summary: EvaluationSummary, label: string): EarlierEvaluation {
  const shares: Record<string, number> = {};
  const put = (g: SummaryGroup) => {
    if (g.counts.onTrackShare !== undefined) shares[g.key] = g.counts.onTrackShare;
  };
  put(summary.total);
  for (const g of summary.goals) {
    put(g);
    g.directions.forEach(put);
  }
  summary.departments.forEach(put);
  return { label, shares };
}
