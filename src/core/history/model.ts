/**
 * The evaluation history kept in the workbook (issue 13): one entry per write, from the pane or
 * the command line, each with what every KPI looked like when it was graded. Entries are data
 * read back from a workbook someone may have edited, so they are checked with zod; a damaged
 * history is reported and treated as none, never a crash.
 */
import { z } from 'zod';
import { compactText } from '../text';

/** At most this many entries are kept; the oldest go first. */
export const HISTORY_LIMIT = 20;

const figure = z.object({
  /** As displayed ("200人"). */
  text: z.string(),
  /** The number read from it, when it held one. */
  value: z.number().optional(),
  unit: z.string().optional(),
  year: z.number().int().optional(),
});

const historyKpi = z.object({
  /** sheet + normalised name + 担当課: see kpiKey. */
  key: z.string(),
  sheet: z.string(),
  name: z.string(),
  department: z.string().optional(),
  /** Row at the time (0-based): informative only; rows move, the key does not. */
  row: z.number().int().nonnegative(),
  baseline: figure.optional(),
  current: figure.optional(),
  target: figure,
  /** Half-width grade key computed, or null when the KPI could not be graded. */
  grade: z.string().nullable(),
  /** What was written to the grade cell ("Ａ"), when something was. */
  gradeWritten: z.string().optional(),
  /** A grade typed by hand that was kept instead of the computed one. */
  handGrade: z.string().optional(),
  reason: z.string(),
  /** Why the target or baseline was revised, as the officer gave it. */
  revisionReason: z.string().optional(),
});

const historyEntry = z.object({
  /** ISO 8601 time of the write. */
  date: z.string(),
  /** The fiscal year evaluated: the year of the current value column. */
  fiscalYear: z.number().int().optional(),
  presetId: z.string(),
  source: z.enum(['pane', 'cli']),
  /** Ties the entry to its undo snapshot, so undo removes exactly this entry. */
  writeId: z.string().optional(),
  kpis: z.array(historyKpi),
});

export const HistorySchema = z.object({
  version: z.literal(1),
  entries: z.array(historyEntry),
});

export type HistoryFigure = z.infer<typeof figure>;
export type HistoryKpi = z.infer<typeof historyKpi>;
export type HistoryEntry = z.infer<typeof historyEntry>;
export type History = z.infer<typeof HistorySchema>;

export const EMPTY_HISTORY: History = Object.freeze({ version: 1, entries: [] }) as History;

/**
 * A KPI's identity across years: its sheet, its name without spacing or width differences, and
 * its 担当課. Not its row: rows are inserted and sorted between evaluations.
 */
export function kpiKey(sheet: string, name: string, department: string | undefined): string {
  return [sheet, compactText(name), compactText(department ?? '')].join('\u241F');
}

/** The history as a door read it from the workbook: none yet, read, or a damaged part (never overwritten silently). */
export type HistoryRead =
  | { readonly kind: 'none' }
  | { readonly kind: 'ok'; readonly history: History }
  /** A part in our namespace that is damaged or hand-edited: reported, and never overwritten silently. */
  | { readonly kind: 'invalid'; readonly errors: readonly string[] };

export type ParseHistoryResult = { ok: true; history: History } | { ok: false; errors: string[] };

export function parseHistory(json: unknown): ParseHistoryResult {
  const parsed = HistorySchema.safeParse(json);
  if (parsed.success) return { ok: true, history: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) };
}

/** The history with `entry` added last, keeping the newest HISTORY_LIMIT entries. */
export function appendEntry(history: History, entry: HistoryEntry): History {
  const entries = [...history.entries, entry];
  return { version: 1, entries: entries.slice(Math.max(0, entries.length - HISTORY_LIMIT)) };
}

/** The history without the entry of the write `writeId` (undo of that write). */
export function removeEntry(history: History, writeId: string): History {
  return { version: 1, entries: history.entries.filter((e) => e.writeId !== writeId) };
}

/** The last entry, or undefined when nothing was written yet. */
export function lastEntry(history: History): HistoryEntry | undefined {
  return history.entries[history.entries.length - 1];
}
