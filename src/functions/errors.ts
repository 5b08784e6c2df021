/**
 * The errors the KPI functions put in a cell, with the message Excel shows under the error
 * flag. Only #VALUE! and #N/A carry a custom message (CustomFunctions.ErrorCode is CustomFunctionsRuntime 1.3), so those
 * are the two we use:
 *   #VALUE!  the input cannot be used as given (the clerk has to change a cell or argument);
 *   #N/A     the input is fine but the figure does not exist yet (no current value, no baseline,
 *            a state word such as 完了 where a number is needed).
 *
 * Messages are Japanese (the formula tooltip and error flag speak the clerk's language); the
 * English bundle is there for an English UI and for developers reading logs.
 */
import { createTranslator, type Params } from '../core/i18n';

type Key =
  | 'shapeMismatch'
  | 'raggedRange'
  | 'unreadable'
  | 'notAValueType'
  | 'missingValue'
  | 'stateNotNumber'
  | 'stateWord'
  | 'noCurrent'
  | 'noTarget'
  | 'targetNotNumber'
  | 'noBaselineRate'
  | 'noBaselineExpected'
  | 'keepTarget'
  | 'alreadyMet'
  | 'attainmentUndefined'
  | 'unitMismatch'
  | 'badYear'
  | 'noYear'
  | 'yearOrder'
  | 'noYearInCell'
  | 'emptyYearCell'
  | 'unknownPreset'
  | 'ruleLoadFailed'
  | 'notGradable'
  | 'noGrade'
  | 'unexpected';

const t = createTranslator<Key>('functions', {
  ja: {
    shapeMismatch:
      '範囲の大きさがそろっていません（{{shapes}}）。同じ行数・列数の範囲か、1つのセルを指定してください。',
    raggedRange: '{{arg}}の範囲の行ごとの列数がそろっていません。',
    unreadable:
      '{{arg}}「{{text}}」を読み取れません（{{why}}）。63.0％、2,920件、300位以内 のように入力するか、値がなければ「－」にしてください。',
    notAValueType: '{{arg}}の値（{{text}}）は数値や文字ではないため読み取れません。セルの値を確認してください。',
    missingValue: '{{arg}}に数値がありません（空欄または「－」）。',
    stateNotNumber: '{{arg}}「{{text}}」は数値ではないため、{{measure}}は計算できません。',
    stateWord: '{{arg}}「{{text}}」は数値ではなく、状態を表す語です。',
    noCurrent: '現状に値がありません（空欄または「－」）。現状値が入ると{{measure}}を計算します。',
    noTarget: '目標に値がありません（空欄または「－」）。目標値を指定してください。',
    targetNotNumber: '目標「{{text}}」は数値ではないため、{{measure}}は計算できません。',
    noBaselineRate: '当初に値がないため、進捗率は計算できません（空欄または「－」）。',
    noBaselineExpected: '当初に値がないため、目安値は計算できません（空欄または「－」）。',
    keepTarget: '目標が当初と同じ値（{{value}}）の維持目標のため、進捗率は計算できません。',
    alreadyMet: '当初（{{baseline}}）の時点で目標（{{target}}）を満たしているため、進捗率は計算できません。',
    attainmentUndefined: '目標または現状が 0 以下のため、達成率は計算できません。',
    unitMismatch: '単位がそろっていません（{{units}}）。同じ単位の値を指定してください。',
    badYear: '{{arg}}「{{text}}」は年度として読み取れません。2017 のような西暦か、H29・令和元年度 のように指定してください。',
    noYear: '{{arg}}がありません。2017 のような西暦か、H29・令和元年度 のように指定してください。',
    yearOrder: '目標年度（{{target}}）が当初年度（{{baseline}}）より後ではないため、目安値は計算できません。',
    noYearInCell: '「{{text}}」に年度が見つかりません。H29、令和元年度、2017年度 のように年度が書かれたセルを指定してください。',
    emptyYearCell: '年度のセルが空です。H29、令和元年度、2017年度 のように年度が書かれたセルを指定してください。',
    unknownPreset:
      '評価ルール「{{text}}」はありません。{{known}} のいずれかを指定するか、省略してブックに保存した評価ルールを使ってください。',
    ruleLoadFailed:
      'ブックに保存された評価ルールを読み込めませんでした（{{detail}}）。作業ウィンドウで評価ルールを確認するか、preset に standard などを指定してください。',
    notGradable: '{{reason}}。',
    noGrade: '{{reason}}。この指標には評価を手入力してください。',
    unexpected: '計算中に予期しないエラーが発生しました（{{detail}}）。',
  },
  en: {
    shapeMismatch: 'The ranges differ in size ({{shapes}}). Give ranges of the same size, or single cells.',
    raggedRange: 'The rows of {{arg}} do not have the same number of columns.',
    unreadable:
      '{{arg}} "{{text}}" cannot be read ({{why}}). Enter a figure such as 63.0%, 2,920件 or 300位以内, or "－" when there is none.',
    notAValueType: 'The value of {{arg}} ({{text}}) is neither a number nor text. Check the cell.',
    missingValue: '{{arg}} has no figure (empty or "－").',
    stateNotNumber: '{{arg}} "{{text}}" is not a number, so the {{measure}} cannot be computed.',
    stateWord: '{{arg}} "{{text}}" is not a number but a word for a state.',
    noCurrent: 'There is no current value (empty or "－"). The {{measure}} is computed once one is entered.',
    noTarget: 'There is no target (empty or "－"). Give a target value.',
    targetNotNumber: 'The target "{{text}}" is not a number, so the {{measure}} cannot be computed.',
    noBaselineRate: 'There is no baseline (empty or "－"), so the progress rate cannot be computed.',
    noBaselineExpected: 'There is no baseline (empty or "－"), so the expected value cannot be computed.',
    keepTarget: 'The target equals the baseline ({{value}}): a level to keep, which has no progress rate.',
    alreadyMet: 'The baseline ({{baseline}}) already meets the target ({{target}}), so there is no progress rate.',
    attainmentUndefined: 'The target or the current value is 0 or less, so the attainment cannot be computed.',
    unitMismatch: 'The units do not agree ({{units}}). Give values in one unit.',
    badYear: '{{arg}} "{{text}}" is not a fiscal year. Give a Western year such as 2017, or H29 / 令和元年度.',
    noYear: '{{arg}} is missing. Give a Western year such as 2017, or H29 / 令和元年度.',
    yearOrder: 'The target year ({{target}}) is not after the baseline year ({{baseline}}), so there is no expected value.',
    noYearInCell: 'No fiscal year found in "{{text}}". Point at a cell that holds one, such as H29, 令和元年度 or 2017年度.',
    emptyYearCell: 'The year cell is empty. Point at a cell that holds a year, such as H29, 令和元年度 or 2017年度.',
    unknownPreset: 'There is no grading rule "{{text}}". Use one of {{known}}, or leave it out to use the rule saved in the workbook.',
    ruleLoadFailed:
      'The grading rule saved in the workbook could not be read ({{detail}}). Check the rule in the task pane, or give preset as standard or another built-in rule.',
    notGradable: '{{reason}}.',
    noGrade: '{{reason}}. Type a grade for this indicator by hand.',
    unexpected: 'An unexpected error occurred while computing ({{detail}}).',
  },
});

export type MessageKey = Key;

/** The Japanese message for a key. */
export function message(key: Key, params?: Params): string {
  return t('ja', key, params);
}

/** #VALUE!: the input cannot be used as given. */
export function invalidValue(key: Key, params?: Params): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message(key, params));
}

/** #N/A: the figure does not exist (yet). */
export function notAvailable(key: Key, params?: Params): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, message(key, params));
}

/**
 * An Excel error value, ours or one Excel passed in from a cell (#DIV/0! in a range). Checked
 * by shape rather than `instanceof`, because Excel's own error objects need not come from the
 * class our bundle sees.
 */
export function isCellError(value: unknown): value is CustomFunctions.Error {
  if (value instanceof CustomFunctions.Error) return true;
  if (typeof value !== 'object' || value === null) return false;
  const code = (value as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('#');
}

/**
 * What a cell shows when computing it threw. Our own errors go through as they are; anything
 * else is a bug, and it still reaches the clerk as #VALUE! with what happened rather than
 * vanishing, while the other cells of the range keep their results.
 */
export function cellErrorOf(thrown: unknown): CustomFunctions.Error {
  if (isCellError(thrown)) return thrown;
  const detail = thrown instanceof Error ? thrown.message : String(thrown);
  return invalidValue('unexpected', { detail });
}
