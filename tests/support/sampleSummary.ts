/** The sample ledger (Kashiwazaki H29) read, graded by `standard` and placed under its headings: what the summary tests count from. */
import { SAMPLE_PATH } from '../../scripts/make-sample';
import { evaluateWorkbook } from '../../src/core/evaluate';
import { getBuiltinPreset } from '../../src/core/presets';
import { placesFor } from '../../src/core/structure';
import { loadXlsx } from '../../src/xlsx/readWorkbook';

export async function gradedSample() {
  const { grids } = await loadXlsx(SAMPLE_PATH);
  const evaluation = evaluateWorkbook(grids, getBuiltinPreset('standard')!);
  const places = placesFor(
    evaluation.tables.map((t) => t.table),
    grids,
  );
  return { grids, evaluation, places };
}
