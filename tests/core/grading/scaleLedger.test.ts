/**
 * A city scale through the whole engine on a ledger grid: detection, grading with the
 * indicator's name (survey band), the city's codes typed by hand (either width or case) read
 * as the same grade, codes written in the column's width, and one colour rule per code.
 */
import { describe, expect, it } from 'vitest';
import { evaluateWorkbook } from '../../../src/core/evaluate';
import { BUILTIN_PRESETS } from '../../../src/core/presets';
import { planWrite } from '../../../src/core/writePlan';
import { buildGrid } from '../../support/gridBuilder';

const grid = buildGrid('第2章 健康', [
  ['No', '成果指標', '初期値\n(H26)', '現状値\n(H29)', '目標値\n(H31)', '評価'],
  // t = (2017 − 2014)/(2019 − 2014) = 0.6 for every row
  ['1', '健康づくりに取り組む市民の満足度', '50.0%', '47.5%', '60.0%', ''], // |−2.5| < 3 points: survey band → b
  ['2', '特定健診の受診者数', '1000人', '900人', '2000人', 'ｃ'], // d = 0.1 > 0 → c; typed ｃ (full width) agrees
  ['3', '介護予防教室の参加者数', '100人', '160人', '200人', 'A'], // p = 0.6 ≥ 0.6 → a; typed 'A' is the only a
  ['4', '地域活動に参加する市民の割合', '30.0%', '26.0%', '40.0%', 'b'], // |−4| ≥ 3: no band; d > 0 → c; typed b differs
]);

describe('福岡市 scale on a ledger', () => {
  const evaluation = evaluateWorkbook([grid], BUILTIN_PRESETS.fukuoka);
  const kpis = evaluation.tables[0]!.kpis;

  it('grades each row, the survey row by its name', () => {
    expect(kpis.map((k) => k.outcome.grade)).toEqual(['b', 'c', 'a', 'c']);
    expect(kpis[0]!.outcome.reason).toContain('「満足度」から調査項目と判断');
  });

  it('reads typed codes in either width or case, and reports the one that differs', () => {
    expect(kpis.map((k) => k.differs)).toEqual([false, false, false, true]);
    expect(evaluation.problems.filter((p) => p.code === 'handGradeDiffers').map((p) => p.cell)).toEqual(['F5']);
  });

  it('writes codes in the column\'s width and one colour rule per code the scale writes', () => {
    // typed: ｃ (full) against A and b (half): half-width wins 2 to 1
    expect(evaluation.tables[0]!.gradeStyle).toBe('half');
    const plan = planWrite(evaluation, [grid], { adopt: 'none', notes: false, addGradeColumns: false });
    expect(plan.writes.map((w) => [w.address, w.after])).toEqual([['F2', 'b']]);
    expect(plan.formats[0]!.rules.map((r) => [r.gradeText, r.fill])).toEqual([
      ['a', '#1F3A93'],
      ['b', '#FFE699'],
      ['c', '#C0392B'],
    ]);
  });
});
