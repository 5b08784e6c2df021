/**
 * Small .xlsx packages written part by part, for the markup no library writes on
 * demand: phonetic runs, prefixed elements, 1904 dates, chart sheets, implicit
 * cell positions. Parts are given as text; the zip is written by src/xlsx/zip.ts.
 */
import { writeZip } from '../../src/xlsx/zip';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface SheetSpec {
  readonly name: string;
  /** The inside of <sheetData>, or the whole part when `raw`. */
  readonly xml: string;
  readonly raw?: boolean;
  readonly state?: 'hidden' | 'veryHidden';
  readonly chart?: boolean;
}

export function sheetXml(sheetData: string, after = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${sheetData}</sheetData>${after}</worksheet>`;
}

export function buildXlsx(options: {
  sheets: readonly SheetSpec[];
  sharedStrings?: readonly string[];
  /** The inside of <styleSheet>. */
  styles?: string;
  date1904?: boolean;
  extraParts?: Record<string, string | Uint8Array>;
}): Uint8Array {
  const parts: Record<string, string | Uint8Array> = {};
  const overrides: string[] = [];
  const rels: string[] = [];
  const sheets: string[] = [];
  options.sheets.forEach((s, i) => {
    const part = s.chart ? `chartsheets/sheet${i + 1}.xml` : `worksheets/sheet${i + 1}.xml`;
    parts[`xl/${part}`] = s.chart
      ? `<?xml version="1.0" encoding="UTF-8"?><chartsheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>`
      : s.raw
        ? s.xml
        : sheetXml(s.xml);
    const type = s.chart ? 'chartsheet' : 'worksheet';
    overrides.push(`<Override PartName="/xl/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.${type}+xml"/>`);
    rels.push(`<Relationship Id="rId${i + 1}" Type="${REL}/${type}" Target="${part}"/>`);
    sheets.push(`<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`);
  });
  if (options.sharedStrings) {
    parts['xl/sharedStrings.xml'] = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}">${options.sharedStrings.join('')}</sst>`;
    overrides.push('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>');
    rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  }
  parts['xl/styles.xml'] = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}">${options.styles ?? '<cellXfs count="1"><xf numFmtId="0"/></cellXfs>'}</styleSheet>`;
  overrides.push('<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>');
  rels.push(`<Relationship Id="rIdT" Type="${REL}/styles" Target="styles.xml"/>`);
  parts['xl/workbook.xml'] =
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}">` +
    `${options.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${sheets.join('')}</sheets></workbook>`;
  parts['xl/_rels/workbook.xml.rels'] = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`;
  parts['_rels/.rels'] = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  parts['[Content_Types].xml'] =
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    `${overrides.join('')}</Types>`;
  Object.assign(parts, options.extraParts ?? {});
  const encoder = new TextEncoder();
  const order = ['[Content_Types].xml', '_rels/.rels', ...Object.keys(parts).filter((p) => p !== '[Content_Types].xml' && p !== '_rels/.rels')];
  return writeZip(order.map((name) => ({ kind: 'new', name, content: typeof parts[name] === 'string' ? encoder.encode(parts[name] as string) : (parts[name] as Uint8Array) })));
}
