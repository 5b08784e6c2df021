// @vitest-environment jsdom
/**
 * The pane's 「書き込む」 records the write in the evaluation history (issue 13) and 「元に戻す」
 * takes it out, through the real Office host over the workbook double.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { HISTORY_NAMESPACE } from '../../src/excel/historyPayload';
import { createOfficeHost } from '../../src/excel/officeHost';
import { App } from '../../src/taskpane/App';
import { createWorkbookDouble } from '../support/workbookDouble';
import { evaluateAll, HEADER } from './render';

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
