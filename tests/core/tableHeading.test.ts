import { describe, expect, it } from 'vitest';
import { tableHeading } from '../../src/core/tableHeading';
import { buildGrid } from '../support/gridBuilder';

const HEADER = ['No', '重要業績評価指標（ＫＰＩ）', '当初', '現状', '目標値', '達成状況'];
const KPI = ['1', '女性の就業率', '63.0％', '69.8％', '65.0%', 'Ｓ'];

describe('tableHeading: the heading row above a KPI table', () => {
  it('is the 基本的方向 row right above the header, on one line', () => {
    const grid = buildGrid('第1節', [['基本的方向１\n雇用対策の強化を図る'], HEADER, KPI]);
    expect(tableHeading(grid, { headerRows: { top: 1, bottom: 1 } })).toBe('基本的方向１ 雇用対策の強化を図る');
  });

  it('skips blank rows and prefers a ledger heading over a nearer line of commentary', () => {
    const grid = buildGrid('第1節', [
      HEADER,
      KPI,
      [],
      ['施策２ 地域産業の振興を更に進める'],
      ['ＫＰＩの達成に係る施策の主な取組と成果、課題と今後の展開'],
      [],
      HEADER,
      KPI,
    ]);
    expect(tableHeading(grid, { headerRows: { top: 6, bottom: 6 } })).toBe('施策２ 地域産業の振興を更に進める');
  });

  it('recognises 基本目標 and 第１節 (full-width digits) as headings', () => {
    const a = buildGrid('s', [['基本目標２　若い世代の希望をかなえる'], HEADER, KPI]);
    expect(tableHeading(a, { headerRows: { top: 1, bottom: 1 } })).toBe('基本目標２ 若い世代の希望をかなえる');
    const b = buildGrid('s', [['第１節 雇用'], [], HEADER, KPI]);
    expect(tableHeading(b, { headerRows: { top: 2, bottom: 2 } })).toBe('第１節 雇用');
  });

  it('without a ledger heading, the nearest line of text names the table', () => {
    const grid = buildGrid('指標一覧', [['総合計画 成果指標一覧（令和6年度）'], ['指標名', '基準値', '実績値', '目標値'], ['市民満足度', '52%', '58%', '60%']]);
    expect(tableHeading(grid, { headerRows: { top: 1, bottom: 1 } })).toBe('総合計画 成果指標一覧（令和6年度）');
  });

  it('does not take a heading from above another table’s rows', () => {
    const grid = buildGrid('s', [['基本的方向１ 雇用'], HEADER, KPI, HEADER, KPI]);
    expect(tableHeading(grid, { headerRows: { top: 3, bottom: 3 } })).toBeUndefined();
  });

  it('is undefined at the top of the sheet, and ignores a lone figure', () => {
    const top = buildGrid('s', [HEADER, KPI]);
    expect(tableHeading(top, { headerRows: { top: 0, bottom: 0 } })).toBeUndefined();
    const figure = buildGrid('s', [['12'], HEADER, KPI]);
    expect(tableHeading(figure, { headerRows: { top: 1, bottom: 1 } })).toBeUndefined();
  });

  it('looks only a few rows up', () => {
    const grid = buildGrid('s', [['基本的方向１ 雇用'], [], [], [], [], [], [], HEADER, KPI]);
    expect(tableHeading(grid, { headerRows: { top: 7, bottom: 7 } })).toBeUndefined();
  });
});
