/**
 * The command line's arguments: parsed into options, or into the message that says
 * what is wrong, in the language asked for (found before anything else is parsed,
 * so that even a usage error follows --lang).
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Lang } from '../core/i18n';
import { parseMappings, type TableMapping } from '../core/mapping';
import { getBuiltinPreset, parsePreset } from '../core/presets';
import { parseGivenReason, type GivenReason } from '../core/history/revisionReasons';
import type { Preset } from '../core/types';
import { PRESET_NAMES, t } from './messages';

export interface Options {
  /** Files and folders, as given. */
  inputs: string[];
  preset: Preset;
  /** The officer's table readings from --map FILE.json (none: those saved in each workbook). */
  mappings?: readonly TableMapping[];
  json: boolean;
  /** One input only: the graded copy. */
  out?: string;
  /** Several inputs: the folder that receives each graded copy under its own name. */
  outDir?: string;
  /** Replace an existing output file (never an input). */
  force: boolean;
  overwrite: boolean;
  notes: boolean;
  addGradeColumns: boolean;
  /** --write-very-hidden: the officer's yes to writing on very hidden sheets. */
  writeVeryHidden: boolean;
  /** The committee report's HTML file (#12): one file's, or one over all files given. */
  report?: string;
  /** --summary: add the 「KPI評価集計」 sheet to each graded copy. */
  summarySheet: boolean;
  /** Print the grades per fiscal year of every KPI (one file). */
  history: boolean;
  /** --revision-reason: why a KPI's target or baseline was revised, recorded with the --out write (one file). */
  revisionReasons?: readonly GivenReason[];
  /** Files graded at once; undefined = one per CPU. */
  jobs?: number;
  lang: Lang;
}

export type Parsed =
  | { kind: 'run'; options: Options }
  | { kind: 'help'; lang: Lang }
  | { kind: 'error'; lang: Lang; message: string; showUsage: boolean };

/** --lang as typed anywhere in the arguments (`--lang en` or `--lang=en`); ja otherwise. */
export function langOf(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice('--lang='.length) : undefined;
    if (value === 'en') return 'en';
  }
  return 'ja';
}

/**
 * node:util's own wording ("Unknown option '--jsn'") is English and technical; the
 * officer is told which argument is wrong in their language.
 */
function argumentProblem(lang: Lang, error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  const option = /'(-[^']*)'/.exec(detail)?.[1];
  if (lang === 'ja') {
    return t(lang, 'badArgs', {
      detail: option ? `「${option}」は使えないオプションか、値が足りません。` : 'オプションの指定が正しくありません。',
    });
  }
  return t(lang, 'badArgs', { detail: option ? `"${option}" is not an option, or its value is missing.` : 'the options are not right.' });
}

export async function parseOptions(argv: readonly string[]): Promise<Parsed> {
  const lang = langOf(argv);
  const fail = (message: string, showUsage = false): Parsed => ({ kind: 'error', lang, message, showUsage });
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
        report: { type: 'string' },
        json: { type: 'boolean', default: false },
        out: { type: 'string' },
        'out-dir': { type: 'string' },
        force: { type: 'boolean', default: false },
        overwrite: { type: 'boolean', default: false },
        notes: { type: 'boolean', default: false },
        'write-very-hidden': { type: 'boolean', default: false },
        'add-grade-column': { type: 'boolean', default: false },
        jobs: { type: 'string' },
        history: { type: 'boolean', default: false },
        'revision-reason': { type: 'string', multiple: true },
        summary: { type: 'boolean', default: false },
        lang: { type: 'string', default: 'ja' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    return fail(argumentProblem(lang, error), true);
  }
  if (values.help) return { kind: 'help', lang };
  if (values.lang !== 'ja' && values.lang !== 'en') return fail(t(lang, 'badLang', { value: values.lang }));
  if (positionals.length === 0) return fail(t(lang, 'noFile'), true);
  if (values.out !== undefined && values['out-dir'] !== undefined) return fail(t(lang, 'outAndOutDir'));

  let jobs: number | undefined;
  if (values.jobs !== undefined) {
    jobs = Number(values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1) return fail(t(lang, 'badJobs', { value: values.jobs }));
  }

  let preset: Preset;
  if (values.rule) {
    const ruleFile = values.rule;
    try {
      const parsed = parsePreset(JSON.parse(await readFile(ruleFile, 'utf8')));
      if (!parsed.ok) return fail(t(lang, 'badRule', { file: ruleFile, errors: parsed.errors.join(' / ') }));
      preset = parsed.preset;
    } catch (error) {
      return fail(t(lang, 'badRule', { file: ruleFile, errors: (error as Error).message }));
    }
  } else {
    const name = values.preset ?? 'standard';
    const builtin = getBuiltinPreset(name);
    if (!builtin) return fail(t(lang, 'unknownPreset', { preset: name, presets: PRESET_NAMES }));
    preset = builtin;
  }
  let mappings: readonly TableMapping[] | undefined;
  if (values.map) {
    const mapFile = values.map;
    let text: string;
    try {
      text = await readFile(mapFile, 'utf8');
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      return fail(missing ? t(lang, 'notFound', { file: mapFile }) : t(lang, 'badMap', { file: mapFile, errors: (error as Error).message }));
    }
    // parseMappings reads the JSON text itself, so a syntax error is told in its words too.
    const parsed = parseMappings(text);
    if (!parsed.ok) return fail(t(lang, 'badMap', { file: mapFile, errors: parsed.errors.join(' / ') }));
    mappings = parsed.mappings;
  }
  if (values.summary && values.out === undefined && values['out-dir'] === undefined) return fail(t(lang, 'summaryNeedsOut'));
  const revisionReasons: GivenReason[] = [];
  for (const value of values['revision-reason'] ?? []) {
    const given = parseGivenReason(value);
    if (!given) return fail(t(lang, 'badRevisionReason', { value }));
    revisionReasons.push(given);
  }
  if (revisionReasons.length > 0 && (values.out === undefined || positionals.length > 1)) return fail(t(lang, 'revisionReasonNeedsOut'));
  return {
    kind: 'run',
    options: {
      inputs: positionals,
      preset,
      ...(mappings ? { mappings } : {}),
      ...(values.report !== undefined ? { report: values.report } : {}),
      json: values.json,
      out: values.out,
      outDir: values['out-dir'],
      force: values.force,
      overwrite: values.overwrite,
      notes: values.notes,
      addGradeColumns: values['add-grade-column'],
      writeVeryHidden: values['write-very-hidden'],
      jobs,
      history: values.history,
      ...(revisionReasons.length > 0 ? { revisionReasons } : {}),
      summarySheet: values.summary,
      lang,
    },
  };
}
