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
    rulesUnreadable:
      '「{{sheet}}」シートの条件付き書式を Excel から読み取れなかったため、このシートの評価の色分け（{{cell}}）は追加していません。評価は書き込みました。同じ範囲に同じ種類のルールが重複しているとこうなります。［ホーム］→［条件付き書式］→［ルールの管理］で重複したルールを削除してから、もう一度「書き込む」を実行してください。',
    rulesNotRemoved:
      '「{{sheet}}」シートでは、Excel がこのアドインの色分けのルール（{{cell}}）を読み取れないか削除できなかったため、ルールが残っています。セルの値は元に戻しました。［ホーム］→［条件付き書式］→［ルールの管理］で、数式に N("KPI評価") を含むルールを削除してください。',
    oldRulesKept:
      '「{{sheet}}」シートの以前の評価の色分けのルールを Excel が削除できなかったため、新しいルール（{{cell}}）と重なって残っています。評価は書き込みました。［ホーム］→［条件付き書式］→［ルールの管理］で、数式に N("KPI評価") を含む古いルールを削除してください。',
    summarySheetTaken:
      '「{{sheet}}」という名前のシートが既にあり、このアドインが作ったものではないため、置き換えませんでした。そのシートの名前を変えるか、不要なら削除してから、もう一度「集計を作成」を実行してください。',
    gradeCellShared:
      '「{{sheet}}」シートのセル {{cell}} には指標が複数書かれているため、達成状況の列を追加できません。指標を1行に1つずつ分けて書くと、表の右に列を追加できます。',
    tableIncomplete:
      '「{{sheet}}」シートの{{rows}}行目に{{found}}の見出しがありますが、{{missing}}が見つかりません。この表は評価していません。見出しの語（例: 指標・基準値・実績値・目標値）を確認してください。',
    noTableFound:
      'このブックにはKPIの表が見つかりませんでした（調べたシート: {{sheets}}）。同じ行に指標の列（「指標」「KPI」など）、目標の列（「目標値」など）と値の列（「基準値」「実績値」または年度）の見出しがあり、その下に数値の行がある表を探しました。見出しの語を確認してください。',
    expectedDiffers:
      '「{{sheet}}」シートのセル {{cell}} の目安値 {{theirs}} は、基準値から目標値への直線上の値 {{ours}}（{{year}}年度）と異なります。評価にはこのセルの目安値を使いました。目安値の計算を確認してください。',
    officeRateDiffers:
      '「{{sheet}}」シートのセル {{cell}} の{{rate}} {{theirs}} は、計算した値 {{ours}}（{{formula}}）と異なります。セルはそのまま残しています。計算方法を確認してください。',
    mappingSheetMissing:
      '保存した表の読み方（「{{sheet}}」シートの {{cell}}）のシートが見つかりません（名前が変わったか削除されました）。シート名を戻すか、表の範囲を選び直して「この範囲をKPIの表として読む」から保存し直してください。',
    mappingChanged:
      '「{{sheet}}」シートの {{cell}} に保存した表の読み方が、いまのシートと合いません（{{changesJa}}）。列の移動や行の削除・追加があったようです。違うセルを読まないよう、この読み方は使いませんでした。表の範囲を選び直して「この範囲をKPIの表として読む」から保存し直してください。',
    mappingEmpty:
      '「{{sheet}}」シートの {{cell}} に保存した表の読み方では、見出しの下に指標の行が見つかりません。行が削除されていないか確認し、表の範囲を選び直して保存し直してください。',
    sheetUnreadable:
      '「{{sheet}}」シートは使われているセル範囲が大きすぎて Excel から読み取れなかったため、このシートは評価していません（ほかのシートは評価しました）。表より下や右の行・列に残った値や書式（Ctrl+End で移動する最後のセルまで）を削除してから、もう一度「すべて評価」を実行してください。',
    sheetHidden:
      '「{{sheet}}」シートは非表示になっていますが、表を評価しました（{{cell}}）。評価の書き込みもほかのシートと同じように行います。シートを確認するには、シート見出しを右クリックして［再表示］を選んでください。',
    sheetVeryHidden:
      '「{{sheet}}」シートは「非常に非表示」（Excel の画面からは再表示できない設定）になっていますが、表を評価しました（{{cell}}）。このシートに評価を書き込むのは、書き込むときに確認してからです。',
    veryHiddenNotWritten:
      '「{{sheet}}」シートは「非常に非表示」のため、評価を書き込みませんでした。このシートにも書き込むには、作業ウィンドウでは確認で「非表示のシートにも書き込む」を選び、コマンドラインでは --write-very-hidden を付けて、もう一度実行してください。',
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
    rulesUnreadable:
      'Excel could not read the conditional formats of sheet "{{sheet}}", so no grade colours were added there ({{cell}}). The grades were written. This happens when two rules of the same kind cover the same range: delete the duplicate in Home → Conditional Formatting → Manage Rules, then write again.',
    rulesNotRemoved:
      'On sheet "{{sheet}}" Excel could not read or delete the colour rules this add-in added ({{cell}}), so they are still there. The cells were restored. Delete the rules whose formula contains N("KPI評価") in Home → Conditional Formatting → Manage Rules.',
    oldRulesKept:
      'Excel could not delete the previous grade colour rules on sheet "{{sheet}}", so they remain beside the new ones ({{cell}}). The grades were written. Delete the old rules whose formula contains N("KPI評価") in Home → Conditional Formatting → Manage Rules.',
    summarySheetTaken:
      'A sheet named "{{sheet}}" already exists and was not made by this add-in, so it was not replaced. Rename it, or delete it if it is not needed, and run "Create summary" again.',
    gradeCellShared:
      'Cell {{cell}} on sheet "{{sheet}}" holds several indicators, so no grade column can be added. Write one indicator per row to be offered a column right of the table.',
    tableIncomplete:
      'Row {{rows}} of sheet "{{sheet}}" has the headers {{found}}, but {{missingEn}} was not found, so this table was not graded. Check the header words (e.g. 指標, 基準値, 実績値, 目標値).',
    noTableFound:
      'No KPI table was found in this workbook (sheets searched: {{sheetsEn}}). A KPI table has a header row with an indicator column (指標, KPI …), a target column (目標値 …) and value columns (基準値, 実績値 or a year), with rows of figures below it. Check the header words.',
    expectedDiffers:
      'The expected value {{theirs}} in cell {{cell}} on sheet "{{sheet}}" differs from the straight line from baseline to target ({{ours}} for FY{{year}}). The grade used the value in this cell; check how it was computed.',
    officeRateDiffers:
      'The {{rateEn}} {{theirs}} in cell {{cell}} on sheet "{{sheet}}" differs from ours, {{ours}} ({{formula}}). The cell is left as it is; check how it was computed.',
    mappingSheetMissing:
      'The saved table reading for {{cell}} on sheet "{{sheet}}" names a sheet that was not found (renamed or deleted). Restore the sheet name, or select the table again and save it with "Read this range as a KPI table".',
    mappingChanged:
      'The saved table reading for {{cell}} on sheet "{{sheet}}" no longer fits the sheet ({{changesEn}}). Columns were moved or rows deleted or added. It was not used, so no wrong cells were read. Select the table again and save it with "Read this range as a KPI table".',
    mappingEmpty:
      'The saved table reading for {{cell}} on sheet "{{sheet}}" finds no indicator rows under its header. Check whether rows were deleted, then select the table again and save it.',
    sheetUnreadable:
      'Sheet "{{sheet}}" uses a range of cells too large for Excel to send, so it was not graded (the other sheets were). Delete the values and formats left in rows and columns below and right of the tables (up to the cell Ctrl+End goes to), then run the evaluation again.',
    sheetHidden:
      'Sheet "{{sheet}}" is hidden; its table was graded ({{cell}}) and is written like any other. To see the sheet, right-click a sheet tab and choose Unhide.',
    sheetVeryHidden:
      'Sheet "{{sheet}}" is very hidden (it cannot be unhidden from Excel\'s screens); its table was graded ({{cell}}). Grades are written on it only after you confirm when writing.',
    veryHiddenNotWritten:
      'Sheet "{{sheet}}" is very hidden, so no grades were written on it. To write there too, confirm "Also write on very hidden sheets" in the task pane, or add --write-very-hidden on the command line, and run again.',
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
  rulesUnreadable: 'warning',
  rulesNotRemoved: 'warning',
  oldRulesKept: 'warning',
  summarySheetTaken: 'warning',
  gradeCellShared: 'info',
  tableIncomplete: 'warning',
  noTableFound: 'warning',
  expectedDiffers: 'info',
  officeRateDiffers: 'info',
  mappingSheetMissing: 'warning',
  mappingChanged: 'warning',
  mappingEmpty: 'warning',
  sheetUnreadable: 'warning',
  sheetHidden: 'info',
  sheetVeryHidden: 'info',
  veryHiddenNotWritten: 'warning',
};

/** Words for an unreadable reason, to fill {{why}}. */
export function describeUnreadable(reason: UnreadableReason, lang: Lang): string {
  return t(lang, `reason.${reason}`);
}

/**
 * Builds a problem with both languages. `params` fill the message; `sheet` and
 * `cell` are always available to it. For unreadableCell pass `reason` to fill {{why}}; elsewhere
 * `why` fills it in Japanese and `whyEn` in English.
 */
export function makeProblem(
  code: ProblemCode,
  sheet: string,
  cell: string,
  params: Params & { reason?: UnreadableReason; whyEn?: string } = {},
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
  else if (params.whyEn !== undefined) filled.why = params.whyEn;
  const messageEn = t('en', code, filled);
  // Problems are kept with the evaluation: as flat strings, not chains of concatenated pieces.
  return { code, sheet, cell, message: flat(message), messageEn: flat(messageEn), severity: SEVERITY[code] };
}

function flat(text: string): string {
  // A join of two or more parts builds one sequential string (a join of one gives the text back).
  return text.length < 2 ? text : [text.slice(0, 1), text.slice(1)].join('');
}
