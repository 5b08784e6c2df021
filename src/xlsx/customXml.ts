/**
 * The workbook's custom XML parts (customXml/itemN.xml, linked from the workbook part), where
 * the add-in keeps what travels with the workbook: the saved rule, the officer's table
 * readings, the history. Each reader asks for the texts and picks its own by root element and
 * namespace; a part that is not XML text is skipped, not fatal.
 */
import type { LoadedWorkbook } from './readWorkbook';

export const CUSTOM_XML_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml';

/** Each custom XML part of the workbook: its zip name and text, in relationship order. */
export function workbookCustomXml(loaded: LoadedWorkbook): Array<{ part: string; text: string }> {
  const parts: Array<{ part: string; text: string }> = [];
  for (const rel of loaded.pkg.relationships(loaded.info.part)) {
    if (rel.type !== CUSTOM_XML_REL || !rel.part || !loaded.pkg.has(rel.part)) continue;
    let text: string;
    try {
      text = loaded.pkg.text(rel.part);
    } catch {
      // Not text we can decode (a binary item some other tool stored): it cannot be ours.
      continue;
    }
    parts.push({ part: rel.part, text });
  }
  return parts;
}
