// @vitest-environment jsdom
/**
 * 「この範囲をKPIの表として読む」: the officer selects a table the detector cannot read, the
 * dialog prefills the roles from the header words, the officer corrects them, sees the grades
 * of the first rows, saves; the reading is stored through the host and every later evaluation
 * uses it; it can be removed. Grades are the ones worked out in tests/core/mapping/fixture.ts.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MAPPING, policySheet, RANGE, SHEET } from '../core/mapping/fixture';
import { evaluateAll, kpiRows, renderPane } from './render';

afterEach(cleanup);

const COMMAND = 'この範囲をKPIの表として読む';
/** Generous: the suite runs on two shared cores, and jsdom renders Fluent slowly. */
const WAIT = 5000;

/** The command is in the pane's menu (the empty state also offers it as a button). */
async function clickCommand(): Promise<void> {
  fireEvent.click(await screen.findByRole('button', { name: 'メニュー' }, { timeout: WAIT }));
  fireEvent.click(await screen.findByRole('menuitem', { name: COMMAND }, { timeout: WAIT }));
}

async function openDialog(): Promise<HTMLElement> {
  await clickCommand();
  return screen.findByRole('dialog', {}, { timeout: WAIT });
}

const role = (dialog: HTMLElement, column: string) => within(dialog).getByRole('combobox', { name: `${column}列の役割` });
const year = (dialog: HTMLElement, column: string) => within(dialog).getByRole('textbox', { name: `${column}列の年度` }) as HTMLInputElement;

function choose(dialog: HTMLElement, column: string, label: string): void {
  fireEvent.click(role(dialog, column));
  fireEvent.click(screen.getByRole('option', { name: label }));
}

/** The preview's grade badges, top to bottom, by accessible name. */
function previewGrades(dialog: HTMLElement): string[] {
  return [...dialog.querySelectorAll('[data-preview-row]')].map((row) => row.querySelector('[aria-label]')!.getAttribute('aria-label')!);
}

describe('the mapping dialog', () => {
  it('prefills roles and years from the header words, previews grades, saves, and evaluation uses it', async () => {
    const { host } = renderPane([policySheet()], { selection: { sheet: SHEET, address: RANGE } });
    // Detection alone finds nothing on this sheet: the pane says so, and points to the mapping command.
    fireEvent.click(screen.getByRole('button', { name: 'すべて評価' }));
    const empty = await screen.findByRole('region', { name: 'KPI表が見つかりませんでした' }, { timeout: WAIT });
    expect(within(empty).getByText(/表の範囲を選択して「この範囲をKPIの表として読む」を押し/)).toBeTruthy();
    expect(kpiRows()).toHaveLength(0);

    // The empty state's own button opens the dialog.
    fireEvent.click(within(empty).getByRole('button', { name: COMMAND }));
    const dialog = await screen.findByRole('dialog', {}, { timeout: WAIT });
    expect(within(dialog).getByText('「施策評価」シートの B2:G7')).toBeTruthy();
    expect(['B', 'C', 'D', 'E', 'F', 'G'].map((c) => role(dialog, c).textContent)).toEqual(['指標', '当初', '中間', '現状', '目標', '読まない']);
    expect(['C', 'D', 'E', 'F'].map((c) => year(dialog, c).value)).toEqual(['H27', 'R1', 'R5', 'R7']);
    expect(within(dialog).getByText('＝2015年度')).toBeTruthy();

    // The preview grades the first rows as evaluation will (fixture.ts: B S D A C).
    expect(previewGrades(dialog)).toEqual([
      '達成状況 Ｂ（おおむね順調）',
      '達成状況 Ｓ（早い）',
      '達成状況 Ｄ（遅れている）',
      '達成状況 Ａ（順調）',
      '達成状況 Ｃ（やや遅れている）',
    ]);

    // 評定 is this office's grade column: the officer says so.
    choose(dialog, 'G', '評価');
    expect(role(dialog, 'G').textContent).toBe('評価');
    fireEvent.click(within(dialog).getByRole('button', { name: '保存して使う' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), { timeout: WAIT });
    expect(host.calls.saveMappings).toEqual([[MAPPING]]);
    expect(screen.getByText(/表の読み方をブックに保存しました/)).toBeTruthy();

    // The results on screen were graded again with it: five KPIs, the hand-worked grades.
    await waitFor(() => expect(kpiRows()).toHaveLength(5), { timeout: WAIT });
    const grades = kpiRows().map((r) => r.querySelector('[aria-label^="達成状況"]')?.getAttribute('aria-label'));
    expect(grades).toEqual([
      '達成状況 Ｂ（おおむね順調）',
      '達成状況 Ｓ（早い）',
      '達成状況 Ｄ（遅れている）',
      '達成状況 Ａ（順調）',
      '達成状況 Ｃ（やや遅れている）',
    ]);
  });

  it('a later evaluation uses the reading saved in the workbook, and it can be removed', async () => {
    const { host } = renderPane([policySheet()], { savedMappings: [MAPPING] });
    await evaluateAll();
    expect(kpiRows()).toHaveLength(5);
    fireEvent.click(screen.getByRole('button', { name: /^保存した表の読み方/ }));
    expect(screen.getByText('「施策評価」 B2:G7')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '「施策評価」シート B2:G7 の読み方を削除' }));
    await waitFor(() => expect(host.calls.saveMappings).toEqual([[]]), { timeout: WAIT });
    await waitFor(() => expect(kpiRows()).toHaveLength(0), { timeout: WAIT });
    expect(screen.getByText(/表の読み方を削除しました/)).toBeTruthy();
  });

  it('says what is missing and does not let an unusable reading be saved', async () => {
    const { host } = renderPane([policySheet()], { selection: { sheet: SHEET, address: RANGE } });
    const dialog = await openDialog();
    choose(dialog, 'F', '読まない');
    expect(within(dialog).getByText('「目標」の列を 1 つだけ選んでください（いま 0 個）。')).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: '保存して使う' }).hasAttribute('disabled')).toBe(true);
    choose(dialog, 'F', '目標');
    fireEvent.change(year(dialog, 'E'), { target: { value: 'そのうち' } });
    expect(within(dialog).getByText('年度は R5、H27、2023 のように入力してください')).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: '保存して使う' }).hasAttribute('disabled')).toBe(true);
    fireEvent.click(within(dialog).getByRole('button', { name: 'キャンセル' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), { timeout: WAIT });
    expect(host.calls.saveMappings).toEqual([]);
  });

  it('opens on the saved reading of the same range, to change it', async () => {
    renderPane([policySheet()], { selection: { sheet: SHEET, address: RANGE }, savedMappings: [MAPPING] });
    const dialog = await openDialog();
    expect(role(dialog, 'G').textContent).toBe('評価');
    expect(within(dialog).getByText('この範囲には保存済みの読み方があります。保存すると置き換えます。')).toBeTruthy();
  });

  it('a selection that cannot be read becomes the pane’s error in plain words', async () => {
    const { host } = renderPane([policySheet()]);
    host.failNext('readSelection', new Error('InvalidSelection'));
    await clickCommand();
    expect(await screen.findByText('選択した範囲を読み込めませんでした。', {}, { timeout: WAIT })).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
