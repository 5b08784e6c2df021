/**
 * An OPC package (the parts of an .xlsx) over its zip: parts in, parts out.
 * Reading a part inflates it; replacing or adding one marks only that entry for
 * re-encoding, so everything not touched leaves byte for byte, in the original
 * order. Adding a part also registers its content type, and a relationship from
 * its source part, since a part nobody points to is ignored by Excel.
 */
import { assertZipContainer } from './container';
import { XlsxReadError } from './errors';
import { decodeXml, encodeXml, escapeAttribute, walkXml } from './xml';
import { parseRelationships, relativeTarget, relsPartOf, type Relationship } from './partPaths';
import { entryContent, readZip, writeZip, type NewZipEntry, type ZipArchive, type ZipEntry } from './zip';

export { relativeTarget, resolveTarget, type Relationship } from './partPaths';

const CONTENT_TYPES_PART = '[Content_Types].xml';

export class XlsxPackage {
  private readonly archive: ZipArchive;
  /** Zip entries in order; replaced entries become NewZipEntry in place. */
  private readonly entries: Array<ZipEntry | NewZipEntry>;
  private readonly byName = new Map<string, number>();
  private readonly texts = new Map<string, string>();

  private constructor(archive: ZipArchive) {
    this.archive = archive;
    this.entries = [...archive.entries];
    this.entries.forEach((e, i) => this.byName.set(e.name.toLowerCase(), i));
  }

  /** Reads the container; a file that is not a zip, or is encrypted or .xls, throws XlsxReadError. */
  static read(bytes: Uint8Array): XlsxPackage {
    assertZipContainer(bytes);
    return new XlsxPackage(readZip(bytes));
  }

  /** Part names in package order. */
  partNames(): string[] {
    return this.entries.map((e) => e.name);
  }

  has(part: string): boolean {
    return this.byName.has(part.toLowerCase());
  }

  bytes(part: string): Uint8Array {
    const i = this.byName.get(part.toLowerCase());
    if (i === undefined) throw new XlsxReadError('damaged', `missing part ${part}`);
    const entry = this.entries[i]!;
    return entry.kind === 'new' ? entry.content : entryContent(entry);
  }

  /** The part as text (decoded once, then served from memory). */
  text(part: string): string {
    const key = part.toLowerCase();
    let text = this.texts.get(key);
    if (text === undefined) {
      text = decodeXml(this.bytes(part), part);
      this.texts.set(key, text);
    }
    return text;
  }

  /** Replaces an existing part's content, keeping its place in the package. */
  replace(part: string, content: string | Uint8Array): void {
    const i = this.byName.get(part.toLowerCase());
    if (i === undefined) throw new Error(`XlsxPackage.replace: no part ${part}`);
    const name = this.entries[i]!.name;
    this.entries[i] = { kind: 'new', name, content: typeof content === 'string' ? encodeXml(content) : content };
    if (typeof content === 'string') this.texts.set(part.toLowerCase(), content);
    else this.texts.delete(part.toLowerCase());
  }

  /**
   * Adds a new part at the end, with its content type (an Override in
   * [Content_Types].xml unless a Default for its extension already says the same).
   */
  add(part: string, content: string | Uint8Array, contentType: string): void {
    if (this.has(part)) throw new Error(`XlsxPackage.add: ${part} exists; use replace`);
    this.entries.push({ kind: 'new', name: part, content: typeof content === 'string' ? encodeXml(content) : content });
    this.byName.set(part.toLowerCase(), this.entries.length - 1);
    if (typeof content === 'string') this.texts.set(part.toLowerCase(), content);
    this.registerContentType(part, contentType);
  }

  /** A part name not used yet: "xl/comments{n}.xml" with the lowest free n ≥ 1. */
  freeName(pattern: (n: number) => string): string {
    for (let n = 1; ; n++) if (!this.has(pattern(n))) return pattern(n);
  }

  /** The content type a part has (Override first, then Default by extension). */
  contentType(part: string): string | undefined {
    let override: string | undefined;
    let byDefault: string | undefined;
    const extension = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
    walkXml(this.text(CONTENT_TYPES_PART), CONTENT_TYPES_PART, {
      open(name, a) {
        if (name === 'Override' && a.PartName?.replace(/^\//, '').toLowerCase() === part.toLowerCase()) override = a.ContentType;
        if (name === 'Default' && a.Extension?.toLowerCase() === extension) byDefault = a.ContentType;
      },
    });
    return override ?? byDefault;
  }

  private registerContentType(part: string, contentType: string): void {
    if (this.contentType(part) === contentType) return;
    const xml = this.text(CONTENT_TYPES_PART);
    const end = xml.lastIndexOf('</');
    if (end < 0) throw new XlsxReadError('damaged', `${CONTENT_TYPES_PART}: no end tag`);
    const override = `<Override PartName="/${escapeAttribute(part)}" ContentType="${escapeAttribute(contentType)}"/>`;
    this.replace(CONTENT_TYPES_PART, xml.slice(0, end) + override + xml.slice(end));
  }

  /** Adds a Default content type for an extension (e.g. vml), when none is there. */
  ensureDefaultContentType(extension: string, contentType: string): void {
    let present = false;
    walkXml(this.text(CONTENT_TYPES_PART), CONTENT_TYPES_PART, {
      open(name, a) {
        if (name === 'Default' && a.Extension?.toLowerCase() === extension.toLowerCase()) present = true;
      },
    });
    if (present) return;
    const xml = this.text(CONTENT_TYPES_PART);
    const at = xml.search(/<(\w+:)?(Default|Override)\b/);
    const insertAt = at >= 0 ? at : xml.lastIndexOf('</');
    const entry = `<Default Extension="${escapeAttribute(extension)}" ContentType="${escapeAttribute(contentType)}"/>`;
    this.replace(CONTENT_TYPES_PART, xml.slice(0, insertAt) + entry + xml.slice(insertAt));
  }

  /** The relationships of a part ("" for the package's own). */
  relationships(source: string): Relationship[] {
    const rels = relsPartOf(source);
    if (!this.has(rels)) return [];
    return parseRelationships(this.text(rels), rels, source);
  }

  /** Adds a relationship from `source` to `part`; creates the rels part when there is none. Returns its id. */
  addRelationship(source: string, type: string, part: string): string {
    const rels = relsPartOf(source);
    const taken = new Set(this.relationships(source).map((r) => r.id));
    let n = 1;
    while (taken.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const entry = `<Relationship Id="${id}" Type="${escapeAttribute(type)}" Target="${escapeAttribute(relativeTarget(source, part))}"/>`;
    if (this.has(rels)) {
      const xml = this.text(rels);
      const end = xml.lastIndexOf('</');
      const selfClosed = /<(\w+:)?Relationships\b[^>]*\/>\s*$/.exec(xml);
      if (selfClosed) {
        const open = selfClosed[0].replace(/\/>\s*$/, '>');
        this.replace(rels, xml.slice(0, selfClosed.index) + open + entry + '</Relationships>');
      } else this.replace(rels, xml.slice(0, end) + entry + xml.slice(end));
    } else {
      this.add(
        rels,
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${entry}</Relationships>`,
        'application/vnd.openxmlformats-package.relationships+xml',
      );
    }
    return id;
  }

  /** The package as zip bytes: untouched entries copied, changed and added ones encoded. */
  toBytes(): Uint8Array {
    return writeZip(this.entries, this.archive.comment);
  }
}
