import { describe, expect, it } from 'vitest';
import { dominantGradeStyle, evaluateWorkbook } from '../../src/core/evaluate';
import { BUILTIN_PRESETS } from '../../src/core/presets';
import { buildGrid } from '../support/gridBuilder';

const table = (grades: (string | null)[]) => [
  ['No', '指標', '当初\n(H26)', '現状\n(H29)', '目標値\n(H31)', '達成状況'],
  ...grades.map((g, i) => [i + 1, `指標${i + 1}`, '10件', '15件', '20件', g]),
];

describe('dominantGradeStyle: the style =KPI.GRADE answers in', () => {
  it('follows the tables whose grades are typed half-width', () => {
    const grids = [buildGrid('A', table(['A', 'B'])), buildGrid('B', table(['S', null]))];
    expect(dominantGradeStyle(evaluateWorkbook(grids, BUILTIN_PRESETS.standard))).toBe('half');
  });
  it('is full-width, as the official reports, when grades are full-width or nothing is typed', () => {
    expect(dominantGradeStyle(evaluateWorkbook([buildGrid('A', table(['Ａ', 'Ｂ']))], BUILTIN_PRESETS.standard))).toBe('full');
    expect(dominantGradeStyle(evaluateWorkbook([buildGrid('A', table([null, null]))], BUILTIN_PRESETS.standard))).toBe('full');
  });
});
