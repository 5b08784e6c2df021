/**
 * Cell formats (<cellXfs>, with the <numFmts>, <fonts> and <fills> they point at) added to
 * styles.xml for the sheets the add-in writes (the 「KPI評価集計」 sheet of `--summary`).
 * Existing entries are never changed or reordered: an entry identical to one already there is
 * reused by index, new ones are appended and the collection's count updated, so the indexes
 * every existing cell points at stay valid. Nothing else in styles.xml is touched.
 */
import { applySplices, rootPrefix, type Splice } from './splice';
import { escapeAttribute, walkXml } from './xml';

/** CT_Stylesheet's children in schema order: where a missing collection goes. */
const STYLESHEET_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

/** What a new cell format asks for; colours as ARGB ("FF1F3A93"). */
export interface CellFormatRequest {
  /** A number format code ("0.0%"); none: General. */
  readonly numberFormat?: string;
  readonly fontColour?: string;
  readonly bold?: boolean;
  readonly fillColour?: string;
  readonly horizontal?: 'center' | 'left' | 'right';
}

interface Collection {
  readonly start: number;
  readonly openEnd: number;
  end: number;
  readonly selfClosing: boolean;
  readonly children: string[];
}

interface Scan {
  readonly collections: Map<string, Collection>;
  /** Offset of each top-level child's "<", by name (first only). */
  readonly topStarts: Map<string, number>;
  readonly rootCloseStart: number;
  readonly numFmts: { id: number; code: string }[];
  /** The first font's size and name: new fonts look like the workbook's default text. */
  readonly defaultFont: { size?: string; name?: string };
}

function scan(xml: string, part: string): Scan {
  const collections = new Map<string, Collection>();
  const topStarts = new Map<string, number>();
  const numFmts: { id: number; code: string }[] = [];
  const defaultFont: { size?: string; name?: string } = {};
  let depth = 0;
  let current: Collection | undefined;
  let childStart = -1;
  let rootCloseStart = -1;
  let fontIndex = -1;
  walkXml(xml, part, {
    open(name, a, selfClosing, start, end) {
      depth++;
      if (depth === 2) {
        if (!topStarts.has(name)) topStarts.set(name, start);
        current = { start, openEnd: end, end, selfClosing, children: [] };
        if (!collections.has(name)) collections.set(name, current);
        else current = undefined; // a second collection of the same name: not ours to guess at
      } else if (depth === 3 && current) {
        childStart = start;
        if (name === 'numFmt' && a.numFmtId !== undefined && a.formatCode !== undefined) numFmts.push({ id: Number(a.numFmtId), code: a.formatCode });
        if (name === 'font') fontIndex++;
      } else if (depth === 4 && current === collections.get('fonts') && fontIndex === 0) {
        if (name === 'sz' && a.val !== undefined) defaultFont.size = a.val;
        if (name === 'name' && a.val !== undefined) defaultFont.name = a.val;
      }
    },
    close(_name, end) {
      if (depth === 3 && current) current.children.push(xml.slice(childStart, end));
      else if (depth === 2 && current) current.end = end;
      else if (depth === 1) rootCloseStart = xml.lastIndexOf('<', end - 1);
      depth--;
    },
  });
  return { collections, topStarts, rootCloseStart, numFmts, defaultFont };
}

/** Appends children to one collection (creating it in schema order when absent); returns each wanted child's index. */
function plan(xml: string, s: Scan, prefix: string, name: string, wanted: readonly string[], splices: Splice[]): number[] {
  const existing = s.collections.get(name)?.children ?? [];
  const added: string[] = [];
  const ids = wanted.map((child) => {
    const found = existing.indexOf(child);
    if (found >= 0) return found;
    let k = added.indexOf(child);
    if (k < 0) k = added.push(child) - 1;
    return existing.length + k;
  });
  if (added.length === 0) return ids;
  const count = existing.length + added.length;
  const c = s.collections.get(name);
  if (!c) {
    const later = STYLESHEET_ORDER.slice(STYLESHEET_ORDER.indexOf(name) + 1)
      .map((n) => s.topStarts.get(n))
      .filter((n): n is number => n !== undefined);
    const at = later.length > 0 ? Math.min(...later) : s.rootCloseStart;
    splices.push({ start: at, end: at, text: `<${prefix}${name} count="${count}">${added.join('')}</${prefix}${name}>` });
    return ids;
  }
  const open = xml.slice(c.start, c.openEnd);
  let newOpen = /\bcount\s*=\s*(["'])\d*\1/.test(open) ? open.replace(/\bcount\s*=\s*(["'])\d*\1/, `count="${count}"`) : open.replace(/^<([\w:.-]+)/, `<$1 count="${count}"`);
  if (c.selfClosing) {
    newOpen = newOpen.replace(/\s*\/>$/, '>');
    splices.push({ start: c.start, end: c.openEnd, text: `${newOpen}${added.join('')}</${prefix}${name}>` });
  } else {
    splices.push({ start: c.start, end: c.openEnd, text: newOpen });
    const closeStart = xml.lastIndexOf('<', c.end - 1);
    splices.push({ start: closeStart, end: closeStart, text: added.join('') });
  }
  return ids;
}

/** Custom number formats start at 164 (ids below are built in). */
const FIRST_CUSTOM_FORMAT = 164;

/**
 * Adds the cell formats asked for; returns styles.xml's new text and, per request, the
 * index a cell's `s` attribute takes.
 */
export function addCellFormats(xml: string, part: string, requests: readonly CellFormatRequest[]): { xml: string; ids: number[] } {
  const s = scan(xml, part);
  const p = rootPrefix(xml, 'styleSheet');
  const splices: Splice[] = [];

  // Number formats are found by code and named by id, not by position.
  const formatIds = new Map<string, number>();
  const newFormats: string[] = [];
  let nextId = Math.max(FIRST_CUSTOM_FORMAT - 1, ...s.numFmts.map((f) => f.id)) + 1;
  for (const r of requests) {
    const code = r.numberFormat;
    if (code === undefined || formatIds.has(code)) continue;
    const known = s.numFmts.find((f) => f.code === code);
    if (known) formatIds.set(code, known.id);
    else {
      formatIds.set(code, nextId);
      newFormats.push(`<${p}numFmt numFmtId="${nextId}" formatCode="${escapeAttribute(code)}"/>`);
      nextId++;
    }
  }
  if (newFormats.length > 0) plan(xml, s, p, 'numFmts', [...(s.collections.get('numFmts')?.children ?? []), ...newFormats], splices);

  const size = s.defaultFont.size ?? '11';
  const fontName = s.defaultFont.name;
  const fontOf = (r: CellFormatRequest): string | undefined =>
    r.fontColour === undefined && !r.bold
      ? undefined
      : `<${p}font>${r.bold ? `<${p}b/>` : ''}<${p}sz val="${escapeAttribute(size)}"/>${r.fontColour ? `<${p}color rgb="${r.fontColour}"/>` : ''}${fontName ? `<${p}name val="${escapeAttribute(fontName)}"/>` : ''}</${p}font>`;
  const fillOf = (r: CellFormatRequest): string | undefined =>
    r.fillColour === undefined
      ? undefined
      : `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${r.fillColour}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
  const fonts = requests.map(fontOf);
  const fills = requests.map(fillOf);
  const fontIds = plan(xml, s, p, 'fonts', fonts.filter((f): f is string => f !== undefined), splices);
  const fillIds = plan(xml, s, p, 'fills', fills.filter((f): f is string => f !== undefined), splices);

  let fontAt = 0;
  let fillAt = 0;
  const xfs = requests.map((r, i) => {
    const numFmtId = r.numberFormat === undefined ? 0 : formatIds.get(r.numberFormat)!;
    const fontId = fonts[i] === undefined ? 0 : fontIds[fontAt++]!;
    const fillId = fills[i] === undefined ? 0 : fillIds[fillAt++]!;
    const applies = [numFmtId !== 0 && 'applyNumberFormat="1"', fontId !== 0 && 'applyFont="1"', fillId !== 0 && 'applyFill="1"', r.horizontal && 'applyAlignment="1"']
      .filter(Boolean)
      .join(' ');
    const attrs = `numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"${applies ? ' ' + applies : ''}`;
    return r.horizontal ? `<${p}xf ${attrs}><${p}alignment horizontal="${r.horizontal}"/></${p}xf>` : `<${p}xf ${attrs}/>`;
  });
  const ids = plan(xml, s, p, 'cellXfs', xfs, splices);
  return { xml: splices.length === 0 ? xml : applySplices(xml, splices), ids };
}
