/**
 * The command line's logic, separate from process handling so tests can run it
 * in-process. It never overwrites its input and never prints anything but JSON
 * on stdout with --json.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { decideWrites } from '../core/decide';
import { evaluateWorkbook } from '../core/evaluate';
import { createTranslator, type Lang } from '../core/i18n';
import { parseMappings, type TableMapping } from '../core/mapping';
import { BUILTIN_PRESETS, getBuiltinPreset, parsePreset } from '../core/presets';
import type { Evaluation, Preset, Problem } from '../core/types';
import { planWrite } from '../core/writePlan';
import { applyDecision, workbookNow } from '../xlsx/applyDecision';
import { XlsxReadError } from '../xlsx/errors';
import { addSummarySheet } from '../xlsx/summaryPart';
import { summarySheetContent } from '../core/summarySheet';
import { OutputExistsError, outputRefusal, writeOutputFile } from '../xlsx/outputFile';
import { readWorkbook, type LoadedWorkbook } from '../xlsx/readWorkbook';
import { newWriteProblems, toJsonReport } from './jsonReport';
import { formatTextReport } from './textReport';
import { CORE_PART, addPlaces, committeeHtml, committeeSummary, coreTitle } from '../report/committee';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

const t = createTranslator('cli', {
  ja: {
    usage:
      '使い方: npm run evaluate -- <ファイル.xlsx> [--preset 名前] [--rule 評価基準.json] [--map 表の読み方.json] [--json] [--out 出力.xlsx] [--force] [--overwrite] [--notes] [--add-grade-column] [--report 集計.html] [--summary] [--lang ja|en]\n評価基準: {{presets}}',
    noFile: 'エラー: 評価する .xlsx ファイルを指定してください。',
    badArgs: 'エラー: {{detail}}',
    unknownPreset: 'エラー: 評価基準「{{preset}}」はありません。使えるのは {{presets}} です。',
    badRule: 'エラー: 評価基準ファイル「{{file}}」を使えません: {{errors}}',
    badMap: 'エラー: 表の読み方のファイル「{{file}}」を使えません: {{errors}}',
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
    reportNotHtml: 'エラー: 集計レポートの出力先「{{file}}」は .html で終わる名前にしてください。',
    summaryNeedsOut: 'エラー: --summary は --out と一緒に指定してください（集計シートは出力するコピーに追加します）。',
  },
  en: {
    usage:
      'Usage: npm run evaluate -- <file.xlsx> [--preset NAME] [--rule rule.json] [--map tables.json] [--json] [--out OUT.xlsx] [--force] [--overwrite] [--notes] [--add-grade-column] [--report REPORT.html] [--summary] [--lang ja|en]\nPresets: {{presets}}',
    noFile: 'Error: give the .xlsx file to evaluate.',
    badArgs: 'Error: {{detail}}',
    unknownPreset: 'Error: there is no preset "{{preset}}". Available: {{presets}}.',
    badRule: 'Error: the rule file "{{file}}" cannot be used: {{errors}}',
    badMap: 'Error: the table reading file "{{file}}" cannot be used: {{errors}}',
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
    reportNotHtml: 'Error: the report file "{{file}}" must end in .html.',
    summaryNeedsOut: 'Error: use --summary together with --out (the summary sheet is added to the copy).',
  },
});

const PRESET_NAMES = Object.keys(BUILTIN_PRESETS).join(', ');

interface Options {
  file: string;
  preset: Preset;
  /** The officer's table readings from --map FILE.json. */
  mappings: readonly TableMapping[];
  json: boolean;
  out?: string;
  /** Replace an existing output file. */
  force: boolean;
  overwrite: boolean;
  notes: boolean;
  addGradeColumns: boolean;
  /** --report: the committee report's HTML file (#12). */
  report?: string;
  /** --summary: add the 「KPI評価集計」 sheet to the --out copy. */
  summary: boolean;
  lang: Lang;
}

type Parsed = { ok: true; options: Options } | { ok: false; message: string; showUsage: boolean };

async function parseOptions(argv: readonly string[]): Promise<Parsed> {
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        preset: { type: 'string' },
        rule: { type: 'string' },
        map: { type: 'string' },
        json: { type: 'boolean', default: false },
        out: { type: 'string' },
        force: { type: 'boolean', default: false },
        overwrite: { type: 'boolean', default: false },
        notes: { type: 'boolean', default: false },
        'add-grade-column': { type: 'boolean', default: false },
        report: { type: 'string' },
        summary: { type: 'boolean', default: false },
        lang: { type: 'string', default: 'ja' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    return { ok: false, message: t('ja', 'badArgs', { detail: (error as Error).message }), showUsage: true };
  }
  const lang: Lang = values.lang === 'en' ? 'en' : 'ja';
  if (values.help) return { ok: false, message: '', showUsage: true };
  const file = positionals[0];
  if (!file || positionals.length > 1) return { ok: false, message: t(lang, 'noFile'), showUsage: true };

  let preset: Preset;
  if (values.rule) {
    const ruleFile = values.rule;
    try {
      const parsed = parsePreset(JSON.parse(await readFile(ruleFile, 'utf8')));
      if (!parsed.ok) return { ok: false, message: t(lang, 'badRule', { file: ruleFile, errors: parsed.errors.join(' / ') }), showUsage: false };
      preset = parsed.preset;
    } catch (error) {
      return { ok: false, message: t(lang, 'badRule', { file: ruleFile, errors: (error as Error).message }), showUsage: false };
    }
  } else {
    const name = values.preset ?? 'standard';
    const builtin = getBuiltinPreset(name);
    if (!builtin) return { ok: false, message: t(lang, 'unknownPreset', { preset: name, presets: PRESET_NAMES }), showUsage: false };
    preset = builtin;
  }
  let mappings: readonly TableMapping[] = [];
  if (values.map) {
    const mapFile = values.map;
    let text: string;
    try {
      text = await readFile(mapFile, 'utf8');
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      return {
        ok: false,
        message: missing ? t(lang, 'notFound', { file: mapFile }) : t(lang, 'badMap', { file: mapFile, errors: (error as Error).message }),
        showUsage: false,
      };
    }
    // parseMappings reads the JSON text itself, so a syntax error is told in its words too.
    const parsed = parseMappings(text);
    if (!parsed.ok) return { ok: false, message: t(lang, 'badMap', { file: mapFile, errors: parsed.errors.join(' / ') }), showUsage: false };
    mappings = parsed.mappings;
  }
  return {
    ok: true,
    options: {
      file,
      preset,
      mappings,
      json: values.json,
      out: values.out,
      force: values.force,
      overwrite: values.overwrite,
      notes: values.notes,
      addGradeColumns: values['add-grade-column'],
      report: values.report,
      summary: values.summary,
      lang,
    },
  };
}

/** Exit 1 when a KPI could not be graded or a warning was raised; info alone is fine. */
function exitCodeFor(evaluation: Evaluation, problems: readonly Problem[]): 0 | 1 {
  const ungraded = evaluation.tables.some((t) => t.kpis.some((k) => k.outcome.grade === null));
  return ungraded || problems.some((p) => p.severity === 'warning') ? 1 : 0;
}

function isMacroEnabled(loaded: LoadedWorkbook): boolean {
  return loaded.pkg.contentType(loaded.info.part)?.includes('macroEnabled') === true;
}

/** A file-system error in words: its code, never a stack. */
function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code ?? (error instanceof Error ? error.message : String(error));
}

/** Each reason a file cannot be read has its own message: what the officer must do differs. */
function readErrorMessage(lang: Lang, file: string, error: unknown): string {
  if (error instanceof XlsxReadError) {
    const key = error.problem === 'unsupported' ? 'damaged' : error.problem;
    return t(lang, key, { file });
  }
  return t(lang, 'unreadable', { file, detail: describeFsError(error) });
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = await parseOptions(argv);
  if (!parsed.ok) {
    if (parsed.message) io.stderr(parsed.message + '\n');
    if (parsed.showUsage) io.stderr(t('ja', 'usage', { presets: PRESET_NAMES }) + '\n');
    return parsed.message ? 2 : 0;
  }
  const o = parsed.options;
  if (!existsSync(o.file)) {
    io.stderr(t(o.lang, 'notFound', { file: o.file }) + '\n');
    return 2;
  }
  if (o.out !== undefined) {
    const refusal = outputRefusal(o.file, o.out, o.force);
    if (refusal) {
      const key = refusal === 'sameAsInput' ? 'sameAsInput' : refusal === 'exists' ? 'outExists' : 'outDirMissing';
      io.stderr(t(o.lang, key, { file: o.out, dir: dirname(resolve(o.out)) }) + '\n');
      return 2;
    }
  }
  if (o.summary && o.out === undefined) {
    io.stderr(t(o.lang, 'summaryNeedsOut') + '\n');
    return 2;
  }
  if (o.report !== undefined) {
    const refusal = /\.html?$/i.test(o.report) ? outputRefusal(o.file, o.report, o.force) : 'notHtml';
    if (refusal) {
      const key = refusal === 'notHtml' ? 'reportNotHtml' : refusal === 'sameAsInput' ? 'sameAsInput' : refusal === 'exists' ? 'outExists' : 'outDirMissing';
      io.stderr(t(o.lang, key, { file: o.report, dir: dirname(resolve(o.report)) }) + '\n');
      return 2;
    }
  }

  let loaded: LoadedWorkbook;
  try {
    loaded = readWorkbook(await readFile(o.file));
  } catch (error) {
    io.stderr(readErrorMessage(o.lang, o.file, error) + '\n');
    return 2;
  }
  if (o.out !== undefined && isMacroEnabled(loaded) && extname(o.out).toLowerCase() !== '.xlsm') {
    io.stderr(t(o.lang, 'macroOut', { file: o.out }) + '\n');
    return 2;
  }

  const evaluation = evaluateWorkbook(loaded.grids, o.preset, { mappings: o.mappings, wholeWorkbook: true });
  const report = toJsonReport(evaluation);
  let writeProblems: Problem[] = [];
  // The committee summary (#12), counted as the ledger stands after this run; the text report does not show it.
  const committee =
    o.json || o.report !== undefined || o.summary ? committeeSummary(evaluation, loaded.grids, o.preset, o.overwrite ? 'computed' : 'ledger') : undefined;

  if (o.out !== undefined) {
    const plan = planWrite(evaluation, loaded.grids, {
      adopt: o.overwrite ? 'all' : 'none',
      notes: o.notes,
      addGradeColumns: o.addGradeColumns,
    });
    // The decision is made on the file as read now, and carried out on its package.
    const decision = decideWrites(plan, workbookNow(loaded, plan));
    const applied = applyDecision(loaded, decision);
    const summarySheet = committee && o.summary ? addSummarySheet(loaded, summarySheetContent(committee.summary, o.preset)) : undefined;
    try {
      await writeOutputFile(o.out, loaded.pkg.toBytes(), o.force);
    } catch (error) {
      if (error instanceof OutputExistsError) io.stderr(t(o.lang, 'outExists', { file: o.out }) + '\n');
      else io.stderr(t(o.lang, 'writeFailed', { file: o.out, detail: describeFsError(error) }) + '\n');
      return 2;
    }
    const planned = newWriteProblems(evaluation, plan).filter((p) => p.code !== 'handGradeDiffers');
    const seen = new Set(planned.map((p) => `${p.code}|${p.sheet}|${p.cell}`));
    writeProblems = [...planned, ...newWriteProblems(evaluation, { ...plan, skipped: applied.skipped }).filter((p) => !seen.has(`${p.code}|${p.sheet}|${p.cell}`))];
    if (summarySheet?.kind === 'nameTaken') writeProblems.push(summarySheet.problem);
    report.problems.push(...toJsonReport({ ...evaluation, tables: [], problems: writeProblems }).problems);
    report.written = { cells: applied.written, notes: applied.notes, rules: applied.rules, file: o.out };
  }

  if (committee && (o.json || o.report !== undefined)) addPlaces(report, committee);
  if (committee && o.report !== undefined) {
    const html = committeeHtml(committee, {
      workbookTitle: coreTitle(loaded.pkg.has(CORE_PART) ? loaded.pkg.text(CORE_PART) : undefined),
      grids: loaded.grids,
      sourceFile: basename(o.file),
      preset: o.preset,
      problems: [...evaluation.problems, ...writeProblems],
      date: new Date(),
    });
    try {
      await writeOutputFile(o.report, new TextEncoder().encode(html), o.force);
    } catch (error) {
      if (error instanceof OutputExistsError) io.stderr(t(o.lang, 'outExists', { file: o.report }) + '\n');
      else io.stderr(t(o.lang, 'writeFailed', { file: o.report, detail: describeFsError(error) }) + '\n');
      return 2;
    }
  }

  io.stdout(o.json ? JSON.stringify(report, null, 2) + '\n' : formatTextReport(report, o.lang));
  return exitCodeFor(evaluation, [...evaluation.problems, ...writeProblems]);
}
