/**
 * The grading rule travels with the workbook (spec §6) as a custom XML part in
 * our namespace, JSON inside. Custom XML rather than Excel's settings: settings
 * belong to one add-in id, a part belongs to the workbook, so the rule survives a
 * change of manifest and the command line can read it from the .xlsx too.
 * What is loaded is checked with parsePreset: a damaged or hand-edited rule gives
 * `undefined` (the pane falls back to the default) and the reasons go to
 * `onInvalid`, never a crash.
 */
import { parsePreset } from '../core/presets';
import type { Preset } from '../core/types';
import { HostError } from './errors';
import { readNewestPartXml, replacePartXml } from './customXmlPart';
import type { ExcelRun } from './excelRun';
import { unwrapXml, wrapInXml } from './xmlPayload';

export const RULE_NAMESPACE = 'urn:kpi-ledger-addin:rule:v1';
const ROOT = 'kpiRule';

export async function loadPreset(run: ExcelRun, onInvalid?: (errors: readonly string[]) => void): Promise<Preset | undefined> {
  const xml = await readNewestPartXml(run, RULE_NAMESPACE, 'presetLoadFailed');
  if (xml === undefined) return undefined;
  const element = unwrapXml(xml);
  if (!element || element.root !== ROOT) {
    onInvalid?.(['保存された評価ルールの形式が正しくありません。']);
    return undefined;
  }
  const parsed = parsePreset(element.text);
  if (!parsed.ok) {
    onInvalid?.(parsed.errors);
    return undefined;
  }
  return parsed.preset;
}

export async function savePreset(run: ExcelRun, preset: Preset): Promise<void> {
  const checked = parsePreset(preset);
  if (!checked.ok) throw new HostError('presetInvalid', { detail: checked.errors.join(' ') });
  const xml = wrapInXml(ROOT, RULE_NAMESPACE, { version: '1' }, JSON.stringify(checked.preset));
  await replacePartXml(run, RULE_NAMESPACE, xml, 'presetSaveFailed');
}

/**
 * After a rule is saved, =KPI.GRADE cells still show grades under the old rule:
 * custom functions are not dirty, so only a full calculation re-runs them.
 */
export async function recalculateWorkbook(run: ExcelRun): Promise<void> {
  try {
    await run(async (context) => {
      // The string form: the Excel global's enums exist only inside Office.
      context.workbook.application.calculate('Full');
      await context.sync();
    });
  } catch (error) {
    throw HostError.from('recalcFailed', error);
  }
}
