/**
 * The `summary` object of `--json`: the same counts as the HTML report and the summary sheet,
 * with half-width grade keys and plain numbers (shares as fractions, 0.5 = 50 %).
 */
import { onTrackShareOf, type EvaluationSummary, type GradeCounts, type SummaryGroup } from '../core/summary';

export interface JsonCounts {
  byGrade: Record<string, number>;
  total: number;
  ungraded: number;
  onTrack: number;
  assessed: number;
  onTrackShare: number | null;
  /** Only when an earlier evaluation was given. */
  previousShare?: number | null;
  change?: number | null;
}

export interface JsonSummaryGroup {
  label: string;
  counts: JsonCounts;
}

export interface JsonSummary {
  /** 'ledger': typed grades where valid, else computed; 'computed': the rule's grades only. */
  basis: 'ledger' | 'computed';
  grades: string[];
  onTrackGrades: string[];
  onTrackLabel: string;
  total: JsonCounts;
  goals: (JsonSummaryGroup & { sheet: string; directions: JsonSummaryGroup[] })[];
  departments: JsonSummaryGroup[];
  /** The earlier evaluation compared with (「R5年度評価」), when the history holds one. */
  earlierLabel?: string;
}

function counts(c: GradeCounts, group: SummaryGroup, withEarlier: boolean): JsonCounts {
  const byGrade: Record<string, number> = {};
  for (const [k, v] of Object.entries(c.byGrade)) byGrade[k] = v ?? 0;
  return {
    byGrade,
    total: c.total,
    ungraded: c.ungraded,
    onTrack: c.onTrack,
    assessed: c.assessed,
    onTrackShare: c.onTrackShare ?? null,
    ...(withEarlier ? { previousShare: group.earlier?.previousShare ?? null, change: group.earlier?.change ?? null } : {}),
  };
}

export function toJsonSummary(s: EvaluationSummary): JsonSummary {
  const withEarlier = s.earlierLabel !== undefined;
  const group = (g: SummaryGroup): JsonSummaryGroup => ({ label: g.label, counts: counts(g.counts, g, withEarlier) });
  return {
    basis: s.basis,
    grades: s.grades.map((g) => g.key),
    onTrackGrades: [...s.onTrackGrades],
    onTrackLabel: s.onTrackLabel,
    total: counts(s.total.counts, s.total, withEarlier),
    goals: s.goals.map((g) => ({ ...group(g), sheet: g.sheet, directions: g.directions.map(group) })),
    departments: s.departments.map(group),
    ...(s.earlierLabel !== undefined && { earlierLabel: s.earlierLabel }),
  };
}

/** The counts of several ledgers together (the many-file report's 全体): sums, and the share of the sums. */
export function sumJsonCounts(list: readonly JsonCounts[]): JsonCounts {
  const byGrade: Record<string, number> = {};
  let total = 0;
  let ungraded = 0;
  let onTrack = 0;
  let assessed = 0;
  for (const c of list) {
    for (const [k, v] of Object.entries(c.byGrade)) byGrade[k] = (byGrade[k] ?? 0) + v;
    total += c.total;
    ungraded += c.ungraded;
    onTrack += c.onTrack;
    assessed += c.assessed;
  }
  return { byGrade, total, ungraded, onTrack, assessed, onTrackShare: onTrackShareOf(onTrack, assessed) ?? null };
}
