/**
 * The reason notes the add-in writes next to a grade. A note has no tag, so ours start with a
 * marker: the next run (of any door) replaces its own notes and leaves the officer's alone.
 */
export const NOTE_MARKER = '【KPI評価】';

export function noteContent(reason: string): string {
  return `${NOTE_MARKER}${reason}`;
}

export function isAddinNote(content: string | undefined): boolean {
  return typeof content === 'string' && content.startsWith(NOTE_MARKER);
}
