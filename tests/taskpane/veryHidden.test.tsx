// @vitest-environment jsdom
/**
 * A very hidden sheet in the pane: graded and said to be hidden; the write asks first (a switch
 * beside the other write options) and leaves it alone, saying so, unless the officer says yes.
 * seedSheet's 観光入込客数 (F5, empty) is graded Ｃ: 372万人 → 356万人 is 4.3% worse.
 */
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { veryHiddenSheets } from '../../src/taskpane/state/veryHidden';
import { evaluateAll, problemsRegion, renderPane, seedSheet, selectTab } from './render';

afterEach(cleanup);

const grids = () => [seedSheet('第1節'), { ...seedSheet('隠し'), visibility: 'veryHidden' as const }];
const writeButton = () => screen.getByRole('button', { name: /^書き込む/ });
const veryHiddenSwitch = () => screen.getByRole('switch', { name: /非表示のシートにも書き込む/ });

describe('a very hidden sheet', () => {
  it('is graded, said to be hidden, and not written without the officer’s yes', async () => {
    const { host } = renderPane(grids());
    await evaluateAll();
    expect(within(problemsRegion()).getByText(/「隠し」シートは「非常に非表示」（Excel の画面からは再表示できない設定）/)).toBeTruthy();
    selectTab('すべて');
    expect((veryHiddenSwitch() as HTMLInputElement).checked).toBe(false);
    expect(screen.getByRole('switch', { name: '非表示のシートにも書き込む（「非常に非表示」: 「隠し」）' })).toBe(veryHiddenSwitch());
    fireEvent.click(writeButton());
    expect(await screen.findByText(/「隠し」シートは「非常に非表示」のため、評価を書き込みませんでした/)).toBeTruthy();
    expect(host.textAt('第1節', 'F5')).toBe('Ｃ');
    expect(host.textAt('隠し', 'F5')).toBe('');
  });

  it('is written when the officer switches the ask on', async () => {
    const { host } = renderPane(grids());
    await evaluateAll();
    // The preview already says the sheet will be left alone, until the officer says yes.
    const notWritten = /「隠し」シートは「非常に非表示」のため、評価を書き込みませんでした/;
    expect(within(problemsRegion()).getByText(notWritten)).toBeTruthy();
    selectTab('すべて');
    fireEvent.click(veryHiddenSwitch());
    expect(within(problemsRegion()).queryByText(notWritten)).toBeNull();
    fireEvent.click(writeButton());
    await screen.findByText('2件の達成状況を書き込みました');
    expect(host.textAt('隠し', 'F5')).toBe('Ｃ');
  });

  it('is asked about only when the plan writes on one', () => {
    const plan = { writes: [], notes: [{ sheet: '隠し', address: 'F5', text: '理由' }], formats: [], skipped: [] };
    expect(veryHiddenSheets(plan, grids())).toEqual(['隠し']);
    expect(veryHiddenSheets({ ...plan, notes: [] }, grids())).toEqual([]);
    expect(veryHiddenSheets(plan, [seedSheet('隠し')])).toEqual([]);
  });
});
