/**
 * The officer's table readings (src/core/mapping.ts) as a custom XML part: one root element in
 * our namespace, the same JSON as a `--map FILE.json` inside. Pure (no Office.js): the pane's
 * store writes and reads the part through Excel, and the command line can read the part's
 * text out of an .xlsx package (customXml/itemN.xml) with `mappingsFromCustomXml`.
 */
import { mappingFile, parseMappings, type ParseMappingsResult, type TableMapping } from '../core/mapping';
import { unwrapXml, wrapInXml } from './xmlPayload';

export const MAPPING_NAMESPACE = 'urn:kpi-ledger-addin:table-mappings:v1';
export const MAPPING_ROOT = 'kpiTableMappings';

export function mappingsToCustomXml(mappings: readonly TableMapping[]): string {
  return wrapInXml(MAPPING_ROOT, MAPPING_NAMESPACE, { version: '1' }, JSON.stringify(mappingFile(mappings)));
}

/**
 * The mappings in one custom XML part's text, or why they cannot be used (Japanese). A part
 * of another namespace or root is not ours: `undefined`, so a caller looking through every
 * part of a package can pass each one here.
 */
export function mappingsFromCustomXml(xml: string): ParseMappingsResult | undefined {
  const element = unwrapXml(xml);
  if (!element || element.root !== MAPPING_ROOT) return undefined;
  const namespace = element.attributes.xmlns;
  if (namespace !== undefined && namespace !== MAPPING_NAMESPACE) return undefined;
  return parseMappings(element.text);
}
