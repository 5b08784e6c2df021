/** Hand-built readings and rows for the grading tests, independent of the cell parser. */
import type { ValueInput } from '../../../src/core/figures';
import { getBuiltinPreset } from '../../../src/core/presets';
import type { Bound, CellReading, CellState, KpiRow, Preset, UnreadableReason, ValueCell } from '../../../src/core/types';

export function num(value: number, unit = '', extra: { bound?: Bound; year?: number } = {}): CellReading {
  return { kind: 'number', value, unit, ...extra };
}
export const missing: CellReading = { kind: 'missing' };
export function state(s: CellState, text: string): CellReading {
  return { kind: 'state', state: s, text };
}
export function unreadable(text: string, reason: UnreadableReason = 'noNumber'): CellReading {
  return { kind: 'unreadable', text, reason };
}

export function input(reading: CellReading, year?: number, cell?: string): ValueInput {
  return { reading, ...(year === undefined ? {} : { year }), ...(cell === undefined ? {} : { cell }) };
}

export function builtin(id: string): Preset {
  const p = getBuiltinPreset(id);
  if (!p) throw new Error(`no builtin preset ${id}`);
  return p;
}

/** A KPI row on sheet row `row` (0-based) with values in columns C (baseline), E (current), F (target). */
export function kpiRow(
  name: string,
  row: number,
  cells: { baseline?: [CellReading, number?]; current?: [CellReading, number?]; target: [CellReading, number?] },
): KpiRow {
  const cell = (col: number, [reading, headerYear]: [CellReading, number?]): ValueCell => {
    const own = reading.kind === 'number' ? reading.year : undefined;
    const year = own ?? headerYear;
    return { row, col, text: '', reading, ...(year === undefined ? {} : { year }) };
  };
  return {
    row,
    name,
    intermediates: [],
    ...(cells.baseline ? { baseline: cell(2, cells.baseline) } : {}),
    ...(cells.current ? { current: cell(4, cells.current) } : {}),
    target: cell(5, cells.target),
  };
}
