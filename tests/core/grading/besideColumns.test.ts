/**
 * Issue 8: what the columns beside the values change in grading, worked by hand from spec §5–6.
 * B baseline (year yB), C current (yC), T target (yT); p = (C − B)/(T − B), t = (yC − yB)/(yT − yB),
 * d = (B − C)/|B| (up). standard: S met · A p ≥ t · B p ≥ 0.5t · D d > 0.1 · C.
 * pace: A met or on the line (the ledger's 目安値 when it has one) · C d > 0 · B.
 */
import { describe, expect, it } from 'vitest';
import { evaluateWorkbook } from '../../../src/core/evaluate';
import { planWrite } from '../../../src/core/writePlan';
import { BUILTIN_PRESETS } from '../../../src/core/presets';
import type { Evaluation } from '../../../src/core/types';
import { buildGrid } from '../../support/gridBuilder';

const graded = (e: Evaluation) => e.tables.flatMap((t) => t.kpis.map((k) => [k.kpi.name, k.outcome.grade]));

describe('a forecast (実績見込) as the current value', () => {
  const grid = buildGrid('s', [
    ['指標', '基準値\n(H26)', '実績見込\n(R1)', '目標値\n(R2)', '評価'],
    // p = (1,100 − 1,000)/(1,200 − 1,000) = 0.5; t = (2019 − 2014)/(2020 − 2014) = 5/6 ≈ 0.833;
    // 0.5 < t, 0.5 ≥ 0.5 × 0.833 = 0.417 → Ｂ.
    ['転入者数', '1,000人', '1,100人', '1,200人', ''],
  ]);
  const e = evaluateWorkbook([grid], BUILTIN_PRESETS.standard);

  it('is graded, and the reason says it is a forecast', () => {
    const k = e.tables[0]!.kpis[0]!;
    expect(k.outcome.grade).toBe('B');
    expect(k.outcome.reason).toBe('進捗率 50%（経過 83%）→ Ｂ おおむね順調（現状値は見込値）');
    expect(k.outcome.reasonEn).toBe('Progress 50% (elapsed 83%) → B Mostly on track (the current value is a forecast)');
  });
});

describe('a direction column overrides the inferred direction (spec §4)', () => {
  const rows = (direction: string) =>
    buildGrid('s', [
      ['指標', '方向', '基準値', '現状値', '目標値', '評価'],
      ['交通事故件数', direction, '300件', '280件', '300件', ''],
    ]);

  it('↓: lower is better, 280 ≤ 300 meets the target → Ｓ', () => {
    const k = evaluateWorkbook([rows('↓')], BUILTIN_PRESETS.standard).tables[0]!.kpis[0]!;
    expect(k.outcome.measures?.direction).toBe('down');
    expect(k.outcome.measures?.directionBasis).toBe('column');
    expect(k.outcome.grade).toBe('S');
    expect(k.outcome.reason).toBe('目標達成（280件 ≤ 300件）→ Ｓ 早い');
  });

  it('without a word there, T = B reads as 維持: 280 < 300 not met; d = 20/300 = 6.7% ≤ 10% → Ｃ', () => {
    const k = evaluateWorkbook([rows('')], BUILTIN_PRESETS.standard).tables[0]!.kpis[0]!;
    expect(k.outcome.measures?.direction).toBe('keep');
    expect(k.outcome.grade).toBe('C');
  });

  it.each([
    ['減少', 'down'],
    ['↗', 'up'],
    ['増加', 'up'],
    ['維持', 'keep'],
    ['拡大', 'keep'], // a word about the measure, not the figure: the inferred direction (T = B → keep) stands
  ])('%s → %s', (word, direction) => {
    const k = evaluateWorkbook([rows(word)], BUILTIN_PRESETS.standard).tables[0]!.kpis[0]!;
    expect(k.outcome.measures?.direction).toBe(direction);
  });
});

describe('目安値 in the pace rule', () => {
  // B = 100 (H26 = 2014), C = 130 (H29 = 2017), T = 200 (H31 = 2019): t = 3/5 = 0.6,
  // our line 100 + 100 × 0.6 = 160.
  const grid = (expected: string) =>
    buildGrid('s', [
      ['指標', '基準値\n(H26)', '現状値\n(H29)', '目安値', '目標値\n(H31)', '評価'],
      ['観光案内件数', '100件', '130件', expected, '200件', ''],
    ]);

  it('the ledger says 125: C = 130 ≥ 125 → Ａ, and the difference from our 160 is said', () => {
    const e = evaluateWorkbook([grid('125件')], BUILTIN_PRESETS.pace);
    const k = e.tables[0]!.kpis[0]!;
    expect(k.outcome.grade).toBe('A');
    expect(k.outcome.reason).toBe('目安値に到達（130件 ≥ 目安値 125件）→ Ａ 目安値以上');
    expect(e.problems.map((p) => [p.code, p.cell])).toEqual([['expectedDiffers', 'D2']]);
    expect(e.problems[0]!.message).toBe(
      '「s」シートのセル D2 の目安値 125件 は、基準値から目標値への直線上の値 160件（2017年度）と異なります。評価にはこのセルの目安値を使いました。目安値の計算を確認してください。',
    );
  });

  it('the ledger says 160, as our line: C = 130 < 160, not worse than 100 → Ｂ, nothing to report', () => {
    const e = evaluateWorkbook([grid('160件')], BUILTIN_PRESETS.pace);
    expect(graded(e)).toEqual([['観光案内件数', 'B']]);
    expect(e.tables[0]!.kpis[0]!.outcome.reason).toBe('目安値に未到達（130件 < 目安値 160件）→ Ｂ 目安値未満');
    expect(e.problems).toEqual([]);
  });

  it('without a 目安値 the line is drawn: p = 0.3 < t = 0.6, d < 0 → Ｂ', () => {
    expect(graded(evaluateWorkbook([grid('')], BUILTIN_PRESETS.pace))).toEqual([['観光案内件数', 'B']]);
  });

  it('a difference within the rounding of the cell is no problem', () => {
    // B = 50.0 (2014), T = 60.0 (2020), the year 2018: t = 4/6, line = 50 + 10 × 4/6 = 56.667.
    const rows = (e: string) =>
      buildGrid('s', [
        ['指標', '基準値\n(H26)', '現状値\n(H30)', '目安値', '目標値\n(R2)'],
        ['市民満足度', '50.0%', '57.0%', e, '60.0%'],
      ]);
    // 56.7 shows one decimal: |56.7 − 56.667| = 0.033 ≤ 0.05.
    expect(evaluateWorkbook([rows('56.7%')], BUILTIN_PRESETS.pace).problems.map((p) => p.code)).toEqual(['noGradeColumn']);
    // 56.6: |56.6 − 56.667| = 0.067 > 0.05.
    expect(evaluateWorkbook([rows('56.6%')], BUILTIN_PRESETS.pace).problems.map((p) => p.code)).toEqual([
      'noGradeColumn',
      'expectedDiffers',
    ]);
  });
});

describe('進捗率 / 達成率 the office computed', () => {
  // B = 1,000, C = 1,100, T = 1,200: p = 100/200 = 50%; a = 1,100/1,200 = 91.67%.
  const grid = (progress: string, attainment: string) =>
    buildGrid('s', [
      ['指標', '基準値', '実績値', '目標値', '進捗率', '達成率', '評価'],
      ['転入者数', '1,000人', '1,100人', '1,200人', progress, attainment, ''],
    ]);

  it('agreeing within rounding (50.0%, 91.7%): nothing said, never read as values', () => {
    const e = evaluateWorkbook([grid('50.0%', '91.7%')], BUILTIN_PRESETS.standard);
    const t = e.tables[0]!.table;
    expect(t.columns.values.map((v) => v.col)).toEqual([1, 2]);
    expect(e.problems).toEqual([]);
  });

  it('differing (55%, 0.9 in per cent is 0.9%): each said with both figures and the formula', () => {
    const e = evaluateWorkbook([grid('55%', '0.9')], BUILTIN_PRESETS.standard);
    expect(e.problems.map((p) => [p.code, p.cell])).toEqual([
      ['officeRateDiffers', 'E2'],
      ['officeRateDiffers', 'F2'],
    ]);
    expect(e.problems[0]!.message).toBe(
      '「s」シートのセル E2 の進捗率 55% は、計算した値 50%（(C − B) / (T − B)）と異なります。セルはそのまま残しています。計算方法を確認してください。',
    );
    expect(e.problems[1]!.messageEn).toBe(
      'The attainment rate 0.9 in cell F2 on sheet "s" differs from ours, 91.7% (C / T). The cell is left as it is; check how it was computed.',
    );
  });
});

describe('unit and year columns in grading', () => {
  const grid = buildGrid('s', [
    ['指標', '単位', '基準値', '基準年度', '現状値', '年度', '目標値', '目標年度', '評価'],
    // 60.5 → 72 against 70 (%, from the unit column): met → Ｓ.
    ['市民満足度', '％', '60.5', 'H26', '72', 'R1', '70', 'R2', ''],
    // 372 → 400 against 450 (万人): p = 28/78 = 0.359; t = (2019 − 2014)/(2020 − 2014) = 0.833;
    // 0.359 < 0.417 (0.5t); d = (372 − 400)/372 < 0 → Ｃ.
    ['観光入込客数', '万人', '372', 'H26', '400', 'R1', '450', 'R2', ''],
  ]);
  const e = evaluateWorkbook([grid], BUILTIN_PRESETS.standard);

  it('grades on the row unit and the years of the year columns', () => {
    expect(graded(e)).toEqual([
      ['市民満足度', 'S'],
      ['観光入込客数', 'C'],
    ]);
    expect(e.tables[0]!.kpis[0]!.outcome.reason).toBe('目標達成（72.0% ≥ 70.0%）→ Ｓ 早い');
    expect(e.tables[0]!.kpis[1]!.outcome.reason).toBe('進捗率 36%（経過 83%）→ Ｃ やや遅れている');
  });
});

describe('several yearly actual columns in grading', () => {
  const grid = buildGrid('s', [
    ['指標名', '基準値(H30)', 'R2実績', 'R3実績', 'R4実績', 'R5実績', '目標値(R7)', '評価'],
    // C = R5 = 1,100 (2023): p = 100/200 = 0.5; t = (2023 − 2018)/(2025 − 2018) = 5/7 = 0.714;
    // 0.5 < 0.714, 0.5 ≥ 0.357 → Ｂ.
    ['転入者数', '1,000人', '1,020人', '1,050人', '1,080人', '1,100人', '1,200人', ''],
    // R5 not in: C = R4 = 470 (2022); p < 0; d = (500 − 470)/500 = 6% ≤ 10% → Ｃ.
    ['出生数', '500人', '490人', '480人', '470人', '－', '550人', ''],
  ]);

  it('the latest filled actual is current', () => {
    const e = evaluateWorkbook([grid], BUILTIN_PRESETS.standard);
    expect(graded(e)).toEqual([
      ['転入者数', 'B'],
      ['出生数', 'C'],
    ]);
    expect(e.tables[0]!.kpis[0]!.outcome.reason).toBe('進捗率 50%（経過 71%）→ Ｂ おおむね順調');
  });
});

describe('last year’s grade is history, never written', () => {
  it('the write plan writes this year’s grade column only', () => {
    const grid = buildGrid('s', [
      ['指標', '基準値', '実績値', '目標値', '前年度評価', '評価', '備考'],
      ['転入者数', '1,000', '1,300', '1,200', 'Ｂ', '', '推計'],
    ]);
    const e = evaluateWorkbook([grid], BUILTIN_PRESETS.standard);
    expect(e.tables[0]!.kpis[0]!.kpi.previousGrade).toEqual({ row: 1, col: 4, text: 'Ｂ' });
    const plan = planWrite(e, [grid], { adopt: 'none', notes: true, addGradeColumns: true });
    expect(plan.writes.map((w) => [w.address, w.after])).toEqual([['F2', 'Ｓ']]);
    expect(plan.notes.map((n) => n.address)).toEqual(['F2']);
  });
});
