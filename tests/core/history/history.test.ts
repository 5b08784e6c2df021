/**
 * Issue 13 core: entries, comparison with the previous entry, revisions, the ledger's own
 * history and the officer's words. Grades worked out by hand from the standard rule
 * (S p ≥ 1; A p ≥ t; B p ≥ 0.5·t; D worse than baseline by > 10 %; else C), t = (R3 − H30)/(R6 − H30)
 * = (2021 − 2018)/(2024 − 2018) = 0.5.
 */
import { describe, expect, it } from 'vitest';
import { evaluateWorkbook } from '../../../src/core/evaluate';
import { compareWithPrevious, revisionMessage, withRevisionReasons } from '../../../src/core/history/compare';
import { ledgerHistory, officerColumns, officerTexts } from '../../../src/core/history/ledger';
import { appendEntry, EMPTY_HISTORY, HISTORY_LIMIT, kpiKey, parseHistory, removeEntry, type History } from '../../../src/core/history/model';
import { evaluatedYear, recordEntry } from '../../../src/core/history/record';
import { gradesByYear, kpiTimeline } from '../../../src/core/history/timeline';
import { getBuiltinPreset } from '../../../src/core/presets';
import { buildGrid, type CellInput } from '../../support/gridBuilder';

const standard = getBuiltinPreset('standard')!;
const HEADER = ['No', '指標', '当初\n(H30)', 'R2実績', 'R3実績', '目標値\n(R6)', '前年度評価', '達成状況', '要因分析', '今後の方向性', '担当課コメント'];

function ledger(rows: readonly (readonly CellInput[])[]) {
  return buildGrid('基本目標1', [HEADER, ...rows]);
}

// First year: 観光客数 p = 40/100 = 0.4 ≥ 0.25 → B; 移住者数 40 < 50, d = 20 % → D;
// 公園数 p = 6/10 = 0.6 ≥ 0.5 → A; 認定件数 p = 10/10 = 1 → S.
const first = ledger([
  ['1', '観光客数（観光課）', '100人', '120人', '140人', '200人', 'Ｂ', '', 'イベント増', '拡大', '来年度も継続'],
  ['2', '移住者数（企画課）', '50人', '45人', '40人', '80人', '', '', '', '継続', ''],
  ['3', '公園数（都市計画課）', '10か所', '12か所', '16か所', '20か所', '', '', '', '', ''],
  ['4', '認定件数（商工課）', '0件', '5件', '10件', '10件', '', '', '', '', ''],
]);
// Second year, rows moved (公園数 first): 観光客数 target 200 → 250, p = 100/150 = 0.67 ≥ 0.5 → A (better);
// 移住者数 p = 10/30 = 0.33 ≥ 0.25 → B (better); 公園数 p = 2/10 = 0.2 < 0.25, not worse than the
// baseline → C (worse); 認定件数 still 10/10 → S (same).
const second = ledger([
  ['3', '公園数（都市計画課）', '10か所', '12か所', '12か所', '20か所', '', '', '', '', ''],
  ['1', '観光客数（観光課）', '100人', '120人', '200人', '250人', 'Ｂ', '', 'イベント増', '拡大', '来年度も継続'],
  ['2', '移住者数（企画課）', '50人', '45人', '60人', '80人', '', '', '', '継続', ''],
  ['4', '認定件数（商工課）', '0件', '5件', '10件', '10件', '', '', '', '', ''],
]);

function written(ev: ReturnType<typeof evaluateWorkbook>): Map<string, string> {
  const m = new Map<string, string>();
  for (const t of ev.tables) for (const k of t.kpis) if (k.gradeText && k.kpi.gradeCell) m.set(`${t.table.sheet}!H${k.kpi.gradeCell.row + 1}`, k.gradeText);
  return m;
}

describe('history entries', () => {
  const ev1 = evaluateWorkbook([first], standard);

  it('records per KPI the figures with years, the grade written and the fiscal year of the current column', () => {
    expect(evaluatedYear(ev1)).toBe(2021);
    const entry = recordEntry({ evaluation: ev1, written: written(ev1), date: '2022-05-01T00:00:00Z', source: 'cli', writeId: 'w1' });
    expect(entry.fiscalYear).toBe(2021);
    expect(entry.kpis.map((k) => [k.name, k.department, k.grade, k.gradeWritten])).toEqual([
      ['観光客数', '観光課', 'B', 'Ｂ'],
      ['移住者数', '企画課', 'D', 'Ｄ'],
      ['公園数', '都市計画課', 'A', 'Ａ'],
      ['認定件数', '商工課', 'S', 'Ｓ'],
    ]);
    expect(entry.kpis[0]).toMatchObject({
      key: kpiKey('基本目標1', '観光客数', '観光課'),
      baseline: { text: '100人', value: 100, unit: '人', year: 2018 },
      current: { text: '140人', value: 140, year: 2021 },
      target: { text: '200人', value: 200, year: 2024 },
    });
    expect(parseHistory(appendEntry(EMPTY_HISTORY, entry)).ok).toBe(true);
  });

  it('a typed grade that was kept is the hand grade, not a written one', () => {
    const typed = ledger([['1', '観光客数（観光課）', '100人', '120人', '140人', '200人', '', 'Ｓ', '', '', '']]);
    const ev = evaluateWorkbook([typed], standard);
    const entry = recordEntry({ evaluation: ev, written: new Map(), date: 'd', source: 'pane' });
    expect(entry.kpis[0]).toMatchObject({ grade: 'B', handGrade: 'Ｓ' });
    expect(entry.kpis[0]!.gradeWritten).toBeUndefined();
  });

  it('keys are robust to spacing and width, and tell departments apart', () => {
    expect(kpiKey('s', '観光 客数', '観光課')).toBe(kpiKey('s', '観光客数', '観光課'));
    expect(kpiKey('s', 'ＫＰＩ１', undefined)).toBe(kpiKey('s', 'KPI1', undefined));
    expect(kpiKey('s', '観光客数', '観光課')).not.toBe(kpiKey('s', '観光客数', '商工課'));
  });

  it('keeps the last 20 entries and undo removes exactly its own', () => {
    let h: History = EMPTY_HISTORY;
    for (let i = 1; i <= HISTORY_LIMIT + 3; i++) h = appendEntry(h, { date: `d${i}`, presetId: 'standard', source: 'cli', writeId: `w${i}`, kpis: [] });
    expect(h.entries).toHaveLength(20);
    expect(h.entries[0]!.writeId).toBe('w4');
    expect(removeEntry(h, 'w23').entries.map((e) => e.writeId)).toEqual(h.entries.slice(0, 19).map((e) => e.writeId));
  });

  it('a damaged history is refused with reasons', () => {
    const r = parseHistory({ version: 1, entries: [{ date: 1 }] });
    expect(r.ok).toBe(false);
  });
});

describe('comparing with the previous entry', () => {
  const ev1 = evaluateWorkbook([first], standard);
  const entry1 = recordEntry({ evaluation: ev1, written: written(ev1), date: 'd1', source: 'cli', writeId: 'w1' });
  const ev2 = evaluateWorkbook([second], standard);
  const cmp = compareWithPrevious(ev2, entry1);

  it('better / worse / same per KPI, matched by name and 担当課 although rows moved', () => {
    const byName = Object.fromEntries(cmp.kpis.map((k) => [k.name, [k.previousGrade, k.grade, k.change]]));
    expect(byName).toEqual({
      公園数: ['A', 'C', 'worse'],
      観光客数: ['B', 'A', 'better'],
      移住者数: ['D', 'B', 'better'],
      認定件数: ['S', 'S', 'same'],
    });
    expect(cmp.counts).toEqual({ better: 2, worse: 1, same: 1, new: 0, ungraded: 0 });
  });

  it('flags the revised target, in the officer’s words, and the reason line says so', () => {
    const revised = cmp.kpis.filter((k) => k.revisions.length > 0);
    expect(revised.map((k) => k.name)).toEqual(['観光客数']);
    const r = revised[0]!.revisions[0]!;
    expect(r).toEqual({ what: 'target', from: '200人', to: '250人', since: 2021 });
    expect(revisionMessage(r, 'ja')).toBe('目標値が 200人 から 250人 に変更されています（R3 評価時）');
    expect(revisionMessage(r, 'en')).toBe('The target was changed from 200人 to 250人 (since the R3 evaluation)');
    const annotated = withRevisionReasons(ev2, cmp);
    const kanko = annotated.tables[0]!.kpis.find((k) => k.kpi.name === '観光客数')!;
    // Graded on the current target: p = 100/150 = 67 %.
    expect(kanko.outcome.reason).toBe('進捗率 67%（経過 50%）→ Ａ 順調（目標値を 200人 から 250人 に変更）');
    expect(kanko.outcome.reasonEn).toContain(' (target revised from 200人 to 250人)');
    const koen = annotated.tables[0]!.kpis.find((k) => k.kpi.name === '公園数')!;
    expect(koen.outcome.reason).toBe(ev2.tables[0]!.kpis[0]!.outcome.reason);
  });

  it('a baseline revision too; the first evaluation has only new KPIs', () => {
    const rebased = ledger([['1', '観光客数（観光課）', '90人', '120人', '140人', '200人', '', '', '', '', '']]);
    const c = compareWithPrevious(evaluateWorkbook([rebased], standard), entry1);
    expect(c.kpis[0]!.revisions).toEqual([{ what: 'baseline', from: '100人', to: '90人', since: 2021 }]);
    expect(compareWithPrevious(ev1, undefined).counts).toEqual({ better: 0, worse: 0, same: 0, new: 4, ungraded: 0 });
  });

  it('the previous grade is what the ledger showed: a kept hand grade counts', () => {
    const prev = { ...entry1, kpis: entry1.kpis.map((k) => (k.name === '認定件数' ? { ...k, gradeWritten: undefined, handGrade: 'Ａ' } : k)) };
    const c = compareWithPrevious(ev2, prev);
    expect(c.kpis.find((k) => k.name === '認定件数')).toMatchObject({ previousGrade: 'A', grade: 'S', change: 'better' });
  });
});

describe('the ledger’s own history and the officer’s words', () => {
  const ev1 = evaluateWorkbook([first], standard);
  const table = ev1.tables[0]!.table;
  const kanko = ev1.tables[0]!.kpis[0]!.kpi;

  it('yearly actual columns and 前年度評価 are history before any write', () => {
    const lh = ledgerHistory(kanko);
    expect(lh.values).toEqual([
      { year: 2018, text: '100人', role: 'baseline' },
      { year: 2020, text: '120人', role: 'intermediate' },
      { year: 2021, text: '140人', role: 'current' },
    ]);
    // 前年度評価 of an R3 evaluation is R2's grade.
    expect(lh.previousGrade).toEqual({ text: 'Ｂ', year: 2020 });
    const key = kpiKey('基本目標1', '観光客数', '観光課');
    expect(kpiTimeline(key, lh, EMPTY_HISTORY).map((p) => [p.fiscalYear, p.source === 'ledger' ? (p.value ?? p.grade) : p.grade])).toEqual([
      [2018, '100人'],
      [2020, '120人'],
      [2020, 'Ｂ'],
      [2021, '140人'],
    ]);
    expect([...gradesByYear(key, lh, EMPTY_HISTORY, { year: 2021, grade: 'B' })]).toEqual([
      [2020, 'B'],
      [2021, 'B'],
    ]);
  });

  it('要因分析 / 今後の方向性 / 担当課コメント are the officer’s text, by cell', () => {
    const columns = officerColumns(table, first);
    expect(columns.map((c) => [c.col, c.kind])).toEqual([
      [8, 'analysis'],
      [9, 'direction'],
      [10, 'comment'],
    ]);
    expect(officerTexts(kanko, columns, first)).toEqual([
      { kind: 'analysis', header: '要因分析', cell: 'I2', text: 'イベント増' },
      { kind: 'direction', header: '今後の方向性', cell: 'J2', text: '拡大' },
      { kind: 'comment', header: '担当課コメント', cell: 'K2', text: '来年度も継続' },
    ]);
    expect(officerTexts(ev1.tables[0]!.kpis[1]!.kpi, columns, first).map((t) => t.text)).toEqual(['継続']);
  });

  it('a 方向性 column of ↑ / ↓ is the figure’s direction, not the officer’s', () => {
    const g = buildGrid('s', [
      ['指標', '方向性', '当初\n(H30)', '現状\n(R3)', '目標値\n(R6)', '達成状況'],
      ['待機児童数', '↓', '10人', '5人', '0人', ''],
    ]);
    const ev = evaluateWorkbook([g], standard);
    expect(officerColumns(ev.tables[0]!.table, g)).toEqual([]);
  });
});
