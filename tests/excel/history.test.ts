/**
 * Issue 13 on the workbook double, through the Office host: evaluate → write → change values and
 * a target → evaluate → write gives two entries in one custom XML part, a revision flag and the
 * change counts; undo after the second write leaves one entry; the officer's text is never touched.
 * Grades by hand as in tests/core/history/history.test.ts (standard, t = 0.5):
 *   first: 観光客数 p = 0.4 → B; 移住者数 d = 20 % → D.
 *   second: 観光客数 220 vs 250, p = 120/150 = 0.8 → A (better, target revised); 移住者数 62,
 *   p = 12/30 = 0.4 ≥ 0.25 → B (better).
 */
import { describe, expect, it } from 'vitest';
import { evaluateWorkbook } from '../../src/core/evaluate';
import { kpiKey } from '../../src/core/history/model';
import { recordEntry } from '../../src/core/history/record';
import { recordPaneWrite } from '../../src/taskpane/state/recordHistory';
import { getBuiltinPreset } from '../../src/core/presets';
import { planWrite } from '../../src/core/writePlan';
import { HISTORY_NAMESPACE } from '../../src/excel/historyPayload';
import { createOfficeHost } from '../../src/excel/officeHost';
import type { LedgerHost } from '../../src/core/host';
import { createWorkbookDouble } from '../support/workbookDouble';

const SHEET = '基本目標1';
const OFFICER = { I2: 'イベントの回数を増やした', J2: '拡大', K2: '観光協会と連携', J3: '継続' };

function setUp() {
  const double = createWorkbookDouble([
    {
      name: SHEET,
      cells: [
        ['No', '指標', '当初\n(H30)', 'R2実績', 'R3実績', '目標値\n(R6)', '前年度評価', '達成状況', '要因分析', '今後の方向性', '担当課コメント'],
        ['1', '観光客数（観光課）', '100人', '120人', '140人', '200人', 'Ｂ', '', OFFICER.I2, OFFICER.J2, OFFICER.K2],
        ['2', '移住者数（企画課）', '50人', '45人', '40人', '80人', '', '', '', OFFICER.J3, ''],
      ],
    },
  ]);
  return { double, host: createOfficeHost(double.run, { isSetSupported: double.isSetSupported }) };
}

/** What the pane does on 「書き込む」 (useLedger.write): evaluate, write, record the entry. */
async function evaluateAndWrite(host: LedgerHost, date: string, reasons: ReadonlyMap<string, string> = new Map()) {
  const grids = await host.readGrids({ kind: 'workbook' });
  const evaluation = evaluateWorkbook(grids, getBuiltinPreset('standard')!);
  const plan = planWrite(evaluation, grids, { adopt: 'all', notes: false, addGradeColumns: false });
  const report = await host.applyPlan(plan);
  const recorded = await recordPaneWrite(host, evaluation, plan, report, reasons, new Date(date));
  if (!recorded) throw new Error('not recorded');
  return recorded;
}

async function entries(host: LedgerHost) {
  const read = await host.loadHistory!();
  if (read.kind !== 'ok') throw new Error(`history ${read.kind}`);
  return read.history.entries;
}

describe('evaluation history through the Office host', () => {
  it('two writes: two entries, the revision, the change counts; undo takes the second entry out', async () => {
    const { double, host } = setUp();
    expect(await host.loadHistory!()).toEqual({ kind: 'none' });
    await evaluateAndWrite(host, '2022-05-01T00:00:00.000Z');
    expect(double.getCell(SHEET, 'H2').value).toBe('Ｂ');
    expect((await entries(host)).map((e) => [e.fiscalYear, e.kpis.map((k) => k.gradeWritten)])).toEqual([[2021, ['Ｂ', 'Ｄ']]]);

    double.setCell(SHEET, 'E2', '220人');
    double.setCell(SHEET, 'F2', '250人');
    double.setCell(SHEET, 'E3', '62人');
    // The officer's reason for the raised target (typed in the pane's row); one for 移住者数, whose
    // target did not change, is not recorded.
    const reasons = new Map([
      [kpiKey(SHEET, '観光客数', '観光課'), '  総合戦略の改訂で目標を引き上げた '],
      [kpiKey(SHEET, '移住者数', '企画課'), '変更なし'],
    ]);
    const { comparison, evaluation } = await evaluateAndWrite(host, '2023-05-01T00:00:00.000Z', reasons);
    expect(comparison.counts).toEqual({ better: 2, worse: 0, same: 0, new: 0, ungraded: 0 });
    expect(comparison.kpis[0]!.revisions).toEqual([{ what: 'target', from: '200人', to: '250人', since: 2021 }]);
    expect(evaluation.tables[0]!.kpis[0]!.outcome.reason).toBe('進捗率 80%（経過 50%）→ Ａ 順調（目標値を 200人 から 250人 に変更）');

    const two = await entries(host);
    expect(two.map((e) => e.kpis.map((k) => [k.gradeWritten, k.target.text]))).toEqual([
      [['Ｂ', '200人'], ['Ｄ', '80人']],
      [['Ａ', '250人'], ['Ｂ', '80人']],
    ]);
    expect(two.map((e) => e.kpis.map((k) => k.revisionReason))).toEqual([
      [undefined, undefined],
      ['総合戦略の改訂で目標を引き上げた', undefined],
    ]);
    expect(two[0]!.writeId).toBeDefined();
    expect(two[1]!.writeId).not.toBe(two[0]!.writeId);
    expect(double.customXmlParts(HISTORY_NAMESPACE)).toHaveLength(1);

    await host.undoLastWrite();
    expect(double.getCell(SHEET, 'H2').value).toBe('Ｂ');
    expect((await entries(host)).map((e) => e.date)).toEqual(['2022-05-01T00:00:00.000Z']);
    // From a new host, as after reopening the workbook.
    expect((await createOfficeHost(double.run).loadHistory!()).kind).toBe('ok');

    for (const [address, text] of Object.entries(OFFICER)) expect(double.getCell(SHEET, address).value, address).toBe(text);
  });

  it('a write with nothing to write is recorded, and undo still takes out the write before it only', async () => {
    const { host } = setUp();
    const { evaluation } = await evaluateAndWrite(host, '2022-05-01T00:00:00.000Z');
    // Every cell refused (say, the sheet was protected meanwhile): applyPlan keeps the first write's undo.
    const report = await host.applyPlan({ writes: [], notes: [], formats: [], skipped: [] });
    expect(report.written).toBe(0);
    await host.recordHistory!(() => recordEntry({ evaluation, written: new Map(), date: '2022-05-02T00:00:00.000Z', source: 'pane' }));
    const both = await entries(host);
    expect(both.map((e) => e.date)).toEqual(['2022-05-01T00:00:00.000Z', '2022-05-02T00:00:00.000Z']);
    expect(both[1]!.writeId).toBeUndefined();
    await host.undoLastWrite();
    expect((await entries(host)).map((e) => e.date)).toEqual(['2022-05-02T00:00:00.000Z']);
  });

  it('a damaged history part is reported on load and never replaced', async () => {
    const { double, host } = setUp();
    const broken = `<kpiHistory xmlns="${HISTORY_NAMESPACE}" version="1">not json</kpiHistory>`;
    double.addCustomXmlPart(broken);
    expect((await host.loadHistory!()).kind).toBe('invalid');
    await expect(evaluateAndWrite(host, '2022-05-01T00:00:00.000Z')).rejects.toThrow('not recorded');
    expect(double.customXmlParts(HISTORY_NAMESPACE).map((p) => p.xml)).toEqual([broken]);
  });
});
