/**
 * The officer's table readings travel with the workbook, beside the grading rule
 * (presetStore.ts, whose pattern this follows): one custom XML part in our namespace, replaced
 * whole on every save. What is loaded is checked with parseMappings: a damaged or hand-edited
 * part gives no mappings (the pane reads by detection alone) and the reasons go to
 * `onInvalid`, never a crash.
 */
import type { TableMapping } from '../core/mapping';
import { mappingProblems } from '../core/mapping';
import { HostError } from './errors';
import { readNewestPartXml, replacePartXml } from './customXmlPart';
import type { ExcelRun } from './excelRun';
import { MAPPING_NAMESPACE, mappingsFromCustomXml, mappingsToCustomXml } from './mappingPart';

export async function loadMappings(run: ExcelRun, onInvalid?: (errors: readonly string[]) => void): Promise<TableMapping[]> {
  const xml = await readNewestPartXml(run, MAPPING_NAMESPACE, 'mappingLoadFailed');
  if (xml === undefined) return [];
  const parsed = mappingsFromCustomXml(xml);
  if (!parsed) {
    onInvalid?.(['保存された表の読み方の形式が正しくありません。']);
    return [];
  }
  if (!parsed.ok) {
    onInvalid?.(parsed.errors);
    return [];
  }
  return [...parsed.mappings];
}

export async function saveMappings(run: ExcelRun, mappings: readonly TableMapping[]): Promise<void> {
  const errors = mappings.flatMap((m) => mappingProblems(m).map((e) => `「${m.sheet}」シート ${m.range}: ${e}`));
  if (errors.length > 0) throw new HostError('mappingInvalid', { detail: errors.join(' ') });
  const xml = mappingsToCustomXml(mappings);
  await replacePartXml(run, MAPPING_NAMESPACE, xml, 'mappingSaveFailed');
}
