// @vitest-environment jsdom
/**
 * 「集計を作成」 with a saved history: the sheet shows last time's share and the change, through
 * the real Office host over the workbook double, in the same 3 syncs as without (the history was
 * read with the grids). By hand (H26 → H29 → H31, t = 0.6; standard, Ｓ・Ａ on track):
 *   H28 entry: 転入者数 Ａ, 交流人口 Ａ, 新規就農者数 Ａ                         → 3/3 = 100.0 %
 *   now:       転入者数 p = 0.4 → Ｂ, 交流人口 p = 0.6 → Ａ, 新規就農者数 p = 0.3 → Ｂ → 1/3 = 33.3 %
 *   change: 33.3 − 100.0 = −66.7 points. The sheet has no heading: its name is the goal.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { kpiKey, type HistoryKpi } from '../../src/core/history/model';
import { SUMMARY_SHEET_NAME } from '../../src/core/summarySheet';
import { historyToXml } from '../../src/excel/historyPayload';
import { createOfficeHost } from '../../src/excel/officeHost';
import { App } from '../../src/taskpane/App';
import { createWorkbookDouble } from '../support/workbookDouble';
import { evaluateAll, HEADER } from './render';

afterEach(cleanup);

const SHEET = '第1節';

function previous(name: string): HistoryKpi {
  return { key: kpiKey(SHEET, name, undefined), sheet: SHEET, name, row: 1, target: { text: '' }, grade: 'A', gradeWritten: 'Ａ', reason: '' };
}

describe('集計を作成 compared with last year', () => {
  it('writes last time\u2019s share and the change in points beside each 基本目標', async () => {
    const double = createWorkbookDouble([
      {
        name: SHEET,
        cells: [HEADER, ['1', '転入者数', '100人', '140人', '200人', ''], ['2', '交流人口', '50人', '80人', '100人', ''], ['3', '新規就農者数', '100人', '130人', '200人', '']],
      },
    ]);
    double.addCustomXmlPart(
      historyToXml({
        version: 1,
        entries: [{ date: '2017-05-31T09:00:00.000Z', fiscalYear: 2016, presetId: 'standard', source: 'pane', kpis: ['転入者数', '交流人口', '新規就農者数'].map(previous) }],
      }),
    );
    render(<App host={createOfficeHost(double.run, { isSetSupported: double.isSetSupported })} theme="light" />);
    await evaluateAll();
    const syncs = double.syncCount;
    fireEvent.click(screen.getByRole('button', { name: '集計を作成' }));
    await screen.findByText(`「${SUMMARY_SHEET_NAME}」シートに集計を作成しました。`);
    expect(double.syncCount - syncs).toBe(3);
    // The pane says what it compared with.
    expect(screen.getByText('前回の評価（H28年度評価）の「順調以上」の割合と、そこからの増減（ポイント）も載せています。')).toBeTruthy();

    const cell = (a: string) => double.getCell(SUMMARY_SHEET_NAME, a);
    expect([cell('A5').value, cell('M5').value, cell('N5').value, cell('O5').value]).toEqual([
      '基本目標・基本的方向',
      '順調以上（Ｓ・Ａ） 割合',
      '前回の割合（H28年度評価）',
      '増減（ポイント）',
    ]);
    expect([cell('A6').value, cell('M6').text, cell('N6').text, cell('O6').text]).toEqual([SHEET, '33.3%', '100.0%', '-66.7ポイント']);
    // 全体 the same (one goal): row 7.
    expect([cell('A7').value, cell('O7').text]).toEqual(['全体', '-66.7ポイント']);
    await waitFor(() => expect(double.tables().map((t) => t.name)).toEqual(['KPI評価一覧']));
    expect(double.charts(SUMMARY_SHEET_NAME).map((c) => c.type)).toEqual(['BarStacked', 'ColumnClustered']);
  });
});
