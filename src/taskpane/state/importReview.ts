/**
 * The consistency review (src/core/consistency.ts) over the open workbook and the files
 * brought into it: each imported file's sheets count as that file, the workbook's own
 * sheets as one more. The same review as the command line's over many files, from the
 * pane's one evaluation split by where each sheet came from.
 */
import { reviewConsistency, reviewDigest, type ConsistencyReview } from '../../core/consistency';
import type { Evaluation, Preset } from '../../core/types';
import type { ImportBatch } from '../../core/host';

export function reviewImported(evaluation: Evaluation, batches: readonly ImportBatch[], ownLabel: string, preset: Preset): ConsistencyReview | undefined {
  const fileOf = new Map<string, string>();
  for (const b of batches) for (const book of b.books) for (const s of book.sheets) fileOf.set(s.name, book.fileName);
  if (fileOf.size === 0) return undefined;
  const files: string[] = [];
  const tablesOf = new Map<string, Evaluation['tables'][number][]>();
  for (const t of evaluation.tables) {
    const file = fileOf.get(t.table.sheet) ?? ownLabel;
    if (!tablesOf.has(file)) {
      tablesOf.set(file, []);
      files.push(file);
    }
    tablesOf.get(file)!.push(t);
  }
  const digests = files.map((file) => reviewDigest(file, { ...evaluation, tables: tablesOf.get(file)! }));
  return reviewConsistency(digests, preset);
}
