/**
 * Cell notes (legacy comments: xl/commentsN.xml, shown through a VML drawing) of
 * one sheet, read as plain text per cell. Threaded comments (Excel 365) also
 * leave a note here for older readers, so a cell with a thread counts as a cell
 * with the officer's note.
 */
import type { XlsxPackage } from './package';
import { unescapeXstring, walkXml } from './xml';

export const COMMENTS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
export const VML_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing';
export const COMMENTS_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
export const VML_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.vmlDrawing';

/** The sheet's comments part, if it has one. */
export function commentsPartOf(pkg: XlsxPackage, sheetPart: string): string | undefined {
  const rel = pkg.relationships(sheetPart).find((r) => r.type.endsWith('/comments') && r.part !== undefined && pkg.has(r.part));
  return rel?.part;
}

/** Note text by cell address ("G13"), as the officer reads it (author line included). */
function readNotes(xml: string, part: string): Map<string, string> {
  const notes = new Map<string, string>();
  let ref: string | undefined;
  let text = '';
  let inText = false;
  let phonetic = 0;
  walkXml(xml, part, {
    open(name, a) {
      if (name === 'comment') {
        ref = a.ref?.replace(/\$/g, '').toUpperCase();
        text = '';
      } else if (name === 'rPh') phonetic++;
      else if (name === 't' && ref !== undefined && phonetic === 0) inText = true;
    },
    close(name) {
      if (name === 'comment') {
        if (ref !== undefined) notes.set(ref, unescapeXstring(text));
        ref = undefined;
      } else if (name === 'rPh') phonetic--;
      else if (name === 't') inText = false;
    },
    text(t) {
      if (inText) text += t;
    },
  });
  return notes;
}

export function sheetNotes(pkg: XlsxPackage, sheetPart: string): Map<string, string> {
  const part = commentsPartOf(pkg, sheetPart);
  return part ? readNotes(pkg.text(part), part) : new Map();
}
