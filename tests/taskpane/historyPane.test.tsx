// @vitest-environment jsdom
/**
 * The pane compares its evaluation with the last entry of the saved history (issue 13), as the
 * command line does: the tabs 「前回より悪化」「前回より改善」 with their counts, and each KPI's
 * grade history in its row. Through the real Office host over the workbook double.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { kpiKey, type HistoryEntry, type HistoryKpi } from '../../src/core/history/model';
import { HISTORY_NAMESPACE, historyToXml } from '../../src/excel/historyPayload';
import { createOfficeHost } from '../../src/excel/officeHost';
import { App } from '../../src/taskpane/App';
import { createWorkbookDouble } from '../support/workbookDouble';
import { evaluateAll, HEADER, kpiRows, selectTab } from './render';

afterEach(cleanup);

const SHEET = '第1節';

/** An entry's KPI as the pane would have recorded it last year, with the same baseline and target. */
function previous(name: string, grade: string, written: string, baseline: number, target: number): HistoryKpi {
  return {
    key: kpiKey(SHEET, name, undefined),
    sheet: SHEET,
    name,
    row: 1,
    baseline: { text: `${baseline}人`, value: baseline, unit: '人', year: 2014 },
    target: { text: `${target}人`, value: target, unit: '人', year: 2019 },
    grade,
    gradeWritten: written,
    reason: '',
  };
}

function workbookWithHistory() {
  const double = createWorkbookDouble([
    {
      name: SHEET,
      cells: [
        HEADER,
        // H26 → H29 → H31: t = 3/5 = 0.6. p = (140 − 100) / (200 − 100) = 0.4: below t, at least
        // t × 0.5 = 0.3 → Ｂ (was Ａ: worse).
        ['1', '転入者数', '100人', '140人', '200人', ''],
        // p = (80 − 50) / (100 − 50) = 0.6 ≥ t → Ａ (was Ｂ: better).
        ['2', '交流人口', '50人', '80人', '100人', ''],
        // p = (130 − 100) / (200 − 100) = 0.3 = t × 0.5 → Ｂ (was Ｂ: same).
        ['3', '新規就農者数', '100人', '130人', '200人', ''],
      ],
    },
  ]);
  const entry: HistoryEntry = {
    date: '2017-05-31T09:00:00.000Z',
    fiscalYear: 2016, // H28
    presetId: 'standard',
    source: 'pane',
    kpis: [previous('転入者数', 'A', 'Ａ', 100, 200), previous('交流人口', 'B', 'Ｂ', 50, 100), previous('新規就農者数', 'B', 'Ｂ', 100, 200)],
  };
  double.addCustomXmlPart(historyToXml({ version: 1, entries: [entry] }));
  return double;
}

describe('the pane compares with the last evaluation', () => {
  it('「前回より悪化（1）」 shows the KPI that went from Ａ to Ｂ, with its grade history', async () => {
    const double = workbookWithHistory();
    render(<App host={createOfficeHost(double.run, { isSetSupported: double.isSetSupported })} theme="light" />);
    await evaluateAll();
    // Fluent's Tab says its words twice in its name (a bold copy keeps the width): by the start.
    expect(screen.getByRole('tab', { name: /^前回より改善（1）/ })).toBeTruthy();
    selectTab('前回より悪化（1）');
    const rows = kpiRows();
    expect(rows).toHaveLength(1);
    expect(within(rows[0]!).getByText('転入者数')).toBeTruthy();
    // Last year's written Ａ (H28), this year's computed Ｂ (H29, the current column's year).
    expect(within(rows[0]!).getByText('H28 Ａ → H29 Ｂ')).toBeTruthy();

    selectTab('前回より改善（1）');
    const better = kpiRows();
    expect(better).toHaveLength(1);
    expect(within(better[0]!).getByText('H28 Ｂ → H29 Ａ')).toBeTruthy();
  });

  it('without a saved history there are no change tabs and no grade history in the rows', async () => {
    const double = createWorkbookDouble([{ name: SHEET, cells: [HEADER, ['1', '転入者数', '100人', '140人', '200人', '']] }]);
    render(<App host={createOfficeHost(double.run, { isSetSupported: double.isSetSupported })} theme="light" />);
    await evaluateAll();
    expect(screen.queryByRole('tab', { name: /^前回より/ })).toBeNull();
    expect(screen.queryByText(/→ H29/)).toBeNull();
    expect(kpiRows()).toHaveLength(1);
  });

  it('a target revised since last time is said once in the reason, on screen and in the recorded entry', async () => {
    const double = createWorkbookDouble([{ name: SHEET, cells: [HEADER, ['1', '転入者数', '100人', '140人', '200人', '']] }]);
    // Last year the target was 150人; now 200人.
    const entry: HistoryEntry = { date: '2017-05-31T09:00:00.000Z', fiscalYear: 2016, presetId: 'standard', source: 'pane', kpis: [previous('転入者数', 'A', 'Ａ', 100, 150)] };
    double.addCustomXmlPart(historyToXml({ version: 1, entries: [entry] }));
    const host = createOfficeHost(double.run, { isSetSupported: double.isSetSupported });
    render(<App host={host} theme="light" />);
    await evaluateAll();
    const note = '（目標値を 150人 から 200人 に変更）';
    expect(within(kpiRows()[0]!).getByText((text) => text.includes(note))).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /^書き込む/ }));
    await screen.findByText('1件の達成状況を書き込みました');
    await waitFor(() => expect(double.customXmlParts(HISTORY_NAMESPACE)).toHaveLength(1));
    const read = await host.loadHistory!();
    if (read.kind !== 'ok') throw new Error(read.kind);
    const reason = read.history.entries[1]!.kpis[0]!.reason;
    expect(reason.split(note).length - 1, reason).toBe(1);
  });
});
