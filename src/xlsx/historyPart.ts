/**
 * The history part in an .xlsx: customXml/itemN.xml (with its itemProps, as Excel writes custom
 * XML), linked from the workbook part. Reading finds it by its root element and namespace among
 * the workbook's custom XML parts; writing replaces that one part, or adds it (with its
 * relationships and content types) when there is none. Nothing else in the package changes.
 */
import { randomUUID } from 'node:crypto';
import type { History } from '../core/history/model';
import type { HistoryRead } from '../core/history/model';
import { historyFromXml, historyToXml, isHistoryXml } from '../excel/historyPayload';
import type { LoadedWorkbook } from './readWorkbook';

const CUSTOM_XML_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml';
const ITEM_PROPS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps';
const ITEM_PROPS_TYPE = 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml';

/** The zip name of the history part, when the workbook has one. */
export function findHistoryPart(loaded: LoadedWorkbook): string | undefined {
  for (const rel of loaded.pkg.relationships(loaded.info.part)) {
    if (rel.type !== CUSTOM_XML_REL || !rel.part || !loaded.pkg.has(rel.part)) continue;
    if (isHistoryXml(loaded.pkg.text(rel.part))) return rel.part;
  }
  return undefined;
}

export function readHistoryPart(loaded: LoadedWorkbook): HistoryRead {
  const part = findHistoryPart(loaded);
  return part === undefined ? { kind: 'none' } : historyFromXml(loaded.pkg.text(part));
}

export function writeHistoryPart(loaded: LoadedWorkbook, history: History): void {
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n${historyToXml(history)}`;
  const existing = findHistoryPart(loaded);
  if (existing !== undefined) {
    loaded.pkg.replace(existing, xml);
    return;
  }
  const { pkg } = loaded;
  const n = freeItemNumber(loaded);
  const item = `customXml/item${n}.xml`;
  const props = `customXml/itemProps${n}.xml`;
  pkg.add(item, xml, 'application/xml');
  pkg.add(
    props,
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="{${randomUUID().toUpperCase()}}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="urn:kpi-ledger-addin:history:v1"/></ds:schemaRefs></ds:datastoreItem>`,
    ITEM_PROPS_TYPE,
  );
  pkg.addRelationship(item, ITEM_PROPS_REL, props);
  pkg.addRelationship(loaded.info.part, CUSTOM_XML_REL, item);
}

function freeItemNumber(loaded: LoadedWorkbook): number {
  for (let n = 1; ; n++) if (!loaded.pkg.has(`customXml/item${n}.xml`) && !loaded.pkg.has(`customXml/itemProps${n}.xml`)) return n;
}
