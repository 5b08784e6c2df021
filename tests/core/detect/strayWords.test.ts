import { describe, expect, it } from 'vitest';
import { detectKpiTables } from '../../../src/core/detect';
import { buildGrid } from '../../support/gridBuilder';

// The seed table's two-row header (words above, years below, the indicator header merged over
// the No column), with a note typed to the right of the table in the years row.
const seedWithNote = (note: string, col: number) => {
  const years: string[] = ['', '', '(H26)', '(H28)', '(H29)', '(H31)', ''];
  while (years.length < col) years.push('');
  years[col] = note;
  return buildGrid(
    '第1節',
    [
      ['重要業績評価指標（ＫＰＩ）', '', '当初', '', '現状', '目標値', '達成\n状況'],
      years,
      ['１', '女性の就業率（企画政策課）', '63.0％', '－', '69.8％', '65.0%', 'Ｓ'],
      ['２', '観光入込客数（商業観光課）', '372万人', '380万人', '400万人', '450万人', 'Ａ'],
    ],
    { merges: ['A1:B2', 'G1:G2'] },
  );
};

describe('a stray word beside a table (issue 8)', () => {
  it.each([
    ['指標', 7],
    ['指標', 9],
    ['KPI', 8],
    ['指標名', 7],
  ])('a note 「%s」 in column %i of the years row does not make the table vanish', (note, col) => {
    const { tables } = detectKpiTables(seedWithNote(note, col));
    expect(tables).toHaveLength(1);
    const t = tables[0]!;
    expect(t.headerRows).toEqual({ top: 0, bottom: 1 });
    expect(t.kpis.map((k) => k.name)).toEqual(['女性の就業率', '観光入込客数']);
    expect(t.columns.values.map((v) => [v.role, v.year])).toEqual([
      ['baseline', 2014],
      ['intermediate', 2016],
      ['current', 2017],
    ]);
  });
});
