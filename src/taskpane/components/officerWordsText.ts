/**
 * The pane's words for the officer's own words (OfficerWords, OfficerColumnsOffer): Japanese and
 * English through the engine's translator, as KpiHistory's are, so the shared i18n file stays as is.
 */
import { createTranslator, type Lang } from '../../core/i18n';
import type { OfficerOutcome } from '../state/useOfficerWords';

export const officerText = createTranslator('paneOfficerWords', {
  ja: {
    group: '担当課の記述',
    empty: '（未記入）',
    open: '分析・方向性を記入（{{count}}項目）',
    edit: '編集',
    editLabel: '{{header}}を編集',
    save: 'ブックに保存',
    cancel: 'キャンセル',
    none: '（空欄）',
    directionHint: '拡大・継続・改善・縮小・廃止から選びます。保存すると、この列のセルにも同じ選択肢のリストを付けます（入力規則がすでにあるセルはそのまま）。',
    textHint: '保存を押すと、このセル {{cell}} だけに書き込みます（達成状況のセルは変更しません）。',
    written: '「{{sheet}}」シートのセル {{cells}}（{{header}}）に書き込みました。',
    listAdded: '{{count}}個のセルに方向性の選択肢（拡大・継続・改善・縮小・廃止）を付けました。',
    undo: 'この書き込みを元に戻す',
    undone: '「{{sheet}}」シートのセル {{cells}} を書き込む前の内容に戻しました。',
    changed:
      '「{{sheet}}」シートのセル {{cells}} は、評価したあとに変更されているため書き込みませんでした。もう一度「すべて評価」を押してから編集してください。',
    protected: '「{{sheet}}」シートは保護されているため書き込みませんでした。シートの保護を解除してから、もう一度保存してください。',
    blocked:
      '「{{sheet}}」シートのセル {{cells}} が空いていないため、列を追加しませんでした。これらのセルを空けるか、列を手で作ってから、もう一度「すべて評価」を押してください。',
    columnsWritten: '「{{sheet}}」シートの {{cells}} に「要因分析」「今後の方向性」の列を追加しました。もう一度「すべて評価」を押すと、各指標の行で記入できます。',
    offerTitle: '要因分析・今後の方向性の列がない表',
    offerHint: '表の右の空いている列に見出しを書き込み、方向性の列には選択肢のリストを付けます。ほかのセルは変更しません。',
    offerAdd: '{{sheet}}の {{cells}} に列を追加',
    offerBlocked: '{{sheet}}: セル {{cells}} が空いていないため追加できません',
    dismiss: '閉じる',
  },
  en: {
    group: "The department's own words",
    empty: '(empty)',
    open: 'Write the analysis and direction ({{count}} items)',
    edit: 'Edit',
    editLabel: 'Edit {{header}}',
    save: 'Save to the workbook',
    cancel: 'Cancel',
    none: '(blank)',
    directionHint: 'Choose one of 拡大・継続・改善・縮小・廃止. Saving also gives this column’s cells a drop-down list of these (cells with a validation of their own keep it).',
    textHint: 'Saving writes this one cell, {{cell}}, only (no grade cell is changed).',
    written: 'Cell {{cells}} ({{header}}) on sheet "{{sheet}}" was written.',
    listAdded: '{{count}} cells got the drop-down list of directions (拡大・継続・改善・縮小・廃止).',
    undo: 'Undo this write',
    undone: 'Cell {{cells}} on sheet "{{sheet}}" holds what it held before again.',
    changed: 'Cell {{cells}} on sheet "{{sheet}}" was changed after the evaluation, so nothing was written. Press 「すべて評価」 (evaluate) again, then edit.',
    protected: 'Sheet "{{sheet}}" is protected, so nothing was written. Unprotect the sheet and save again.',
    blocked:
      'Cells {{cells}} on sheet "{{sheet}}" are not empty, so no columns were added. Empty them, or make the columns by hand, then evaluate again.',
    columnsWritten: 'The 要因分析 and 今後の方向性 columns were added at {{cells}} on sheet "{{sheet}}". Evaluate again to write in them from each KPI’s row.',
    offerTitle: 'Tables without analysis and direction columns',
    offerHint: 'Writes the headers into the empty columns right of the table and gives the direction column a drop-down list. No other cell changes.',
    offerAdd: 'Add the columns at {{cells}} on {{sheet}}',
    offerBlocked: '{{sheet}}: cannot add them, cells {{cells}} are not empty',
    dismiss: 'Dismiss',
  },
});

/** The message of an outcome, in the pane's language. */
export function outcomeMessage(outcome: OfficerOutcome, lang: Lang): string {
  switch (outcome.kind) {
    case 'written': {
      const main =
        outcome.what === 'columns'
          ? officerText(lang, 'columnsWritten', { sheet: outcome.sheet, cells: outcome.cells })
          : officerText(lang, 'written', { sheet: outcome.sheet, cells: outcome.cells, header: outcome.header });
      return outcome.listAdded > 0 ? `${main}${lang === 'ja' ? '' : ' '}${officerText(lang, 'listAdded', { count: outcome.listAdded })}` : main;
    }
    case 'undone':
      return officerText(lang, 'undone', { sheet: outcome.sheet, cells: outcome.cells });
    case 'changed':
      return officerText(lang, 'changed', { sheet: outcome.sheet, cells: outcome.cells });
    case 'protected':
      return officerText(lang, 'protected', { sheet: outcome.sheet });
    case 'blocked':
      return officerText(lang, 'blocked', { sheet: outcome.sheet, cells: outcome.cells });
    case 'failed':
      return lang === 'en' && outcome.error.detailEn ? outcome.error.detailEn : outcome.error.detail;
  }
}
