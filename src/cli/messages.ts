/**
 * Every message the command line prints outside the report itself, in Japanese and
 * English. One place, so the one-file flow, the many-file flow and the workers
 * (which return a key and its parameters, never a worded message) say the same thing.
 */
import { createTranslator, type Lang, type Params } from '../core/i18n';
import { BUILTIN_PRESETS } from '../core/presets';

export const PRESET_NAMES = Object.keys(BUILTIN_PRESETS).join(', ');

export const t = createTranslator('cli', {
  ja: {
    usage: '使い方: kpi-hyoka <ファイルまたはフォルダ>… [オプション]（npm run evaluate -- … でも同じ）。オプションの一覧は --help で表示します。',
    help: [
      'KPI進捗評価: KPI進行管理表（.xlsx）の達成状況を、決まった評価基準で判定します。',
      '',
      '使い方: kpi-hyoka <ファイルまたはフォルダ>… [オプション]',
      '        npm run evaluate -- <ファイルまたはフォルダ>… [オプション]',
      '',
      'フォルダを指定すると、中の .xlsx / .xlsm をすべて（下のフォルダも）評価します。',
      '複数のファイルは並行して評価し、ファイルごとと全体の結果、各課の評価の整合性を表示します。',
      '',
      'オプション:',
      '  --preset 名前          評価基準（既定 standard）: {{presets}}',
      '  --rule ファイル.json   自作の評価基準（作業ウィンドウで保存したものと同じ形）',
      '  --map ファイル.json    表の読み方（作業ウィンドウで保存したものと同じ形。既定: ブックに保存された読み方）',
      '  --report 集計.html     推進委員会向けの集計レポート（HTML、A4縦で印刷できる形）を作る（1ファイルのとき）',
      '  --json                 結果を JSON で出す（画面には JSON だけ）',
      '  --out 出力.xlsx        評価を書き込んだコピーを作る（1ファイルのとき。入力は上書きしません）',
      '  --out-dir フォルダ     ファイルごとに、評価を書き込んだコピーを同じ名前でこのフォルダに作る',
      '  --force                出力先に同じ名前のファイルがあるとき置き換える（入力ファイルは置き換えません）',
      '  --overwrite            手入力の評価が計算結果と異なるセルも計算値で書き換える',
      '  --notes                理由をセルのメモにも書く',
      '  --add-grade-column     達成状況の列がない表の右に列を追加する（右隣が空いている場合）',
      '  --jobs 数              同時に評価するファイルの数（既定: CPU の数）',
      '  --history              指標ごとの年度別の評価（履歴）を表にして表示する',
      '  --lang ja|en           表示の言語（既定 ja）',
      '  -h, --help             この説明を表示する',
      '',
      '終了コード: 0 すべて評価できた / 1 確認が必要な点あり（読めないファイルを含む） / 2 使い方の誤り、または1つだけ指定したファイルを読めない',
    ].join('\n'),
    noFile: 'エラー: 評価する .xlsx ファイルかフォルダを指定してください。',
    outWithMany: 'エラー: --out はファイルを1つだけ評価するときに使います。複数のファイルには --out-dir フォルダ を指定してください。',
    outAndOutDir: 'エラー: --out と --out-dir は一緒に使えません。どちらか一方を指定してください。',
    badJobs: 'エラー: --jobs には 1 以上の整数を指定してください（「{{value}}」は使えません）。',
    badLang: 'エラー: --lang には ja か en を指定してください（「{{value}}」は使えません）。',
    nothingToGrade: 'エラー: 指定した場所に評価できる .xlsx / .xlsm ファイルがありません（{{paths}}）。',
    workerFailed: 'エラー: 「{{file}}」の評価中に処理が止まりました（{{detail}}）。ファイルが大きすぎないか確認し、このファイルだけでもう一度実行してください。',
    skippedLock: '「{{file}}」は Excel が開いている間の一時ファイル（~$ で始まる名前）なので飛ばしました。',
    skippedOther: '「{{file}}」は Excel ブック（.xlsx / .xlsm）ではないので飛ばしました。',
    skippedUnreadableFolder: 'フォルダ「{{file}}」の中を読めないので飛ばしました（{{detail}}）。',
    badArgs: 'エラー: {{detail}}',
    unknownPreset: 'エラー: 評価基準「{{preset}}」はありません。使えるのは {{presets}} です。',
    badRule: 'エラー: 評価基準ファイル「{{file}}」を使えません: {{errors}}',
    badMap: 'エラー: 表の読み方のファイル「{{file}}」を使えません: {{errors}}',
    badSavedMap: 'エラー: 「{{file}}」に保存された表の読み方を使えません: {{errors}}。作業ウィンドウで読み方を保存し直すか、--map で読み方のファイルを指定してください。',
    reportNotHtml: 'エラー: 集計レポートの出力先「{{file}}」は .html で終わる名前にしてください。',
    reportWithMany: 'エラー: --report はファイルを1つだけ評価するときに使います。複数のファイルの集計レポートはまだ作れません。',
    notFound: 'エラー: ファイル「{{file}}」が見つかりません。パスを確認してください。',
    unreadable: 'エラー: ファイル「{{file}}」を読み込めません（{{detail}}）。ファイルを開く権限があるか確認してください。',
    notZip: 'エラー: ファイル「{{file}}」は Excel ブック（.xlsx）ではないため読み込めません。Excel で開けるか確認し、「Excel ブック (*.xlsx)」として保存し直してください。',
    encrypted:
      'エラー: 「{{file}}」はパスワードで保護されています。パスワードで保護されたファイルは読めません。Excel でパスワードを外して保存してから（［ファイル］→［情報］→［ブックの保護］→［パスワードを使用して暗号化］でパスワードを消す）、もう一度実行してください。',
    legacyXls:
      'エラー: ファイル「{{file}}」は Excel 97-2003 形式（.xls）のため読めません。Excel で開き、［名前を付けて保存］で「Excel ブック (*.xlsx)」を選んで保存してから、もう一度実行してください。',
    notWorkbook: 'エラー: ファイル「{{file}}」は Excel ブックではありません（Word など別の形式のファイルのようです）。評価する .xlsx ファイルを指定してください。',
    damaged: 'エラー: ファイル「{{file}}」は壊れているか、対応していない形式のため読み込めません。Excel で開いて「Excel ブック (*.xlsx)」として保存し直してから、もう一度実行してください。',
    sameAsInput: 'エラー: 出力先「{{file}}」は入力ファイルと同じファイルです（別名・リンクを含む）。元のファイルは上書きしません。別の名前を指定してください。',
    outExists: 'エラー: 出力先「{{file}}」はすでにあります。置き換えてよいときは --force を付けて実行してください。',
    macroOut: 'エラー: 入力はマクロ有効ブック（.xlsm）です。マクロを残すため、出力先も .xlsm の名前にしてください（「{{file}}」は使えません）。',
    outDirMissing: 'エラー: 出力先のフォルダ「{{dir}}」がありません。',
    writeFailed: 'エラー: 「{{file}}」に書き込めません（{{detail}}）。ファイルが開かれていないか確認してください。',
  },
  en: {
    usage: 'Usage: kpi-hyoka <file or folder>... [options] (or npm run evaluate -- ...). --help lists the options.',
    help: [
      'KPI progress grading: grades the KPIs of progress ledgers (.xlsx) by a published rule.',
      '',
      'Usage: kpi-hyoka <file or folder>... [options]',
      '       npm run evaluate -- <file or folder>... [options]',
      '',
      'A folder means every .xlsx / .xlsm in it and in its subfolders.',
      'Several files are graded in parallel; the report shows each file, the total, and a consistency review.',
      '',
      'Options:',
      '  --preset NAME          grading rule (default standard): {{presets}}',
      '  --rule FILE.json       a user-defined rule (the shape the task pane saves)',
      '  --map FILE.json        table readings (the shape the task pane saves; default: those saved in the workbook)',
      '  --report REPORT.html   the committee report (HTML, prints on A4 portrait) (one file only)',
      '  --json                 print the result as JSON (nothing else on stdout)',
      '  --out OUT.xlsx         write a graded copy (one input file only; the input is never overwritten)',
      '  --out-dir DIR          write each file\'s graded copy into DIR under its own name',
      '  --force                replace an existing output file (never an input)',
      '  --overwrite            also replace typed grades that differ from the computed ones',
      '  --notes                also write each reason as a cell note',
      '  --add-grade-column     add a grade column right of tables without one (when that column is empty)',
      '  --jobs N               files graded at the same time (default: the number of CPUs)',
      '  --history              print each KPI\'s grades per fiscal year (its history)',
      '  --lang ja|en           language of the report and messages (default ja)',
      '  -h, --help             show this help',
      '',
      'Exit codes: 0 everything graded / 1 points to check (an unreadable file among them) / 2 bad usage, or the one file given cannot be read',
    ].join('\n'),
    noFile: 'Error: give the .xlsx file or folder to evaluate.',
    outWithMany: 'Error: --out is for one input file. For several files give --out-dir FOLDER.',
    outAndOutDir: 'Error: --out and --out-dir cannot be used together. Give one of them.',
    badJobs: 'Error: --jobs needs a whole number of 1 or more ("{{value}}" cannot be used).',
    badLang: 'Error: --lang needs ja or en ("{{value}}" cannot be used).',
    nothingToGrade: 'Error: no .xlsx / .xlsm file to grade was found ({{paths}}).',
    workerFailed: 'Error: grading "{{file}}" stopped ({{detail}}). Check that the file is not too large and run again with this file alone.',
    skippedLock: 'Skipped "{{file}}": a temporary file Excel keeps while a workbook is open (its name starts with ~$).',
    skippedOther: 'Skipped "{{file}}": not an Excel workbook (.xlsx / .xlsm).',
    skippedUnreadableFolder: 'Skipped the folder "{{file}}": it cannot be read ({{detail}}).',
    badArgs: 'Error: {{detail}}',
    unknownPreset: 'Error: there is no preset "{{preset}}". Available: {{presets}}.',
    badRule: 'Error: the rule file "{{file}}" cannot be used: {{errors}}',
    badMap: 'Error: the table reading file "{{file}}" cannot be used: {{errors}}',
    badSavedMap: 'Error: the table readings saved in "{{file}}" cannot be used: {{errors}}. Save them again in the task pane, or give a readings file with --map.',
    reportNotHtml: 'Error: the report file "{{file}}" must end in .html.',
    reportWithMany: 'Error: --report works when one file is graded. A report over several files cannot be made yet.',
    notFound: 'Error: file "{{file}}" not found. Check the path.',
    unreadable: 'Error: "{{file}}" cannot be read ({{detail}}). Check that you may open it.',
    notZip: 'Error: "{{file}}" is not an Excel workbook (.xlsx). Check that Excel opens it and save it as "Excel Workbook (*.xlsx)".',
    encrypted: 'Error: "{{file}}" is protected by a password and cannot be read. Remove the password in Excel (File → Info → Protect Workbook → Encrypt with Password), save, and run again.',
    legacyXls: 'Error: "{{file}}" is an Excel 97-2003 workbook (.xls). Open it in Excel, save it as "Excel Workbook (*.xlsx)" and run again.',
    notWorkbook: 'Error: "{{file}}" is not an Excel workbook (it looks like another kind of file). Give the .xlsx file to evaluate.',
    damaged: 'Error: "{{file}}" is damaged or in a form this tool cannot read. Open it in Excel, save it as "Excel Workbook (*.xlsx)" and run again.',
    sameAsInput: 'Error: the output "{{file}}" is the input file (possibly through another name or a link). The original is never overwritten; choose another name.',
    outExists: 'Error: the output "{{file}}" already exists. Add --force to replace it.',
    macroOut: 'Error: the input is a macro-enabled workbook (.xlsm). To keep its macros, give the output an .xlsm name ("{{file}}" cannot be used).',
    outDirMissing: 'Error: the output folder "{{dir}}" does not exist.',
    writeFailed: 'Error: cannot write "{{file}}" ({{detail}}). Check that the file is not open.',
  },
});

export type CliMessageKey = Parameters<typeof t>[1];

/** A message not yet worded: what a worker sends back, worded by the main thread in --lang. */
export interface CliMessage {
  readonly key: CliMessageKey;
  readonly params: Params;
}

export const say = (lang: Lang, m: CliMessage): string => t(lang, m.key, m.params);
