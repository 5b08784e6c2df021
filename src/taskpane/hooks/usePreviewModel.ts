/** The preview model (state/previewModel.ts) of the evaluation on screen, worked out again only when its inputs change. */
import { useMemo } from 'react';
import type { Graded } from '../state/machine';
import { previewModel, type PreviewModel } from '../state/previewModel';

export function usePreviewModel(shown: Graded | undefined, notes: boolean, addGradeColumns: boolean, veryHiddenAgreed: boolean): PreviewModel | undefined {
  // The parts, not `shown`: in the preview `shown` is the whole state, a new object on every action.
  const evaluation = shown?.evaluation;
  const grids = shown?.grids;
  const adopted = shown?.adopted;
  return useMemo(
    () => (evaluation && grids && adopted ? previewModel({ evaluation, grids, adopted, notes, addGradeColumns, veryHiddenAgreed }) : undefined),
    [evaluation, grids, adopted, notes, addGradeColumns, veryHiddenAgreed],
  );
}
