// @vitest-environment jsdom
/**
 * What the write leaves alone, said at the right time and in the right tone:
 *  - before writing, the preview lists what WritePlan.skipped already knows the write
 *    cannot do (protected sheet, formula in a grade cell, blocked grade column), counts
 *    it in 要確認 and marks the tables and rows concerned — typed grades kept by choice
 *    are not problems;
 *  - after writing, typed grades kept by choice are a neutral count; only real skips
 *    make the result a warning.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SheetGrid } from '../../src/core/grid';
import { buildGrid } from '../support/gridBuilder';
import { cssValues, evaluateAll, HEADER, kpiRow, listSheet, problemsRegion, renderPane, selectTab, seedSheet } from './render';

afterEach(cleanup);

const writeButton = () => screen.getByRole('button', { name: /^書き込む/ });
const stat = (results: HTMLElement, label: string) => within(results).getByText(label).nextElementSibling?.textContent;
const problemRegion = problemsRegion;
/** The problem messages (Fluent MessageBars are groups named by their title). */
const problemBars = () => within(problemRegion()).getAllByRole('group');

/** A grade cell turned into a formula (it shows Ｓ, the computed grade too: only the formula blocks the write). */
function formulaSheet(name = '第2節'): SheetGrid {
  return buildGrid(name, [
    HEADER,
    ['1', '女性の就業率（企画政策課）', '63.0％', '69.8％', '65.0%', { text: 'Ｓ', value: 'Ｓ', formula: '=IF(1,"Ｓ","")' }],
    ['2', '観光入込客数（商業観光課）', '372万人', '356万人', '450万人\n以上', ''],
  ]);
}

/** The seed table on a protected sheet, grades cleared: the add-in would want to write there. */
function protectedSheet(name = '保護シート'): SheetGrid {
  return buildGrid(
    name,
    [
      HEADER,
      ['1', '女性の就業率（企画政策課）', '63.0％', '69.8％', '65.0%', ''],
      ['2', '観光入込客数（商業観光課）', '372万人', '356万人', '450万人\n以上', ''],
    ],
    { protected: true },
  );
}

/** Warning or success: the MessageBar's intent, read from its background. */
function intentOf(bar: HTMLElement): 'success' | 'warning' | 'other' {
  const backgrounds = cssValues(bar, 'background-color').join(' ');
  if (backgrounds.includes('colorStatusWarningBackground1')) return 'warning';
  if (backgrounds.includes('colorStatusSuccessBackground1')) return 'success';
  return 'other';
}

describe('the preview says what the write will skip, before writing', () => {
  it('lists the protected sheet and the formula cell as points to check, counted in 要確認, marked 書き込みません', async () => {
    const { host } = renderPane([seedSheet('第1節'), formulaSheet('第2節'), protectedSheet('保護シート')]);
    const results = await evaluateAll();

    // 要確認 counts the two places the write will leave alone (the seed has no other problem).
    expect(stat(results, '要確認')).toBe('2件');
    const bars = problemBars();
    expect(screen.getByText('確認が必要な点（2件）')).toBeTruthy();
    expect(bars).toHaveLength(2);
    const texts = bars.map((b) => b.textContent ?? '');
    // Named by sheet and cell, in the engine's words, marked 書き込みません.
    expect(texts.find((x) => x.startsWith('第2節!F2'))).toMatch(/セル F2 には数式が入っているため/);
    expect(texts.find((x) => x.startsWith('保護シート!'))).toMatch(/「保護シート」シートは保護されているため/);
    for (const bar of bars) expect(within(bar).getByText('書き込みません')).toBeTruthy();
    // Warnings, not advice.
    for (const bar of bars) expect(intentOf(bar)).toBe('warning');

    // The officer's own choice (the typed Ｂ on 第1節!F4) is shown on its row, not as a problem.
    expect(within(problemRegion()).queryByText(/手入力の値はそのまま残しています/)).toBeNull();
    selectTab('すべて');
    expect(within(kpiRow('市内高校')).getByText('手入力: Ｂ → 計算: Ａ')).toBeTruthy();

    // The table on the protected sheet says so in its header, its rows carry a lock.
    const protectedTable = screen.getByRole('button', { name: /表 A1:F3.*書き込みません: 保護されたシート/ });
    expect(protectedTable).toBeTruthy();
    const lockedRows = [...document.querySelectorAll<HTMLElement>('[data-kpi-row^="保護シート!"]')];
    expect(lockedRows).toHaveLength(2);
    for (const row of lockedRows) expect(within(row).getByRole('img', { name: '保護されたシートのため書き込みません' })).toBeTruthy();
    // The formula row says it will not be written; the other rows say nothing of the kind.
    const formulaRow = document.querySelector<HTMLElement>('[data-kpi-row="第2節!F2"]')!;
    expect(within(formulaRow).getByText('数式のセルのため書き込みません')).toBeTruthy();
    expect(within(kpiRow('市内高校')).queryByText(/書き込みません/)).toBeNull();
    expect(screen.getAllByText('数式のセルのため書き込みません')).toHaveLength(1);

    // The footer, next to the button, says it too.
    expect(screen.getByText(/件のセルを変更します。/).textContent).toContain('書き込めない箇所: 2件');

    // Each links to its cell (a table-wide problem: the table's first cell).
    const protectedBar = problemBars().find((b) => b.textContent?.startsWith('保護シート!'))!;
    fireEvent.click(within(protectedBar).getByRole('button', { name: /セルを表示: 保護シート の A1:F3/ }));
    await waitFor(() => expect(host.calls.selectCell).toEqual([{ sheet: '保護シート', address: 'A1' }]));
  });

  it('lists a grade column that cannot be added, once the officer asks for one', async () => {
    const blocked = buildGrid('指標一覧', [
      ['指標名', '基準値\n(R1)', '実績値\n(R5)', '目標値\n(R6)', ''],
      ['市民満足度', '52.0%', '58.5%', '60.0%', '備考あり'],
    ]);
    renderPane([blocked]);
    const results = await evaluateAll();
    // Only the engine's advice that the table has no grade column.
    expect(stat(results, '要確認')).toBe('1件');
    expect(problemBars().map((b) => b.textContent)).toEqual([expect.stringMatching(/達成状況の列がありません/)]);
    expect(screen.queryByText('書き込みません')).toBeNull();
    selectTab('すべて');

    fireEvent.click(screen.getByRole('switch', { name: '達成状況の列がない表に列を追加する' }));
    expect(stat(results, '要確認')).toBe('2件');
    const [bar] = problemBars();
    expect(bar!.textContent).toMatch(/^指標一覧!E2/);
    expect(bar!.textContent).toMatch(/達成状況の列を追加しません。/);
    expect(within(bar!).getByText('書き込みません')).toBeTruthy();
    selectTab('すべて');
    expect(screen.getByRole('button', { name: /表 A1:D2.*列を追加しません: 右隣の列に入力があります/ })).toBeTruthy();
  });

  it('lists nothing when the write will do everything the preview shows', async () => {
    renderPane([seedSheet()]);
    const results = await evaluateAll();
    // The typed Ｂ that differs is the officer's choice: not a point to check.
    expect(stat(results, '要確認')).toBe('0件');
    expect(screen.queryByRole('region', { name: /確認が必要な点/ })).toBeNull();
    expect(screen.queryByText(/書き込みません/)).toBeNull();
    expect(screen.getByText(/件のセルを変更します。/).textContent).not.toContain('書き込めない箇所');
  });

  it('keeps the engine’s own problems after the skipped places', async () => {
    renderPane([listSheet(), protectedSheet()]);
    const results = await evaluateAll();
    const titles = problemBars().map((b) => b.textContent ?? '');
    expect(stat(results, '要確認')).toBe(`${titles.length}件`);
    expect(titles[0]).toMatch(/^保護シート!/);
    expect(titles.slice(1).some((x) => x.startsWith('指標一覧!C3'))).toBe(true);
    expect(titles.filter((x) => x.includes('書き込みません'))).toHaveLength(1);
  });
});

describe('the result of a write', () => {
  it('is a success with a neutral count when the only cells left alone are typed grades kept by choice', async () => {
    renderPane([seedSheet()]);
    await evaluateAll();
    fireEvent.click(writeButton());
    const report = await screen.findByRole('group', { name: '1件の達成状況を書き込みました' });
    expect(intentOf(report)).toBe('success');
    expect(within(report).getByText('手入力を残したセル: 1件')).toBeTruthy();
    expect(within(report).queryByText(/書き込まなかったセル/)).toBeNull();
    expect(within(report).queryByText(/手入力の値はそのまま残しています/)).toBeNull();
  });

  it('is a warning listing only the real skips, with the kept typed grades counted apart', async () => {
    const { host } = renderPane([seedSheet('第1節'), formulaSheet('第2節'), protectedSheet('保護シート')]);
    await evaluateAll();
    host.typeInto('第2節', 'F3', 'Ａ'); // someone typed a grade after the preview
    fireEvent.click(writeButton());
    const report = await screen.findByRole('group', { name: /件の達成状況を書き込みました$/ });
    expect(intentOf(report)).toBe('warning');
    expect(within(report).getByText('手入力を残したセル: 1件')).toBeTruthy();
    expect(within(report).getByText('書き込まなかったセル（3件）')).toBeTruthy();
    const items = within(report)
      .getAllByRole('listitem')
      .map((li) => li.textContent ?? '');
    expect(items).toHaveLength(3);
    expect(items.some((x) => x.startsWith('第2節!F2: ') && x.includes('数式'))).toBe(true);
    expect(items.some((x) => x.startsWith('保護シート!') && x.includes('保護されている'))).toBe(true);
    expect(items.some((x) => x.startsWith('第2節!F3: ') && x.includes('プレビューの後に変更された'))).toBe(true);
    // The kept typed grade (第1節!F4) is not in the warning list.
    expect(items.some((x) => x.startsWith('第1節!F4'))).toBe(false);
  });
});
