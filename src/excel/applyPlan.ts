/**
 * §8 carrying out a write plan without losing anything:
 *  (a) check the workbook as it is now (planCheck.ts);
 *  (b) save the undo snapshot first, replacing the previous one, so that whatever
 *      happens next can be undone, also after reopening the workbook;
 *  (c) write the grades, add one colour rule per grade per table, add notes;
 *  (d) remove the add-in's previous colour rules on the sheets being coloured
 *      (never a rule the officer made), last, since Excel may refuse (conditionalFormats.ts).
 * (b)–(d) share one request unless the plan is big enough to need more (chunking.ts),
 * so a normal plan costs two syncs: check, then write.
 */
import { NO_CONSENT, type WriteConsent } from '../core/decide';
import type { WritePlan } from '../core/types';
import { textInput } from './cellInput';
import { columnRuns, runAddress, singleCellRuns } from './cellRuns';
import { BudgetedBatch, estimateBytes } from './chunking';
import { deleteRulesLast, gradeRuleFormulaFor, queueGradeRule } from './conditionalFormats';
import { HostError } from './errors';
import type { ExcelRun } from './excelRun';
import type { ApplyReport } from '../core/host';
import { noteContent } from '../core/notes';
import { makeProblem } from '../core/problems';
import { checkPlan, decide, type Decision } from './planCheck';
import { isEmptySnapshot, snapshotToParts, type UndoSnapshot } from './undoSnapshot';

export interface ApplyDeps {
  readonly notesSupported: () => boolean;
  readonly now?: () => Date;
  readonly snapshotId?: () => string;
}

export async function applyPlan(run: ExcelRun, plan: WritePlan, deps: ApplyDeps, consent: WriteConsent = NO_CONSENT): Promise<ApplyReport> {
  const notesSupported = plan.notes.length > 0 && deps.notesSupported();
  return run(async (context) => {
    let decision: Decision;
    let previousParts: Excel.CustomXmlPart[];
    try {
      const check = await checkPlan(context, plan, notesSupported);
      decision = decide(plan, check, notesSupported, consent);
      previousParts = check.undoParts.items;
    } catch (error) {
      throw HostError.from('checkFailed', error);
    }
    const skipped = decision.problems;
    const snapshot = snapshotOf(decision, (deps.now ?? (() => new Date()))());
    if (isEmptySnapshot(snapshot)) return { written: 0, notes: 0, rules: 0, skipped }; // keep the previous undo
    try {
      const { rules, oldRulesKept } = await write(context, decision, snapshot, previousParts, (deps.snapshotId ?? randomId)());
      const kept = oldRulesKept.map((sheet) =>
        makeProblem('oldRulesKept', sheet, decision.formats.find((f) => f.sheet === sheet)?.range ?? 'A1'),
      );
      return { written: decision.writes.length, notes: decision.notes.length, rules, skipped: [...skipped, ...kept] };
    } catch (error) {
      throw HostError.from('writeFailed', error);
    }
  });
}

function snapshotOf(decision: Decision, now: Date): UndoSnapshot {
  return {
    version: 1,
    takenAt: now.toISOString(),
    cells: decision.writes.map((w) => ({
      sheet: w.sheet,
      address: w.address,
      row: w.row,
      col: w.col,
      value: w.now.value,
      ...(w.now.formula !== undefined ? { formula: w.now.formula } : {}),
      ...(w.alone ? { alone: true } : {}),
    })),
    rules: decision.formats.flatMap((f) => f.rules.map((r) => ({ sheet: f.sheet, range: f.range, formula: gradeRuleFormulaFor(f.range, r) }))),
    notes: decision.notes.map((n) => ({
      sheet: n.note.sheet,
      address: n.note.address,
      ...(n.replaces ? { before: n.replaces.before } : {}),
    })),
  };
}

/** (b)–(d) in order, chunked by request size: the rules added, and the sheets whose old rules Excel kept. */
async function write(
  context: Excel.RequestContext,
  decision: Decision,
  snapshot: UndoSnapshot,
  previousParts: readonly Excel.CustomXmlPart[],
  snapshotId: string,
): Promise<{ rules: number; oldRulesKept: string[] }> {
  const batch = new BudgetedBatch(context);
  const sheet = (name: string): Excel.Worksheet => context.workbook.worksheets.getItem(name);

  for (const part of previousParts) await batch.add(estimateBytes.deletion(), () => part.delete());
  for (const xml of snapshotToParts(snapshot, snapshotId)) {
    await batch.add(estimateBytes.xmlPart(xml), () => {
      context.workbook.customXmlParts.add(xml);
    });
  }

  const runs = [...columnRuns(decision.writes.filter((w) => !w.alone)), ...singleCellRuns(decision.writes.filter((w) => w.alone))];
  for (const run of runs) {
    const address = runAddress(run);
    const values = run.items.map((w) => [textInput(w.after)]);
    const worksheet = sheet(run.sheet);
    await batch.add(estimateBytes.rangeWrite(run.sheet, address, values), () => {
      worksheet.getRange(address).values = values;
    });
  }

  let rules = 0;
  for (const format of decision.formats) {
    const worksheet = sheet(format.sheet);
    for (const rule of format.rules) {
      const formula = gradeRuleFormulaFor(format.range, rule);
      await batch.add(estimateBytes.rule(format.sheet, format.range, formula, rule.fill, rule.fontColor), () =>
        queueGradeRule(worksheet, format.range, formula, rule),
      );
      rules += 1;
    }
  }

  for (const { note, replaces } of decision.notes) {
    const content = noteContent(note.text);
    const worksheet = sheet(note.sheet);
    await batch.add(estimateBytes.note(note.sheet, note.address, content), () => {
      if (replaces) replaces.note.content = content;
      else worksheet.notes.add(note.address, content);
    });
  }
  const oldRulesKept = await deleteRulesLast(context, batch, decision.oldRules);
  return { rules, oldRulesKept };
}

function randomId(): string {
  const c = globalThis.crypto;
  return typeof c?.randomUUID === 'function' ? c.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
