/**
 * §7 colours: one conditional-format rule per grade on the grade cells, so that a
 * grade typed later is coloured too. Palette chosen to stay distinguishable for
 * the common colour-vision deficiencies and in greyscale print: the grades step
 * from dark blue through greens and yellow to red-orange with distinct lightness,
 * and the text colour is dark wherever the fill is light.
 */
import type { GradeKey, GradeColourRule, Preset, ScalePreset } from './types';

export interface GradeColour {
  readonly fill: string;
  readonly fontColor: string;
}

export const GRADE_COLOURS: Readonly<Partial<Record<GradeKey, GradeColour>>> = {
  S: { fill: '#1F3A93', fontColor: '#FFFFFF' }, // dark blue, white text
  A: { fill: '#1B7F3B', fontColor: '#FFFFFF' }, // green, white text
  B: { fill: '#B8E0B0', fontColor: '#1A1A1A' }, // light green, dark text
  C: { fill: '#FFE699', fontColor: '#1A1A1A' }, // yellow, dark text
  D: { fill: '#C0392B', fontColor: '#FFFFFF' }, // red, white text
  E: { fill: '#BFBFBF', fontColor: '#1A1A1A' }, // grey, dark text
  // '-' (実施時期未到来) gets no colour on purpose.
  // points preset: 7 (best) … 1 (worst) on the same ramp.
  '7': { fill: '#1F3A93', fontColor: '#FFFFFF' },
  '6': { fill: '#1B7F3B', fontColor: '#FFFFFF' },
  '5': { fill: '#B8E0B0', fontColor: '#1A1A1A' },
  '4': { fill: '#FFE699', fontColor: '#1A1A1A' },
  '3': { fill: '#F4B183', fontColor: '#1A1A1A' },
  '2': { fill: '#C0392B', fontColor: '#FFFFFF' },
  '1': { fill: '#7B241C', fontColor: '#FFFFFF' },
};

/**
 * Rules the add-in adds carry this marker in their formula. N("…") is 0, so the
 * marker does not change the rule's result, and it survives Excel, Excel on the
 * web, exceljs and LibreOffice round trips (rules have no name or tag we could use).
 */
export const ADDIN_RULE_MARKER = 'N("KPI評価")';

/** The formula of a grade rule, relative to the top-left cell of its range: N("KPI評価")+(G5="Ｓ"). No leading "=". */
export function gradeRuleFormula(topLeftAddress: string, gradeText: string): string {
  const quoted = gradeText.replace(/"/g, '""');
  return `${ADDIN_RULE_MARKER}+(${topLeftAddress}="${quoted}")`;
}

/** True for a conditional-format formula the add-in wrote (with or without leading "="). */
export function isAddinRuleFormula(formula: string | undefined | null): boolean {
  return typeof formula === 'string' && formula.includes(ADDIN_RULE_MARKER);
}

/**
 * The ramp of the builtin grades, best first (S … 1 above): dark blue, green, light green,
 * yellow, orange, red, dark red. A city's own grades take colours from it by rank.
 */
const RAMP: readonly GradeColour[] = [
  GRADE_COLOURS.S!,
  GRADE_COLOURS.A!,
  GRADE_COLOURS.B!,
  GRADE_COLOURS.C!,
  GRADE_COLOURS['3']!,
  GRADE_COLOURS.D!,
  GRADE_COLOURS['1']!,
];

/**
 * Which steps of the ramp a scale of n ranked grades uses. Chosen, not spread evenly, so that
 * neighbours differ in lightness as well as hue (greyscale print, red-green colour blindness):
 * two grades are dark blue and yellow, three dark blue / yellow / red (never green against red,
 * which look alike to most colour-blind readers), four add light green, and so on.
 */
const RAMP_STEPS: readonly (readonly number[])[] = [[], [0], [0, 3], [0, 3, 5], [0, 2, 3, 5], [0, 1, 2, 3, 5], [0, 1, 2, 3, 4, 5], [0, 1, 2, 3, 4, 5, 6]];

/** Grey with dark text, as Ｅ 未着手: a state, not a rank. */
const STATE_GREY: GradeColour = GRADE_COLOURS.E!;
/** Pale blue-grey with dark text: 日本再興戦略 F (the action is the KPI), outside the ranking. */
const OUTSIDE_RANK: GradeColour = { fill: '#DDE3EA', fontColor: '#1A1A1A' };

/**
 * The colours of every grade a rule can give (spec §7). Builtin methods keep their fixed
 * colours; a city scale colours its ranked grades (those the rule reaches by figures, and 完了)
 * by rank along the ramp, its state codes 未着手・中止・評価困難 grey, a qualitative code pale
 * blue-grey, and no colour for "no current value", as － in the builtins.
 */
export function gradeColours(preset: Preset): Readonly<Partial<Record<GradeKey, GradeColour>>> {
  return preset.method === 'scale' ? scaleColours(preset) : GRADE_COLOURS;
}

const scaleMemo = new WeakMap<ScalePreset, Readonly<Partial<Record<GradeKey, GradeColour>>>>();

function scaleColours(p: ScalePreset): Readonly<Partial<Record<GradeKey, GradeColour>>> {
  const known = scaleMemo.get(p);
  if (known) return known;
  const byFigures = new Set<string>([p.otherwise, ...p.steps.map((s) => s.code)]);
  for (const c of [p.met, p.worse?.code, p.survey?.code, p.states?.done]) if (c !== undefined) byFigures.add(c);
  const states = new Set<string>();
  for (const c of [p.states?.notStarted, p.states?.cancelled, p.states?.hardToEvaluate]) if (c !== undefined && !byFigures.has(c)) states.add(c);
  const ranked = p.grades.map((g) => g.code).filter((c) => byFigures.has(c) && c !== p.noCurrent);
  const steps = RAMP_STEPS[Math.min(ranked.length, RAMP_STEPS.length - 1)]!;
  const out: Partial<Record<GradeKey, GradeColour>> = {};
  ranked.forEach((code, i) => {
    // More than seven ranked grades: spread over the whole ramp.
    const step = ranked.length < RAMP_STEPS.length ? steps[i]! : Math.round((i * (RAMP.length - 1)) / (ranked.length - 1));
    out[code] = RAMP[step]!;
  });
  for (const code of states) if (code !== p.noCurrent) out[code] = STATE_GREY;
  if (p.qualitative !== undefined && out[p.qualitative] === undefined && p.qualitative !== p.noCurrent) out[p.qualitative] = OUTSIDE_RANK;
  Object.freeze(out);
  scaleMemo.set(p, out);
  return out;
}

/** The colour rules for the grades a preset can give, in the given text style. */
export function colourRulesFor(
  grades: ReadonlyArray<{ key: GradeKey; text: string }>,
  colours: Readonly<Partial<Record<GradeKey, GradeColour>>> = GRADE_COLOURS,
): GradeColourRule[] {
  const rules: GradeColourRule[] = [];
  for (const { key, text } of grades) {
    const colour = colours[key];
    if (colour) rules.push({ gradeKey: key, gradeText: text, fill: colour.fill, fontColor: colour.fontColor });
  }
  return rules;
}
