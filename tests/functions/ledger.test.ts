/**
 * One rule, one answer: for every KPI the engine finds in a ledger, =KPI.GRADE called with
 * what an officer would point at — the displayed texts of the 当初 / 現状 / 目標 cells and the
 * years that apply to them — gives the grade the task pane and the command line give, in the
 * table's style, under every built-in rule. Where the engine gives no grade, GRADE gives an
 * error instead of a grade.
 */
import './customFunctionsGlobal';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadXlsx } from '../../src/xlsx/readWorkbook';
import { evaluateWorkbook } from '../../src/core/evaluate';
import { BUILTIN_PRESETS } from '../../src/core/presets';
import type { ValueCell } from '../../src/core/types';
import { grade } from '../../src/functions/functions';
import { refreshWorkbookRule } from '../../src/functions/ruleProvider';

const SAMPLE = 'samples/kashiwazaki-H29-ledger.xlsx';
const FIXTURES = 'tests/fixtures';

const ledgers = [
  SAMPLE,
  ...(existsSync(FIXTURES) ? readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx')).map((f) => join(FIXTURES, f)) : []),
].filter((f) => existsSync(f));

const text = (cell: ValueCell | undefined): string | null => cell?.text ?? null;
const year = (cell: ValueCell | undefined): number | null => cell?.year ?? null;

afterEach(() => refreshWorkbookRule({ gradeStyle: 'full' }));

describe('KPI.GRADE agrees with the engine on whole ledgers', () => {
  it('has the sample ledger to check', () => {
    expect(existsSync(SAMPLE)).toBe(true);
  });

  describe.each(ledgers)('%s', (path) => {
    it.each(Object.keys(BUILTIN_PRESETS))('under %s', async (presetId) => {
      const { grids } = await loadXlsx(path);
      const evaluation = evaluateWorkbook(grids, BUILTIN_PRESETS[presetId as keyof typeof BUILTIN_PRESETS]);
      let compared = 0;
      for (const table of evaluation.tables) {
        refreshWorkbookRule({ gradeStyle: table.gradeStyle });
        for (const { kpi, outcome, gradeText } of table.kpis) {
          const [[result]] = (await grade(
            [[text(kpi.baseline)]],
            [[text(kpi.current)]],
            [[kpi.target.text]],
            [[year(kpi.baseline)]],
            [[year(kpi.current)]],
            [[kpi.target.year ?? null]],
            [[presetId]],
          )) as [[unknown]];
          const where = `${table.table.sheet} ${kpi.name}`;
          if (outcome.grade === null) {
            expect(result, where).toBeInstanceOf(CustomFunctions.Error);
          } else {
            expect(result, where).toBe(gradeText);
          }
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(0);
    });
  });

  it('grades the 17 KPI rows of the sample in one spilled call each per table', async () => {
    const { grids } = await loadXlsx(SAMPLE);
    const evaluation = evaluateWorkbook(grids, BUILTIN_PRESETS.standard);
    let rows = 0;
    for (const table of evaluation.tables) {
      const kpis = table.kpis;
      const out = await grade(
        kpis.map(({ kpi }) => [text(kpi.baseline)]),
        kpis.map(({ kpi }) => [text(kpi.current)]),
        kpis.map(({ kpi }) => [kpi.target.text]),
        kpis.map(({ kpi }) => [year(kpi.baseline)]),
        kpis.map(({ kpi }) => [year(kpi.current)]),
        kpis.map(({ kpi }) => [kpi.target.year ?? null]),
      );
      expect(out).toEqual(kpis.map((k) => [k.gradeText]));
      rows += kpis.length;
    }
    expect(rows).toBe(17);
  });
});
