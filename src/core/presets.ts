/**
 * Grading rules as data (spec §6): a preset is a method plus its thresholds and the meaning of
 * each grade. Rules are stored with the workbook and edited in the task pane, so anything that
 * arrives from outside goes through `parsePreset`, which says in Japanese what is wrong.
 */
import { z } from 'zod';
import type { GradeKey, GradeMeaning, Preset, PresetMethod } from './types';

// ───────────────────────────── grades per method ─────────────────────────────

/** The grades each method can give, best first. A preset's labels name exactly these. */
export const METHOD_GRADES: Readonly<Record<PresetMethod, readonly GradeKey[]>> = {
  standard: ['S', 'A', 'B', 'C', 'D', 'E', '-'],
  kijun: ['S', 'A', 'B', 'C', '-'],
  tassei: ['A', 'B', 'C', 'D', '-'],
  pace: ['A', 'B', 'C', '-'],
  points: ['7', '6', '5', '4', '3', '2', '1', '-'],
};

export const PRESET_METHODS = Object.keys(METHOD_GRADES) as PresetMethod[];

// ───────────────────────────── schema ─────────────────────────────

const GRADE_KEYS = ['S', 'A', 'B', 'C', 'D', 'E', '-', '1', '2', '3', '4', '5', '6', '7'] as const satisfies readonly GradeKey[];

// z.number() already refuses NaN and ±Infinity.
const threshold = z.number().min(0);
const text = z.string().trim().min(1);

const GradeMeaningSchema = z.object({ meaning: text, meaningEn: text });

const base = {
  id: text,
  name: text,
  nameEn: text,
  source: z.string(),
  labels: z.partialRecord(z.enum(GRADE_KEYS), GradeMeaningSchema),
};

const StandardSchema = z.object({
  ...base,
  method: z.literal('standard'),
  thresholds: z.object({ met: threshold, onPace: threshold, roughly: threshold, worse: threshold }),
});
const KijunSchema = z.object({ ...base, method: z.literal('kijun'), thresholds: z.object({ sameLevel: threshold }) });
const TasseiSchema = z.object({
  ...base,
  method: z.literal('tassei'),
  thresholds: z.object({ a: threshold, b: threshold, c: threshold }),
});
const PaceSchema = z.object({ ...base, method: z.literal('pace'), thresholds: z.object({ onPace: threshold }) });
const PointsSchema = z.object({
  ...base,
  method: z.literal('points'),
  thresholds: z.object({
    steps: z.tuple([threshold, threshold, threshold, threshold, threshold, threshold]).readonly(),
  }),
});

/** The full rule, cross-field checks included; messages are Japanese. */
export const PresetSchema = z
  .discriminatedUnion('method', [StandardSchema, KijunSchema, TasseiSchema, PaceSchema, PointsSchema])
  .superRefine((preset, ctx) => {
    for (const [path, message] of sensibleThresholdProblems(preset)) ctx.addIssue({ code: 'custom', path, message });
    for (const [path, message] of labelProblems(preset)) ctx.addIssue({ code: 'custom', path, message });
  });

// The schema and the hand-written Preset type must not drift apart: this line stops compiling
// when either gains, loses or changes a field.
type Equivalent<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
void (true satisfies Equivalent<z.output<typeof PresetSchema>, Preset>);

type PathProblem = readonly [path: (string | number)[], message: string];

/**
 * Thresholds that parse but make a rule nonsense. Only orderings the spec's rules rely on are
 * required; equal thresholds are allowed (they just make a grade unreachable).
 */
function sensibleThresholdProblems(p: z.output<typeof PresetSchema>): PathProblem[] {
  const out: PathProblem[] = [];
  switch (p.method) {
    case 'standard':
      // met is a share of the planned change; 0 would make the baseline itself "target met".
      if (p.thresholds.met <= 0) out.push([['thresholds', 'met'], 'しきい値 met（Ｓ 目標達成）は 0 より大きくしてください（通常は 1）。']);
      if (p.thresholds.roughly > p.thresholds.onPace) {
        out.push([['thresholds', 'roughly'], 'しきい値 roughly（Ｂ おおむね順調）は onPace（Ａ 順調）以下にしてください。']);
      }
      break;
    case 'tassei': {
      const { a, b, c } = p.thresholds;
      if (b > a) out.push([['thresholds', 'b'], 'しきい値 b（Ｂ）は a（Ａ）以下にしてください（a ≥ b ≥ c ≥ 0）。']);
      if (c > b) out.push([['thresholds', 'c'], 'しきい値 c（Ｃ）は b（Ｂ）以下にしてください（a ≥ b ≥ c ≥ 0）。']);
      break;
    }
    case 'points': {
      const steps = p.thresholds.steps;
      for (let i = 1; i < steps.length; i++) {
        if (!(steps[i]! < steps[i - 1]!)) {
          out.push([
            ['thresholds', 'steps', i],
            `しきい値 steps は大きい順に並べ、同じ値を含めないでください（${7 - i}点の ${steps[i]} が ${8 - i}点の ${steps[i - 1]} 以上です）。`,
          ]);
        }
      }
      break;
    }
    case 'kijun':
    case 'pace':
      break; // one threshold each: ≥ 0 is all they need
  }
  return out;
}

/** Every grade the method gives needs a meaning; grades it never gives are a mistake. */
function labelProblems(p: z.output<typeof PresetSchema>): PathProblem[] {
  const out: PathProblem[] = [];
  const wanted = METHOD_GRADES[p.method];
  for (const key of wanted) {
    if (!p.labels[key])
      out.push([['labels'], `labels に評価「${key}」の意味がありません（${p.method} では ${wanted.join(' ')} を使います）。`]);
  }
  for (const key of Object.keys(p.labels) as GradeKey[]) {
    if (!wanted.includes(key))
      out.push([['labels', key], `評価「${key}」は判定方式 ${p.method} では使いません（${wanted.join(' ')} のみ）。`]);
  }
  return out;
}

// ───────────────────────────── parsing ─────────────────────────────

export type ParsePresetResult = { readonly ok: true; readonly preset: Preset } | { readonly ok: false; readonly errors: string[] };

/**
 * Reads a preset from JSON (a parsed value, or the JSON text itself as stored in workbook
 * settings). Errors are Japanese sentences naming the field, one per problem.
 */
export function parsePreset(json: unknown): ParsePresetResult {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json) as unknown;
    } catch {
      return { ok: false, errors: ['評価ルールを JSON として読み取れません。書式（{ } や " の対応）を確認してください。'] };
    }
  }
  const result = PresetSchema.safeParse(value, { reportInput: true });
  if (result.success) return { ok: true, preset: result.data };
  return { ok: false, errors: result.error.issues.map(japaneseIssue) };
}

const FIELD_NAMES: Readonly<Record<string, string>> = {
  id: 'id（識別名）',
  name: 'name（名前）',
  nameEn: 'nameEn（英語名）',
  source: 'source（出典）',
  method: 'method（判定方式）',
  labels: 'labels（評価の意味）',
  thresholds: 'thresholds（しきい値）',
  'thresholds.met': 'しきい値 met（Ｓ 目標達成）',
  'thresholds.onPace': 'しきい値 onPace（Ａ 順調・目安値）',
  'thresholds.roughly': 'しきい値 roughly（Ｂ おおむね順調）',
  'thresholds.worse': 'しきい値 worse（Ｄ 悪化の限度）',
  'thresholds.sameLevel': 'しきい値 sameLevel（Ｂ 同水準の幅）',
  'thresholds.a': 'しきい値 a（Ａ）',
  'thresholds.b': 'しきい値 b（Ｂ）',
  'thresholds.c': 'しきい値 c（Ｃ）',
  'thresholds.steps': 'しきい値 steps（点数の区切り）',
};

/** The field an issue is about, in words an officer editing the rule recognises. */
function fieldName(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '評価ルール';
  const keys = path.map(String);
  const where = keys.join('.');
  const known = FIELD_NAMES[where];
  if (known) return known;
  if (keys[0] === 'thresholds' && keys[1] === 'steps' && keys.length === 3) return `しきい値 steps の ${Number(keys[2]) + 1} 番目`;
  if (keys[0] === 'labels' && keys.length >= 2) {
    const part = keys[2] === 'meaning' ? 'の意味' : keys[2] === 'meaningEn' ? 'の英語の意味' : '';
    return `labels の評価「${keys[1]}」${part}`;
  }
  return where;
}

function japaneseIssue(issue: z.core.$ZodIssue): string {
  const field = fieldName(issue.path);
  const missing = !('input' in issue) || issue.input === undefined;
  switch (issue.code) {
    case 'custom':
      return issue.message;
    case 'invalid_union':
      return `${FIELD_NAMES.method}は ${PRESET_METHODS.join(', ')} のいずれかにしてください。`;
    case 'invalid_type':
      if (issue.path.length === 0) return '評価ルールはオブジェクト（{ … } の形の JSON）で指定してください。';
      if (missing) return `${field}がありません。`;
      if (issue.expected === 'number') return `${field}は数値（有限の値）で指定してください。`;
      if (issue.expected === 'string') return `${field}は文字列で指定してください。`;
      if (issue.expected === 'object' || issue.expected === 'record') return `${field}はオブジェクト（{ … }）で指定してください。`;
      if (issue.expected === 'tuple' || issue.expected === 'array') return `${field}は配列（[ … ]）で指定してください。`;
      return `${field}の形式が正しくありません。`;
    case 'invalid_value':
      return issue.path[issue.path.length - 1] === 'method'
        ? `${FIELD_NAMES.method}は ${PRESET_METHODS.join(', ')} のいずれかにしてください。`
        : `${field}の値が正しくありません。`;
    case 'too_small':
      if (issue.origin === 'number') return `${field}は 0 以上にしてください。`;
      if (issue.origin === 'string') return `${field}を空にしないでください。`;
      return `${field}は ${String(issue.minimum)} 個の数値にしてください。`;
    case 'too_big':
      return `${field}は ${String(issue.maximum)} 個の数値にしてください。`;
    case 'unrecognized_keys':
      return `${field}に使えない評価 ${issue.keys.join(', ')} があります（使えるのは ${GRADE_KEYS.join(' ')}）。`;
    case 'invalid_key':
      return `${field}に使えない評価があります（使えるのは ${GRADE_KEYS.join(' ')}）。`;
    default:
      return `${field}の値が正しくありません。`;
  }
}

// ───────────────────────────── built-in presets ─────────────────────────────

const m = (meaning: string, meaningEn: string): GradeMeaning => ({ meaning, meaningEn });
const NOT_YET_DUE = m('実施時期未到来', 'Not yet due');

const BUILTINS = {
  // The seed report's scale (柏崎市, FY H29): straight-line pro-rata progress in 7 grades.
  standard: {
    id: 'standard',
    name: '按分進捗 7段階',
    nameEn: 'Pro-rata progress, 7 grades',
    source: '柏崎市 まち・ひと・しごと創生総合戦略 進行管理（平成29年度）',
    method: 'standard',
    thresholds: { met: 1, onPace: 1.0, roughly: 0.5, worse: 0.1 },
    labels: {
      S: m('早い', 'Ahead'),
      A: m('順調', 'On track'),
      B: m('おおむね順調', 'Mostly on track'),
      C: m('やや遅れている', 'Slightly behind'),
      D: m('遅れている', 'Behind'),
      E: m('未着手', 'Not started'),
      '-': NOT_YET_DUE,
    },
  },
  // Mechanical judgement against the baseline; within 10 % worse counts as 同水準 "same level".
  kijun: {
    id: 'kijun',
    name: '基準値比較',
    nameEn: 'Compared with the baseline',
    source: '長与町 総合計画 施策評価',
    method: 'kijun',
    thresholds: { sameLevel: 0.1 },
    labels: {
      S: m('目標達成', 'Target met'),
      A: m('基準値より改善', 'Better than the baseline'),
      B: m('同水準', 'About the same as the baseline'),
      C: m('基準値より悪化', 'Worse than the baseline'),
      '-': NOT_YET_DUE,
    },
  },
  // 達成率 attainment = current / target, in four bands.
  tassei: {
    id: 'tassei',
    name: '達成率',
    nameEn: 'Attainment rate',
    source: '長野県・佐野市・杵築市 ほか',
    method: 'tassei',
    thresholds: { a: 1.0, b: 0.8, c: 0.5 },
    labels: {
      A: m('目標達成', 'Target met'),
      B: m('おおむね達成', 'Mostly met'),
      C: m('一部達成', 'Partly met'),
      D: m('達成不十分', 'Far from the target'),
      '-': NOT_YET_DUE,
    },
  },
  // 目安値 "expected value" on the straight line from baseline to target.
  pace: {
    id: 'pace',
    name: '目安値',
    nameEn: 'Expected value (straight-line pace)',
    source: '静岡県・信州創生戦略・福岡市（目安値方式）',
    method: 'pace',
    thresholds: { onPace: 1.0 },
    labels: {
      A: m('目安値以上', 'At or above the expected value'),
      B: m('目安値未満', 'Below the expected value'),
      C: m('基準値より悪化', 'Worse than the baseline'),
      '-': NOT_YET_DUE,
    },
  },
  // Attainment turned into 1–7 points, which the city sums into policy grades.
  points: {
    id: 'points',
    name: '点数',
    nameEn: 'Points from attainment',
    source: '佐野市（達成率の点数化）',
    method: 'points',
    thresholds: { steps: [1.0, 0.9, 0.8, 0.7, 0.6, 0.5] },
    labels: {
      '7': m('7点', '7 points'),
      '6': m('6点', '6 points'),
      '5': m('5点', '5 points'),
      '4': m('4点', '4 points'),
      '3': m('3点', '3 points'),
      '2': m('2点', '2 points'),
      '1': m('1点', '1 point'),
      '-': NOT_YET_DUE,
    },
  },
} as const satisfies Record<PresetMethod, Preset>;

export type BuiltinPresetId = keyof typeof BUILTINS;

/** The built-in presets by id, in the order the task pane lists them. Frozen. */
export const BUILTIN_PRESETS: { readonly [K in BuiltinPresetId]: Extract<Preset, { method: K }> } = deepFreeze(BUILTINS);

export const DEFAULT_PRESET_ID: BuiltinPresetId = 'standard';

export function getBuiltinPreset(id: string): Preset | undefined {
  return Object.prototype.hasOwnProperty.call(BUILTIN_PRESETS, id) ? BUILTIN_PRESETS[id as BuiltinPresetId] : undefined;
}

/**
 * A user's own copy of a preset, to change thresholds or labels. The source no longer is the
 * published practice once edited, so it says whose practice it started from.
 */
export function copyPreset(preset: Preset, newId: string, newName: string, newNameEn: string = newName): Preset {
  const copy = structuredClone(preset) as { -readonly [K in keyof Preset]: Preset[K] };
  copy.id = newId;
  copy.name = newName;
  copy.nameEn = newNameEn;
  copy.source = `利用者作成（もと: ${preset.name}／${preset.source}）`;
  return copy as Preset;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
