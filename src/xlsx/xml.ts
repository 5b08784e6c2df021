/**
 * XML through saxes (a strict, streaming parser: malformed parts are reported,
 * never guessed at), with the source offsets the patcher needs to splice a part
 * without reformatting anything around the change. Element and attribute names
 * are handled by local name, so prefixed markup (`<x:c>` as some generators
 * write) reads the same as the usual default namespace.
 */
import { SaxesParser } from 'saxes';
import { XlsxReadError } from './errors';

export type XmlAttributes = Readonly<Record<string, string>>;

export interface XmlHandlers {
  /** `start` is the offset of the tag's "<", `end` the offset just past its ">". */
  open?(name: string, attributes: XmlAttributes, selfClosing: boolean, start: number, end: number): void;
  /** `end` is the offset just past the end tag's ">" (or the self-closing tag's). */
  close?(name: string, end: number): void;
  text?(text: string): void;
}

/** "x:c" → "c". */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** The attribute with this local name, whatever its prefix ("r:id", "id"). */
export function attribute(attributes: XmlAttributes, local: string): string | undefined {
  const plain = attributes[local];
  if (plain !== undefined) return plain;
  for (const key in attributes) if (localName(key) === local && key !== local) return attributes[key];
  return undefined;
}

/** Walks `xml`, the text of `part`; a malformed part throws XlsxReadError('damaged'). */
export function walkXml(xml: string, part: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ position: true });
  let tagStart = 0;
  parser.on('error', (error) => {
    throw new XlsxReadError('damaged', `${part}: ${error.message}`);
  });
  if (handlers.open) {
    const open = handlers.open;
    // saxes reports positions after it has read a tag's name; the tag began at the "<" before it.
    parser.on('opentagstart', () => {
      tagStart = xml.lastIndexOf('<', parser.position - 1);
    });
    parser.on('opentag', (tag) => open(localName(tag.name), tag.attributes as XmlAttributes, tag.isSelfClosing, tagStart, parser.position));
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on('closetag', (tag) => close(localName(tag.name), parser.position));
  }
  if (handlers.text) parser.on('text', handlers.text);
  if (handlers.text) parser.on('cdata', handlers.text);
  parser.write(xml).close();
}

const decoder = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true });
const encoder = new TextEncoder();

/** A part's text; a byte-order mark is kept so that encoding the text again gives the same bytes. */
export function decodeXml(bytes: Uint8Array, part: string): string {
  try {
    return decoder.decode(bytes);
  } catch {
    // A part that is not UTF-8 cannot be spliced safely; say which one.
    throw new XlsxReadError('damaged', `${part}: not UTF-8`);
  }
}

export function encodeXml(text: string): Uint8Array {
  return encoder.encode(text);
}

export function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

/**
 * Text for an OOXML string (ST_Xstring): characters XML 1.0 cannot carry, and a
 * literal "_x" followed by four hex digits and "_", are written as _xHHHH_ escapes.
 */
export function escapeXstring(text: string): string {
  return escapeText(
    text
      .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`),
  );
}

/** The reverse of escapeXstring, for text read from cells and shared strings. */
export function unescapeXstring(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
