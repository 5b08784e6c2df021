/**
 * §7 colour rules on the sheet: one custom rule per grade on each table's grade
 * cells. Ours carry ADDIN_RULE_MARKER in the formula; that is how a later run or
 * undo finds them without ever touching a rule the officer made.
 *
 * Loading `items/custom/rule/formula` fails the whole sync as soon as a sheet also
 * has a format of another type (office-js issue #2180: "This operation is not
 * permitted for the current object"), so we load `customOrNullObject`, which is a
 * null object for the other types.
 *
 * Loading a sheet's conditional formats can also fail outright when the officer has two
 * cell-value rules on one range, as after duplicating a rule in Manage Rules (office-js issues
 * #6827 and #6835, open). Write and undo load the rules together with their other checks, so one
 * such sheet would fail them all: they then check again without the rules and find the sheets
 * whose rules cannot be read with probeSheetRules, one sync each. Those sheets get no new colour
 * rules (the old ones could not be found to replace), and the officer is told why.
 */
import { gradeRuleFormula, isAddinRuleFormula } from '../core/colours';
import type { GradeColourRule } from '../core/types';
import { BudgetedBatch, estimateBytes } from './chunking';
import { hasExcelCode, isExcelError } from './excelRun';

/** Queues a load of every conditional format on the sheet with its custom formula, if any. */
export function queueSheetRules(sheet: Excel.Worksheet): Excel.ConditionalFormatCollection {
  const formats = sheet.getRange().conditionalFormats;
  formats.load('items/id, items/type, items/customOrNullObject/rule/formula');
  return formats;
}

export interface ProbedRules {
  readonly rules: ReadonlyMap<string, Excel.ConditionalFormatCollection>;
  /** Sheets whose conditional formats Excel failed to load. */
  readonly unreadable: readonly string[];
}

/**
 * Loads each sheet's rules in a sync of its own, so that a sheet whose rules Excel cannot load
 * is known by name and the others are still read. Only for after a batch with the rules failed.
 */
export async function probeSheetRules(context: Excel.RequestContext, sheets: ReadonlyMap<string, Excel.Worksheet>): Promise<ProbedRules> {
  const rules = new Map<string, Excel.ConditionalFormatCollection>();
  const unreadable: string[] = [];
  for (const [name, worksheet] of sheets) {
    const formats = queueSheetRules(worksheet);
    try {
      await context.sync();
      rules.set(name, formats);
    } catch (error) {
      // Excel's own refusal is reported per sheet (rulesUnreadable / rulesNotRemoved); anything
      // else is not what this probe is for.
      if (!hasExcelCode(error)) throw error;
      unreadable.push(name);
    }
  }
  return { rules, unreadable };
}

/** One of the add-in's rules to delete, and the sheet it is on. */
export interface RuleToDelete {
  readonly sheet: string;
  /** Loaded with its id (queueSheetRules). */
  readonly rule: Excel.ConditionalFormat;
}

/**
 * Deletes the add-in's old rules, queued after everything else in a write or an undo but
 * `then` (what must follow them), and flushes. Deleting one of several rules that share a range
 * has failed with ItemNotFound (office-js issue #5222), and the add-in's rules always share one
 * (one per grade). Excel does not roll back, so when that happens everything queued before the
 * refused delete is done and what comes after it is not. Each rule is then deleted again in a
 * sync of its own (one already gone fails the same way), `then` is queued again and sent, the
 * sheets' rules are looked at once more, and the sheets where one of the rules is still there
 * are returned, for the message. Any other failure is thrown.
 */
export async function deleteRulesLast(
  context: Excel.RequestContext,
  batch: BudgetedBatch,
  rules: readonly RuleToDelete[],
  then: (batch: BudgetedBatch) => Promise<void> = async () => {},
): Promise<string[]> {
  try {
    for (const { rule } of rules) await batch.add(estimateBytes.deletion(), () => rule.delete());
    await then(batch);
    await batch.flush();
    return [];
  } catch (error) {
    if (!isRuleDeleteRefusal(error)) throw error;
  }
  for (const { rule } of rules) {
    rule.delete();
    try {
      await context.sync();
    } catch (error) {
      if (!isRuleDeleteRefusal(error)) throw error;
    }
  }
  const rest = new BudgetedBatch(context);
  await then(rest);
  await rest.flush();
  const sheets = [...new Set(rules.map((r) => r.sheet))];
  const now = sheets.map((name) => {
    const formats = context.workbook.worksheets.getItem(name).getRange().conditionalFormats;
    formats.load('items/id');
    return formats;
  });
  await context.sync();
  return sheets.filter((name, i) => {
    const ids = new Set(now[i]!.items.map((f) => f.id));
    return rules.some((r) => r.sheet === name && ids.has(r.rule.id));
  });
}

/** ItemNotFound from a conditional format (Office.js names the failing call in debugInfo.errorLocation). */
function isRuleDeleteRefusal(error: unknown): boolean {
  if (!isExcelError(error, 'ItemNotFound')) return false;
  const location = (error as { debugInfo?: { errorLocation?: unknown } }).debugInfo?.errorLocation;
  return typeof location === 'string' && location.startsWith('ConditionalFormat');
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
