/**
 * A plan block with a yearly results block below it: the plan gives each KPI its 基準値 and
 * 目標値, one row per KPI (read by the standard reader), and a second block gives the years
 * across (策定時, H27 … H31) with 実績値 / 達成率 / 評価 rows down for each KPI:
 *
 *   | No | 指標           | 基準値(H26) | 目標値(H31) |
 *   | 1  | 観光入込客数   | 372万人     | 450万人     |
 *
 *   | 指標           | 区分   | 策定時 | H27 | H28 | H29 |
 *   | 観光入込客数   | 実績値 | 372    | 380 | 395 | 410 |
 *   |                | 達成率 |        | 84% | 88% | 91% |
 *   |                | 評価   |        |     |     |     |
 *
 * The years-across reader reads the results block (it has no target of its own); here each of
 * its KPIs is matched by name to a KPI of a plan table above on the same sheet, which then takes
 * the current value and intermediates from the results, and the grade cells of the 評価 rows
 * when every KPI of the plan has one (the write plan writes a table's grades in one column).
 * A results block beside the plan (基準値 / 目標値 columns left of the 区分 labels) is read by
 * the years-across reader on its own.
 */
import type { CellRange } from '../../grid';
import type { KpiRow, KpiTable } from '../../types';

export interface Merged {
  /** The plan table as it was (to be replaced). */
  readonly plan: KpiTable;
  readonly table: KpiTable;
}

/** The plan table the results belong to, with the results merged in; undefined when none fits. */
export function mergeResults(tables: readonly KpiTable[], results: KpiTable): Merged | undefined {
  for (let i = tables.length - 1; i >= 0; i--) {
    const plan = tables[i]!;
    if (plan.sheet !== results.sheet || plan.range.bottom >= results.range.top) continue;
    const byName = new Map<string, KpiRow>();
    for (const k of plan.kpis) if (!byName.has(k.name)) byName.set(k.name, k);
    // Every KPI of the results block must be one of the plan's.
    if (!results.kpis.every((k) => byName.has(k.name))) continue;
    const found = new Map(results.kpis.map((k) => [k.name, k] as const));
    const planGraded = plan.columns.grade !== undefined;
    const useResultGrades = !planGraded && results.columns.grade !== undefined && plan.kpis.every((k) => found.get(k.name)?.gradeCell);
    const kpis = plan.kpis.map((k): KpiRow => {
      const r = found.get(k.name);
      if (!r) return k;
      const merged: { -readonly [K in keyof KpiRow]: KpiRow[K] } = { ...k, intermediates: r.intermediates };
      if (r.current) merged.current = r.current;
      else delete merged.current;
      // The plan's 基準値 stands; the results' 策定時 (or first 実績) only when the plan has none.
      if (!k.baseline && r.baseline) merged.baseline = r.baseline;
      if (useResultGrades) merged.gradeCell = r.gradeCell!;
      return merged;
    });
    const range: CellRange = {
      top: plan.range.top,
      left: Math.min(plan.range.left, results.range.left),
      bottom: results.range.bottom,
      right: Math.max(plan.range.right, results.range.right),
    };
    const columns = useResultGrades ? { ...plan.columns, grade: results.columns.grade! } : plan.columns;
    return { plan, table: { ...plan, range, columns, kpis } };
  }
  return undefined;
}
