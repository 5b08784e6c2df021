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
   * The claimed column intervals of each row, for a walk over the unclaimed cells of a sheet:
   * rows[r] is undefined for an unclaimed row, else [left, right] pairs.
   */
  byRow(rowCount: number): (number[] | undefined)[] {
    const rows: (number[] | undefined)[] = new Array<number[] | undefined>(rowCount);
    for (const r of this.rects) {
      const last = Math.min(r.bottom, rowCount - 1);
      for (let row = Math.max(0, r.top); row <= last; row++) (rows[row] ??= []).push(r.left, r.right);
    }
    return rows;
  }
}
