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
  | 'mappingInvalid'
  | 'mappingSaveFailed'
  | 'mappingLoadFailed'
  | 'selectionReadFailed'
  | 'selectionTooLarge'
  | 'historyLoadFailed'
  | 'historySaveFailed'
  | 'officerWriteFailed';

const t = createTranslator<HostErrorCode>('excelHost', {
  ja: {
    readFailed: 'ブックを読み取れませんでした（{{detail}}）。もう一度「評価」を実行してください。',
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
    mappingInvalid: '表の読み方に誤りがあるため保存しませんでした（{{detail}}）。',
    mappingSaveFailed: '表の読み方をブックに保存できませんでした（{{detail}}）。ブックが読み取り専用でないか確認して、もう一度保存してください。',
    mappingLoadFailed: 'ブックに保存された表の読み方を読み込めませんでした（{{detail}}）。いまは見出しから表を探して評価します。',
    selectionReadFailed:
      '選択した範囲を読み取れませんでした（{{detail}}）。表の見出しから最後の指標の行までを 1 つの範囲として選択して、もう一度押してください。',
    selectionTooLarge:
      '選択した範囲が大きすぎます（{{cells}} セル）。列や行の全体ではなく、表の見出しから最後の指標の行までを選択して、もう一度押してください。',
    historyLoadFailed: 'ブックに保存された評価の履歴を読み込めませんでした（{{detail}}）。評価と書き込みはできますが、前回との比較は表示されません。',
    historySaveFailed:
      '評価は書き込みましたが、評価の履歴をブックに保存できませんでした（{{detail}}）。この書き込みは履歴に残っていません。',
    officerWriteFailed:
      '「{{sheet}}」シートのセル {{cells}} に書き込めませんでした（{{detail}}）。セルは書き込む前のままです。ブックが読み取り専用でないか確認して、もう一度お試しください。',
  },
  en: {
    readFailed: 'The workbook could not be read ({{detail}}). Run the evaluation again.',
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
    mappingInvalid: 'The table reading has mistakes, so it was not saved ({{detail}}).',
    mappingSaveFailed: 'The table reading could not be saved in the workbook ({{detail}}). Check that the workbook is not read-only and save again.',
    mappingLoadFailed: 'The table readings saved in the workbook could not be read ({{detail}}). Tables are found from their headers for now.',
    selectionReadFailed:
      'The selected range could not be read ({{detail}}). Select the table, from its header to its last indicator row, as one range and press the button again.',
    selectionTooLarge:
      'The selected range is too large ({{cells}} cells). Select the table itself, from its header to its last indicator row, not whole columns or rows.',
    historyLoadFailed: 'The evaluation history saved in the workbook could not be read ({{detail}}). You can still grade and write, but no comparison with the last evaluation is shown.',
    historySaveFailed: 'The grades were written, but the evaluation history could not be saved in the workbook ({{detail}}). This write is not in the history.',
    officerWriteFailed:
      'Cell {{cells}} on sheet "{{sheet}}" could not be written ({{detail}}). The cells are as they were. Check that the workbook is not read-only and try again.',
  },
});

export class HostError extends Error {
  override readonly name = 'HostError';
  readonly messageEn: string;
  /** The technical words put in {{detail}}, kept apart so the pane can show them once, folded away. */
  readonly detail: string | undefined;

  constructor(
    readonly code: HostErrorCode,
    params: Params & { detail?: string },
    options?: { cause?: unknown },
  ) {
    super(t('ja', code, params), options);
    this.messageEn = t('en', code, params);
    this.detail = params.detail;
  }

  /** Wraps what Office.js threw, keeping it as the cause. */
  static from(code: HostErrorCode, cause: unknown, params: Params = {}): HostError {
    return new HostError(code, { ...params, detail: errorDetail(cause) }, { cause });
  }
}
