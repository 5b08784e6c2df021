/**
 * The pane's ask before writing on very hidden sheets (core's decision refuses them without
 * consent: src/core/decide.ts). Which sheets the plan would write that are very hidden, and the
 * officer's answer, handed to the host with the plan.
 */
import { useMemo, useState } from 'react';
import { NO_CONSENT, type WriteConsent } from '../../core/decide';
import type { SheetGrid } from '../../core/grid';
import type { WritePlan } from '../../core/types';

/** The very hidden sheets the plan writes on, in tab order. */
export function veryHiddenSheets(plan: WritePlan | undefined, grids: readonly SheetGrid[] | undefined): string[] {
  if (!plan || !grids) return [];
  const touched = new Set([...plan.writes, ...plan.notes, ...plan.formats].map((x) => x.sheet));
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

export function useVeryHiddenAsk(plan: WritePlan | undefined, grids: readonly SheetGrid[] | undefined): VeryHiddenAsk {
  const [agreed, setAgreed] = useState(false);
  const sheets = useMemo(() => veryHiddenSheets(plan, grids), [plan, grids]);
  const consent = useMemo<WriteConsent>(() => (agreed && sheets.length > 0 ? { veryHidden: true } : NO_CONSENT), [agreed, sheets]);
  return { sheets, agreed, setAgreed, consent };
}
