/**
 * Writes reason notes on one sheet: the comments part (the text) and the VML
 * drawing (the yellow box Excel shows), both edited in place when the sheet has
 * them and added, with their relationships and content types, when it does not.
 * The add-in's own earlier note on a cell has its text replaced; the officer's
 * notes are never reached here (the decision in core keeps them out).
 */
import { parseCellAddress } from '../core/grid';
import { COMMENTS_CONTENT_TYPE, COMMENTS_REL, VML_CONTENT_TYPE, VML_REL, commentsPartOf } from './comments';
import type { XlsxPackage } from './package';
import { applySplices, rootPrefix, type Splice } from './splice';
import { escapeXstring, walkXml } from './xml';

/** The author the add-in's notes carry. */
const NOTE_AUTHOR = 'KPI評価';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

export interface NoteText {
  readonly address: string;
  readonly text: string;
}

function textElement(p: string, text: string): string {
  return `<${p}text><${p}r><${p}t xml:space="preserve">${escapeXstring(text)}</${p}t></${p}r></${p}text>`;
}

interface CommentsOutline {
  readonly authors: string[];
  authorsSpan?: { start: number; openEnd: number; end: number; selfClosing: boolean };
  listSpan?: { start: number; openEnd: number; end: number; selfClosing: boolean };
  /** For each comment, the span of its <text> element. */
  readonly texts: Map<string, { start: number; end: number }>;
  rootCloseStart: number;
}

function outlineComments(xml: string, part: string): CommentsOutline {
  const o: CommentsOutline = { authors: [], texts: new Map(), rootCloseStart: -1 };
  let depth = 0;
  let author: string | undefined;
  let ref: string | undefined;
  let textStart = -1;
  walkXml(xml, part, {
    open(name, a, selfClosing, start, end) {
      depth++;
      if (depth === 2 && name === 'authors') o.authorsSpan = { start, openEnd: end, end, selfClosing };
      else if (depth === 2 && name === 'commentList') o.listSpan = { start, openEnd: end, end, selfClosing };
      else if (depth === 3 && name === 'author') author = '';
      else if (depth === 3 && name === 'comment') ref = a.ref?.replace(/\$/g, '').toUpperCase();
      else if (depth === 4 && name === 'text' && ref !== undefined) textStart = start;
    },
    close(name, end) {
      if (depth === 1) o.rootCloseStart = xml.lastIndexOf('<', end - 1);
      else if (depth === 2 && name === 'authors' && o.authorsSpan) o.authorsSpan.end = end;
      else if (depth === 2 && name === 'commentList' && o.listSpan) o.listSpan.end = end;
      else if (depth === 3 && name === 'author') {
        o.authors.push(author ?? '');
        author = undefined;
      } else if (depth === 4 && name === 'text' && ref !== undefined && textStart >= 0) {
        o.texts.set(ref, { start: textStart, end });
        textStart = -1;
      } else if (depth === 3 && name === 'comment') ref = undefined;
      depth--;
    },
    text(t) {
      if (author !== undefined) author += t;
    },
  });
  return o;
}

/** Appends `inner` at the end of an element's content, opening a self-closed one. */
function appendInside(xml: string, span: { start: number; openEnd: number; end: number; selfClosing: boolean }, inner: string, closeTag: string): Splice[] {
  if (span.selfClosing) {
    const open = xml.slice(span.start, span.openEnd).replace(/\s*\/>$/, '>');
    return [{ start: span.start, end: span.openEnd, text: `${open}${inner}${closeTag}` }];
  }
  const at = xml.lastIndexOf('<', span.end - 1);
  return [{ start: at, end: at, text: inner }];
}

function patchComments(xml: string, part: string, notes: readonly NoteText[]): { xml: string; added: NoteText[] } {
  const o = outlineComments(xml, part);
  const p = rootPrefix(xml, 'comments');
  const splices: Splice[] = [];
  const added: NoteText[] = [];
  for (const note of notes) {
    const span = o.texts.get(note.address);
    if (span) splices.push({ start: span.start, end: span.end, text: textElement(p, note.text) });
    else added.push(note);
  }
  if (added.length > 0) {
    let authorId = o.authors.indexOf(NOTE_AUTHOR);
    if (authorId < 0) {
      authorId = o.authors.length;
      const author = `<${p}author>${NOTE_AUTHOR}</${p}author>`;
      if (o.authorsSpan) splices.push(...appendInside(xml, o.authorsSpan, author, `</${p}authors>`));
      else {
        const at = o.listSpan?.start ?? o.rootCloseStart;
        splices.push({ start: at, end: at, text: `<${p}authors>${author}</${p}authors>` });
      }
    }
    const comments = added.map((n) => `<${p}comment ref="${n.address}" authorId="${authorId}">${textElement(p, n.text)}</${p}comment>`).join('');
    if (o.listSpan) splices.push(...appendInside(xml, o.listSpan, comments, `</${p}commentList>`));
    else splices.push({ start: o.rootCloseStart, end: o.rootCloseStart, text: `<${p}commentList>${comments}</${p}commentList>` });
  }
  return { xml: applySplices(xml, splices), added };
}

function newCommentsPart(notes: readonly NoteText[]): string {
  const comments = notes.map((n) => `<comment ref="${n.address}" authorId="0">${textElement('', n.text)}</comment>`).join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<comments xmlns="${MAIN_NS}"><authors><author>${NOTE_AUTHOR}</author></authors><commentList>${comments}</commentList></comments>`
  );
}

const SHAPE_TYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

/** The note box of one cell, anchored next to it and hidden until hovered, as Excel draws it. */
function noteShape(id: number, address: string): string {
  const at = parseCellAddress(address)!;
  const anchor = `${at.col + 1}, 15, ${Math.max(0, at.row - 1)}, 10, ${at.col + 3}, 15, ${at.row + 3}, 4`;
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill>` +
    `<x:Row>${at.row}</x:Row><x:Column>${at.col}</x:Column></x:ClientData></v:shape>`
  );
}

/**
 * Shape ids are unique across the workbook's drawings: the next free one after
 * every id in use. VML is not always UTF-8 (nor well-formed XML), so it is only
 * searched, never parsed.
 */
function nextShapeId(pkg: XlsxPackage): number {
  let max = 1024;
  for (const name of pkg.partNames()) {
    if (!name.toLowerCase().endsWith('.vml')) continue;
    for (const m of Buffer.from(pkg.bytes(name)).toString('latin1').matchAll(/_x0000_s(\d+)/g)) max = Math.max(max, Number(m[1]));
  }
  return max + 1;
}

function newVmlPart(firstId: number, notes: readonly NoteText[]): string {
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${Math.floor(firstId / 1024)}"/></o:shapelayout>` +
    SHAPE_TYPE +
    notes.map((n, i) => noteShape(firstId + i, n.address)).join('') +
    '</xml>'
  );
}

/**
 * Writes `notes` on the sheet. Returns the relationship id of a VML drawing the
 * sheet must now point to with <legacyDrawing>, when one was added.
 */
export function writeNotes(pkg: XlsxPackage, sheetPart: string, vmlRelId: string | undefined, notes: readonly NoteText[]): { legacyDrawingRelId?: string } {
  if (notes.length === 0) return {};
  let added: readonly NoteText[];
  const commentsPart = commentsPartOf(pkg, sheetPart);
  if (commentsPart) {
    const patched = patchComments(pkg.text(commentsPart), commentsPart, notes);
    pkg.replace(commentsPart, patched.xml);
    added = patched.added;
  } else {
    const part = pkg.freeName((n) => `xl/comments${n}.xml`);
    pkg.add(part, newCommentsPart(notes), COMMENTS_CONTENT_TYPE);
    pkg.addRelationship(sheetPart, COMMENTS_REL, part);
    added = notes;
  }
  if (added.length === 0) return {};

  const firstId = nextShapeId(pkg);
  const vmlPart = vmlRelId !== undefined ? pkg.relationships(sheetPart).find((r) => r.id === vmlRelId)?.part : undefined;
  if (vmlPart && pkg.has(vmlPart)) {
    const xml = pkg.text(vmlPart);
    const close = xml.lastIndexOf('</xml>');
    if (close < 0) throw new Error(`writeNotes: ${vmlPart} has no </xml>`);
    const shapeType = xml.includes('id="_x0000_t202"') ? '' : SHAPE_TYPE;
    const shapes = shapeType + added.map((n, i) => noteShape(firstId + i, n.address)).join('');
    pkg.replace(vmlPart, xml.slice(0, close) + shapes + xml.slice(close));
    return {};
  }
  const part = pkg.freeName((n) => `xl/drawings/vmlDrawing${n}.vml`);
  pkg.ensureDefaultContentType('vml', VML_CONTENT_TYPE);
  pkg.add(part, newVmlPart(firstId, added), VML_CONTENT_TYPE);
  return { legacyDrawingRelId: pkg.addRelationship(sheetPart, VML_REL, part) };
}
