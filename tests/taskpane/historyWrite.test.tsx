// @vitest-environment jsdom
/**
 * The pane's 「書き込む」 records the write in the evaluation history (issue 13) and 「元に戻す」
 * takes it out, through the real Office host over the workbook double.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { HISTORY_NAMESPACE } from '../../src/excel/historyPayload';
import { createOfficeHost } from '../../src/excel/officeHost';
import { App } from '../../src/taskpane/App';
import { createWorkbookDouble } from '../support/workbookDouble';
import { evaluateAll, HEADER, headerUndo, kpiRows } from './render';

afterEach(cleanup);

describe('the pane records its writes', () => {
  it('one entry per write, with the grade written; undo removes it', async () => {
    const double = createWorkbookDouble([
      {
        name: '第1節',
        cells: [
          HEADER,
          // H26 → H29 → H31, t = 3/5: 372 → 356 against 450以上 is worse by 16/372 = 4.3 % → Ｃ.
          ['3', '観光入込客数（商業観光課）', '372万人', '356万人', '450万人\n以上', ''],
        ],
      },
    ]);
    const host = createOfficeHost(double.run, { isSetSupported: double.isSetSupported });
    render(<App host={host} theme="light" />);
    await evaluateAll();
    fireEvent.click(screen.getByRole('button', { name: /^書き込む/ }));
    await screen.findByText('1件の達成状況を書き込みました');
    await waitFor(() => expect(double.customXmlParts(HISTORY_NAMESPACE)).toHaveLength(1));
    const read = await host.loadHistory!();
    if (read.kind !== 'ok') throw new Error(read.kind);
    expect(read.history.entries.map((e) => [e.source, e.fiscalYear, e.kpis.map((k) => [k.name, k.grade, k.gradeWritten])])).toEqual([
      ['pane', 2017, [['観光入込客数', 'C', 'Ｃ']]],
    ]);

    await host.undoLastWrite();
    const after = await host.loadHistory!();
    expect(after.kind === 'ok' && after.history.entries).toEqual([]);
  });
});

describe('a revised target asks for its reason, and the next write saves it', () => {
  it('evaluate → write → change values and a target → evaluate → give the reason → write: two entries, the reason, the counts; undo leaves one', async () => {
    const double = createWorkbookDouble([
      {
        name: '第1節',
        cells: [
          [...HEADER, '要因分析', '今後の方向性'],
          // H26 → H29 → H31, t = 3/5 = 0.6. p = (140 − 100) / (200 − 100) = 0.4 ≥ t × 0.5 → Ｂ.
          ['1', '転入者数（企画課）', '100人', '140人', '200人', '', '移住相談会を増やした', '拡大'],
          // p = (56 − 50) / (80 − 50) = 0.2 < 0.3 → Ｃ.
          ['2', '交流人口（観光課）', '50人', '56人', '80人', '', '', ''],
        ],
      },
    ]);
    const host = createOfficeHost(double.run, { isSetSupported: double.isSetSupported });
    render(<App host={host} theme="light" />);
    await evaluateAll();
    fireEvent.click(screen.getByRole('button', { name: /^書き込む/ }));
    await screen.findByText('2件の達成状況を書き込みました');
    await waitFor(() => expect(double.customXmlParts(HISTORY_NAMESPACE)).toHaveLength(1));

    // A year on: 転入者数 180人 against a target raised to 250人: p = 80/150 = 0.53 < 0.6 but
    // ≥ 0.3 → Ｂ (same); 交流人口 74人: p = 24/30 = 0.8 ≥ 0.6 → Ａ (better).
    double.setCell('第1節', 'D2', '180人');
    double.setCell('第1節', 'E2', '250人');
    double.setCell('第1節', 'D3', '74人');
    await evaluateAll();
    const row = await waitFor(() => {
      const found = kpiRows().find((r) => within(r).queryByText('転入者数'));
      if (!found) throw new Error('no row');
      return found;
    });
    // The previous entry's fiscal year is the current column's, H29.
    expect(within(row).getByText('目標値が 200人 から 250人 に変更されています（H29 評価時）')).toBeTruthy();
    const field = within(row).getByLabelText('目標値を変更した理由');
    expect(within(row).getByText('理由がまだ入力されていません')).toBeTruthy();
    fireEvent.change(field, { target: { value: '総合戦略の改訂で引き上げた' } });
    // The row without a revision asks for nothing.
    const other = kpiRows().find((r) => within(r).queryByText('交流人口'))!;
    expect(within(other).queryByLabelText(/を変更した理由/)).toBeNull();

    // Last year's Ｃ in the cell is kept as typed unless the computed Ａ is chosen.
    fireEvent.click(screen.getByRole('button', { name: 'すべて計算値を採用' }));
    fireEvent.click(screen.getByRole('button', { name: /^書き込む/ }));
    await screen.findByText('1件の達成状況を書き込みました');
    const read = async () => {
      const r = await host.loadHistory!();
      if (r.kind !== 'ok') throw new Error(r.kind);
      return r.history.entries;
    };
    await waitFor(async () => expect(await read()).toHaveLength(2));
    const [first, second] = await read();
    expect(first!.kpis.map((k) => [k.name, k.target.text, k.revisionReason])).toEqual([
      ['転入者数', '200人', undefined],
      ['交流人口', '80人', undefined],
    ]);
    expect(second!.kpis.map((k) => [k.name, k.target.text, k.gradeWritten, k.revisionReason])).toEqual([
      ['転入者数', '250人', undefined, '総合戦略の改訂で引き上げた'],
      ['交流人口', '80人', 'Ａ', undefined],
    ]);
    // The change counts of the second evaluation: the tabs say them.
    expect(screen.getByRole('tab', { name: /^前回より改善（1）/ })).toBeTruthy();
    expect(screen.getByRole('tab', { name: /^前回より悪化（0）/ })).toBeTruthy();
    expect(second!.kpis[0]!.reason).toContain('（目標値を 200人 から 250人 に変更）');

    // Evaluated again, the row says why its target is not the first one (the saved reason).
    await evaluateAll();
    await waitFor(() => expect(within(kpiRows().find((r) => within(r).queryByText('転入者数'))!).getByText('H29 評価時の変更理由: 総合戦略の改訂で引き上げた')).toBeTruthy());

    fireEvent.click(headerUndo());
    await waitFor(async () => expect((await read()).map((e) => e.date)).toEqual([first!.date]));
    expect(double.getCell('第1節', 'F3').value).toBe('Ｃ');
    // The officer's words are where they were, through both writes and the undo.
    expect(double.getCell('第1節', 'G2').value).toBe('移住相談会を増やした');
    expect(double.getCell('第1節', 'H2').value).toBe('拡大');
  });
});
