/**
 * The threshold editor's model: the fields each method has, the text the officer
 * typed in them, and the rule that text makes. Validation is the engine's
 * (parsePreset, Japanese messages), so the pane and the workbook agree on what a
 * valid rule is; the pane only adds "this is not a number" for text that cannot
 * even be read as one.
 */
import { checkPreset, copyPreset, parsePreset } from '../../core/presets';
import type { BuiltinMethodPreset, Preset, PresetMethod, ScalePreset } from '../../core/types';
import type { TaskpaneKey } from '../i18n';

export interface ThresholdField {
  /** "met", "onPace", … or "steps.0" … "steps.5" for the points preset. */
  readonly path: string;
  readonly label: TaskpaneKey;
  readonly labelParams?: Record<string, string | number>;
  /**
   * 'factor' multiplies the elapsed ratio (A: p ≥ t × 1.0), 'ratio' is a share
   * shown also as a percentage (D: d > 0.10 = 10%). A city scale also has 'points' (the
   * survey band), 'paceShare' (a share per year, empty for the straight line) and the words
   * 'code' and 'text' (its grade codes and their meanings).
   */
  readonly kind: 'factor' | 'ratio' | 'points' | 'paceShare' | 'code' | 'text';
}

/** Whether a field holds a number the officer types (the others hold words). */
export function isNumberField(field: ThresholdField): boolean {
  return field.kind !== 'code' && field.kind !== 'text';
}

export const THRESHOLD_FIELDS: Readonly<Record<Exclude<PresetMethod, 'scale'>, readonly ThresholdField[]>> = {
  standard: [
    { path: 'met', label: 'th.standard.met', kind: 'ratio' },
    { path: 'onPace', label: 'th.standard.onPace', kind: 'factor' },
    { path: 'roughly', label: 'th.standard.roughly', kind: 'factor' },
    { path: 'worse', label: 'th.standard.worse', kind: 'ratio' },
  ],
  kijun: [{ path: 'sameLevel', label: 'th.kijun.sameLevel', kind: 'ratio' }],
  tassei: [
    { path: 'a', label: 'th.tassei.a', kind: 'ratio' },
    { path: 'b', label: 'th.tassei.b', kind: 'ratio' },
    { path: 'c', label: 'th.tassei.c', kind: 'ratio' },
  ],
  pace: [{ path: 'onPace', label: 'th.pace.onPace', kind: 'factor' }],
  points: [0, 1, 2, 3, 4, 5].map(
    (i): ThresholdField => ({ path: `steps.${i}`, label: 'th.points.step', labelParams: { points: 7 - i }, kind: 'ratio' }),
  ),
};

/**
 * A city scale's editable fields, paths into the rule itself: each grade's code and meaning,
 * each step's threshold, the yearly share of the pace (empty: the straight line), the worse
 * limit where the scale has one, the survey band (empty: none; its code, empty: the scale's
 * `otherwise`; the KPIs the officer marks as survey items, separated by 、), and the codes for
 * no current value, a target met, an action KPI and the state words (empty: none, as in the
 * builtins). So a copy of any scale can be made into any other shape of the issue's scales.
 */
export function scaleFields(p: ScalePreset): ThresholdField[] {
  const out: ThresholdField[] = [];
  p.grades.forEach((g, i) => {
    out.push({ path: `grades.${i}.code`, label: 'th.scale.code', labelParams: { n: i + 1 }, kind: 'code' });
    out.push({ path: `grades.${i}.meaning`, label: 'th.scale.meaning', labelParams: { code: g.code }, kind: 'text' });
  });
  p.steps.forEach((st, i) => {
    out.push({
      path: `steps.${i}.min`,
      label: p.measure === 'pace' ? 'th.scale.stepPace' : 'th.scale.stepAttainment',
      labelParams: { code: st.code },
      kind: p.measure === 'pace' ? 'factor' : 'ratio',
    });
  });
  if (p.measure === 'pace') out.push({ path: 'pace.share', label: 'th.scale.paceShare', kind: 'paceShare' });
  if (p.worse) out.push({ path: 'worse.beyond', label: 'th.scale.worse', labelParams: { code: p.worse.code }, kind: 'ratio' });
  out.push({ path: 'survey.points', label: 'th.scale.surveyPoints', kind: 'points' });
  out.push({ path: 'survey.code', label: 'th.scale.surveyCode', kind: 'code' });
  out.push({ path: 'survey.items', label: 'th.scale.surveyItems', kind: 'text' });
  out.push({ path: 'noCurrent', label: 'th.scale.noCurrent', kind: 'code' });
  out.push({ path: 'met', label: 'th.scale.met', kind: 'code' });
  out.push({ path: 'qualitative', label: 'th.scale.qualitative', kind: 'code' });
  for (const st of ['done', 'notStarted', 'cancelled', 'hardToEvaluate'] as const) {
    out.push({ path: `states.${st}`, label: `th.scale.state.${st}`, kind: 'code' });
  }
  return out;
}

/** Optional parts of a scale: an empty field leaves them out. */
const OPTIONAL_NUMBER = new Set(['pace.share', 'survey.points']);

/** The fields the editor shows for a rule. */
export function fieldsOf(preset: Preset): readonly ThresholdField[] {
  return preset.method === 'scale' ? scaleFields(preset) : THRESHOLD_FIELDS[preset.method];
}

/** What the officer typed, per field path. */
export type Draft = Readonly<Record<string, string>>;

/** The value at a dotted path of a scale ("steps.1.min"); pace.share is '' for the straight line. */
function scaleValueAt(p: ScalePreset, path: string): unknown {
  if (path === 'pace.share') return p.pace.kind === 'perYear' ? p.pace.share : '';
  if (path === 'survey.items') return p.survey?.items.join('、') ?? '';
  let v: unknown = p;
  for (const key of path.split('.')) v = v === undefined || v === null ? undefined : (v as Record<string, unknown>)[key];
  return v;
}

function thresholdAt(preset: Preset, path: string): unknown {
  if (preset.method === 'scale') return scaleValueAt(preset, path);
  const [key, index] = path.split('.');
  const value = (preset.thresholds as Record<string, unknown>)[key!];
  return index === undefined ? value : (value as readonly unknown[] | undefined)?.[Number(index)];
}

/** The draft that shows a preset's thresholds as they are. */
export function draftOf(preset: Preset): Draft {
  const draft: Record<string, string> = {};
  for (const f of fieldsOf(preset)) draft[f.path] = String(thresholdAt(preset, f.path) ?? '');
  return draft;
}

/**
 * "0.5", "０．５", " 0.5 " → 0.5; "10%" → 0.1 (a clerk may type a percentage);
 * undefined when the text is not a number.
 */
export function readThreshold(text: string): number | undefined {
  const t = text.normalize('NFKC').trim().replace(/,/g, '');
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+))\s*(%)?$/.exec(t);
  if (!m) return undefined;
  const n = Number(m[1]);
  if (!Number.isFinite(n)) return undefined;
  return m[2] ? n / 100 : n;
}

export interface DraftResult {
  /** The rule the draft makes, when it is valid. */
  readonly preset?: Preset;
  /**
   * Errors that belong to one field: the engine's (parsePreset, Japanese) or NAN
   * for text that is not a number at all (the pane words that one itself).
   */
  readonly fieldErrors: Readonly<Record<string, string>>;
  /** The engine's errors that name no single field. */
  readonly generalErrors: readonly string[];
  /** The draft differs from the base preset's thresholds. */
  readonly edited: boolean;
}

/** Marker for "not a number": the pane shows its own localised words for it. */
export const NAN = '\u0000nan';

/**
 * Builds the rule a draft describes on top of `base`. An edited builtin becomes a
 * copy with its own id and name, so the builtin stays as published.
 */
export function applyDraft(base: Preset, draft: Draft, names: { ja: string; en: string }): DraftResult {
  if (base.method === 'scale') return applyScaleDraft(base, draft, names);
  return applyBuiltinDraft(base, draft, names);
}

function applyBuiltinDraft(base: BuiltinMethodPreset, draft: Draft, names: { ja: string; en: string }): DraftResult {
  const fields = THRESHOLD_FIELDS[base.method];
  const fieldErrors: Record<string, string> = {};
  const thresholds: Record<string, unknown> = { ...(base.thresholds as Record<string, unknown>) };
  const steps: unknown[] = base.method === 'points' ? [...base.thresholds.steps] : [];
  let edited = false;
  for (const f of fields) {
    const text = draft[f.path] ?? '';
    const n = readThreshold(text);
    if (n === undefined) fieldErrors[f.path] = NAN;
    if (n !== thresholdAt(base, f.path)) edited = true;
    // An unreadable entry still goes to the engine (as text) so that its other checks run.
    const value = n ?? text;
    const [key, index] = f.path.split('.');
    if (index !== undefined) steps[Number(index)] = value;
    else thresholds[key!] = value;
  }
  if (base.method === 'points') thresholds.steps = steps;
  if (!edited) return { preset: base, fieldErrors: {}, generalErrors: [], edited: false };

  const parsed = parsePreset({ ...base, thresholds });
  if (parsed.ok && Object.keys(fieldErrors).length === 0) {
    const id = base.id.endsWith('-custom') ? base.id : `${base.id}-custom`;
    return { preset: copyPreset(parsed.preset, id, names.ja, names.en), fieldErrors, generalErrors: [], edited };
  }
  const generalErrors: string[] = [];
  for (const error of parsed.ok ? [] : parsed.errors) {
    const field = fieldForError(error, fields);
    if (field === undefined) generalErrors.push(error);
    else if (fieldErrors[field] === undefined) fieldErrors[field] = error;
    // else: the field already has an error (e.g. not a number); one message per field is enough.
  }
  return { fieldErrors, generalErrors, edited };
}

/**
 * The field an engine error is about. parsePreset names it first: "thresholds.onPace は…",
 * "しきい値 roughly（Ｂ）は onPace（Ａ）以下に…" (about roughly), "thresholds.steps.2 は…",
 * "しきい値 steps は…（5点の 0.9 が…）" (about the 5-point step).
 */
export function fieldForError(error: string, fields: readonly ThresholdField[]): string | undefined {
  const stepPath = /thresholds\.steps\.(\d)/.exec(error);
  if (stepPath) return `steps.${stepPath[1]}`;
  const stepPoints = /steps\b[^（(]*[（(](\d)点/.exec(error);
  if (stepPoints) return `steps.${7 - Number(stepPoints[1])}`;
  let best: { path: string; at: number } | undefined;
  for (const f of fields) {
    if (f.path.includes('.')) continue;
    const m = new RegExp(`(?<![A-Za-z])${f.path}(?![A-Za-z])`).exec(error);
    if (m && (!best || m.index < best.at)) best = { path: f.path, at: m.index };
  }
  return best?.path;
}

/**
 * A city scale's draft: numbers read as thresholds, words as codes and meanings, empty optional
 * fields leave their part out. A code changed in the grades list is changed wherever the rule
 * uses it (steps, met, states …), so renaming 'A' to 'a' keeps the rule whole. The engine's
 * checks (checkPreset) word the errors, each beside its field.
 */
function applyScaleDraft(base: ScalePreset, draft: Draft, names: { ja: string; en: string }): DraftResult {
  const fields = scaleFields(base);
  const shown = draftOf(base);
  const fieldErrors: Record<string, string> = {};
  const rule = structuredClone(base) as unknown as Record<string, unknown>;
  const renames = new Map<string, string>();
  const value: Record<string, unknown> = {};
  let edited = false;
  for (const f of fields) {
    const text = draft[f.path] ?? '';
    if (text.trim() !== (shown[f.path] ?? '').trim()) edited = true;
    if (f.kind === 'code' || f.kind === 'text') {
      value[f.path] = text.trim();
    } else if (OPTIONAL_NUMBER.has(f.path) && text.trim() === '') {
      value[f.path] = '';
    } else {
      const n = readThreshold(text);
      if (n === undefined) fieldErrors[f.path] = NAN;
      // "20%" and "0.2" both mean a fifth of the way each year.
      value[f.path] = n ?? text;
    }
  }
  if (!edited) return { preset: base, fieldErrors: {}, generalErrors: [], edited: false };

  for (const [path, v] of Object.entries(value)) {
    const m = /^grades\.(\d+)\.(code|meaning)$/.exec(path) ?? /^steps\.(\d+)\.(min)$/.exec(path);
    if (m) {
      const list = rule[path.startsWith('grades') ? 'grades' : 'steps'] as Array<Record<string, unknown>>;
      const before = list[Number(m[1])]![m[2]!];
      if (m[2] === 'code' && typeof before === 'string' && v !== before) renames.set(before, v as string);
      list[Number(m[1])]![m[2]!] = v;
    }
  }
  if (renames.size > 0) renameCodes(rule, renames);
  // A code field the officer left as it was follows a renamed grade too.
  for (const f of fields) {
    if (f.kind !== 'code' || f.path.startsWith('grades.')) continue;
    const v = value[f.path];
    if (typeof v === 'string' && v === (shown[f.path] ?? '').trim() && renames.has(v)) value[f.path] = renames.get(v);
  }
  const codeOrNone = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
  const setOptional = (key: string, v: unknown) => {
    const c = codeOrNone(v);
    if (c === undefined) delete rule[key];
    else rule[key] = c;
  };
  // Codes typed in the fields below are taken as typed (after the renames above).
  if ('pace.share' in value) rule.pace = value['pace.share'] === '' ? { kind: 'line' } : { kind: 'perYear', share: value['pace.share'] };
  if ('worse.beyond' in value) rule.worse = { ...(rule.worse as object), beyond: value['worse.beyond'] };
  rule.noCurrent = value.noCurrent;
  setOptional('met', value.met);
  setOptional('qualitative', value.qualitative);
  const states: Record<string, string> = {};
  for (const st of ['done', 'notStarted', 'cancelled', 'hardToEvaluate']) {
    const c = codeOrNone(value[`states.${st}`]);
    if (c !== undefined) states[st] = c;
  }
  if (Object.keys(states).length > 0) rule.states = states;
  else delete rule.states;
  if (value['survey.points'] === '') {
    delete rule.survey;
  } else {
    const items = String(value['survey.items'] ?? '')
      .split(/[、,，\n]/u)
      .map((x) => x.trim())
      .filter((x) => x !== '');
    rule.survey = {
      points: value['survey.points'],
      code: codeOrNone(value['survey.code']) ?? rule.otherwise,
      recognise: base.survey?.recognise ?? true,
      items,
    };
  }

  const checked = checkPreset(rule);
  if (checked.ok && Object.keys(fieldErrors).length === 0) {
    const id = base.id.endsWith('-custom') ? base.id : `${base.id}-custom`;
    return { preset: copyPreset(checked.preset, id, names.ja, names.en), fieldErrors, generalErrors: [], edited };
  }
  const generalErrors: string[] = [];
  const paths = new Set(fields.map((f) => f.path));
  for (const issue of checked.ok ? [] : checked.issues) {
    const path = issue.path === 'pace' ? 'pace.share' : issue.path;
    if (!paths.has(path)) generalErrors.push(issue.message);
    else if (fieldErrors[path] === undefined) fieldErrors[path] = issue.message;
  }
  return { fieldErrors, generalErrors, edited };
}

/** Every use of a renamed code, outside the grades list (already renamed there). */
function renameCodes(rule: Record<string, unknown>, renames: ReadonlyMap<string, string>): void {
  const swap = (c: unknown): unknown => (typeof c === 'string' && renames.has(c) ? renames.get(c) : c);
  for (const key of ['met', 'otherwise', 'noCurrent', 'qualitative'] as const) if (key in rule) rule[key] = swap(rule[key]);
  rule.steps = (rule.steps as Array<Record<string, unknown>>).map((st) => ({ ...st, code: swap(st.code) }));
  for (const key of ['worse', 'survey', 'states'] as const) {
    const part = rule[key] as Record<string, unknown> | undefined;
    if (part === undefined) continue;
    for (const k of Object.keys(part)) if (k === 'code' || key === 'states') part[k] = swap(part[k]);
  }
}
