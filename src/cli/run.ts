/**
 * The command line's logic, separate from process handling so tests can run it
 * in-process. It never overwrites its input and never prints anything but JSON
 * on stdout with --json.
 */
import { existsSync, realpathSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { evaluateWorkbook } from '../core/evaluate';
import { createTranslator, type Lang } from '../core/i18n';
import { parseMappings, type TableMapping } from '../core/mapping';
import { BUILTIN_PRESETS, getBuiltinPreset, parsePreset } from '../core/presets';
import type { Evaluation, Preset, Problem } from '../core/types';
import { planWrite } from '../core/writePlan';
import { applyWritePlan } from './applyPlan';
import { newWriteProblems, toJsonReport } from './jsonReport';
import { formatTextReport } from './textReport';
import { loadXlsx } from './xlsxGrid';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

const t = createTranslator('cli', {
  ja: {
    usage:
      '使い方: npm run evaluate -- <ファイル.xlsx> [--preset 名前] [--rule 評価基準.json] [--map 表の読み方.json] [--json] [--out 出力.xlsx] [--overwrite] [--notes] [--add-grade-column] [--lang ja|en]\n評価基準: {{presets}}',
    noFile: 'エラー: 評価する .xlsx ファイルを指定してください。',
    badArgs: 'エラー: {{detail}}',
    unknownPreset: 'エラー: 評価基準「{{preset}}」はありません。使えるのは {{presets}} です。',
    badRule: 'エラー: 評価基準ファイル「{{file}}」を使えません: {{errors}}',
    badMap: 'エラー: 表の読み方のファイル「{{file}}」を使えません: {{errors}}',
    notFound: 'エラー: ファイル「{{file}}」が見つかりません。パスを確認してください。',
    unreadable: 'エラー: ファイル「{{file}}」を .xlsx として読み込めません（{{detail}}）。Excel で開けるか、.xlsx 形式で保存されているか確認してください。',
    sameAsInput: 'エラー: 出力先「{{file}}」は入力ファイルと同じです。元のファイルは上書きしません。別の名前を指定してください。',
    outDirMissing: 'エラー: 出力先のフォルダ「{{dir}}」がありません。',
    writeFailed: 'エラー: 「{{file}}」に書き込めません（{{detail}}）。ファイルが開かれていないか確認してください。',
  },
  en: {
    usage:
      'Usage: npm run evaluate -- <file.xlsx> [--preset NAME] [--rule rule.json] [--map tables.json] [--json] [--out OUT.xlsx] [--overwrite] [--notes] [--add-grade-column] [--lang ja|en]\nPresets: {{presets}}',
    noFile: 'Error: give the .xlsx file to evaluate.',
    badArgs: 'Error: {{detail}}',
    unknownPreset: 'Error: there is no preset "{{preset}}". Available: {{presets}}.',
    badRule: 'Error: the rule file "{{file}}" cannot be used: {{errors}}',
    badMap: 'Error: the table reading file "{{file}}" cannot be used: {{errors}}',
    notFound: 'Error: file "{{file}}" not found. Check the path.',
    unreadable: 'Error: "{{file}}" cannot be read as .xlsx ({{detail}}). Check that Excel opens it and that it is saved as .xlsx.',
    sameAsInput: 'Error: the output "{{file}}" is the input file. The original is never overwritten; choose another name.',
    outDirMissing: 'Error: the output folder "{{dir}}" does not exist.',
    writeFailed: 'Error: cannot write "{{file}}" ({{detail}}). Check that the file is not open.',
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
  overwrite: boolean;
  notes: boolean;
  addGradeColumns: boolean;
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
        overwrite: { type: 'boolean', default: false },
        notes: { type: 'boolean', default: false },
        'add-grade-column': { type: 'boolean', default: false },
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
      overwrite: values.overwrite,
      notes: values.notes,
      addGradeColumns: values['add-grade-column'],
      lang,
    },
  };
}

/** Same file, following symlinks when the output already exists. */
function sameFile(a: string, b: string): boolean {
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : resolve(p));
  return real(a) === real(b);
}

/** Exit 1 when a KPI could not be graded or a warning was raised; info alone is fine. */
function exitCodeFor(evaluation: Evaluation, problems: readonly Problem[]): 0 | 1 {
  const ungraded = evaluation.tables.some((t) => t.kpis.some((k) => k.outcome.grade === null));
  return ungraded || problems.some((p) => p.severity === 'warning') ? 1 : 0;
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
    if (sameFile(o.file, o.out)) {
      io.stderr(t(o.lang, 'sameAsInput', { file: o.out }) + '\n');
      return 2;
    }
    if (!existsSync(dirname(resolve(o.out)))) {
      io.stderr(t(o.lang, 'outDirMissing', { dir: dirname(resolve(o.out)) }) + '\n');
      return 2;
    }
  }

  let loaded;
  try {
    loaded = await loadXlsx(o.file);
  } catch (error) {
    io.stderr(t(o.lang, 'unreadable', { file: o.file, detail: (error as Error).message }) + '\n');
    return 2;
  }

  const evaluation = evaluateWorkbook(loaded.grids, o.preset, { mappings: o.mappings, wholeWorkbook: true });
  const report = toJsonReport(evaluation);
  let writeProblems: Problem[] = [];

  if (o.out !== undefined) {
    const plan = planWrite(evaluation, loaded.grids, {
      adopt: o.overwrite ? 'all' : 'none',
      notes: o.notes,
      addGradeColumns: o.addGradeColumns,
    });
    const applied = applyWritePlan(loaded.workbook, plan);
    try {
      const buffer = await loaded.workbook.xlsx.writeBuffer();
      await writeFile(o.out, Buffer.from(buffer as ArrayBuffer));
    } catch (error) {
      io.stderr(t(o.lang, 'writeFailed', { file: o.out, detail: (error as Error).message }) + '\n');
      return 2;
    }
    writeProblems = newWriteProblems(evaluation, plan).filter((p) => p.code !== 'handGradeDiffers');
    report.problems.push(...toJsonReport({ ...evaluation, tables: [], problems: writeProblems }).problems);
    report.written = { cells: applied.written, notes: applied.notes, rules: applied.rules, file: o.out };
  }

  io.stdout(o.json ? JSON.stringify(report, null, 2) + '\n' : formatTextReport(report, o.lang));
  return exitCodeFor(evaluation, [...evaluation.problems, ...writeProblems]);
}
