/**
 * The worksheets of an .xlsx, read in a browser: what 「他のブックから取り込む」 needs to know of
 * a file before Excel inserts its sheets (their names, to choose names for them in the open
 * workbook, and that the file is a workbook at all). Only three small parts are inflated —
 * the package's relationships, the workbook part and its relationships — through the
 * inflate the caller gives (the pane's is the browser's DecompressionStream; tests give
 * node:zlib's), and read by the same code as the command line's reader
 * (`readWorkbookInfo`), so both list the same worksheets (tests/xlsx/bookOutline.test.ts).
 *
 * A file that is not a workbook throws XlsxReadError with the same kinds as the command
 * line (`encrypted` for a password to open, `legacyXls`, `notZip`, `notWorkbook`, `damaged`).
 */
import { assertZipContainer } from './container';
import { XlsxReadError } from './errors';
import { parseRelationships, relsPartOf, type Relationship } from './partPaths';
import { readWorkbookInfo, type PartReader } from './workbookPart';
import { decodeXml } from './xml';
import { METHOD_DEFLATED, METHOD_STORED, readZip, type ZipEntry } from './zipDirectory';

/** Raw deflate (zip method 8) to bytes. */
export type InflateRaw = (data: Uint8Array) => Promise<Uint8Array>;

export interface BookOutline {
  /** The worksheets, in tab order (chart and macro sheets left out: they have no cells). */
  readonly worksheets: readonly string[];
}

/** Is this relationship the package's main document? (transitional and strict types end alike) */
const isOfficeDocument = (r: Relationship) => r.type.endsWith('/officeDocument') && r.part !== undefined;

export async function readBookOutline(bytes: Uint8Array, inflateRaw: InflateRaw): Promise<BookOutline> {
  assertZipContainer(bytes);
  const entries = new Map<string, ZipEntry>(readZip(bytes).entries.map((e) => [e.name.toLowerCase(), e]));
  const texts = new Map<string, string>();

  const load = async (part: string): Promise<void> => {
    const entry = entries.get(part.toLowerCase());
    if (!entry || texts.has(part.toLowerCase())) return;
    let content: Uint8Array;
    if (entry.method === METHOD_STORED) content = entry.data;
    else if (entry.method === METHOD_DEFLATED) {
      try {
        content = await inflateRaw(entry.data);
      } catch (error) {
        throw new XlsxReadError('damaged', `${entry.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    } else throw new XlsxReadError('unsupported', `compression method ${entry.method} in ${entry.name}`);
    texts.set(part.toLowerCase(), decodeXml(content, entry.name));
  };

  const reader: PartReader = {
    has: (part) => entries.has(part.toLowerCase()),
    text: (part) => {
      const text = texts.get(part.toLowerCase());
      if (text === undefined) throw new XlsxReadError('damaged', `missing part ${part}`);
      return text;
    },
    relationships: (source) => {
      const rels = relsPartOf(source);
      const text = texts.get(rels.toLowerCase());
      return text === undefined ? [] : parseRelationships(text, rels, source);
    },
  };

  await load(relsPartOf(''));
  const main = reader.relationships('').find(isOfficeDocument)?.part;
  if (main !== undefined) await Promise.all([load(main), load(relsPartOf(main))]);
  const info = readWorkbookInfo(reader);
  return { worksheets: info.sheets.filter((s) => s.kind === 'worksheet' && reader.has(s.part)).map((s) => s.name) };
}
