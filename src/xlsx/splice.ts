/**
 * Edits of a part's text as splices: every edit replaces one span of the
 * original, so the bytes between edits are the original bytes.
 */
export interface Splice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Applies splices that do not overlap (an insertion may sit at a replaced span's edge). */
export function applySplices(text: string, splices: readonly Splice[]): string {
  const sorted = [...splices].map((s, i) => ({ ...s, i })).sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
  let out = '';
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) throw new Error(`applySplices: overlapping edits at ${s.start}`);
    out += text.slice(at, s.start) + s.text;
    at = s.end;
  }
  return out + text.slice(at);
}

/** The namespace prefix of a part's root element ("x:" for <x:worksheet>, "" usually). */
export function rootPrefix(xml: string, root: string): string {
  const m = new RegExp(`<([A-Za-z_][\\w.-]*:)?${root}[\\s>/]`).exec(xml);
  return m?.[1] ?? '';
}
