/**
 * The kind of value a row holds in a years-across sheet (施策評価シート, 事務事業評価シート,
 * 指標総括表): the label in the 区分 column, 目標 (or 計画) over 実績, sometimes 達成率 and 評価
 * below. Whole words only, after NFKC and without spaces or brackets around them: 予算 / 決算
 * (a budget) are no kind here, so a budget laid out years-across never reads as a KPI.
 */
import { compactText } from '../../text';

export type RowKind =
  | 'plan' // 目標 / 計画: the figure aimed at for that year
  | 'actual' // 実績: the figure reached
  | 'rate' // 達成率 / 進捗率: computed by the office, never a value
  | 'grade'; // 評価 / 達成度: where the grade for the year is written

const KIND_WORDS: Readonly<Record<RowKind, readonly string[]>> = {
  plan: ['目標', '目標値', '計画', '計画値', '年度目標', '目標(計画)', '計画(目標)'],
  actual: ['実績', '実績値', '実績(見込)', '実績見込', '実績(見込み)'],
  rate: ['達成率', '進捗率', '達成率(%)', '進捗率(%)'],
  grade: ['評価', '達成度', '判定', '評価結果', '達成状況', '進捗状況', '達成度評価'],
};

const KIND_OF: ReadonlyMap<string, RowKind> = new Map(
  (Object.entries(KIND_WORDS) as [RowKind, readonly string[]][]).flatMap(([kind, words]) =>
    words.map((w) => [compactText(w), kind] as const),
  ),
);

/** Longest raw text worth reading as a kind label. */
const MAX_KIND_LENGTH = 12;

/** First characters of the words above: the cheap test before any normalisation. */
const KIND_START = new Set([...'目計年実達進評判']);

/** The kind a label cell names, or undefined. */
export function rowKind(raw: string): RowKind | undefined {
  if (raw === '' || raw.length > MAX_KIND_LENGTH) return undefined;
  const first = raw.trimStart().charAt(0);
  if (!KIND_START.has(first)) return undefined;
  return KIND_OF.get(compactText(raw));
}

/** Could this cell start a years-across group (a plan or actual label)? Cheap: by its first character. */
export function mayBeValueKind(raw: string): boolean {
  if (raw === '' || raw.length > MAX_KIND_LENGTH) return false;
  const c = raw.charCodeAt(0);
  const d = raw.charCodeAt(1);
  return (
    (c === 0x76ee /* 目 */ && d === 0x6a19) /* 標 */ ||
    (c === 0x8a08 /* 計 */ && d === 0x753b) /* 画 */ ||
    (c === 0x5b9f /* 実 */ && d === 0x7e3e) /* 績 */ ||
    (c === 0x5e74 /* 年 */ && d === 0x5ea6) /* 度 */
  );
}
