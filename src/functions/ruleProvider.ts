/**
 * The grading rule =KPI.GRADE uses when no preset is given: the rule saved with the workbook,
 * else `standard`; and the grade style of the workbook (Ｓ or S).
 *
 * The functions run in the shared runtime with the task pane, so both read the same saved rule
 * through the same LedgerHost.loadPreset (src/excel is the only place that calls Excel.run).
 * Reading it costs a round trip to Excel, and a column of =KPI.GRADE makes hundreds of calls
 * when the workbook opens, so the rule is read once and cached. The cache only goes stale when
 * the rule changes, which happens in the task pane; the pane then calls refreshWorkbookRule —
 * and, since Excel does not recalculate a formula whose arguments did not change, asks Excel for
 * a full recalculation so that cells already showing a grade follow the new rule.
 *
 * Until a source is connected (the command line, tests, or the moments before the runtime
 * wires it up) the rule is `standard` and the style full-width, the engine's defaults.
 */
import { BUILTIN_PRESETS } from '../core/presets';
import type { GradeStyle } from '../core/gradeText';
import type { Preset } from '../core/types';
import type { GradeContext } from './kpiCells';

/** Where the saved rule comes from: a LedgerHost fits as it is. */
export interface WorkbookRuleSource {
  loadPreset(): Promise<Preset | undefined>;
}

let source: WorkbookRuleSource | undefined;
let cached: Promise<Preset> | undefined;
let gradeStyle: GradeStyle = 'full';

/** Connects the workbook's saved rule; forgets any rule read before. */
export function connectWorkbookRule(next: WorkbookRuleSource | undefined): void {
  source = next;
  cached = undefined;
}

/**
 * Tells the functions the rule or style changed. With `preset` (the rule just saved) no
 * round trip is needed; without it the rule is read again on the next call. `gradeStyle` is
 * the style the workbook's grade columns use, as the task pane found it when evaluating.
 */
export function refreshWorkbookRule(update: { readonly preset?: Preset; readonly gradeStyle?: GradeStyle } = {}): void {
  cached = update.preset ? Promise.resolve(update.preset) : undefined;
  if (update.gradeStyle) gradeStyle = update.gradeStyle;
}

/**
 * The rule saved with the workbook, else `standard`. A failed read is not cached (the next
 * call tries again) and is not papered over with `standard`: a grade by the wrong rule looks
 * just like a right one, so the caller shows the failure instead.
 */
export function workbookRule(): Promise<Preset> {
  if (!source) return Promise.resolve(BUILTIN_PRESETS.standard);
  if (!cached) {
    const loading = source.loadPreset().then(
      (preset) => preset ?? BUILTIN_PRESETS.standard,
      (e: unknown) => {
        if (cached === loading) cached = undefined;
        throw e;
      },
    );
    cached = loading;
  }
  return cached;
}

/** Ｓ (full-width, as in the official reports and the engine's default) or S. */
export function workbookGradeStyle(): GradeStyle {
  return gradeStyle;
}

/**
 * What =KPI.GRADE needs besides its arguments, read once per call (the rule itself is cached).
 * A failed read does not fail the call: cells that name a built-in preset still get a grade,
 * and only the cells that rely on the saved rule show why it could not be read.
 */
export async function loadGradeContext(): Promise<GradeContext> {
  const style = workbookGradeStyle();
  try {
    return { saved: await workbookRule(), style };
  } catch (e) {
    return { saved: undefined, savedError: e instanceof Error ? e.message : String(e), style };
  }
}
