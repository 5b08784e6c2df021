/**
 * The undo snapshot: what the last write changed, enough to put it back — each
 * written cell's value or formula before, the colour rules added, the notes added
 * or replaced. It lives in the workbook as custom XML (not in the pane's memory),
 * so undo still works after the pane or the workbook was closed and reopened.
 * Large snapshots are split into several parts, each small enough for one request.
 */
import { z } from 'zod';
import { HostError } from './errors';
import { unwrapXml, wrapInXml } from './xmlPayload';

export const UNDO_NAMESPACE = 'urn:kpi-ledger-addin:undo:v1';
const ROOT = 'kpiUndo';

/** JSON characters per part: at most ≈ 1.5 MB of UTF-8 even for all-Japanese text. */
export const PART_CHARS = 500_000;

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const SnapshotSchema = z.object({
  version: z.literal(1),
  takenAt: z.string(),
  cells: z.array(
    z.object({
      sheet: z.string(),
      address: z.string(),
      row: z.number().int().nonnegative(),
      col: z.number().int().nonnegative(),
      value: scalar,
      formula: z.string().optional(),
      /** Written on its own (it touches a merged area), so restored on its own. */
      alone: z.boolean().optional(),
    }),
  ),
  rules: z.array(z.object({ sheet: z.string(), range: z.string(), formula: z.string() })),
  notes: z.array(
    z.object({
      sheet: z.string(),
      address: z.string(),
      /** The note's text before we replaced it; absent when we added the note. */
      before: z.string().optional(),
    }),
  ),
});

export type UndoSnapshot = z.infer<typeof SnapshotSchema>;
export type SnapshotCell = UndoSnapshot['cells'][number];
export type SnapshotNote = UndoSnapshot['notes'][number];
export type SnapshotRule = UndoSnapshot['rules'][number];

export function isEmptySnapshot(s: UndoSnapshot): boolean {
  return s.cells.length === 0 && s.rules.length === 0 && s.notes.length === 0;
}

/** The snapshot as XML parts, all tagged with `snapshotId` and numbered. */
export function snapshotToParts(snapshot: UndoSnapshot, snapshotId: string, partChars = PART_CHARS): string[] {
  const json = JSON.stringify(snapshot);
  const slices: string[] = [];
  for (let start = 0; start < json.length; ) {
    let end = Math.min(json.length, start + partChars);
    const last = json.charCodeAt(end - 1);
    if (end < json.length && last >= 0xd800 && last <= 0xdbff) end -= 1; // never split a surrogate pair
    slices.push(json.slice(start, end));
    start = end;
  }
  return slices.map((slice, i) =>
    wrapInXml(ROOT, UNDO_NAMESPACE, { snapshot: snapshotId, part: String(i + 1), of: String(slices.length) }, slice),
  );
}

/**
 * Puts the parts back together. Throws HostError('undoDamaged') when parts are
 * missing or the content is not a snapshot: restoring half-known cells would do harm.
 */
export function partsToSnapshot(xmls: readonly string[]): UndoSnapshot {
  const bySnapshot = new Map<string, Map<number, { of: number; text: string }>>();
  for (const xml of xmls) {
    const element = unwrapXml(xml);
    const id = element?.attributes.snapshot;
    const part = Number(element?.attributes.part);
    const of = Number(element?.attributes.of);
    if (!element || element.root !== ROOT || !id || !(part >= 1) || !(of >= part)) continue;
    const parts = bySnapshot.get(id) ?? new Map<number, { of: number; text: string }>();
    parts.set(part, { of, text: element.text });
    bySnapshot.set(id, parts);
  }
  const complete: UndoSnapshot[] = [];
  for (const parts of bySnapshot.values()) {
    const of = parts.get(1)?.of;
    if (of === undefined || parts.size !== of) continue;
    const json = Array.from({ length: of }, (_, i) => parts.get(i + 1)?.text ?? '').join('');
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch (error) {
      throw HostError.from('undoDamaged', error);
    }
    const checked = SnapshotSchema.safeParse(value);
    if (!checked.success) throw new HostError('undoDamaged', { detail: checked.error.issues[0]?.message ?? 'invalid snapshot' });
    complete.push(checked.data);
  }
  const latest = complete.sort((a, b) => b.takenAt.localeCompare(a.takenAt))[0];
  if (!latest) throw new HostError('undoDamaged', { detail: `${xmls.length} part(s), none complete` });
  return latest;
}
