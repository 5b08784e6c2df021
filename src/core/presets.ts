/**
 * Grading rules as data (spec §6): a preset is a method plus its thresholds and the meaning of
 * each grade. Rules are stored with the workbook and edited in the task pane, so anything that
 * arrives from outside goes through `parsePreset`, which says in Japanese what is wrong.
 */
import { z } from 'zod';
import type { BuiltinGradeKey, BuiltinMethodPreset, GradeKey, GradeMeaning, Preset, PresetMethod, ScalePreset } from './types';

// ───────────────────────────── grades per method ─────────────────────────────

type BuiltinMethod = Exclude<PresetMethod, 'scale'>;

/** The grades each builtin method can give, best first. A preset's labels name exactly these. */
export const METHOD_GRADES: Readonly<Record<BuiltinMethod, readonly BuiltinGradeKey[]>> = {
  standard: ['S', 'A', 'B', 'C', 'D', 'E', '-'],
  kijun: ['S', 'A', 'B', 'C', '-'],
  tassei: ['A', 'B', 'C', 'D', '-'],
  pace: ['A', 'B', 'C', '-'],
  points: ['7', '6', '5', '4', '3', '2', '1', '-'],
};

export const PRESET_METHODS: readonly PresetMethod[] = [...(Object.keys(METHOD_GRADES) as BuiltinMethod[]), 'scale'];

/** Every grade a rule can give, best first: its method's keys, or a city scale's codes in their order. */
export function gradeKeysOf(preset: Preset): readonly GradeKey[] {
  if (preset.method === 'scale') return scaleCodes(preset);
  return Object.keys(preset.labels);
}

const codesMemo = new WeakMap<ScalePreset, readonly string[]>();
function scaleCodes(preset: ScalePreset): readonly string[] {
  let codes = codesMemo.get(preset);
  if (codes === undefined) {
    codes = preset.grades.map((g) => g.code);
    codesMemo.set(preset, codes);
  }
  return codes;
}

/** What a grade means in a rule ("順調" / "On track"), or undefined when the rule has no such grade. */
export function gradeMeaning(preset: Preset, grade: GradeKey): GradeMeaning | undefined {
  if (preset.method === 'scale') return preset.grades.find((g) => g.code === grade);
  return (preset.labels as Partial<Record<string, GradeMeaning>>)[grade];
}

/** The grade given when there is no current value: － in the builtins, the scale's own code (日本再興戦略: N). */
export function noCurrentGrade(preset: Preset): GradeKey {
  return preset.method === 'scale' ? preset.noCurrent : '-';
}

// ───────────────────────────── schema ─────────────────────────────

const GRADE_KEYS = ['S', 'A', 'B', 'C', 'D', 'E', '-', '1', '2', '3', '4', '5', '6', '7'] as const satisfies readonly GradeKey[];

// z.number() already refuses NaN and ±Infinity.
const threshold = z.number().min(0);
const text = z.string().trim().min(1);

const GradeMeaningSchema = z.object({ meaning: text, meaningEn: text });

const meta = {
  id: text,
  name: text,
  nameEn: text,
  source: z.string(),
};
const base = { ...meta, labels: z.partialRecord(z.enum(GRADE_KEYS), GradeMeaningSchema) };

/** A city's own grade code: one to four characters as the report writes them ("A", "a", "N", "①", "済"). */
const code = z.string().trim().min(1).max(4);

const ScaleSchema = z.object({
  ...meta,
  method: z.literal('scale'),
  grades: z.array(z.object({ code, meaning: text, meaningEn: text })).min(1).readonly(),
  measure: z.enum(['pace', 'attainment']),
  pace: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('line') }),
    z.object({ kind: z.literal('perYear'), share: z.number().gt(0).max(1) }),
  ]),
  met: code.optional(),
  steps: z.array(z.object({ code, min: threshold })).readonly(),
  worse: z.object({ code, beyond: threshold }).optional(),
  otherwise: code,
  noCurrent: code,
  qualitative: code.optional(),
  states: z
    .object({ done: code.optional(), notStarted: code.optional(), cancelled: code.optional(), hardToEvaluate: code.optional() })
    .optional(),
  survey: z.object({ points: z.number().gt(0), code, recognise: z.boolean(), items: z.array(text).readonly() }).optional(),
});

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
  .discriminatedUnion('method', [StandardSchema, KijunSchema, TasseiSchema, PaceSchema, PointsSchema, ScaleSchema])
  .superRefine((preset, ctx) => {
    if (preset.method === 'scale') {
      for (const [path, message] of scaleProblems(preset)) ctx.addIssue({ code: 'custom', path, message });
      return;
    }
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
function sensibleThresholdProblems(p: BuiltinMethodPreset): PathProblem[] {
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
function labelProblems(p: BuiltinMethodPreset): PathProblem[] {
  const out: PathProblem[] = [];
  const wanted = METHOD_GRADES[p.method];
  for (const key of wanted) {
    if (!p.labels[key])
      out.push([['labels'], `labels に評価「${key}」の意味がありません（${p.method} では ${wanted.join(' ')} を使います）。`]);
  }
  for (const key of Object.keys(p.labels) as BuiltinGradeKey[]) {
    if (!wanted.includes(key))
      out.push([['labels', key], `評価「${key}」は判定方式 ${p.method} では使いません（${wanted.join(' ')} のみ）。`]);
  }
  return out;
}

/**
 * A city scale makes sense when every code it gives is one of its grades (with a meaning),
 * no code is listed twice, and the steps ask for less as they go down (first match wins, so a
 * step asking more than the one above could never be reached).
 */
function scaleProblems(p: ScalePreset): PathProblem[] {
  const out: PathProblem[] = [];
  const codes = p.grades.map((g) => g.code);
  const known = codes.join(' ');
  codes.forEach((c, i) => {
    if (codes.indexOf(c) !== i) out.push([['grades', i, 'code'], `評価の記号「${c}」が grades に2回あります。記号は1回ずつにしてください。`]);
  });
  const uses: Array<readonly [(string | number)[], string | undefined, string]> = [
    [['met'], p.met, '目標達成'],
    [['otherwise'], p.otherwise, 'それ以外'],
    [['noCurrent'], p.noCurrent, '現状値なし'],
    [['qualitative'], p.qualitative, '施策の実施自体が指標'],
    [['worse', 'code'], p.worse?.code, '基準値より悪化'],
    [['survey', 'code'], p.survey?.code, '調査項目の変動幅以内（現状維持）'],
    [['states', 'done'], p.states?.done, '完了'],
    [['states', 'notStarted'], p.states?.notStarted, '未着手'],
    [['states', 'cancelled'], p.states?.cancelled, '中止'],
    [['states', 'hardToEvaluate'], p.states?.hardToEvaluate, '評価困難'],
    ...p.steps.map((s, i): readonly [(string | number)[], string, string] => [['steps', i, 'code'], s.code, `段階 ${i + 1}`]),
  ];
  for (const [path, c, what] of uses) {
    if (c !== undefined && !codes.includes(c)) out.push([path, `「${what}」の記号「${c}」が grades にありません（grades: ${known}）。grades に意味とともに加えてください。`]);
  }
  for (let i = 1; i < p.steps.length; i++) {
    if (p.steps[i]!.min > p.steps[i - 1]!.min) {
      out.push([
        ['steps', i, 'min'],
        `段階 ${i + 1}（${p.steps[i]!.code}）のしきい値 ${p.steps[i]!.min} は段階 ${i}（${p.steps[i - 1]!.code}）の ${p.steps[i - 1]!.min} 以下にしてください（上から順に判定します）。`,
      ]);
    }
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

/**
 * parsePreset with each error's field as a dotted path ("steps.1.min", "grades.0.code"), for an
 * editor that shows every message beside its field.
 */
export function checkPreset(value: unknown): { ok: true; preset: Preset } | { ok: false; issues: Array<{ path: string; message: string }> } {
  const result = PresetSchema.safeParse(value, { reportInput: true });
  if (result.success) return { ok: true, preset: result.data };
  return { ok: false, issues: result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: japaneseIssue(i) })) };
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
  grades: 'grades（評価の記号と意味）',
  measure: 'measure（判定に使う値: pace または attainment）',
  pace: 'pace（目安の進み方）',
  'pace.share': 'pace.share（毎年の進捗の割合）',
  steps: 'steps（段階としきい値）',
  otherwise: 'otherwise（どの段階にも届かないときの記号）',
  noCurrent: 'noCurrent（現状値なしの記号）',
  'survey.points': 'survey.points（意識調査の変動幅）',
  'worse.beyond': 'worse.beyond（悪化の限度）',
};

/** The field an issue is about, in words an officer editing the rule recognises. */
function fieldName(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '評価ルール';
  const keys = path.map(String);
  const where = keys.join('.');
  const known = FIELD_NAMES[where];
  if (known) return known;
  if (keys[0] === 'thresholds' && keys[1] === 'steps' && keys.length === 3) return `しきい値 steps の ${Number(keys[2]) + 1} 番目`;
  if ((keys[0] === 'grades' || keys[0] === 'steps') && keys.length === 3) {
    const what = { code: '記号', meaning: '意味', meaningEn: '英語の意味', min: 'しきい値' }[keys[2]!] ?? keys[2];
    return `${keys[0] === 'grades' ? '評価' : '段階'} ${Number(keys[1]) + 1} の${what}`;
  }
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
const g = (code: string, meaning: string, meaningEn: string) => ({ code, meaning, meaningEn }) as const;

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
  // ── Cities' own published scales (method 'scale'); README names each source with its address. ──

  // 日本再興戦略 KPI follow-up (「KPIの進捗状況について」, 産業競争力会議 / 未来投資会議):
  // A progress at least the share of the period elapsed, B behind it, F the action itself is the
  // KPI (checked year by year), N no data yet.
  saiko: {
    id: 'saiko',
    name: '日本再興戦略 KPI進捗（A・B・F・N）',
    nameEn: 'Japan Revitalization Strategy KPI progress (A/B/F/N)',
    source: '「日本再興戦略」KPIの進捗状況について（参考資料2、改訂2015）',
    method: 'scale',
    grades: [
      g('A', '経過期間の割合以上に進捗', 'Progress at least the share of the period elapsed'),
      g('B', 'Aほど進捗していない', 'Behind the share of the period elapsed'),
      g('F', '施策の実行自体がKPI', 'The action itself is the KPI'),
      g('N', 'データなし・現時点で評価困難', 'No data yet'),
    ],
    measure: 'pace',
    pace: { kind: 'line' },
    met: 'A',
    steps: [{ code: 'A', min: 1 }],
    otherwise: 'B',
    noCurrent: 'N',
    qualitative: 'F',
    states: { hardToEvaluate: 'N' },
  },
  // 第2次あきる野市総合計画 進捗管理: F 事業完了 · S 目標値以上 · A 目標値どおり · B 要改善（半分程度）
  // · C 要大幅改善（半分程度以下）· X 未着手 · Y 中止 · Z 評価困難.
  akiruno: {
    id: 'akiruno',
    name: 'あきる野市 進捗管理（F・S・A・B・C・X・Y・Z）',
    nameEn: 'Akiruno progress review (F/S/A/B/C/X/Y/Z)',
    source: '第2次あきる野市総合計画の進捗管理（あきる野市）',
    method: 'scale',
    grades: [
      g('F', '事業完了', 'Completed'),
      g('S', '目標値以上', 'At or above the target'),
      g('A', '目標値どおり', 'On course for the target'),
      g('B', '要改善', 'Needs improvement'),
      g('C', '要大幅改善', 'Needs major improvement'),
      g('X', '未着手', 'Not started'),
      g('Y', '中止', 'Cancelled'),
      g('Z', '評価困難', 'Hard to evaluate'),
    ],
    measure: 'pace',
    pace: { kind: 'line' },
    met: 'S',
    steps: [
      { code: 'A', min: 1 },
      { code: 'B', min: 0.5 },
    ],
    otherwise: 'C',
    noCurrent: 'Z',
    states: { done: 'F', notStarted: 'X', cancelled: 'Y', hardToEvaluate: 'Z' },
  },
  // 多摩市 総合戦略の評価方法: year n is judged against n × 20 % of the way to the target;
  // ① ≥ 100 % of that, ② ≥ 60 %, ③ below.
  tama: {
    id: 'tama',
    name: '多摩市 年20%進捗（①・②・③）',
    nameEn: 'Tama: 20 % of the distance per year (1/2/3)',
    source: '多摩市まち・ひと・しごと創生総合戦略の評価方法（案）（資料6）',
    method: 'scale',
    grades: [
      g('①', '着実に進んでいる', 'Steadily on course'),
      g('②', '概ね進んでいる', 'Mostly on course'),
      g('③', '改善や工夫が必要', 'Needs improvement'),
      g('-', '実施時期未到来', 'Not yet due'),
    ],
    measure: 'pace',
    pace: { kind: 'perYear', share: 0.2 },
    met: '①',
    steps: [
      { code: '①', min: 1 },
      { code: '②', min: 0.6 },
    ],
    otherwise: '③',
    noCurrent: '-',
  },
  // 杵築市 第2期総合戦略 期末評価: A 目標を上回る · B 目標の80%以上 · C/D at lines the city chooses.
  kitsuki: {
    id: 'kitsuki',
    name: '杵築市 達成率（A・B・C・D）',
    nameEn: 'Kitsuki attainment (A/B/C/D)',
    source: '杵築市 第2期まち・ひと・しごと創生総合戦略 期末評価',
    method: 'scale',
    grades: [
      g('A', '目標を上回る効果・良好', 'Target reached, good'),
      g('B', '目標の80%以上を達成', 'At least 80 % of the target'),
      g('C', '改善や工夫が必要', 'Needs improvement'),
      g('D', '注視を継続', 'Keep watching'),
      g('-', '実施時期未到来', 'Not yet due'),
    ],
    measure: 'attainment',
    pace: { kind: 'line' },
    steps: [
      { code: 'A', min: 1 },
      { code: 'B', min: 0.8 },
      { code: 'C', min: 0.5 },
    ],
    otherwise: 'D',
    noCurrent: '-',
  },
  // ふくおかし保健福祉総合計画 進捗評価: a 目標値に向けて順調 · b ペースは下回るが改善・現状維持 ·
  // c 初期値より悪化; 意識系の指標は ±3 ポイント未満の変動を「現状維持」とする.
  fukuoka: {
    id: 'fukuoka',
    name: '福岡市 成果指標（a・b・c、意識調査 ±3ポイント）',
    nameEn: 'Fukuoka outcome indicators (a/b/c, survey +/-3 points)',
    source: 'ふくおかし保健福祉総合計画の進捗評価について（資料1-1、福岡市）',
    method: 'scale',
    grades: [
      g('a', '目標値に向けて順調', 'On course for the target'),
      g('b', '改善または現状維持', 'Improved or unchanged, behind the pace'),
      g('c', '初期値より悪化', 'Worse than the initial value'),
      g('-', '実施時期未到来', 'Not yet due'),
    ],
    measure: 'pace',
    pace: { kind: 'line' },
    met: 'a',
    steps: [{ code: 'a', min: 1 }],
    worse: { code: 'c', beyond: 0 },
    otherwise: 'b',
    noCurrent: '-',
    survey: { points: 3, code: 'b', recognise: true, items: [] },
  },
} as const satisfies Record<string, Preset>;

export type BuiltinPresetId = keyof typeof BUILTINS;

type Builtins = typeof BUILTINS;
/** The built-in presets by id, in the order the task pane lists them. Frozen. */
export const BUILTIN_PRESETS: { readonly [K in BuiltinPresetId]: Builtins[K] & Preset } = deepFreeze(BUILTINS);

export const DEFAULT_PRESET_ID: BuiltinPresetId = 'standard';

export function getBuiltinPreset(id: string): Preset | undefined {
  return Object.prototype.hasOwnProperty.call(BUILTIN_PRESETS, id) ? BUILTIN_PRESETS[id as BuiltinPresetId] : undefined;
}

/**
 * A user's own copy of a preset, to change thresholds or labels. The source no longer is the
 * published practice once edited, so it says whose practice it started from.
 */
export function copyPreset<P extends Preset>(preset: P, newId: string, newName: string, newNameEn: string = newName): P {
  const copy = structuredClone(preset) as { -readonly [K in keyof Preset]: Preset[K] };
  copy.id = newId;
  copy.name = newName;
  copy.nameEn = newNameEn;
  copy.source = `利用者作成（もと: ${preset.name}／${preset.source}）`;
  return copy as unknown as P;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
