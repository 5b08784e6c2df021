/**
 * What the pane shows of one KPI's history, worked out without React: the grade line
 * 「R3 Ｂ → R4 Ａ → R5 Ｓ」, the points of the small chart (values by year against the target),
 * and the 「前回より悪化」「前回より改善」 filters.
 */
import type { GradeChange } from '../../../core/history/compare';
import { toGradeText } from '../../../core/gradeText';
import type { GradeKey } from '../../../core/types';
import { eraLabel } from '../../../core/years';

/** 「R3 Ｂ → R4 Ａ → R5 Ｓ」 from grades by fiscal year (oldest first). */
export function gradeLine(grades: ReadonlyMap<number, GradeKey>, style: 'full' | 'half' = 'full'): string {
  return [...grades]
    .sort(([a], [b]) => a - b)
    .map(([year, grade]) => `${eraLabel(year)} ${toGradeText(grade, style)}`)
    .join(' → ');
}

export interface ChartPoint {
  readonly year: number;
  readonly value: number;
}

export interface ChartGeometry {
  /** SVG polyline points of the values, "x,y x,y". */
  readonly line: string;
  /** y of the target line. */
  readonly targetY: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Values by year on a small chart with the target as a horizontal line. The vertical scale spans
 * the values and the target, so the distance still to go is visible; undefined with no value.
 */
export function chartGeometry(points: readonly ChartPoint[], target: number, width = 160, height = 48, pad = 4): ChartGeometry | undefined {
  if (points.length === 0) return undefined;
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const years = sorted.map((p) => p.year);
  const values = [...sorted.map((p) => p.value), target];
  const minY = Math.min(...values);
  const maxY = Math.max(...values);
  const minX = years[0]!;
  const spanX = years[years.length - 1]! - minX || 1;
  const spanY = maxY - minY || 1;
  const x = (year: number) => pad + ((year - minX) / spanX) * (width - 2 * pad);
  const y = (value: number) => height - pad - ((value - minY) / spanY) * (height - 2 * pad);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    line: sorted.map((p) => `${round(x(p.year))},${round(y(p.value))}`).join(' '),
    targetY: round(y(target)),
    width,
    height,
  };
}

export type ChangeFilter = 'all' | 'worse' | 'better';

/** The KPIs a filter keeps: 「前回より悪化」 worse only, 「前回より改善」 better only. */
export function byChange<T extends { readonly change: GradeChange }>(items: readonly T[], filter: ChangeFilter): T[] {
  return filter === 'all' ? [...items] : items.filter((i) => i.change === filter);
}
