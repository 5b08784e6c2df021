/**
 * Notes (ExcelApi 1.18) with the reason for a grade, written only when the
 * officer asks and the host supports them. A note has no tag, so ours start with
 * a marker: the next run replaces its own notes and leaves the officer's alone.
 */
export const NOTE_MARKER = '【KPI評価】';

export const NOTES_REQUIREMENT = { set: 'ExcelApi', version: '1.18' } as const;

export function noteContent(reason: string): string {
  return `${NOTE_MARKER}${reason}`;
}

export function isAddinNote(content: string | undefined): boolean {
  return typeof content === 'string' && content.startsWith(NOTE_MARKER);
}
