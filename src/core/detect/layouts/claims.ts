/**
 * Which cells of a sheet a table has already taken. Each reader (the standard one and the
 * layout readers) claims the rectangle of every table it reads; the others pass over it, so no
 * row is read as two tables. Most rows lie in one table or none: the rectangles are kept in a
 * list and looked up per row through the rows' first claim, which keeps the look-up O(1) for
 * the common case and cheap for a sheet of many tables.
 */
import type { CellRange } from '../../grid';

export class Claims {
  private readonly rects: CellRange[] = [];

  add(range: CellRange): void {
    this.rects.push(range);
  }

  get size(): number {
    return this.rects.length;
  }

  /** Is (row, col) inside a claimed rectangle? */
  covers(row: number, col: number): boolean {
    for (let i = 0; i < this.rects.length; i++) {
      const r = this.rects[i]!;
      if (row >= r.top && row <= r.bottom && col >= r.left && col <= r.right) return true;
    }
    return false;
  }

  /** Does any claimed rectangle overlap this one? */
  overlaps(range: CellRange): boolean {
    for (let i = 0; i < this.rects.length; i++) {
      const r = this.rects[i]!;
      if (range.top <= r.bottom && range.bottom >= r.top && range.left <= r.right && range.right >= r.left) return true;
    }
    return false;
  }

  /**
   * The claimed columns of each row, for one walk over the unclaimed cells of a sheet without an
   * allocation per row: a row's first claim in `left` / `right` (-1: none), and `several` marks
   * rows under more than one claim, for which `covers` is asked cell by cell.
   */
  byRow(rowCount: number): RowClaims {
    const left = new Int32Array(rowCount).fill(-1);
    const right = new Int32Array(rowCount).fill(-1);
    const several = new Uint8Array(rowCount);
    for (const r of this.rects) markRows(left, right, several, r);
    return { left, right, several };
  }
}

export interface RowClaims {
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly several: Uint8Array;
}

/** Records a claimed rectangle in the per-row arrays of byRow. */
export function markRows(left: Int32Array, right: Int32Array, several: Uint8Array, r: CellRange): void {
  const last = Math.min(r.bottom, left.length - 1);
  for (let row = Math.max(0, r.top); row <= last; row++) {
    if (left[row] === -1) {
      left[row] = r.left;
      right[row] = r.right;
    } else several[row] = 1;
  }
}
