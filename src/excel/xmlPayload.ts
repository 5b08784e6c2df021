/**
 * JSON carried in a custom XML part: one root element in our namespace, the JSON
 * as escaped character data. Escaping rather than CDATA, because cell text may
 * contain "]]>"; JSON.stringify already escapes every control character that XML
 * 1.0 forbids. Reading is tolerant of what Excel may do to a part (an XML
 * declaration in front, a different quote style, CDATA sections).
 */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}

function unescape(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return ENTITIES[entity] ?? whole;
  });
}

export function wrapInXml(root: string, namespaceUri: string, attributes: Readonly<Record<string, string>>, text: string): string {
  const attrs = Object.entries(attributes)
    .map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`)
    .join('');
  return `<${root} xmlns="${escapeAttribute(namespaceUri)}"${attrs}>${escapeText(text)}</${root}>`;
}

export interface XmlElement {
  readonly root: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly text: string;
}

/** The root element's name, attributes and text; undefined when the part is not one such element. */
export function unwrapXml(xml: string): XmlElement | undefined {
  const m = /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(?:\/>\s*$|>([\s\S]*)<\/\1\s*>\s*$)/.exec(xml);
  if (!m) return undefined;
  const [, root, rawAttributes = '', body = ''] = m;
  const attributes: Record<string, string> = {};
  for (const a of rawAttributes.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    attributes[a[1]!] = unescape(a[2] ?? a[3] ?? '');
  }
  if (/<(?!!\[CDATA\[)/.test(body.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, ''))) return undefined; // child elements: not ours
  const text = body
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((piece) => (piece.startsWith('<![CDATA[') ? piece.slice(9, -3) : unescape(piece)))
    .join('');
  return { root: root!, attributes, text };
}
