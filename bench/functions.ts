/**
 * How long one =KPI.* call takes, on ledger text as officers write it (full-width figures,
 * census notes, ranks, bounds, 未実施, －). A workbook with a few hundred KPI formulas
 * recalculates them all when it opens, so a call has to cost microseconds, not milliseconds.
 *
 * Each function is called 10,000 times the way Excel calls a single-cell formula (every
 * argument a 1×1 matrix), cycling through the rows below, after a warm-up. GRADE is awaited
 * per call, as Excel awaits it; its saved rule is the cached `standard` (no workbook here).
 * One more line times GRADE over a 100-row column (100 calls, 10,000 rows), per row, to show
 * what one spilled call costs against single-cell formulas.
 *
 * Called by the project's bench runner: `benchFunctions()` → [{ name, usPerCall }].
 */
import '../tests/functions/customFunctionsGlobal'; // the CustomFunctions global Excel provides
import { attain, expected, grade, nendo, rate, value } from '../src/functions/functions';

const CALLS = 10_000;
const WARM_UP = 1_000;
const RANGE_ROWS = 100;

/** 当初, 現状, 目標 and their years, as in the seed report and the spec's grammar. */
const ROWS: ReadonlyArray<readonly [string, string, string, string, string, string]> = [
  ['63.0％\n(H22 国調)', '69.8％\n(H27 国調)', '65.0%\n(H32 国調)', 'H26', 'H29', 'H31'],
  ['59.0％', '60.5％', '61.0％', '平成26年度', '平成29年度', '令和元年度'],
  ['13.0％', '13.7％', '15.0％', '(H26)', '(H29)', '(H31)'],
  ['720億円\n(H24)', '665億円\n（H28）', '770億円\n以上', 'H26', 'H29', 'H31'],
  ['372万人', '356万人', '450万人\n以上', '2014', '2017', '2019'],
  ['18か所', '21か所', '20か所\n以上', 'H26', 'H29', 'H31'],
  ['54.9％\n(H22 国調)', '53.5％\n(H27 国調)', '56.0%以上\n(H32 国調)', 'H26', 'H29', 'H31'],
  ['17組', '27組', '30組以上', 'H26', 'H29', 'H31'],
  ['未実施', '24人', '20人以上', 'H26', 'H29', 'H31'],
  ['81.3％', '－', '85.0%以上', 'H26', 'H29', 'H31'],
  ['440位', '660位', '300位以内', 'H26', 'H29', 'H31'],
  ['372件', '４，５４２件', '２，０００件', 'H26', 'H29', 'H31'],
  ['217人', '198人', '150人以下', 'H26', 'H29', 'H31'],
  ['0件', '未着手', '10件', 'R2', 'R5', 'R7'],
];

const CELLS = ['２，９２０件', '65.0%以上', '63.0％\n(H22 国調)', '440位', '30組以上', '未実施', '720億円\n(H24)', '－', '20か所\n以上'];
const HEADERS = ['当初\n(H26)', '(H28)', '現状\n(H29)', '目標値\n(H31)', '令和元年度', '(H27 国調)', '2024年度', 'R5'];

const one = (v: unknown): unknown[][] => [[v]];

async function time(name: string, call: (i: number) => unknown, calls = CALLS): Promise<{ name: string; usPerCall: number }> {
  for (let i = 0; i < Math.min(WARM_UP, calls); i++) await call(i);
  const start = performance.now();
  for (let i = 0; i < calls; i++) {
    const r = call(i);
    if (r instanceof Promise) await r;
  }
  return { name, usPerCall: ((performance.now() - start) * 1000) / calls };
}

const row = (i: number) => ROWS[i % ROWS.length]!;

export async function benchFunctions(): Promise<{ name: string; usPerCall: number }[]> {
  const results: { name: string; usPerCall: number }[] = [];
  results.push(await time('KPI.RATE', (i) => rate(one(row(i)[0]), one(row(i)[1]), one(row(i)[2]))));
  results.push(
    await time('KPI.GRADE', (i) => {
      const [b, c, t, yb, yc, yt] = row(i);
      return grade(one(b), one(c), one(t), one(yb), one(yc), one(yt));
    }),
  );
  results.push(await time('KPI.ATTAIN', (i) => attain(one(row(i)[1]), one(row(i)[2]))));
  results.push(
    await time('KPI.EXPECTED', (i) => {
      const [b, , t, yb, , yt] = row(i);
      return expected(one(b), one(t), one(yb), one(yt), one(2015 + (i % 6)));
    }),
  );
  results.push(await time('KPI.VALUE', (i) => value(one(CELLS[i % CELLS.length]))));
  results.push(await time('KPI.NENDO', (i) => nendo(one(HEADERS[i % HEADERS.length]))));

  // A 100-row column in one call, 100 times (10,000 rows): cost per row.
  const column = (k: number) => Array.from({ length: RANGE_ROWS }, (_, r) => [ROWS[r % ROWS.length]![k]]);
  const [b, c, t] = [column(0), column(1), column(2)];
  const perRange = await time('range', () => grade(b, c, t, one('H26'), one('H29'), one('H31')), CALLS / RANGE_ROWS);
  results.push({ name: `KPI.GRADE per row of a ${RANGE_ROWS}-row range`, usPerCall: perRange.usPerCall / RANGE_ROWS });
  return results;
}
