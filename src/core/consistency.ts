/**
 * The consistency review across the departments' files (#14): is the same KPI
 * reported alike in every file, do the files write grades alike, and how far do the
 * grades typed by hand depart from the rule — per file and per 担当課, kinder or
 * harsher, worst first. Pure: it reads digests of evaluations, never a workbook.
 */
import { cellAddress } from './grid';
import { readGradeText } from './gradeText';
import { gradeKeysOf, noCurrentGrade } from './presets';
import { compactText } from './text';
import type { Evaluation, GradeKey, Preset, ValueCell } from './types';

/** What the review needs of one KPI: plain data, so it crosses a worker boundary. */
export interface ReviewKpi {
  readonly sheet: string;
  /** The grade cell ("G14"), else the KPI's first column on its row. */
  readonly cell: string;
  readonly name: string;
  readonly department?: string;
  readonly baseline?: string;
  readonly current?: string;
  readonly target: string;
  readonly baselineYear?: number;
  readonly currentYear?: number;
  readonly targetYear?: number;
  /** The figures read from those cells, when they hold one: compared before the text. */
  readonly figures?: { readonly baseline?: Figure; readonly current?: Figure; readonly target?: Figure };
  /** The rule's grade; null when the KPI cannot be graded. */
  readonly computed: GradeKey | null;
  /** The grade typed in the file, read as a key; undefined when none (or not a grade). */
  readonly typed?: GradeKey;
}

/** A number and its unit as written ("" for a bare number). */
export interface Figure {
  readonly value: number;
  readonly unit: string;
}

const figureOf = (cell: ValueCell | undefined): Figure | undefined =>
  cell?.reading.kind === 'number' ? { value: cell.reading.value, unit: cell.reading.unit } : undefined;

export interface ReviewFile {
  readonly file: string;
  /** The grade style of each table that holds typed grades (full-width Ｓ or half-width S). */
  readonly gradeStyles: readonly ('full' | 'half')[];
  readonly kpis: readonly ReviewKpi[];
}

/** One file's digest for the review. */
export function reviewDigest(file: string, evaluation: Evaluation): ReviewFile {
  const gradeStyles: ('full' | 'half')[] = [];
  const kpis: ReviewKpi[] = [];
  for (const t of evaluation.tables) {
    if (t.kpis.some((k) => k.existing !== undefined && readGradeText(k.existing) !== undefined)) gradeStyles.push(t.gradeStyle);
    for (const { kpi, outcome, existing } of t.kpis) {
      const typed = existing === undefined ? undefined : readGradeText(existing);
      kpis.push({
        sheet: t.table.sheet,
        cell: kpi.gradeCell ? cellAddress(kpi.gradeCell.row, kpi.gradeCell.col) : cellAddress(kpi.row, t.table.range.left),
        name: kpi.name,
        ...(kpi.department ? { department: kpi.department } : {}),
        ...(kpi.baseline ? { baseline: kpi.baseline.text } : {}),
        ...(kpi.current ? { current: kpi.current.text } : {}),
        target: kpi.target.text,
        ...(kpi.baseline?.year !== undefined ? { baselineYear: kpi.baseline.year } : {}),
        ...(kpi.current?.year !== undefined ? { currentYear: kpi.current.year } : {}),
        ...(kpi.target.year !== undefined ? { targetYear: kpi.target.year } : {}),
        figures: {
          ...(figureOf(kpi.baseline) ? { baseline: figureOf(kpi.baseline) } : {}),
          ...(figureOf(kpi.current) ? { current: figureOf(kpi.current) } : {}),
          ...(figureOf(kpi.target) ? { target: figureOf(kpi.target) } : {}),
        },
        computed: outcome.grade,
        ...(typed !== undefined ? { typed } : {}),
      });
    }
  }
  return { file, gradeStyles, kpis };
}

export type ReportedField = 'baseline' | 'current' | 'target' | 'years';

export interface SameKpiOccurrence {
  readonly file: string;
  readonly sheet: string;
  readonly cell: string;
  readonly department?: string;
  readonly baseline?: string;
  readonly current?: string;
  readonly target: string;
  readonly years: { readonly baseline?: number; readonly current?: number; readonly target?: number };
  readonly figures?: ReviewKpi['figures'];
}

/** A KPI (same name after normalisation) found in several files, reported differently. */
export interface SameKpiDifference {
  /** The name as the first file writes it. */
  readonly name: string;
  readonly differsIn: readonly ReportedField[];
  readonly occurrences: readonly SameKpiOccurrence[];
}

export interface HandGradeShare {
  /** The file, or the 担当課 (null: KPIs whose 担当課 is not written). */
  readonly label: string | null;
  /** KPIs with a typed grade that the rule could grade. */
  readonly typed: number;
  /** Of those, typed differently from the rule. */
  readonly differ: number;
  /** Typed better than the rule (earlier in the preset's order, best first). */
  readonly kinder: number;
  /** Typed worse than the rule. */
  readonly harsher: number;
  /** Differ, but one side is 「－」 (not yet due): neither kinder nor harsher. */
  readonly unranked: number;
  /** differ / typed; null when nothing was typed. */
  readonly share: number | null;
}

export interface ConsistencyReview {
  readonly sameKpi: readonly SameKpiDifference[];
  /** Files whose typed grades are full-width (Ｓ), half-width (S), or both (one table each way). */
  readonly gradeStyles: { readonly mixed: boolean; readonly full: readonly string[]; readonly half: readonly string[] };
  readonly byFile: readonly HandGradeShare[];
  readonly byDepartment: readonly HandGradeShare[];
}

/**
 * Do two files report the same figure? Both read as numbers: the same value, and the same
 * unit unless one is a bare number ("372" in a number cell, "372件" typed as text).
 * Otherwise the text after normalisation (full-width digits, spaces, line breaks).
 */
function same(field: 'baseline' | 'current' | 'target', a: SameKpiOccurrence, b: SameKpiOccurrence): boolean {
  const fa = a.figures?.[field];
  const fb = b.figures?.[field];
  if (fa && fb) return fa.value === fb.value && (fa.unit === fb.unit || fa.unit === '' || fb.unit === '');
  return compactText(a[field] ?? '') === compactText(b[field] ?? '');
}

function occurrence(file: string, k: ReviewKpi): SameKpiOccurrence {
  return {
    file,
    sheet: k.sheet,
    cell: k.cell,
    ...(k.department ? { department: k.department } : {}),
    ...(k.baseline !== undefined ? { baseline: k.baseline } : {}),
    ...(k.current !== undefined ? { current: k.current } : {}),
    target: k.target,
    ...(k.figures ? { figures: k.figures } : {}),
    years: {
      ...(k.baselineYear !== undefined ? { baseline: k.baselineYear } : {}),
      ...(k.currentYear !== undefined ? { current: k.currentYear } : {}),
      ...(k.targetYear !== undefined ? { target: k.targetYear } : {}),
    },
  };
}

function sameKpiDifferences(files: readonly ReviewFile[]): SameKpiDifference[] {
  const groups = new Map<string, SameKpiOccurrence[]>();
  const names = new Map<string, string>();
  for (const f of files) {
    for (const k of f.kpis) {
      const key = compactText(k.name);
      if (key === '') continue;
      if (!groups.has(key)) {
        groups.set(key, []);
        names.set(key, k.name);
      }
      groups.get(key)!.push(occurrence(f.file, k));
    }
  }
  const out: SameKpiDifference[] = [];
  for (const [key, occ] of groups) {
    if (new Set(occ.map((o) => o.file)).size < 2) continue; // the same KPI twice in one file is that file's affair
    const first = occ[0]!;
    const differsIn: ReportedField[] = [];
    for (const field of ['baseline', 'current', 'target'] as const) if (occ.some((o) => !same(field, o, first))) differsIn.push(field);
    const y = (o: SameKpiOccurrence) => `${o.years.baseline ?? ''}|${o.years.current ?? ''}|${o.years.target ?? ''}`;
    if (occ.some((o) => y(o) !== y(first))) differsIn.push('years');
    if (differsIn.length > 0) out.push({ name: names.get(key)!, differsIn, occurrences: occ });
  }
  return out;
}

interface Tally {
  typed: number;
  differ: number;
  kinder: number;
  harsher: number;
  unranked: number;
}

function share(label: string | null, t: Tally): HandGradeShare {
  return { label, ...t, share: t.typed === 0 ? null : t.differ / t.typed };
}

/** Worst first: the larger share of differing grades, then more of them, then by label. */
function worstFirst(a: HandGradeShare, b: HandGradeShare): number {
  return (b.share ?? -1) - (a.share ?? -1) || b.differ - a.differ || (a.label ?? '\uffff').localeCompare(b.label ?? '\uffff', 'ja');
}

export function reviewConsistency(files: readonly ReviewFile[], preset: Preset): ConsistencyReview {
  // Best first: a builtin method's grades, or a city scale's own codes in their order.
  const order = gradeKeysOf(preset);
  const notYetDue = noCurrentGrade(preset);
  const rank = (g: GradeKey): number | undefined => (g === notYetDue ? undefined : order.indexOf(g) >= 0 ? order.indexOf(g) : undefined);
  const byFile: HandGradeShare[] = [];
  const departments = new Map<string | null, Tally>();
  for (const f of files) {
    const fileTally: Tally = { typed: 0, differ: 0, kinder: 0, harsher: 0, unranked: 0 };
    for (const k of f.kpis) {
      if (k.typed === undefined || k.computed === null) continue;
      const dept = k.department ?? null;
      if (!departments.has(dept)) departments.set(dept, { typed: 0, differ: 0, kinder: 0, harsher: 0, unranked: 0 });
      for (const t of [fileTally, departments.get(dept)!]) {
        t.typed++;
        if (k.typed === k.computed) continue;
        t.differ++;
        const typed = rank(k.typed);
        const computed = rank(k.computed);
        // A grade outside the preset's order (S typed under tassei, whose best is A) cannot be ranked either.
        if (typed === undefined || computed === undefined) t.unranked++;
        else if (typed < computed) t.kinder++;
        else t.harsher++;
      }
    }
    byFile.push(share(f.file, fileTally));
  }
  const full = files.filter((f) => f.gradeStyles.includes('full')).map((f) => f.file);
  const half = files.filter((f) => f.gradeStyles.includes('half')).map((f) => f.file);
  return {
    sameKpi: sameKpiDifferences(files),
    gradeStyles: { mixed: full.length > 0 && half.length > 0, full, half },
    byFile: byFile.sort(worstFirst),
    byDepartment: [...departments].map(([label, t]) => share(label, t)).sort(worstFirst),
  };
}
