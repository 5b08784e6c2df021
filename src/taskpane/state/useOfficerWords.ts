/**
 * The officer's own words in the pane (issue 13): each KPI's 要因分析 / 課題 / 今後の方向性 …
 * cells as read, edits written one cell at a time through the host (never silently: the officer
 * presses 保存), each with its own undo that puts back exactly what the cell held, and the two
 * columns added beside a table without them when the officer asks. Not the header's 元に戻す:
 * that one restores the grade cells of the last grade write, and an edit of the officer's words
 * must neither be undone by it nor undo it.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { SheetGrid } from '../../core/grid';
import { officerColumns, type OfficerColumn } from '../../core/history/ledger';
import { officerCells, officerEdit, planOfficerColumns, undoOf, type OfficerCell, type OfficerColumnsPlan, type OfficerWrite } from '../../core/officerWords';
import type { CellSnapshot, EvaluatedTable, Evaluation, KpiRow } from '../../core/types';
import type { LedgerHost } from '../../core/host';
import { errorInfo, type ErrorInfo } from './machine';

/** What the last officer write did, for the message under the row or the section. */
export type OfficerOutcome =
  | { readonly kind: 'written'; readonly what: 'edit' | 'columns'; readonly sheet: string; readonly cells: string; readonly header?: string; readonly listAdded: number }
  | { readonly kind: 'undone'; readonly sheet: string; readonly cells: string }
  | { readonly kind: 'changed'; readonly sheet: string; readonly cells: string }
  | { readonly kind: 'protected'; readonly sheet: string }
  | { readonly kind: 'blocked'; readonly sheet: string; readonly cells: string }
  | { readonly kind: 'failed'; readonly error: ErrorInfo };

interface Done {
  readonly write: OfficerWrite;
  readonly listAdded: readonly string[];
  /** Columns added beside a table: its sheet!headers, offered again once undone. */
  readonly columns?: string;
}

interface RowPlace {
  readonly table: EvaluatedTable;
  readonly grid: SheetGrid;
  readonly columns: readonly OfficerColumn[];
}

export interface OfficerWords {
  /** False when the host cannot write them: the words are shown read only. */
  readonly editable: boolean;
  readonly busy: boolean;
  /** The row whose outcome it is (sheet!row), or 'columns' for the section's. */
  readonly outcomeAt?: string;
  readonly outcome?: OfficerOutcome;
  /** The last write can be undone (its own undo, offered with its message). */
  readonly canUndo: boolean;
  /** The KPI's officer cells, as read and as edited since. */
  cellsOf(kpi: KpiRow): readonly OfficerCell[];
  save(kpi: KpiRow, cell: OfficerCell, text: string): Promise<boolean>;
  undo(): Promise<void>;
  dismiss(): void;
  /** Tables without officer columns: where the two columns would go, or the cells in the way. */
  readonly columnPlans: readonly { readonly sheet: string; readonly plan: Exclude<OfficerColumnsPlan, { kind: 'present' }> }[];
  /** Adds the two columns beside the table of `columnPlans[index]` (a blocked one is only said). */
  addColumns(index: number): Promise<void>;
}

const NO_CELLS: readonly OfficerCell[] = Object.freeze([]);
const key = (sheet: string, address: string) => `${sheet}!${address}`;
const rowKey = (sheet: string, row: number) => `${sheet}!${row}`;

function textOf(snapshot: CellSnapshot): string {
  return snapshot.value === null ? '' : String(snapshot.value);
}

export function useOfficerWords(host: LedgerHost, evaluation: Evaluation | undefined, grids: readonly SheetGrid[] | undefined, readRun: number): OfficerWords {
  const [overrides, setOverrides] = useState<ReadonlyMap<string, CellSnapshot>>(() => new Map());
  const [outcome, setOutcome] = useState<{ at: string; outcome: OfficerOutcome } | undefined>();
  const [busy, setBusy] = useState(false);
  const doneRef = useRef<Done[]>([]);
  const [canUndo, setCanUndo] = useState(false);
  // Columns added since the read (sheet!headers): no longer offered; a new read finds them.
  const [added, setAdded] = useState<ReadonlySet<string>>(() => new Set());
  // A new read holds what the cells hold now: the edits made before are in it.
  useEffect(() => {
    setOverrides(new Map());
    setOutcome(undefined);
    setAdded(new Set());
  }, [readRun]);

  const places = useMemo(() => {
    const map = new Map<KpiRow, RowPlace>();
    if (!evaluation || !grids) return map;
    const byName = new Map(grids.map((g) => [g.name, g]));
    for (const table of evaluation.tables) {
      const grid = byName.get(table.table.sheet);
      if (!grid) continue;
      const columns = officerColumns(table.table, grid);
      if (columns.length === 0) continue;
      for (const e of table.kpis) map.set(e.kpi, { table, grid, columns });
    }
    return map;
  }, [evaluation, grids]);

  const columnPlans = useMemo(() => {
    if (!evaluation || !grids) return [];
    const byName = new Map(grids.map((g) => [g.name, g]));
    const plans: OfficerWords['columnPlans'][number][] = [];
    for (const table of evaluation.tables) {
      const grid = byName.get(table.table.sheet);
      if (!grid || grid.protected || table.kpis.length === 0) continue;
      const plan = planOfficerColumns(table, grid);
      if (plan.kind !== 'present' && !(plan.kind === 'add' && added.has(key(plan.write.sheet, plan.headers)))) plans.push({ sheet: table.table.sheet, plan });
    }
    return plans;
  }, [evaluation, grids, added]);

  const cellsOf = useCallback(
    (kpi: KpiRow): readonly OfficerCell[] => {
      const place = places.get(kpi);
      if (!place) return NO_CELLS;
      return officerCells(kpi, place.columns, place.grid).map((cell) => {
        const now = overrides.get(key(place.table.table.sheet, cell.address));
        return now ? { ...cell, snapshot: now, text: textOf(now) } : cell;
      });
    },
    [places, overrides],
  );

  const carryOut = useCallback(
    async (write: OfficerWrite, at: string, onWritten: (listAdded: readonly string[]) => OfficerOutcome): Promise<boolean> => {
      if (!host.writeOfficerCells) return false;
      setBusy(true);
      const cells = write.changes.map((c) => c.address).join(', ');
      try {
        const result = await host.writeOfficerCells(write);
        if (result.kind === 'written') {
          setOverrides((old) => {
            const next = new Map(old);
            for (const c of write.changes) next.set(key(write.sheet, c.address), c.next);
            return next;
          });
          setOutcome({ at, outcome: onWritten(result.listAdded) });
          return true;
        }
        setOutcome({ at, outcome: result.kind === 'protected' ? { kind: 'protected', sheet: write.sheet } : { kind: 'changed', sheet: write.sheet, cells: result.cells.join(', ') || cells } });
        return false;
      } catch (e) {
        setOutcome({ at, outcome: { kind: 'failed', error: errorInfo(e) } });
        return false;
      } finally {
        setBusy(false);
      }
    },
    [host],
  );

  const save = useCallback(
    async (kpi: KpiRow, cell: OfficerCell, text: string) => {
      const place = places.get(kpi);
      if (!place || busy) return false;
      const write = officerEdit(place.table.table, place.grid, cell, text);
      const at = rowKey(place.table.table.sheet, kpi.row);
      return carryOut(write, at, (listAdded) => {
        doneRef.current.push({ write, listAdded });
        setCanUndo(true);
        return { kind: 'written', what: 'edit', sheet: write.sheet, cells: cell.address, header: cell.header, listAdded: listAdded.length };
      });
    },
    [places, busy, carryOut],
  );

  const undo = useCallback(async () => {
    const last = doneRef.current[doneRef.current.length - 1];
    if (!last || busy) return;
    const at = outcome?.at ?? 'columns';
    const back = undoOf(last.write, last.listAdded);
    await carryOut(back, at, () => {
      doneRef.current.pop();
      const columns = last.columns;
      if (columns !== undefined)
        setAdded((old) => {
          const next = new Set(old);
          next.delete(columns);
          return next;
        });
      setCanUndo(doneRef.current.length > 0);
      return { kind: 'undone', sheet: back.sheet, cells: back.changes.map((c) => c.address).join(', ') };
    });
  }, [busy, outcome, carryOut]);

  const addColumns = useCallback(
    async (index: number) => {
      const entry = columnPlans[index];
      if (busy || !entry) return;
      const { plan } = entry;
      // Cells in the way: nothing is added, and they are named.
      if (plan.kind === 'blocked') {
        setOutcome({ at: 'columns', outcome: { kind: 'blocked', sheet: plan.sheet, cells: plan.cells.join(', ') } });
        return;
      }
      await carryOut(plan.write, 'columns', (listAdded) => {
        const columns = key(plan.write.sheet, plan.headers);
        doneRef.current.push({ write: plan.write, listAdded, columns });
        setAdded((old) => new Set(old).add(columns));
        setCanUndo(true);
        return { kind: 'written', what: 'columns', sheet: plan.write.sheet, cells: plan.headers, listAdded: listAdded.length };
      });
    },
    [busy, columnPlans, carryOut],
  );

  const dismiss = useCallback(() => setOutcome(undefined), []);

  return {
    editable: !!host.writeOfficerCells,
    busy,
    ...(outcome && { outcomeAt: outcome.at, outcome: outcome.outcome }),
    canUndo,
    cellsOf,
    save,
    undo,
    dismiss,
    columnPlans,
    addColumns,
  };
}

export const OfficerWordsContext = createContext<OfficerWords | undefined>(undefined);

export function useOfficerWordsContext(): OfficerWords | undefined {
  return useContext(OfficerWordsContext);
}

export { rowKey as officerRowKey };
