/** Figures as the report prints them, one rule for tables and charts: 「75%」「57.1%」「－」. */
export function formatPercent(x: number | undefined): string {
  return x === undefined || !Number.isFinite(x) ? '－' : `${Math.round(x * 1000) / 10}%`;
}
