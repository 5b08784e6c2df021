/**
 * The pane's ask before writing on very hidden sheets (core's decision refuses them without
 * consent: src/core/decide.ts). Which sheets the plan would write that are very hidden, and the
 * officer's answer, handed to the host with the plan.
 */
import { NO_CONSENT, sheetsOf, type WriteConsent } from '../../core/decide';
import type { SheetGrid } from '../../core/grid';
import type { WritePlan } from '../../core/types';

/** The very hidden sheets the plan writes on, in tab order. */
export function veryHiddenSheets(plan: WritePlan | undefined, grids: readonly SheetGrid[] | undefined): string[] {
  if (!plan || !grids) return [];
  const touched = new Set(sheetsOf(plan));
  return grids.filter((g) => g.visibility === 'veryHidden' && touched.has(g.name)).map((g) => g.name);
}

export interface VeryHiddenAsk {
  /** Empty: nothing to ask. */
  readonly sheets: readonly string[];
  readonly agreed: boolean;
  readonly setAgreed: (agreed: boolean) => void;
  /** What goes to the host with the plan. */
  readonly consent: WriteConsent;
}

/** The consent the write carries: a yes counts only when the plan writes on a very hidden sheet. */
export function consentFor(agreed: boolean, sheets: readonly string[]): WriteConsent {
  return agreed && sheets.length > 0 ? { veryHidden: true } : NO_CONSENT;
}

/** The ask as the switch shows it, from the preview model (which knows the sheets and the consent). */
export function veryHiddenAsk(
  model: { readonly veryHiddenSheets: readonly string[]; readonly consent: WriteConsent } | undefined,
  agreed: boolean,
  setAgreed: (agreed: boolean) => void,
): VeryHiddenAsk {
  return { sheets: model?.veryHiddenSheets ?? [], agreed, setAgreed, consent: model?.consent ?? NO_CONSENT };
}
