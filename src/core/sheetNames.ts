/**
 * Names for sheets brought in from another workbook (「他のブックから取り込む」, #14.3).
 *
 * Excel's rules for a sheet name: at most 31 characters, none of \ / ? * [ ] :, not
 * starting or ending with an apostrophe, not empty, not "History" (reserved), and unique in
 * the workbook without regard to case. A name read from an .xlsx already keeps these rules;
 * they are applied again because a name typed into a file by another program may not.
 *
 * A name the open workbook already has gets " (2)", " (3)" … — the way Excel itself names a
 * copied sheet — its stem cut so that the whole stays within 31 characters. The open
 * workbook's sheets are never renamed: only the incoming ones get a new name.
 */

export const SHEET_NAME_MAX = 31;

const FORBIDDEN = /[\\/?*[\]:]/g;
const RESERVED = 'history';

/** Excel compares sheet names without regard to case. */
export const sheetNameKey = (name: string): string => name.toLocaleLowerCase('en-US');

/** The first `max` UTF-16 units of `s`, never splitting a surrogate pair. */
function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  const end = /[\uD800-\uDBFF]/.test(s.charAt(max - 1)) ? max - 1 : max;
  return s.slice(0, end);
}

/** A name Excel accepts, as close to `name` as possible: forbidden characters become 「_」. */
export function cleanSheetName(name: string): string {
  const cleaned = cut(name.replace(FORBIDDEN, '_').replace(/^'+|'+$/g, '').trim(), SHEET_NAME_MAX).replace(/'+$/, '');
  return cleaned === '' ? 'Sheet' : cleaned;
}

/**
 * The name each incoming sheet gets, in order: its own (cleaned) name when the workbook has no
 * sheet of that name yet, else the first free "name (n)", n ≥ 2. Names given to earlier
 * incoming sheets count as taken.
 */
export function planSheetNames(existing: readonly string[], incoming: readonly string[]): string[] {
  const taken = new Set(existing.map(sheetNameKey));
  taken.add(RESERVED);
  return incoming.map((raw) => {
    const base = cleanSheetName(raw);
    let name = base;
    for (let n = 2; taken.has(sheetNameKey(name)); n++) {
      const suffix = ` (${n})`;
      name = `${cut(base, SHEET_NAME_MAX - suffix.length).trimEnd()}${suffix}`;
    }
    taken.add(sheetNameKey(name));
    return name;
  });
}
