/**
 * The 「KPI評価集計」 sheet's content on the sample ledger, cell by cell where it counts. The
 * numbers are the hand counts of the published report (see tests/core/summary.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { loadXlsx } from '../../src/xlsx/readWorkbook';
import { evaluateWorkbook } from '../../src/core/evaluate';
import { getBuiltinPreset } from '../../src/core/presets';
import { placesFor } from '../../src/core/structure';
import { earlierFrom, summarize } from '../../src/core/summary';
import { SUMMARY_SHEET_NAME, summarySheetContent } from '../../src/core/summarySheet';
import { SAMPLE_PATH } from '../../scripts/make-sample';

const preset = getBuiltinPreset('standard')!;

async function sheet(withEarlier = false) {
  const { grids } = await loadXlsx(SAMPLE_PATH);
  const evaluation = evaluateWorkbook(grids, preset);
  const places = placesFor(
    evaluation.tables.map((t) => t.table),
    grids,
  );
  const earlier = withEarlier ? earlierFrom(summarize(evaluation, places, preset, { basis: 'computed' }), 'R5') : undefined;
  const summary = summarize(evaluation, places, preset, { basis: 'ledger', ...(earlier ? { earlier } : {}) });
  return summarySheetContent(summary, preset);
}

describe('the KPI評価集計 sheet content', () => {
  it('lays out the goal block: header, each 節 with its 基本的方向 indented, then 全体', async () => {
    const s = await sheet();
    expect(s.name).toBe(SUMMARY_SHEET_NAME);
    const head = s.rows[s.goalBlock.top]!;
    expect(head.slice(0, 12)).toEqual([
      '基本目標・基本的方向',
      'Ｓ 早い',
      'Ａ 順調',
      'Ｂ おおむね順調',
      'Ｃ やや遅れている',
      'Ｄ 遅れている',
      'Ｅ 未着手',
      '－ 実施時期未到来',
      '評価不能',
      '計',
      '順調以上（Ｓ・Ａ） 件数',
      '評価対象',
    ]);
    const body = s.rows.slice(s.goalBlock.top + 1, s.goalBlock.bottom + 1);
    // 4 節 × (1 + 2 基本的方向) + 全体
    expect(body.length).toBe(13);
    //                                                       S  A  B  C  D  E  －  不能 計  順調以上 対象 割合
    expect(body[0]).toEqual(['第１節 地域産業の振興を図り雇用の場をつくる', 1, 0, 2, 2, 0, 0, 0, 0, 5, 1, 5, 0.2]);
    expect(body[1]).toEqual(['　基本的方向１ 雇用対策の強化を図る', 1, 0, 2, 0, 0, 0, 0, 0, 3, 1, 3, 1 / 3]);
    expect(body[3]).toEqual(['第２節 子どもを産み育てやすいまちをつくる', 1, 2, 0, 1, 0, 0, 0, 0, 4, 3, 4, 0.75]);
    expect(body[6]).toEqual(['第３節 地域の活力を担う人材をつくる', 1, 1, 0, 0, 0, 0, 2, 0, 4, 2, 2, 1]);
    // 基本的方向２ of 第３節: two KPIs not yet due, nothing assessed, no share.
    expect(body[8]).toEqual(['　基本的方向２ 愛着や誇りを育む人材をつくる', 0, 0, 0, 0, 0, 0, 2, 0, 2, 0, 0, null]);
    expect(body[9]).toEqual(['第４節 定住を促す魅力あるまちをつくる', 1, 1, 0, 1, 1, 0, 0, 0, 4, 2, 4, 0.5]);
    expect(body[12]).toEqual(['全体', 4, 4, 2, 4, 1, 0, 2, 0, 17, 8, 15, 8 / 15]);
    expect(s.percentColumns.counts).toEqual([12]);
  });

  it('lists every KPI once, with its place, department, grade and the rule grade where a typed one differs', async () => {
    const s = await sheet();
    const list = s.rows.slice(s.kpiBlock.top + 1, s.kpiBlock.bottom + 1);
    expect(list.length).toBe(17);
    const koko = list.find((r) => r[2] === '新規学校卒業者の市内就職率／市内高校')!;
    expect(koko.slice(0, 10)).toEqual(['第１節 地域産業の振興を図り雇用の場をつくる', '基本的方向１ 雇用対策の強化を図る', '新規学校卒業者の市内就職率／市内高校', '商業観光課', '59.0％', '60.5％', '61.0％', 0.75, 0.6, 'Ｂ']);
    // 59.0 → 60.5 toward 61.0: p = 1.5/2.0; t = 3/5 (H26→H29→H31). The rule says Ａ; the ledger says Ｂ.
    expect(koko[11]).toBe('Ａ');
    const daigaku = list.find((r) => r[2] === '新規学校卒業者の市内就職率／市内大学')!;
    expect(daigaku[11]).toBe('');
    // The two KPIs with no figure yet: no rate, grade －.
    const notYet = list.filter((r) => r[9] === '－');
    expect(notYet.length).toBe(2);
    expect(notYet.every((r) => r[7] === null && r[8] === null)).toBe(true);
    expect(s.gradeCells.length).toBe(17);
    expect(s.gradeCells.every((g) => s.rows[g.row]![g.col] !== null)).toBe(true);
    // All rows are as wide as the widest block.
    expect(new Set(s.rows.map((r) => r.length)).size).toBe(1);
  });

  it('adds the earlier share and the change when an earlier evaluation is given', async () => {
    const s = await sheet(true);
    const head = s.rows[s.goalBlock.top]!;
    expect(head.slice(13, 15)).toEqual(['前回の割合（R5）', '増減（ポイント）']);
    const first = s.rows[s.goalBlock.top + 1]!;
    // Earlier (computed) 第１節: S1 A1 of 5 → 0.4; now 0.2: change −20 points.
    expect(first[13]).toBeCloseTo(0.4, 10);
    expect(first[14]).toBeCloseTo(-20, 10);
    expect(s.percentColumns.counts).toEqual([12, 13]);
    expect(s.pointColumns).toEqual([14]);
  });

  it('makes the KPI list a table and lays out the charts and their data', async () => {
    const s = await sheet();
    expect(s.kpiTable).toEqual({ block: s.kpiBlock, name: 'KPI評価一覧' });
    expect(s.pointColumns).toEqual([]);
    // One chart of grade counts, then one per 節 (all four have KPIs with a 進捗率).
    expect(s.charts.map((c) => [c.kind, c.chartType, c.lineColumns])).toEqual([
      ['gradeCounts', 'BarStacked', []],
      ['progress', 'ColumnClustered', [2]],
      ['progress', 'ColumnClustered', [2]],
      ['progress', 'ColumnClustered', [2]],
      ['progress', 'ColumnClustered', [2]],
    ]);
    // Slots: between the department block and the KPI list, apart, each 19 rows over A–H, all empty.
    const slots = s.charts.map((c) => c.anchor);
    expect(slots[0]!.top).toBe(s.departmentBlock.bottom + 2);
    for (const [i, slot] of slots.entries()) {
      expect([slot.left, slot.right, slot.bottom - slot.top + 1]).toEqual([0, 7, 19]);
      if (i > 0) expect(slot.top).toBe(slots[i - 1]!.bottom + 2);
      for (let r = slot.top; r <= slot.bottom; r++) expect(s.rows[r]!.every((v) => v === null)).toBe(true);
    }
    expect(s.kpiBlock.top).toBe(slots[4]!.bottom + 2);

    // The grade counts' data, below the KPI list: S A B C D E － 不能 per 節, by hand (summary.test.ts).
    const grades = s.charts[0]!;
    expect(grades.data.top).toBeGreaterThan(s.kpiBlock.bottom);
    const block = (c: typeof grades) => s.rows.slice(c.data.top, c.data.bottom + 1).map((r) => r.slice(c.data.left, c.data.right + 1));
    expect(block(grades)).toEqual([
      [null, 'Ｓ 早い', 'Ａ 順調', 'Ｂ おおむね順調', 'Ｃ やや遅れている', 'Ｄ 遅れている', 'Ｅ 未着手', '－ 実施時期未到来', '評価不能'],
      ['第１節 地域産業の振興を図り雇用の場をつくる', 1, 0, 2, 2, 0, 0, 0, 0],
      ['第２節 子どもを産み育てやすいまちをつくる', 1, 2, 0, 1, 0, 0, 0, 0],
      ['第３節 地域の活力を担う人材をつくる', 1, 1, 0, 0, 0, 0, 2, 0],
      ['第４節 定住を促す魅力あるまちをつくる', 1, 1, 0, 1, 1, 0, 0, 0],
    ]);
    expect(grades.title).toBe('基本目標別の評価の件数');

    // 第１節's progress: 市内高校 59.0 → 60.5 toward 61.0 is p = 0.75, t = 0.6 (as in the list above).
    const p1 = s.charts[1]!;
    expect(p1.title).toBe('第１節 地域産業の振興を図り雇用の場をつくる：指標ごとの進捗率（線は経過率）');
    const rows1 = block(p1);
    expect(rows1[0]).toEqual([null, '進捗率', '経過率']);
    expect(rows1.length).toBe(1 + 5);
    expect(rows1.find((r) => r[0] === '新規学校卒業者の市内就職率／市内高校')!.slice(1)).toEqual([0.75, 0.6]);
    // A name over 18 characters is cut for the axis (the KPI list has it whole).
    expect(rows1[1]![0]).toBe('女性の生産年齢人口(15歳から64…');
    // 第３節: the two 小中学生 KPIs have no figure yet, so no bar: 2 rows.
    expect(block(s.charts[3]!).length).toBe(1 + 2);
    expect(p1.percentColumns).toEqual([1, 2]);
  });
});
