/**
 * Errors the adapter throws when a whole operation cannot go on. Each says, in
 * Japanese (the message) and English (messageEn), what happened and what the
 * officer can do; the Office.js error that caused it stays in `cause`.
 * Cell-level trouble is not thrown: it becomes a Problem in the report.
 */
import { createTranslator, type Params } from '../core/i18n';
import { errorDetail } from './excelRun';

export type HostErrorCode =
  | 'readFailed'
  | 'sheetTooLarge'
  | 'checkFailed'
  | 'writeFailed'
  | 'undoDamaged'
  | 'undoFailed'
  | 'undoCheckFailed'
  | 'presetInvalid'
  | 'presetSaveFailed'
  | 'presetLoadFailed'
  | 'selectFailed'
  | 'recalcFailed'
  | 'historyLoadFailed'
  | 'historySaveFailed';

const t = createTranslator<HostErrorCode>('excelHost', {
  ja: {
    readFailed: 'ブックを読み取れませんでした（{{detail}}）。もう一度「評価」を実行してください。',
    sheetTooLarge:
      '「{{sheet}}」シートは使われているセル範囲が大きすぎるため、Excel から読み取れませんでした。表より下や右の行・列に残った値や書式（Ctrl+End で移動する最後のセルまで）を削除してから、もう一度「評価」を実行してください。',
    checkFailed: '書き込む前の確認に失敗したため、何も書き込んでいません（{{detail}}）。もう一度お試しください。',
    writeFailed:
      '書き込みの途中でエラーが発生しました（{{detail}}）。書き込む前の内容は保存してあるので、［元に戻す］で戻せます。',
    undoDamaged: 'ブックに保存された「元に戻す」情報が壊れているため、元に戻せませんでした（{{detail}}）。',
    undoFailed: '元に戻す途中でエラーが発生しました（{{detail}}）。「元に戻す」情報は残してあるので、もう一度お試しください。',
    undoCheckFailed: '元に戻せる書き込みがあるか確認できませんでした（{{detail}}）。',
    presetInvalid: '評価ルールに誤りがあるため保存しませんでした（{{detail}}）。',
    presetSaveFailed: '評価ルールをブックに保存できませんでした（{{detail}}）。もう一度お試しください。',
    presetLoadFailed: 'ブックに保存された評価ルールを読み込めませんでした（{{detail}}）。',
    selectFailed:
      '「{{sheet}}」シートのセル {{cell}} を表示できませんでした（{{detail}}）。シート名が変わっていないか確認してください。',
    recalcFailed:
      '評価ルールは保存しましたが、ブックを再計算できませんでした（{{detail}}）。KPI.GRADE のセルに新しいルールを反映するには Ctrl+Alt+F9 を押してください。',
    historyLoadFailed: 'ブックに保存された評価の履歴を読み込めませんでした（{{detail}}）。評価と書き込みはできますが、前回との比較は表示されません。',
    historySaveFailed:
      '評価は書き込みましたが、評価の履歴をブックに保存できませんでした（{{detail}}）。この書き込みは履歴に残っていません。',
  },
  en: {
    readFailed: 'The workbook could not be read ({{detail}}). Run the evaluation again.',
    sheetTooLarge:
      'Sheet "{{sheet}}" uses a range of cells too large for Excel to send. Delete the values and formats left in rows and columns below and right of the tables (up to the cell Ctrl+End goes to), then run the evaluation again.',
    checkFailed: 'Checking the cells before writing failed, so nothing was written ({{detail}}). Please try again.',
    writeFailed:
      'An error occurred while writing ({{detail}}). What the cells held before was saved, so Undo can restore it.',
    undoDamaged: 'The undo information saved in this workbook is damaged, so nothing was restored ({{detail}}).',
    undoFailed: 'Undo stopped with an error ({{detail}}). The undo information is kept; please try again.',
    undoCheckFailed: 'Could not check whether there is a write to undo ({{detail}}).',
    presetInvalid: 'The grading rule has mistakes, so it was not saved ({{detail}}).',
    presetSaveFailed: 'The grading rule could not be saved in the workbook ({{detail}}). Please try again.',
    presetLoadFailed: 'The grading rule saved in the workbook could not be read ({{detail}}).',
    selectFailed: 'Cell {{cell}} on sheet "{{sheet}}" could not be shown ({{detail}}). Check that the sheet was not renamed.',
    recalcFailed:
      'The rule was saved, but the workbook could not be recalculated ({{detail}}). Press Ctrl+Alt+F9 so KPI.GRADE cells use the new rule.',
    historyLoadFailed: 'The evaluation history saved in the workbook could not be read ({{detail}}). You can still grade and write, but no comparison with the last evaluation is shown.',
    historySaveFailed: 'The grades were written, but the evaluation history could not be saved in the workbook ({{detail}}). This write is not in the history.',
  },
});

export class HostError extends Error {
  override readonly name = 'HostError';
  readonly messageEn: string;

  constructor(
    readonly code: HostErrorCode,
    params: Params & { detail?: string },
    options?: { cause?: unknown },
  ) {
    super(t('ja', code, params), options);
    this.messageEn = t('en', code, params);
  }

  /** Wraps what Office.js threw, keeping it as the cause. */
  static from(code: HostErrorCode, cause: unknown, params: Params = {}): HostError {
    return new HostError(code, { ...params, detail: errorDetail(cause) }, { cause });
  }
}
