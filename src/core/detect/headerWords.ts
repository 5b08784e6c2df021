/**
 * Header words of a KPI table (spec §1) and the years written with them.
 *
 * A header cell is read as: an optional year ("(H26)", "平成26年度", "R1", "2024") plus at
 * most one whole word from the lists below. Whole words only: 目標 (target) also occurs
 * inside 数値目標 (numeric goal — an indicator header) and 基本目標 (basic goal — a heading
 * above the table), and 評価 (evaluation — a grade header) inside 重要業績評価指標 (key
 * performance indicator). Comparing the whole cell, after taking the year out, against the
 * lists makes those cases fall out by themselves: 基本目標 is no word at all.
 */
import { compactText } from '../text';
import { findYear } from '../years';

export type HeaderRole =
  | 'indicator' // the KPI's name
  | 'baseline' // 当初 / 基準値: the value at planning time
  | 'intermediate' // 中間: a value between baseline and current
  | 'current' // 現状 / 実績: the latest value
  | 'target' // 目標値
  | 'grade' // 達成状況: where the grade is written
  | 'number' // No / 番号
  | 'department'; // 担当課: the section in charge, when it has its own column

// Compared after compactText (NFKC, no spaces or line breaks) and upper-casing Latin letters.
const WORDS: Readonly<Record<HeaderRole, readonly string[]>> = {
  indicator: [
    '重要業績評価指標(KPI)', // key performance indicator (KPI)
    '重要業績評価指標',
    'KPI(重要業績評価指標)',
    'KPI',
    '指標', // indicator
    '指標名', // indicator name
    '指標項目',
    '成果指標', // outcome indicator
    '評価指標',
    '数値目標', // numeric goal
    '目標指標',
  ],
  baseline: [
    '当初', // at the start
    '当初値',
    '基準値', // reference value
    '基準',
    '基準年',
    '策定時', // when the plan was drawn up
    '策定時値',
    '計画策定時',
    '初期値',
  ],
  intermediate: ['中間', '中間値', '中間実績'],
  current: [
    '現状', // present state
    '現状値',
    '現況',
    '現況値',
    '実績', // actual result
    '実績値',
    '直近値', // most recent value
    '直近',
    '最新値',
  ],
  target: ['目標値', '目標', '目標数値', '最終目標', '最終目標値'],
  grade: [
    '達成状況', // state of achievement
    '評価', // evaluation
    '評価結果',
    '進捗状況', // state of progress
    '進捗度',
    '進捗評価',
    '達成度', // degree of achievement
    '達成評価',
    '判定', // judgement
  ],
  number: ['NO', 'NO.', '番号', '項番', '#'],
  department: ['担当課', '所管課', '担当部署', '所管部署', '担当部局', '担当'],
};

const ROLE_OF_WORD: ReadonlyMap<string, HeaderRole> = new Map(
  (Object.entries(WORDS) as [HeaderRole, readonly string[]][]).flatMap(([role, words]) =>
    words.map((w) => [compactText(w).toUpperCase(), role] as const),
  ),
);

/**
 * Cheap test on the raw text before any normalisation: could this cell hold a header word?
 * Every word above contains one of these stems (full-width Latin included), so a row
 * without any is skipped without the cost of NFKC. A word broken by a line break in the
 * middle of its stem ("現\n状") is missed; officers break after the word, not inside it.
 */
const STEMS =
  /指標|KPI|ＫＰＩ|当初|基準|策定|初期|中間|現状|現況|実績|直近|最新|目標|達成|評価|進捗|判定|番号|項番|担当|所管|[NＮ][oOｏＯ]|№|#|＃/iu;

export function mayHoldHeaderWord(raw: string): boolean {
  return hasStemStart(raw) && STEMS.test(raw);
}

/**
 * Does the text hold a character a stem can start with? Necessary for mayHoldHeaderWord, and
 * cheap: asked of every cell of every row, where most cells hold none (figures, "－", grades)
 * and a table lookup per character says so without the regex.
 */
export function hasStemStart(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    if (STEM_START[raw.charCodeAt(i)] === 1) return true;
  }
  return false;
}

/**
 * The characters a STEMS match can start with, case variants included (the regex is /iu:
 * k and the Kelvin sign K match K, ｋ matches Ｋ, n and ｎ match N and Ｎ). Flags by UTF-16 unit.
 */
const STEM_START = new Uint8Array(0x10000);
for (const ch of '指KkＫｋ\u212a当基策初中現実直最目達評進判番項担所NnＮｎ№#＃') STEM_START[ch.charCodeAt(0)] = 1;

/** What one header cell says. */
export interface HeaderToken {
  /** The role of its word; undefined for a year alone ("(H28)"). */
  readonly role?: HeaderRole;
  /** The Western fiscal year written in it. */
  readonly year?: number;
}

const BRACKETS_EMPTY = /[(（[【〔]\s*[)）\]】〕]/gu;
const BRACKETED = /[(（[【〔][^()（）[\]【】〔〕]*[)）\]】〕]/gu;
const HAS_BRACKET = /[(（[【〔]/u;
const DECORATION = /^[・:：\-－]+|[・:：]+$/gu;

/** Longer than this (raw) is a sentence or an indicator name, never a header cell. */
export const MAX_HEADER_LENGTH = 48;
/** A year needs a digit, or 元 (the first year of an era: 令和元年度). */
const MAY_HOLD_YEAR = /[0-9０-９元]/u;

/**
 * Header cells repeat: every table of a ledger has the same header, and the body scan asks
 * about every row. Reading is memoised by raw text; the memo is dropped when it grows, so a
 * sheet of unique long texts cannot make it grow without bound.
 */
const memo = new Map<string, HeaderToken | null>();
const MEMO_LIMIT = 4096;

/**
 * Reads a header cell, or returns undefined when it is not one: a cell is a header cell
 * when, its year taken out, nothing is left or a whole header word is left.
 */
export function readHeaderCell(raw: string): HeaderToken | undefined {
  if (raw.length > MAX_HEADER_LENGTH) return undefined;
  const known = memo.get(raw);
  if (known !== undefined) return known ?? undefined;
  const token = readUncached(raw);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(raw, token ?? null);
  return token;
}

function readUncached(raw: string): HeaderToken | undefined {
  const compact = compactText(raw);
  if (compact === '') return undefined;
  let rest = compact;
  let year: number | undefined;
  // Two passes: "目標値(H31/R1)" writes the same year twice.
  for (let i = 0; i < 2 && MAY_HOLD_YEAR.test(rest); i++) {
    const found = findYear(rest);
    if (!found) break;
    year ??= found.year;
    rest = rest.slice(0, found.index) + rest.slice(found.index + found.text.length);
  }
  rest = rest.replace(BRACKETS_EMPTY, '').replace(DECORATION, '').toUpperCase();
  if (rest === '') return year === undefined ? undefined : Object.freeze({ year });
  let role = ROLE_OF_WORD.get(rest);
  // "指標名(単位)", "評価(S〜E)": a bracketed aside after the word does not change it.
  if (!role && HAS_BRACKET.test(rest)) {
    const bare = rest.replace(BRACKETED, '');
    if (bare !== '') role = ROLE_OF_WORD.get(bare);
  }
  if (!role) return undefined;
  return Object.freeze(year === undefined ? { role } : { role, year });
}
