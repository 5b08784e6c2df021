/**
 * An evaluation against the previous history entry: per KPI better / worse / same by the
 * grade order, the change counts, and whether the target or baseline was revised since
 * (西川町 raised targets mid-plan and nobody noted why). Matching is by kpiKey, never by row.
 */
import { readGradeText } from '../gradeText';
import { createTranslator, type Lang } from '../i18n';
import { compactText } from '../text';
import type { Evaluation, GradeKey } from '../types';
import { eraLabel } from '../years';
import { kpiKey, type HistoryEntry, type HistoryFigure, type HistoryKpi } from './model';
import { figureOf } from './record';

export type GradeChange = 'better' | 'worse' | 'same' | 'new' | 'ungraded';

export interface Revision {
  readonly what: 'target' | 'baseline';
  readonly from: string;
  readonly to: string;
  /** The fiscal year of the entry the old value was graded in. */
  readonly since?: number;
}

export interface KpiComparison {
  readonly key: string;
  readonly sheet: string;
  readonly name: string;
  readonly previousGrade?: GradeKey;
  readonly grade?: GradeKey;
  readonly change: GradeChange;
  readonly revisions: readonly Revision[];
}

export interface Comparison {
  /** The previous entry's fiscal year, when it had one. */
  readonly previousYear?: number;
  readonly kpis: readonly KpiComparison[];
  readonly counts: Readonly<Record<GradeChange, number>>;
}

const LETTERS: Readonly<Record<string, number>> = { S: 6, A: 5, B: 4, C: 3, D: 2, E: 1 };

/**
 * A grade's place in its rule's order, higher is better: S > A > B > C > D > E, and the points
 * rule's 7 > … > 1. '-' (実施時期未到来) has no place: it is neither better nor worse.
 */
export function gradeRank(key: GradeKey): number | undefined {
  if (key in LETTERS) return LETTERS[key];
  if (/^[1-7]$/.test(key)) return Number(key);
  return undefined;
}

/** The grade the ledger showed after that write: written, else the officer's kept grade, else computed. */
export function shownGrade(k: HistoryKpi): GradeKey | undefined {
  if (k.gradeWritten !== undefined) return readGradeText(k.gradeWritten);
  if (k.handGrade !== undefined) return readGradeText(k.handGrade);
  return (k.grade as GradeKey | null) ?? undefined;
}

function changeOf(before: GradeKey | undefined, now: GradeKey | undefined): GradeChange {
  if (now === undefined) return 'ungraded';
  if (before === undefined) return 'new';
  const a = gradeRank(before);
  const b = gradeRank(now);
  if (a === undefined || b === undefined) return before === now ? 'same' : 'new';
  return b > a ? 'better' : b < a ? 'worse' : 'same';
}

function sameFigure(a: HistoryFigure, b: HistoryFigure): boolean {
  if (a.value !== undefined && b.value !== undefined) return a.value === b.value && (a.unit ?? '') === (b.unit ?? '');
  return compactText(a.text) === compactText(b.text);
}

export function compareWithPrevious(evaluation: Evaluation, previous: HistoryEntry | undefined): Comparison {
  const before = new Map((previous?.kpis ?? []).map((k) => [k.key, k]));
  const counts: Record<GradeChange, number> = { better: 0, worse: 0, same: 0, new: 0, ungraded: 0 };
  const kpis: KpiComparison[] = [];
  for (const t of evaluation.tables)
    for (const e of t.kpis) {
      const key = kpiKey(t.table.sheet, e.kpi.name, e.kpi.department);
      const old = before.get(key);
      const grade = e.outcome.grade ?? undefined;
      const previousGrade = old ? shownGrade(old) : undefined;
      const change = changeOf(previousGrade, grade);
      counts[change]++;
      const revisions: Revision[] = [];
      if (old) {
        const since = previous?.fiscalYear;
        const target = figureOf(e.kpi.target);
        if (!sameFigure(old.target, target)) revisions.push({ what: 'target', from: old.target.text, to: target.text, ...(since !== undefined && { since }) });
        if (old.baseline && e.kpi.baseline) {
          const baseline = figureOf(e.kpi.baseline);
          if (!sameFigure(old.baseline, baseline))
            revisions.push({ what: 'baseline', from: old.baseline.text, to: baseline.text, ...(since !== undefined && { since }) });
        }
      }
      kpis.push({
        key,
        sheet: t.table.sheet,
        name: e.kpi.name,
        change,
        revisions,
        ...(grade !== undefined && { grade }),
        ...(previousGrade !== undefined && { previousGrade }),
      });
    }
  return { kpis, counts, ...(previous?.fiscalYear !== undefined && { previousYear: previous.fiscalYear }) };
}

const t = createTranslator('history', {
  ja: {
    revised: '{{what}}が {{from}} から {{to}} に変更されています（{{when}}）',
    whenYear: '{{era}} 評価時',
    whenUnknown: '前回の評価時',
    target: '目標値',
    baseline: '基準値',
    reasonNote: '（{{what}}を {{from}} から {{to}} に変更）',
  },
  en: {
    revised: 'The {{what}} was changed from {{from}} to {{to}} ({{when}})',
    whenYear: 'since the {{era}} evaluation',
    whenUnknown: 'since the previous evaluation',
    target: 'target',
    baseline: 'baseline',
    reasonNote: ' ({{what}} revised from {{from}} to {{to}})',
  },
});

/** 「目標値が 200人 から 250人 に変更されています（R4 評価時）」 */
export function revisionMessage(revision: Revision, lang: Lang): string {
  const when = revision.since !== undefined ? t(lang, 'whenYear', { era: eraLabel(revision.since) }) : t(lang, 'whenUnknown');
  return t(lang, 'revised', { what: t(lang, revision.what), from: revision.from, to: revision.to, when });
}

/**
 * The evaluation with the reason of every revised KPI saying so: it was graded on the current
 * target, and a reader of the reason must know the target is not the one of last year.
 */
export function withRevisionReasons(evaluation: Evaluation, comparison: Comparison): Evaluation {
  const byKey = new Map(comparison.kpis.filter((k) => k.revisions.length > 0).map((k) => [k.key, k.revisions]));
  if (byKey.size === 0) return evaluation;
  const note = (lang: Lang, revisions: readonly Revision[]) =>
    revisions.map((r) => t(lang, 'reasonNote', { what: t(lang, r.what), from: r.from, to: r.to })).join('');
  return {
    ...evaluation,
    tables: evaluation.tables.map((table) => ({
      ...table,
      kpis: table.kpis.map((e) => {
        const revisions = byKey.get(kpiKey(table.table.sheet, e.kpi.name, e.kpi.department));
        if (!revisions) return e;
        return { ...e, outcome: { ...e.outcome, reason: e.outcome.reason + note('ja', revisions), reasonEn: e.outcome.reasonEn + note('en', revisions) } };
      }),
    })),
  };
}
