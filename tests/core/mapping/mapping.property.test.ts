/**
 * Properties of reading by a mapping, on random grids: never a throw; either a table read only
 * from the mapping's cells, or a problem naming the sheet and range; and the best guess always
 * gives one column per column of the range.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guessMapping, readMappedTable, withFingerprints } from '../../../src/core/detect/mapping';
import type { CellRange, GridCell, SheetGrid } from '../../../src/core/grid';
import { mappingProblems } from '../../../src/core/mapping';
import { MAPPING, SHEET } from './fixture';

const TEXTS = ['指標', '当初', '目標値', '令和5年度', 'H27', '評定', '単位', '年度', '方向', '↑', '372万人', '63.0%', '－', '', '未着手', '(H22 国調)', '以上', '観光入込客数', '1', '①', '＃REF!', '備考'];

const cell = fc.oneof(
  fc.constantFrom(...TEXTS).map((text): GridCell | undefined => (text === '' ? undefined : { text, value: text })),
  fc.double({ noNaN: true, min: -1e6, max: 1e6 }).map((n): GridCell => ({ text: String(n), value: n })),
);

const grid: fc.Arbitrary<SheetGrid> = fc
  .record({
    rows: fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 10 }),
    merges: fc.array(
      fc.record({ top: fc.nat(9), left: fc.nat(8), h: fc.nat(2), w: fc.nat(2) }).map((m): CellRange => ({ top: m.top, left: m.left, bottom: m.top + m.h, right: m.left + m.w })),
      { maxLength: 3 },
    ),
  })
  .map(({ rows, merges }) => ({ name: SHEET, rows, merges }));

const RANGE: CellRange = { top: 1, left: 1, bottom: 6, right: 6 };

function within(range: CellRange, row: number, col: number): boolean {
  return row >= range.top && row <= range.bottom && col >= range.left && col <= range.right;
}

describe('reading by a mapping, on random grids', () => {
  it('never throws: a table from the mapping’s cells only, or a problem naming the sheet and range', () => {
    fc.assert(
      fc.property(grid, fc.boolean(), (g, fresh) => {
        // Either the saved fixture mapping (its header usually no longer fits) or one fingerprinted on this grid.
        const mapping = fresh ? withFingerprints(g, MAPPING) : MAPPING;
        const read = readMappedTable(g, mapping);
        if (!read.ok) {
          expect(read.problem.sheet).toBe(SHEET);
          expect(read.problem.cell).toBe('B2:G7');
          expect(['mappingChanged', 'mappingEmpty']).toContain(read.problem.code);
          expect(read.problem.message).toContain('「施策評価」シートの B2:G7');
          return;
        }
        expect(fresh || read.table.kpis.length > 0).toBe(true);
        for (const k of read.table.kpis) {
          // A figure is a cell of the range, or the top-left of a merge that shows in it (as Excel shows it).
          for (const v of [k.baseline, k.current, k.target, ...k.intermediates]) {
            if (!v) continue;
            const shownHere = within(RANGE, v.row, v.col) || g.merges.some((m) => m.top === v.row && m.left === v.col && m.bottom >= RANGE.top && m.right >= RANGE.left);
            expect(shownHere).toBe(true);
          }
          expect(k.row).toBeGreaterThan(RANGE.top);
          expect(k.row).toBeLessThanOrEqual(RANGE.bottom);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the best guess never throws and gives one column per column of the range', () => {
    fc.assert(
      fc.property(grid, (g) => {
        const guess = guessMapping(g, RANGE);
        expect(guess.columns.map((c) => c.column)).toEqual(['B', 'C', 'D', 'E', 'F', 'G']);
        expect(guess.headerRows).toBeGreaterThanOrEqual(1);
        // Whatever it guessed, checking it gives sentences, not a throw.
        expect(Array.isArray(mappingProblems(guess))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
