/**
 * §7 colour rules on the sheet: one custom rule per grade on each table's grade
 * cells. Ours carry ADDIN_RULE_MARKER in the formula; that is how a later run or
 * undo finds them without ever touching a rule the officer made.
 *
 * Loading `items/custom/rule/formula` fails the whole sync as soon as a sheet also
 * has a format of another type (office-js issue #2180: "This operation is not
 * permitted for the current object"), so we load `customOrNullObject`, which is a
 * null object for the other types.
 */
import { gradeRuleFormula, isAddinRuleFormula } from '../core/colours';
import type { GradeColourRule } from '../core/types';

/** Queues a load of every conditional format on the sheet with its custom formula, if any. */
export function queueSheetRules(sheet: Excel.Worksheet): Excel.ConditionalFormatCollection {
  const formats = sheet.getRange().conditionalFormats;
  formats.load('items/type, items/customOrNullObject/rule/formula');
  return formats;
}

/** After sync: the add-in's own rules among them. */
export function addinRules(formats: Excel.ConditionalFormatCollection): Excel.ConditionalFormat[] {
  return formats.items.filter((f) => !f.customOrNullObject.isNullObject && isAddinRuleFormula(f.customOrNullObject.rule.formula));
}

/** "=N("KPI評価")+(G5="Ｓ")" for the range "G5:G9": relative to the range's top-left cell. */
export function gradeRuleFormulaFor(range: string, rule: GradeColourRule): string {
  const topLeft = (range.split(':')[0] ?? range).replace(/\$/g, '');
  return `=${gradeRuleFormula(topLeft, rule.gradeText)}`;
}

export function queueGradeRule(sheet: Excel.Worksheet, range: string, formula: string, rule: GradeColourRule): void {
  // 'Custom' is Excel.ConditionalFormatType.custom; the string keeps this module free of the Excel global.
  const format = sheet.getRange(range).conditionalFormats.add('Custom');
  format.custom.rule.formula = formula;
  format.custom.format.fill.color = rule.fill;
  format.custom.format.font.color = rule.fontColor;
}
