/** Shares as the report prints them (one decimal, as published: 「86.8%」), 「－」 when there is none. */
export function formatPercent(x: number | undefined): string {
  return x === undefined || !Number.isFinite(x) ? '－' : `${(Math.round(x * 1000) / 10).toFixed(1)}%`;
}

/** 進捗率 and 経過率 in whole percent, as the grade reasons write them: 「95%」. */
export function formatRate(x: number | undefined): string {
  return x === undefined || !Number.isFinite(x) ? '－' : `${Math.round(x * 100)}%`;
}
