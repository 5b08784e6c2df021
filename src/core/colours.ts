/**
 * §7 colours: one conditional-format rule per grade on the grade cells, so that a
 * grade typed later is coloured too. Palette chosen to stay distinguishable for
 * the common colour-vision deficiencies and in greyscale print: the grades step
 * from dark blue through greens and yellow to red-orange with distinct lightness,
 * and the text colour is dark wherever the fill is light.
 */
import type { GradeKey, GradeColourRule } from './types';

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

/** The colour rules for the grades a preset can give, in the given text style. */
export function colourRulesFor(grades: ReadonlyArray<{ key: GradeKey; text: string }>): GradeColourRule[] {
  const rules: GradeColourRule[] = [];
  for (const { key, text } of grades) {
    const colour = GRADE_COLOURS[key];
    if (colour) rules.push({ gradeKey: key, gradeText: text, fill: colour.fill, fontColor: colour.fontColor });
  }
  return rules;
}
