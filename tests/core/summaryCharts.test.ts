/**
 * Which cells the summary sheet's charts read (src/core/summaryCharts.ts), on the sample
 * ledger's sheet: the goal rows only for the grade counts, each goal's KPI rows for its
 * progress chart, the preset's grade colours.
 */
import { describe, expect, it } from 'vitest';
import { gradeColours } from '../../src/core/colours';
import { evaluateWorkbook } from '../../src/core/evaluate';
import { getBuiltinPreset } from '../../src/core/presets';
import { placesFor } from '../../src/core/structure';
import { summarize } from '../../src/core/summary';
import { summaryCharts } from '../../src/core/summaryCharts';
import { summarySheetContent } from '../../src/core/summarySheet';
import { loadXlsx } from '../../src/xlsx/readWorkbook';
import { SAMPLE_PATH } from '../../scripts/make-sample';

const preset = getBuiltinPreset('standard')!;
const colours = gradeColours(preset);

async function sample() {
  const { grids } = await loadXlsx(SAMPLE_PATH);
  const evaluation = evaluateWorkbook(grids, preset);
  const places = placesFor(
    evaluation.tables.map((t) => t.table),
    grids,
  );
  const summary = summarize(evaluation, places, preset, { basis: 'ledger' });
  return { summary, content: summarySheetContent(summary, preset) };
}

describe('summaryCharts', () => {
  it('reads the 節 rows only (not their 基本的方向) for the grade counts, one series per grade in its colour', async () => {
    const { summary, content } = await sample();
    const [counts, ...progress] = summaryCharts(content, summary, colours);
    expect(counts!.kind).toBe('gradeCounts');
    // The goal block starts at row 4 (0-based; header), then 節 + two 基本的方向 each: 節 at 5, 8, 11, 14.
    expect(counts!.categories).toEqual({ rows: [5, 8, 11, 14], col: 0 });
    expect(counts!.categories.rows.map((r) => String(content.rows[r]![0]).slice(0, 3))).toEqual(['第１節', '第２節', '第３節', '第４節']);
    expect(counts!.series.map((s) => content.rows[s.name.row]![s.name.col])).toEqual([
      'Ｓ 早い',
      'Ａ 順調',
      'Ｂ おおむね順調',
      'Ｃ やや遅れている',
      'Ｄ 遅れている',
      'Ｅ 未着手',
      '－ 実施時期未到来',
    ]);
    // Spec §7: Ｓ dark blue … Ｅ grey; － has no colour of its own and gets the pale grey of the HTML report.
    expect(counts!.series.map((s) => s.colour)).toEqual(['#1F3A93', '#1B7F3B', '#B8E0B0', '#FFE699', '#C0392B', '#BFBFBF', '#E7E6E6']);
    expect(progress).toHaveLength(4);
  });

  it("gives each 節 a chart of its own KPIs' 進捗率 (columns) and 経過率 (line)", async () => {
    const { summary, content } = await sample();
    const progress = summaryCharts(content, summary, colours).slice(1);
    for (const [i, chart] of progress.entries()) {
      const goal = summary.goals[i]!;
      expect(chart.title).toBe(`${goal.label}　各指標の進捗率と経過率`);
      expect(chart.categories.rows.map((r) => content.rows[r]![0])).toEqual(Array(goal.counts.total).fill(goal.label));
      expect(chart.series.map((s) => [content.rows[s.name.row]![s.name.col], s.kind])).toEqual([
        ['進捗率', 'bar'],
        ['経過率', 'line'],
      ]);
      expect(chart.percent).toBe(true);
    }
  });

  it('leaves out a 節 none of whose KPIs has a 進捗率, and adds 評価不能 to the counts when a goal has one', async () => {
    const { summary, content } = await sample();
    const first = new Set(content.kpiRows.filter((k) => k.goalKey === summary.goals[0]!.key).map((k) => k.row));
    const noProgress = { ...content, rows: content.rows.map((r, i) => (first.has(i) ? r.map((v, c) => (c === 7 ? null : v)) : r)) };
    const withUngraded = { ...summary, goals: summary.goals.map((g, i) => (i === 1 ? { ...g, counts: { ...g.counts, ungraded: 1 } } : g)) };
    const charts = summaryCharts(noProgress, withUngraded, colours);
    expect(charts.slice(1).map((c) => c.title.slice(0, 3))).toEqual(['第２節', '第３節', '第４節']);
    const last = charts[0]!.series.at(-1)!;
    expect(content.rows[last.name.row]![last.name.col]).toBe('評価不能');
    expect(last.values.col).toBe(8);
  });
});
