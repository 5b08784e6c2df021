/**
 * The threshold editor's model: the fields each method has, the text the officer
 * typed in them, and the rule that text makes. Validation is the engine's
 * (parsePreset, Japanese messages), so the pane and the workbook agree on what a
 * valid rule is; the pane only adds "this is not a number" for text that cannot
 * even be read as one.
 */
import { copyPreset, parsePreset } from '../../core/presets';
import type { Preset, PresetMethod } from '../../core/types';
import type { TaskpaneKey } from '../i18n';

export interface ThresholdField {
  /** "met", "onPace", … or "steps.0" … "steps.5" for the points preset. */
  readonly path: string;
  readonly label: TaskpaneKey;
  readonly labelParams?: Record<string, string | number>;
  /**
   * 'factor' multiplies the elapsed ratio (A: p ≥ t × 1.0), 'ratio' is a share
   * shown also as a percentage (D: d > 0.10 = 10%).
   */
  readonly kind: 'factor' | 'ratio';
}

export const THRESHOLD_FIELDS: Readonly<Record<PresetMethod, readonly ThresholdField[]>> = {
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

/** What the officer typed, per field path. */
export type Draft = Readonly<Record<string, string>>;

function thresholdAt(preset: Preset, path: string): unknown {
  const [key, index] = path.split('.');
  const value = (preset.thresholds as Record<string, unknown>)[key!];
  return index === undefined ? value : (value as readonly unknown[] | undefined)?.[Number(index)];
}

/** The draft that shows a preset's thresholds as they are. */
export function draftOf(preset: Preset): Draft {
  const draft: Record<string, string> = {};
  for (const f of THRESHOLD_FIELDS[preset.method]) draft[f.path] = String(thresholdAt(preset, f.path) ?? '');
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
