/**
 * A 施策評価 table the detector cannot read: its header words are the office's own
 * (施策の成果を測る項目, 評定, a target headed 令和7年度（めざす値）), so neither an indicator
 * nor a target word is found. Years across: H27 (2015) baseline, R1 (2019) intermediate,
 * R5 (2023) current, R7 (2025) target. Origin B2, so the range is B2:G7.
 *
 * Expected grades under `standard` (spec §5–6: S p ≥ 1; A p ≥ t; B p ≥ 0.5·t; D d > 0.10; else C),
 * t = (2023 − 2015) / (2025 − 2015) = 0.8 for every row:
 *   観光入込客数   B 372 C 430 T 450: p = 58/78 = 0.74 < 0.8, ≥ 0.4            → B
 *   移住者数       B 120 C 210 T 200: p = 90/80 = 1.125 ≥ 1                    → S
 *   待機児童数     B 25  C 30  T 0 (lower is better): p = 5/−25 = −0.2 < 0.4;
 *                  d = (30 − 25)/25 = 0.2 > 0.10                               → D
 *   空き家バンク登録件数 B 10 C 19 T 20: p = 9/10 = 0.9 ≥ 0.8                  → A
 *   出生数         B 500 C 470 T 520: p = −30/20 = −1.5; d = 30/500 = 0.06 ≤ 0.10 → C
 */
import type { SheetGrid } from '../../../src/core/grid';
import type { TableMapping } from '../../../src/core/mapping';
import { buildGrid } from '../../support/gridBuilder';

export const SHEET = '施策評価';
export const RANGE = 'B2:G7';

export const ROWS: readonly (readonly string[])[] = [
  ['施策の成果を測る項目', '平成27年度', '令和元年度', '令和5年度', '令和7年度（めざす値）', '評定'],
  ['観光入込客数', '372万人', '400万人', '430万人', '450万人', ''],
  ['移住者数', '120人', '150人', '210人', '200人', ''],
  ['待機児童数', '25人', '20人', '30人', '0人', ''],
  ['空き家バンク登録件数', '10件', '14件', '19件', '20件', ''],
  ['出生数', '500人', '480人', '470人', '520人', ''],
];

/** The grades worked out above, top to bottom. */
export const EXPECTED_GRADES = ['B', 'S', 'D', 'A', 'C'] as const;

export function policySheet(rows: readonly (readonly string[])[] = ROWS, origin = 'B2'): SheetGrid {
  return buildGrid(SHEET, rows, { origin });
}

/** The mapping an officer saves for it. */
export const MAPPING: TableMapping = {
  sheet: SHEET,
  range: RANGE,
  headerRows: 1,
  columns: [
    { column: 'B', role: 'indicator', header: '施策の成果を測る項目' },
    { column: 'C', role: 'baseline', year: 2015, header: '平成27年度' },
    { column: 'D', role: 'intermediate', year: 2019, header: '令和元年度' },
    { column: 'E', role: 'current', year: 2023, header: '令和5年度' },
    { column: 'F', role: 'target', year: 2025, header: '令和7年度(めざす値)' },
    { column: 'G', role: 'grade', header: '評定' },
  ],
};
