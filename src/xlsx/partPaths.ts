/**
 * Part names and relationships of an OPC package, as text: where a part's relationships
 * are, what a target points to, and the relationships a rels part lists. No zip and no
 * node:zlib here, so the task pane can use it on a file the officer picked
 * (src/xlsx/bookOutline.ts) as the command line does (package.ts).
 */
import { walkXml } from './xml';

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** Target as written. */
  readonly target: string;
  /** The part it points to (zip name), for an internal target. */
  readonly part?: string;
  readonly external: boolean;
}

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels"; "" (the package) → "_rels/.rels". */
export function relsPartOf(source: string): string {
  const slash = source.lastIndexOf('/');
  return `${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target against the folder of its source part; "/xl/x.xml" is absolute. */
export function resolveTarget(source: string, target: string): string {
  const base = target.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const segment of target.replace(/^\//, '').split('/')) {
    if (segment === '..') base.pop();
    else if (segment !== '.' && segment !== '') base.push(segment);
  }
  return base.map((s) => decodeURIComponent(s)).join('/');
}

/** The target to write in `source`'s rels for `part`, relative like Excel writes them. */
export function relativeTarget(source: string, part: string): string {
  const from = source.split('/').slice(0, -1);
  const to = part.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

/** The relationships listed in `relsPart` (the rels of `source`). */
export function parseRelationships(xml: string, relsPart: string, source: string): Relationship[] {
  const list: Relationship[] = [];
  walkXml(xml, relsPart, {
    open(name, a) {
      if (name !== 'Relationship' || !a.Id || !a.Target) return;
      const external = a.TargetMode === 'External';
      list.push({ id: a.Id, type: a.Type ?? '', target: a.Target, external, ...(!external && { part: resolveTarget(source, a.Target) }) });
    },
  });
  return list;
}
