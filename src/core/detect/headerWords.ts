/**
 * Header words of a KPI table (spec §1) and the years written with them.
 *
 * A header cell is read as: an optional year ("(H26)", "平成26年度", "R1", "2024") plus at most
 * one header phrase: a role word with the decoration officers add around it — 主なKPI,
 * KPI項目, 成果指標名, 令和5年度末実績, 最終目標, 中間目標, 目標値（R9） — matched by one small
 * grammar per role (ROLE_GRAMMAR) against the whole cell, its year taken out. Whole cells
 * only: 目標 (target) also occurs inside 数値目標 (numeric goal — an indicator header) and
 * 基本目標 (basic goal — a heading above the table), and 評価 (evaluation — a grade header)
 * inside 重要業績評価指標 (key performance indicator). A grammar says which words may stand
 * before and after the role word, so 基本目標 is no header phrase at all, nor is
 * 数値目標の達成状況 (a caption). Headings written alone on their line (数値目標 above a table,
 * 重要業績評価指標 as a caption) are turned away by the header finder: a header row has two
 * header cells or more.
 */
import { remembered } from '../memo';
import { compactText } from '../text';
import { findYear } from '../years';

export type HeaderRole =
  | 'indicator' // the KPI's name
  | 'baseline' // 当初 / 基準値: the value at planning time
  | 'intermediate' // 中間: a value between baseline and current
  | 'current' // 現状 / 実績: the latest value
  | 'forecast' // 見込 / 見込値 / 実績見込: a forecast, used as the current value
  | 'target' // 目標値
  | 'expected' // 目安値: the expected value on the straight line for that year
  | 'grade' // 達成状況: where the grade is written
  | 'previousGrade' // 前年度評価 / 前回評価: last year's grade (history, never written)
  | 'officeRate' // 進捗率 / 達成率 computed by the office (never a value)
  | 'unit' // 単位: the unit of the row's bare numbers
  | 'direction' // 方向 / 目指す方向: which way is better
  | 'year' // 基準年度 / 目標年度 / 年度 / 時点: the year of a neighbouring value
  | 'change' // 増減 / 前年比: a signed change (not a value)
  | 'note' // 備考 / 出典 / 課題 / 今後の取組 …: the officer's words, never read as values
  | 'number' // No / 番号
  | 'department'; // 担当課: the section in charge, when it has its own column

/** Header roles whose columns hold a KPI's figures or name: what makes a row look like a KPI table. */
export const KPI_ROLES: ReadonlySet<HeaderRole> = new Set<HeaderRole>([
  'indicator',
  'baseline',
  'intermediate',
  'current',
  'forecast',
  'target',
  'expected',
]);

/** Whose year a year column gives: a named value (基準年度, 目標年度), or the neighbouring one (年度, 時点). */
export type YearOf = 'baseline' | 'current' | 'target' | 'beside';

/**
 * One grammar per role, tried in this order against the compacted, upper-cased cell without its
 * year (so notes and year columns come before the value words they contain: 今後の方向性 is a
 * note, 目標年度 a year column, 前年度評価 history). Each is anchored at both ends.
 */
const ROLE_GRAMMAR: ReadonlyArray<readonly [HeaderRole, RegExp]> = [
  [
    'note',
    /^(?:備考|出典|出所|データ出典|算出方法|算定方法|算出根拠|根拠|説明|指標の説明|指標の定義|定義|要因分析|要因|分析|課題|今後の方向性|今後の取組み?|今後の取り組み|今後の展開|取組内容|主な取組|コメント|所見|評価理由|理由|特記事項)(?:等|など)?$/u,
  ],
  ['change', /^(?:増減|増減数|増減値|増減率|前年比|前年度比|対前年度?比?|前年差|前年度差|前回比)$/u],
  ['previousGrade', /^(?:前年度|前年|前回|昨年度)の?(?:評価|評価結果|達成状況|進捗状況|判定|達成度|進捗度)$/u],
  ['officeRate', /^(?:進捗率|進捗割合|目標達成率|達成率)$/u],
  ['expected', /^(?:目安値|目安|目安の値|目安数値)$/u],
  ['forecast', /^(?:実績見込み?値?|見込み?値?|見込み?実績)$/u],
  ['year', /^(?:基準|当初|策定時|現状|現況|実績|直近|目標|最終目標)?(?:年度|年|時点|年次)$/u],
  ['unit', /^単位$/u],
  ['direction', /^(?:方向|方向性|目指す方向性?|目標の方向|目標方向|望ましい方向)$/u],
  [
    'indicator',
    /^(?:主な|主要な?|重点|重要)?(?:KPI|重要業績評価指標|重要業績指標|業績評価指標|成果指標|評価指標|数値目標|目標指標|業績指標|活動指標|施策指標|指標)(?:名|名称|項目|内容|等)?(?:及び単位|と単位|・単位)?$/u,
  ],
  ['baseline', /^(?:当初|基準|策定時|策定時点|計画策定時|計画時|初期)の?(?:値|数値|実績値?|現状値?|水準)?$/u],
  ['intermediate', /^中間(?:値|実績値?)?$/u],
  ['current', /^(?:度?末|年度末|時点|現在)?(?:現状|現況|実績|直近|最新|現在)の?(?:値|数値|実績)?$/u],
  ['target', /^(?:最終|中間|計画|当初|年度)?目標(?:値|数値|水準)?$/u],
  [
    'grade',
    /^(?:総合評価|総合判定|自己評価|目標達成度|目標達成状況|(?:達成|進捗|評価|判定)(?:状況|結果|度|評価|区分|状況区分)?|達成状況|評点)$/u,
  ],
  ['number', /^(?:NO\.?|番号|項番|通し番号|整理番号|#)$/u],
  ['department', /^(?:担当課|所管課|主管課|担当部署|所管部署|担当部局|所管部局|担当部課|担当部|担当課名|担当|所管)(?:等)?$/u],
];

/**
 * The stems every header phrase above contains, as written before normalisation (full-width
 * Latin included). A cell without any is skipped without the cost of NFKC. A word broken by a
 * line break in the middle of its stem ("現\n状") is missed; officers break after the word,
 * not inside it.
 */
export const STEM_WORDS: readonly string[] = [
  '指標', 'KPI', 'ＫＰＩ', '当初', '基準', '策定', '初期', '計画', '中間', '現状', '現況', '現在', '実績', '直近', '最新',
  '見込', '目標', '目安', '達成', '評価', '進捗', '判定', '評点', '番号', '項番', '担当', '所管', '主管', '単位', '方向',
  '年度', '年次', '時点', '備考', '出典', '出所', '算出', '算定', '根拠', '説明', '定義', '要因', '分析', '課題', '今後',
  '取組', 'コメント', '所見', '理由', '特記', '増減', '前年', '前回', 'No', '№', '#', '＃', 'Ｎｏ',
];
// "年" alone is a year column header too: it is its own stem (one character, no tail).
const STEMS = new RegExp(`${STEM_WORDS.map(escapeRegex).join('|')}|年|[NＮ][oOｏＯ]`, 'iu');

function escapeRegex(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

export function mayHoldHeaderWord(raw: string): boolean {
  return hasStemStart(raw) && STEMS.test(raw);
}

/**
 * Does the text hold the first two characters of a stem (or a stem of one character)? Necessary
 * for mayHoldHeaderWord, and cheap: asked of every cell of every row, where most cells hold none
 * (figures, "－", grades, names) and two table look-ups per character say so without the regex.
 * Names hold many a stem's first character (課 of 企画政策課, 年 of 生産年齢人口, 方 of 地方), few
 * a stem's first two (課題, 年度).
 */
export function hasStemStart(raw: string): boolean {
  const n = raw.length;
  for (let i = 0; i < n; i++) {
    const next = STEM_NEXT[raw.charCodeAt(i)];
    if (next === undefined) continue;
    if (next === '' || (i + 1 < n && next.indexOf(raw[i + 1]!) >= 0)) return true;
  }
  return false;
}

/**
 * By the UTF-16 unit a STEMS match can start with: the characters that may follow it ('' for a
 * stem of one character: anything, or nothing, may follow). Case variants included, as the regex
 * is /iu: k and the Kelvin sign K match K, ｋ matches Ｋ, n and ｎ match N and Ｎ, and the letters
 * after them either case.
 */
const STEM_NEXT: (string | undefined)[] = new Array<string | undefined>(0x10000).fill(undefined);
function allowNext(first: string, second: string): void {
  const code = first.charCodeAt(0);
  const known = STEM_NEXT[code];
  if (known === '') return;
  STEM_NEXT[code] = second === '' ? '' : (known ?? '') + second;
}
for (const word of [...STEM_WORDS, '年']) {
  const first = word[0]!;
  const second = word.slice(1, 2);
  for (const a of new Set([first, first.toLowerCase(), first.toUpperCase()])) {
    for (const b of second === '' ? [''] : new Set([second, second.toLowerCase(), second.toUpperCase()])) allowNext(a, b);
  }
}
// [NＮ][oOｏＯ] mixes widths; K (Kelvin sign) matches K.
for (const n of 'NnＮｎ') allowNext(n, 'oOｏＯ');
allowNext('\u212a', 'PpＰｐ');

/** What one header cell says. */
export interface HeaderToken {
  /** The role of its word; undefined for a year alone ("(H28)"). */
  readonly role?: HeaderRole;
  /** The Western fiscal year written in it. */
  readonly year?: number;
  /** A year column's value: whose year it gives. */
  readonly yearOf?: YearOf;
  /** An office rate column's rate. */
  readonly rate?: 'progress' | 'attainment';
}

const BRACKETS_EMPTY = /[(（[【〔]\s*[)）\]】〕]/gu;
const BRACKETED = /[(（[【〔][^()（）[\]【】〔〕]*[)）\]】〕]/gu;
const HAS_BRACKET = /[(（[【〔]/u;
const DECORATION = /^[・:：\-－]+|[・:：]+$/gu;

const ERALESS_YEAR = /^\d{1,2}年度?(?:末)?|\(\d{1,2}年度?\)$/u;

/** Longer than this (raw) is a sentence or an indicator name, never a header cell. */
export const MAX_HEADER_LENGTH = 48;
/** A year needs a digit, or 元 (the first year of an era: 令和元年度). */
const MAY_HOLD_YEAR = /[0-9０-９元]/u;

/**
 * Header cells repeat: every table of a ledger has the same header, and the body scan asks
 * about every row. Reading is memoised by raw text; the memo is dropped when it grows, so a
 * sheet of unique long texts cannot make it grow without bound.
 */
const readRemembered = remembered(readUncached, 4096);

/**
 * Reads a header cell, or returns undefined when it is not one: a cell is a header cell
 * when, its year taken out, nothing is left or a whole header word is left.
 */
export function readHeaderCell(raw: string): HeaderToken | undefined {
  if (raw.length > MAX_HEADER_LENGTH) return undefined;
  return readRemembered(raw);
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
  let phrase = readPhrase(rest);
  // "指標名(単位)", "評価(S〜E)", "KPI(3月まで)": a bracketed aside after the word does not change it.
  if (!phrase && HAS_BRACKET.test(rest)) {
    const bare = rest.replace(BRACKETED, '');
    if (bare !== '') phrase = readPhrase(bare);
  }
  // "24年度実績", "28年度見込み": a year without its era (the sheet's era is not known here) is
  // decoration; the word is read, the year left unknown (the columns are then ordered by sheet order).
  if (!phrase && ERALESS_YEAR.test(rest)) {
    const bare = rest.replace(ERALESS_YEAR, '');
    if (bare !== '') phrase = readPhrase(bare);
  }
  if (!phrase) return undefined;
  return Object.freeze(year === undefined ? phrase : { ...phrase, year });
}

/** The role of a header phrase (the whole text), with what its words add. */
function readPhrase(text: string): HeaderToken | undefined {
  for (let i = 0; i < ROLE_GRAMMAR.length; i++) {
    const [role, grammar] = ROLE_GRAMMAR[i]!;
    if (!grammar.test(text)) continue;
    if (role === 'year') return { role, yearOf: yearOfPhrase(text) };
    if (role === 'officeRate') return { role, rate: text.startsWith('進捗') ? 'progress' : 'attainment' };
    return { role };
  }
  return undefined;
}

function yearOfPhrase(text: string): YearOf {
  if (/^(?:基準|当初|策定時)/u.test(text)) return 'baseline';
  if (/^(?:現状|現況|実績|直近)/u.test(text)) return 'current';
  if (/^(?:目標|最終目標)/u.test(text)) return 'target';
  return 'beside';
}
