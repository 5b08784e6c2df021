/**
 * Problems the engine reports, in plain Japanese (and English): each names the
 * sheet and the cell, says what happened and what to do.
 */
import { createTranslator, type Lang, type Params } from './i18n';
import type { Problem, ProblemCode, UnreadableReason } from './types';

const t = createTranslator<ProblemCode | `reason.${UnreadableReason}`>('problems', {
  ja: {
    unreadableCell:
      '「{{sheet}}」シートのセル {{cell}}（{{text}}）は{{why}}ため、この指標は評価できません。数値（例: 63.0％、2,920件）または「－」を入力してください。',
    noTarget:
      '「{{sheet}}」シートのセル {{cell}} に目標値がないため、「{{kpi}}」は評価できません。目標値を入力してください。',
    relationNoBaseline:
      '「{{sheet}}」シートのセル {{cell}} の目標「{{text}}」は基準値と比べる目標ですが、基準値がないため「{{kpi}}」は評価できません。基準値を入力してください。',
    unitMismatch:
      '「{{sheet}}」シートの「{{kpi}}」は単位が行の中でそろっていません（{{units}}）。同じ単位で入力してください。',
    gradeIsFormula:
      '「{{sheet}}」シートのセル {{cell}} には数式が入っているため、評価を書き込みません。数式を残す場合はそのままで構いません。計算結果を書き込むには、数式を消してからもう一度実行してください。',
    sheetProtected:
      '「{{sheet}}」シートは保護されているため、評価を書き込みません。書き込むには［校閲］→［シート保護の解除］をしてから、もう一度実行してください。',
    noGradeColumn:
      '「{{sheet}}」シートの表 {{cell}} には達成状況の列がありません。書き込むときに、表の右に列を追加できます。',
    handGradeDiffers:
      '「{{sheet}}」シートのセル {{cell}} の達成状況「{{existing}}」は、計算結果「{{computed}}」と異なります。手入力の値はそのまま残しています。計算値を採用する場合は選んでください。',
    changedSincePreview:
      '「{{sheet}}」シートのセル {{cell}} はプレビューの後に変更されたため、書き込みませんでした。もう一度「すべて評価」を実行してください。',
    tableUnreadable:
      '「{{sheet}}」シートの表 {{cell}} は読み取れませんでした（{{why}}）。見出し行に「指標」「目標値」と値の列があるか確認してください。',
    gradeColumnBlocked:
      '「{{sheet}}」シートのセル {{cell}} に入力があるため、達成状況の列を追加しません。表の右隣の列を空けてから、もう一度書き込んでください。',
    sheetMissing:
      '「{{sheet}}」シートが見つかりません（名前が変わったか削除されました）。このシートには書き込み・元に戻すをしていません。シート名を戻すか、もう一度評価してください。',
    notesUnsupported:
      'このバージョンの Excel ではセルのメモを追加できないため、理由のメモは書き込みませんでした（達成状況は書き込みました）。Microsoft 365 の最新版でお試しください。',
    noteKept: '「{{sheet}}」シートのセル {{cell}} には既にメモがあるため、理由のメモは追加しませんでした。',
    'reason.noNumber': '数値が見つからない',
    'reason.severalNumbers': '数値が複数あってどれを使うか分からない',
    'reason.unknownWord': '単位や状態として分からない語を含む',
    'reason.notAValue': 'エラー値または値ではない',
  },
  en: {
    unreadableCell:
      'Cell {{cell}} on sheet "{{sheet}}" ({{text}}) {{why}}, so this indicator cannot be graded. Enter a number (e.g. 63.0%, 2,920件) or "－".',
    noTarget: 'Cell {{cell}} on sheet "{{sheet}}" has no target, so "{{kpi}}" cannot be graded. Enter a target value.',
    relationNoBaseline:
      'The target "{{text}}" in cell {{cell}} on sheet "{{sheet}}" compares with the baseline, but "{{kpi}}" has no baseline, so it cannot be graded. Enter the baseline.',
    unitMismatch: 'The units of "{{kpi}}" on sheet "{{sheet}}" do not agree ({{units}}). Use one unit in the row.',
    gradeIsFormula:
      'Cell {{cell}} on sheet "{{sheet}}" holds a formula, so no grade is written there. Leave it to keep the formula, or clear it and run again to write the computed grade.',
    sheetProtected:
      'Sheet "{{sheet}}" is protected, so no grades are written on it. Unprotect it (Review → Unprotect Sheet) and run again.',
    noGradeColumn: 'Table {{cell}} on sheet "{{sheet}}" has no grade column. You can add one to the right of the table when writing.',
    handGradeDiffers:
      'Cell {{cell}} on sheet "{{sheet}}" holds the grade "{{existing}}", which differs from the computed "{{computed}}". The typed grade is kept unless you choose the computed one.',
    changedSincePreview:
      'Cell {{cell}} on sheet "{{sheet}}" changed after the preview, so it was not written. Run "Evaluate all" again.',
    tableUnreadable:
      'Table {{cell}} on sheet "{{sheet}}" could not be read ({{why}}). Check that its header row has an indicator, a target and value columns.',
    gradeColumnBlocked:
      'Cell {{cell}} on sheet "{{sheet}}" is not empty, so no grade column is added. Clear the column right of the table and write again.',
    sheetMissing:
      'Sheet "{{sheet}}" was not found (renamed or deleted). Nothing was written or restored on it. Restore its name or evaluate again.',
    notesUnsupported:
      'This version of Excel cannot add notes, so the reasons were not written as notes (the grades were written). Try the latest Microsoft 365.',
    noteKept: 'Cell {{cell}} on sheet "{{sheet}}" already has a note, so the reason was not added as a note.',
    'reason.noNumber': 'has no number in it',
    'reason.severalNumbers': 'has several numbers and it is unclear which one counts',
    'reason.unknownWord': 'has a word that is neither a unit nor a known state',
    'reason.notAValue': 'is an error value or not a value',
  },
});

const SEVERITY: Record<ProblemCode, Problem['severity']> = {
  unreadableCell: 'warning',
  noTarget: 'warning',
  unitMismatch: 'warning',
  relationNoBaseline: 'warning',
  gradeIsFormula: 'warning',
  sheetProtected: 'warning',
  noGradeColumn: 'info',
  handGradeDiffers: 'info',
  changedSincePreview: 'warning',
  tableUnreadable: 'warning',
  gradeColumnBlocked: 'warning',
  sheetMissing: 'warning',
  notesUnsupported: 'info',
  noteKept: 'info',
};

/** Words for an unreadable reason, to fill {{why}}. */
export function describeUnreadable(reason: UnreadableReason, lang: Lang): string {
  return t(lang, `reason.${reason}`);
}

/**
 * Builds a problem with both languages. `params` fill the message; `sheet` and
 * `cell` are always available to it. For unreadableCell pass `reason` to fill {{why}}.
 */
export function makeProblem(
  code: ProblemCode,
  sheet: string,
  cell: string,
  params: Params & { reason?: UnreadableReason } = {},
): Problem {
  // { ...params, sheet, cell, why }, built by hand (an object spread here costs microseconds),
  // once for both languages: only {{why}} differs between them.
  const filled: Params = {};
  for (const key in params) filled[key] = params[key];
  filled.sheet = sheet;
  filled.cell = cell;
  filled.why = params.reason ? describeUnreadable(params.reason, 'ja') : params.why;
  const message = t('ja', code, filled);
  if (params.reason) filled.why = describeUnreadable(params.reason, 'en');
  const messageEn = t('en', code, filled);
  // Problems are kept with the evaluation: as flat strings, not chains of concatenated pieces.
  return { code, sheet, cell, message: flat(message), messageEn: flat(messageEn), severity: SEVERITY[code] };
}

function flat(text: string): string {
  // A join of two or more parts builds one sequential string (a join of one gives the text back).
  return text.length < 2 ? text : [text.slice(0, 1), text.slice(1)].join('');
}
