/**
 * Differential formats (<dxfs>) in styles.xml for the colour rules: a rule
 * points at a dxf by index. A dxf identical to one already there is reused, so
 * that running again adds nothing; new ones are appended and the count updated.
 * Nothing else in styles.xml is touched.
 */
import { applySplices, rootPrefix, type Splice } from './splice';
import { walkXml } from './xml';

/** Elements after <dxfs> in CT_Stylesheet, for placing a <dxfs> the part lacks. */
const AFTER_DXFS = new Set(['tableStyles', 'colors', 'extLst']);

export function addDxfs(xml: string, part: string, wanted: readonly string[]): { xml: string; ids: number[] } {
  const existing: string[] = [];
  let dxfs: { start: number; openEnd: number; end: number; selfClosing: boolean; countAttr: boolean } | undefined;
  let dxfStart = -1;
  let depth = 0;
  let insertBefore: number | undefined;
  let rootCloseStart = -1;
  walkXml(xml, part, {
    open(name, a, selfClosing, start, end) {
      depth++;
      if (depth === 2 && name === 'dxfs') dxfs = { start, openEnd: end, end, selfClosing, countAttr: a.count !== undefined };
      else if (depth === 2 && insertBefore === undefined && AFTER_DXFS.has(name)) insertBefore = start;
      else if (depth === 3 && dxfs && name === 'dxf') dxfStart = start;
    },
    // saxes reports a close for self-closing tags too, right after the open.
    close(name, end) {
      if (depth === 3 && dxfs && name === 'dxf') existing.push(xml.slice(dxfStart, end));
      else if (depth === 2 && dxfs && name === 'dxfs') dxfs.end = end;
      else if (depth === 1) rootCloseStart = xml.lastIndexOf('<', end - 1);
      depth--;
    },
  });

  const ids: number[] = [];
  const added: string[] = [];
  for (const dxf of wanted) {
    const found = existing.indexOf(dxf);
    if (found >= 0) {
      ids.push(found);
      continue;
    }
    let k = added.indexOf(dxf);
    if (k < 0) k = added.push(dxf) - 1;
    ids.push(existing.length + k);
  }
  if (added.length === 0) return { xml, ids };

  const prefix = rootPrefix(xml, 'styleSheet');
  const count = existing.length + added.length;
  const splices: Splice[] = [];
  if (!dxfs) {
    const at = insertBefore ?? rootCloseStart;
    splices.push({ start: at, end: at, text: `<${prefix}dxfs count="${count}">${added.join('')}</${prefix}dxfs>` });
  } else {
    const open = xml.slice(dxfs.start, dxfs.openEnd);
    let newOpen = dxfs.countAttr ? open.replace(/\bcount\s*=\s*(["'])\d*\1/, `count="${count}"`) : open.replace(/^<([\w:.-]+)/, `<$1 count="${count}"`);
    if (dxfs.selfClosing) {
      newOpen = newOpen.replace(/\s*\/>$/, '>');
      splices.push({ start: dxfs.start, end: dxfs.openEnd, text: `${newOpen}${added.join('')}</${prefix}dxfs>` });
    } else {
      splices.push({ start: dxfs.start, end: dxfs.openEnd, text: newOpen });
      const closeStart = xml.lastIndexOf('<', dxfs.end - 1);
      splices.push({ start: closeStart, end: closeStart, text: added.join('') });
    }
  }
  return { xml: applySplices(xml, splices), ids };
}

/** The dxf of one grade colour: font colour, and a solid fill unless there is none. */
export function gradeDxf(fontArgb: string, fillArgb: string | undefined, prefix = ''): string {
  const p = prefix;
  const font = `<${p}font><${p}color rgb="${fontArgb}"/></${p}font>`;
  const fill =
    fillArgb === undefined
      ? ''
      : `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${fillArgb}"/><${p}bgColor rgb="${fillArgb}"/></${p}patternFill></${p}fill>`;
  return `<${p}dxf>${font}${fill}</${p}dxf>`;
}
