// @vitest-environment jsdom
/**
 * The officer's own words in the pane (issue 13), through the real Office host over the workbook
 * double: shown in each KPI's row, edited there (one cell written on 保存, never before), each
 * edit with its own undo that restores exactly what the cell held; the 方向性 choice gives the
 * column its drop-down list; a table without the columns can get them, asked for; the grade
 * write and its undo leave the words alone.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DIRECTION_LIST_SOURCE } from '../../src/core/officerWords';
import { createOfficeHost } from '../../src/excel/officeHost';
import { App } from '../../src/taskpane/App';
import { createWorkbookDouble, type SheetSpec } from '../support/workbookDouble';
import { evaluateAll, HEADER, headerUndo, kpiRow } from './render';

afterEach(cleanup);

const SHEET = '第1節';
const LIST = { list: { inCellDropDown: true, source: DIRECTION_LIST_SOURCE } };

function pane(cells: SheetSpec['cells']) {
  const double = createWorkbookDouble([{ name: SHEET, cells }]);
  const host = createOfficeHost(double.run, { isSetSupported: double.isSetSupported });
  render(<App host={host} theme="light" />);
  return double;
}

const WITH_WORDS = [
  [...HEADER, '要因分析', '今後の方向性'],
  // H26 → H29 → H31, t = 0.6: p = 40/100 = 0.4 ≥ 0.3 → Ｂ (typed Ｂ: the same, nothing to write).
  ['1', '転入者数（企画課）', '100人', '140人', '200人', 'Ｂ', '相談会を増やした', '拡大'],
  // p = 6/30 = 0.2 < 0.3, 56 ≥ 50 → Ｃ, written into the empty cell.
  ['2', '交流人口（観光課）', '50人', '56人', '80人', '', 42, ''],
];

describe('the officer’s words in the pane', () => {
  it('shows them in the row; 編集 → 保存 writes that one cell; its undo puts back exactly what it held', async () => {
    const double = pane(WITH_WORDS);
    await evaluateAll();
    const row = kpiRow('転入者数');
    const words = within(row).getByRole('group', { name: '担当課の記述' });
    expect(within(words).getByText('相談会を増やした')).toBeTruthy();
    expect(within(words).getByText('拡大')).toBeTruthy();

    fireEvent.click(within(words).getByRole('button', { name: '要因分析を編集' }));
    const field = within(words).getByRole('textbox');
    fireEvent.change(field, { target: { value: '相談会を増やし、転入が増えた' } });
    // Nothing is written before 保存.
    expect(double.getCell(SHEET, 'G2').value).toBe('相談会を増やした');
    const before = double.allCells();
    fireEvent.click(within(words).getByRole('button', { name: 'ブックに保存' }));
    await within(row).findByText('「第1節」シートのセル G2（要因分析）に書き込みました。');
    expect(double.getCell(SHEET, 'G2').value).toBe('相談会を増やし、転入が増えた');
    expect(within(words).getByText('相談会を増やし、転入が増えた')).toBeTruthy();
    const after = double.allCells();
    delete before[SHEET]!.G2;
    delete after[SHEET]!.G2;
    expect(after).toEqual(before);

    fireEvent.click(within(row).getByRole('button', { name: 'この書き込みを元に戻す' }));
    await within(row).findByText('「第1節」シートのセル G2 を書き込む前の内容に戻しました。');
    expect(double.getCell(SHEET, 'G2').value).toBe('相談会を増やした');
  });

  it('a number in the cell comes back as the number after undo', async () => {
    const double = pane(WITH_WORDS);
    await evaluateAll();
    const row = kpiRow('交流人口');
    fireEvent.click(within(row).getByRole('button', { name: '要因分析を編集' }));
    fireEvent.change(within(row).getByRole('textbox'), { target: { value: '来訪者が戻りつつある' } });
    fireEvent.click(within(row).getByRole('button', { name: 'ブックに保存' }));
    await within(row).findByText(/G3（要因分析）に書き込みました/);
    fireEvent.click(within(row).getByRole('button', { name: 'この書き込みを元に戻す' }));
    await within(row).findByText(/G3 を書き込む前の内容に戻しました/);
    expect(double.getCell(SHEET, 'G3').value).toBe(42);
  });

  it('方向性 is a choice of the five; saving gives the column’s KPI cells the drop-down list', async () => {
    const double = pane(WITH_WORDS);
    await evaluateAll();
    const row = kpiRow('転入者数');
    fireEvent.click(within(row).getByRole('button', { name: '今後の方向性を編集' }));
    const choices = within(row).getByRole('radiogroup');
    expect(within(choices).getAllByRole('radio').map((o) => o.closest('.fui-Radio')?.textContent)).toEqual(['（空欄）', '拡大', '継続', '改善', '縮小', '廃止']);
    expect((within(choices).getByRole('radio', { name: '拡大' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(choices).getByRole('radio', { name: '縮小' }));
    fireEvent.click(within(row).getByRole('button', { name: 'ブックに保存' }));
    await within(row).findByText(/H2（今後の方向性）に書き込みました。2個のセルに方向性の選択肢/);
    expect(double.getCell(SHEET, 'H2').value).toBe('縮小');
    expect([double.validation(SHEET, 'H2'), double.validation(SHEET, 'H3'), double.validation(SHEET, 'F2')]).toEqual([LIST, LIST, undefined]);
  });

  it('a cell changed after the evaluation is not overwritten: the officer is told which', async () => {
    const double = pane(WITH_WORDS);
    await evaluateAll();
    double.setCell(SHEET, 'G2', '課長が書き足した');
    const row = kpiRow('転入者数');
    fireEvent.click(within(row).getByRole('button', { name: '要因分析を編集' }));
    fireEvent.change(within(row).getByRole('textbox'), { target: { value: '上書き' } });
    fireEvent.click(within(row).getByRole('button', { name: 'ブックに保存' }));
    await within(row).findByText(/セル G2 は、評価したあとに変更されているため書き込みませんでした/);
    expect(double.getCell(SHEET, 'G2').value).toBe('課長が書き足した');
  });

  it('the grade write and the header’s 元に戻す leave the words, edited or not, as they are', async () => {
    const double = pane(WITH_WORDS);
    await evaluateAll();
    const row = kpiRow('交流人口');
    fireEvent.click(within(row).getByRole('button', { name: '今後の方向性を編集' }));
    fireEvent.click(within(row).getByRole('radio', { name: '改善' }));
    fireEvent.click(within(row).getByRole('button', { name: 'ブックに保存' }));
    await within(row).findByText(/H3（今後の方向性）に書き込みました/);
    fireEvent.click(screen.getByRole('button', { name: /^書き込む/ }));
    await screen.findByText('1件の達成状況を書き込みました');
    expect(double.getCell(SHEET, 'F3').value).toBe('Ｃ');
    fireEvent.click(headerUndo());
    await waitFor(() => expect(double.getCell(SHEET, 'F3').value).toBeNull());
    expect([double.getCell(SHEET, 'G2').value, double.getCell(SHEET, 'H2').value, double.getCell(SHEET, 'G3').value, double.getCell(SHEET, 'H3').value]).toEqual([
      '相談会を増やした',
      '拡大',
      42,
      '改善',
    ]);
  });
});

describe('adding the columns to a table without them', () => {
  it('asked for in the write section: headers beside the table, the list on the KPI rows; its undo takes them away', async () => {
    const double = pane([HEADER, ['1', '転入者数（企画課）', '100人', '140人', '200人', 'Ｂ']]);
    await evaluateAll();
    expect(within(kpiRow('転入者数')).queryByRole('group', { name: '担当課の記述' })).toBeNull();
    expect(double.getCell(SHEET, 'G1').value).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '第1節の G1:H1 に列を追加' }));
    await screen.findByText(/「第1節」シートの G1:H1 に「要因分析」「今後の方向性」の列を追加しました/);
    expect([double.getCell(SHEET, 'G1').value, double.getCell(SHEET, 'H1').value]).toEqual(['要因分析', '今後の方向性']);
    expect(double.validation(SHEET, 'H2')).toEqual(LIST);
    expect(screen.queryByRole('button', { name: '第1節の G1:H1 に列を追加' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'この書き込みを元に戻す' }));
    await screen.findByText(/G1, H1 を書き込む前の内容に戻しました/);
    expect([double.getCell(SHEET, 'G1').value, double.getCell(SHEET, 'H1').value, double.validation(SHEET, 'H2')]).toEqual([null, null, undefined]);
  });

  it('cells in the way are named, and nothing is added', async () => {
    const double = pane([HEADER, ['1', '転入者数（企画課）', '100人', '140人', '200人', 'Ｂ', '', 'メモ']]);
    await evaluateAll();
    expect(screen.getByText('第1節: セル H2 が空いていないため追加できません')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /に列を追加/ })).toBeNull();
    expect(double.getCell(SHEET, 'G1').value).toBeNull();
  });
});
