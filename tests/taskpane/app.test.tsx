// @vitest-environment jsdom
/**
 * The pane end to end over the in-memory host: evaluate, review, choose, write,
 * undo, and every way the host can say no.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { evaluateWorkbook } from '../../src/core/evaluate';
import { BUILTIN_PRESETS } from '../../src/core/presets';
import { HostError } from '../../src/excel/errors';
import { App } from '../../src/taskpane/App';
import { createFakeHost } from '../support/fakeHost';
import { buildGrid } from '../support/gridBuilder';
import { evaluateAll, HEADER, headerUndo, kpiRow, kpiRows, listSheet, problemsRegion, renderPane, seedSheet, selectTab } from './render';

afterEach(cleanup);

const writeButton = () => screen.getByRole('button', { name: /^書き込む/ });

describe('evaluating', () => {
  it('shows every KPI with its grade badge and the reason in Japanese', async () => {
    const grids = [seedSheet()];
    renderPane(grids);
    const results = await evaluateAll();

    const expected = evaluateWorkbook(grids, BUILTIN_PRESETS.standard).tables[0]!.kpis;
    expect(expected.map((k) => k.outcome.grade)).toEqual(['S', 'A', 'C']);
    for (const ek of expected) {
      const row = kpiRow(ek.kpi.name);
      expect(within(row).getByText(ek.outcome.reason)).toBeTruthy();
      // The badge is the grade the sheet will hold: the typed one where it differs and is kept.
      const shown = ek.differs ? ek.existing : ek.gradeText;
      expect(within(row).getByLabelText(new RegExp(`^達成状況 ${shown}`))).toBeTruthy();
      if (ek.differs) expect(within(row).getByText(`手入力: ${ek.existing} → 計算: ${ek.gradeText}`)).toBeTruthy();
    }
    // 当初 → 現状 → 目標 as displayed, and the progress rate as a bar with its percentage.
    const kokou = kpiRow('市内高校');
    expect(within(kokou).getByText('59.0％')).toBeTruthy();
    expect(within(kokou).getByText('60.5％')).toBeTruthy();
    expect(within(kokou).getByText('61.0％')).toBeTruthy();
    expect(within(kokou).getByText('75%')).toBeTruthy();
    expect(within(kokou).getByRole('progressbar', { name: '進捗率' }).getAttribute('aria-valuenow')).toBe('0.75');

    // Summary: one badge per grade with its count, and the changes / differences / problems.
    const counts = within(results).getByRole('list', { name: '達成状況ごとの件数' });
    expect(within(counts).getByLabelText('Ｓ（早い） 1件')).toBeTruthy();
    expect(within(counts).getByLabelText('Ａ（順調） 1件')).toBeTruthy();
    expect(within(counts).getByLabelText('Ｃ（やや遅れている） 1件')).toBeTruthy();
    expect(within(results).getByText('手入力と相違').nextElementSibling?.textContent).toBe('1件');
    expect(within(results).getByText('変更').nextElementSibling?.textContent).toBe('1件');
  });

  it('tells its owner about each evaluation (the custom functions learn the grade style from it)', async () => {
    const seen: number[] = [];
    renderPane([seedSheet()], {}, { onEvaluated: (e) => seen.push(e.tables.reduce((n, t) => n + t.kpis.length, 0)) });
    await evaluateAll();
    expect(seen).toEqual([3]);
  });

  it('reads only the active sheet for 「このシートを評価」', async () => {
    const { host } = renderPane([seedSheet('第1節'), seedSheet('第2節')], { activeSheet: '第2節' });
    fireEvent.click(screen.getByRole('button', { name: 'このシートを評価' }));
    await screen.findByRole('region', { name: '評価結果' });
    expect(host.calls.readGrids).toEqual([{ kind: 'activeSheet' }]);
    expect(screen.getByText('第2節')).toBeTruthy();
    expect(screen.queryByText('第1節')).toBeNull();
  });

  it('shows sheets read out of the total while reading, then the results', async () => {
    const { host } = renderPane([seedSheet('第1節'), seedSheet('第2節')]);
    const release = host.holdReads();
    fireEvent.click(screen.getByRole('button', { name: 'すべて評価' }));
    expect(await screen.findByText('シートを読み込んでいます… 0 / 2')).toBeTruthy();
    const bar = screen.getByRole('progressbar', { name: '読み込みの進み具合' });
    expect(bar.getAttribute('aria-valuemax')).toBe('2');
    // Disabled while reading, but focusable (disabledFocusable): a keyboard user's focus stays on it.
    expect(screen.getByRole('button', { name: 'すべて評価' }).getAttribute('aria-disabled')).toBe('true');
    release();
    await screen.findByRole('region', { name: '評価結果' });
    expect(screen.queryByRole('progressbar', { name: '読み込みの進み具合' })).toBeNull();
  });

  it('cancel aborts the read and leaves the workbook alone', async () => {
    const { host } = renderPane();
    const release = host.holdReads();
    fireEvent.click(screen.getByRole('button', { name: 'すべて評価' }));
    fireEvent.click(await screen.findByRole('button', { name: '読み込みをキャンセル' }));
    release();
    expect(host.lastSignal?.aborted).toBe(true);
    expect(await screen.findByText('読み込みをキャンセルしました。ブックは変更していません。')).toBeTruthy();
    expect(screen.queryByRole('region', { name: '評価結果' })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    // The pane is usable again.
    expect(screen.getByRole('button', { name: 'すべて評価' }).hasAttribute('disabled')).toBe(false);
    await evaluateAll();
  });

  it('lists the problems with sheet and cell, and links to the cell', async () => {
    const { host } = renderPane([seedSheet(), listSheet()]);
    await evaluateAll();
    const problems = problemsRegion();
    expect(within(problems).getByText('指標一覧!C3')).toBeTruthy();
    expect(within(problems).getByText(/セル C3（調査中です）は数値が見つからないため/)).toBeTruthy();
    fireEvent.click(within(problems).getByRole('button', { name: 'セルを表示: 指標一覧 の C3' }));
    await waitFor(() => expect(host.calls.selectCell).toEqual([{ sheet: '指標一覧', address: 'C3' }]));
    // The row that could not be graded says so instead of a grade: 評価不可, as its filter tab says
    // (要確認 is the points to check, and only that).
    selectTab('すべて');
    expect(within(kpiRow('自主防災組織の結成率')).getByText('評価不可')).toBeTruthy();
    expect(within(kpiRow('自主防災組織の結成率')).queryByText('要確認')).toBeNull();
  });
});

describe('typed grades that differ', () => {
  it('offers the choice, keeps the typed grade by default, and writes the computed one only when chosen', async () => {
    const { host } = renderPane();
    await evaluateAll();
    const row = kpiRow('市内高校');
    expect(within(row).getByText('手入力: Ｂ → 計算: Ａ')).toBeTruthy();
    const keep = within(row).getByRole('radio', { name: '手入力を残す' }) as HTMLInputElement;
    const adopt = within(row).getByRole('radio', { name: '計算値を採用' }) as HTMLInputElement;
    expect(keep.checked).toBe(true);
    expect(adopt.checked).toBe(false);

    // Default: the plan does not touch F4 (the typed Ｂ); it only fills the empty F5.
    expect(writeButton().textContent).toContain('書き込む（1件）');
    fireEvent.click(adopt);
    expect(adopt.checked).toBe(true);
    expect(writeButton().textContent).toContain('書き込む（2件）');
    fireEvent.click(keep);
    expect(writeButton().textContent).toContain('書き込む（1件）');
    fireEvent.click(writeButton());
    await screen.findByText('1件の達成状況を書き込みました');
    expect(host.calls.applyPlan).toHaveLength(1);
    expect(host.calls.applyPlan[0]!.writes.map((w) => w.address)).toEqual(['F5']);
    expect(host.textAt('第1節', 'F4')).toBe('Ｂ');
  });

  it('includes the cell when 「計算値を採用」 is chosen', async () => {
    const { host } = renderPane();
    await evaluateAll();
    fireEvent.click(within(kpiRow('市内高校')).getByRole('radio', { name: '計算値を採用' }));
    fireEvent.click(writeButton());
    await screen.findByText('2件の達成状況を書き込みました');
    const writes = host.calls.applyPlan[0]!.writes;
    expect(writes.map((w) => [w.address, w.after])).toEqual([
      ['F4', 'Ａ'],
      ['F5', 'Ｃ'],
    ]);
    expect(host.textAt('第1節', 'F4')).toBe('Ａ');
  });

  it('「すべて計算値を採用」 and 「すべて手入力を残す」 set every row', async () => {
    const grids = [
      buildGrid('第1節', [
        HEADER,
        ['1', '市内高校', '59.0％', '60.5％', '61.0％', 'Ｂ'],
        ['2', '市内大学', '13.0％', '13.7％', '15.0％', 'Ｃ'],
      ]),
    ];
    renderPane(grids);
    await evaluateAll();
    const radios = () => screen.getAllByRole('radio', { name: '計算値を採用' }) as HTMLInputElement[];
    expect(radios()).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'すべて計算値を採用' }));
    expect(radios().every((r) => r.checked)).toBe(true);
    expect(writeButton().textContent).toContain('書き込む（2件）');
    fireEvent.click(screen.getByRole('button', { name: 'すべて手入力を残す' }));
    expect(radios().every((r) => !r.checked)).toBe(true);
    expect(screen.getByText(/^書き込む変更はありません。/)).toBeTruthy();
    expect(writeButton().hasAttribute('disabled')).toBe(true);
  });
});

describe('writing and undoing', () => {
  it('writes the plan, reports it, and undoes it', async () => {
    const { host } = renderPane();
    await evaluateAll();
    const undo = headerUndo();
    expect(undo.getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByText(/^1件のセルを変更します。/)).toBeTruthy();

    fireEvent.click(writeButton());
    expect(await screen.findByText('1件の達成状況を書き込みました')).toBeTruthy();
    expect(host.calls.applyPlan).toHaveLength(1);
    expect(host.textAt('第1節', 'F5')).toBe('Ｃ');
    // Disabled once written, but focusable: the focus stays on the button just pressed.
    expect(screen.getByRole('button', { name: /書き込み済み/ }).getAttribute('aria-disabled')).toBe('true');

    await waitFor(() => expect(headerUndo().getAttribute('aria-disabled')).not.toBe('true'));
    fireEvent.click(headerUndo());
    expect(await screen.findByText('1件のセルを元に戻しました')).toBeTruthy();
    expect(host.calls.undoLastWrite).toBe(1);
    expect(host.textAt('第1節', 'F5')).toBe('');
    await waitFor(() => expect(headerUndo().getAttribute('aria-disabled')).toBe('true'));
    // The preview is valid again after undoing the write just made: it can be written again.
    expect(writeButton().hasAttribute('disabled')).toBe(false);
  });

  it('offers undo at start when the workbook holds a snapshot from an earlier session', async () => {
    const { host } = renderPane([seedSheet()], { undoAvailable: true });
    await waitFor(() => expect(headerUndo().getAttribute('aria-disabled')).not.toBe('true'));
    fireEvent.click(headerUndo());
    await screen.findByText('0件のセルを元に戻しました');
    expect(host.calls.undoLastWrite).toBe(1);
  });

  it('lists the cells the host skipped', async () => {
    const { host } = renderPane();
    await evaluateAll();
    host.typeInto('第1節', 'F5', 'Ａ'); // someone typed a grade after the preview
    fireEvent.click(writeButton());
    expect(await screen.findByText('何も書き込みませんでした')).toBeTruthy();
    expect(screen.getByText('書き込まなかったセル（1件）')).toBeTruthy();
    expect(screen.getByText(/セル F5 はプレビューの後に変更されたため/)).toBeTruthy();
  });

  it('writes notes and adds a grade column only when asked', async () => {
    const { host } = renderPane([seedSheet(), listSheet()]);
    await evaluateAll();
    const addColumn = screen.getByRole('switch', { name: '達成状況の列がない表に列を追加する' });
    fireEvent.click(screen.getByRole('switch', { name: '理由をセルのメモにも書き込む' }));
    fireEvent.click(addColumn);
    expect(screen.getByText(/セルを変更し、メモを\d+件書き込みます。/)).toBeTruthy();
    fireEvent.click(writeButton());
    await screen.findByText(/件の達成状況を書き込みました/);
    const plan = host.calls.applyPlan[0]!;
    expect(plan.notes.length).toBeGreaterThan(0);
    expect(plan.writes.find((w) => w.sheet === '指標一覧' && w.purpose === 'gradeHeader')?.address).toBe('E1');
    expect(host.textAt('指標一覧', 'E1')).toBe('達成状況');
  });

  it('shows the add-column switch only when a table has no grade column', async () => {
    renderPane([seedSheet()]);
    await evaluateAll();
    expect(screen.getByRole('switch', { name: '理由をセルのメモにも書き込む' })).toBeTruthy();
    expect(screen.queryByRole('switch', { name: '達成状況の列がない表に列を追加する' })).toBeNull();
  });
});

describe('host errors become messages', () => {
  it('a failed read says what happened and what to do', async () => {
    const { host } = renderPane();
    host.failNext('readGrids', new Error('RichApi.Error: The request payload size has exceeded the limit.'));
    fireEvent.click(screen.getByRole('button', { name: 'すべて評価' }));
    expect(await screen.findByText('ブックを読み込めませんでした。')).toBeTruthy();
    // Too much data: said in plain words with what to do — not "press Enter if you are editing a cell".
    expect(screen.getByText(/データが多すぎて.*「このシートを評価」で、シートごとに評価/)).toBeTruthy();
    expect(screen.queryByText(/Enter キー/)).toBeNull();
    // The technical words once, folded away.
    expect(screen.queryByText(/payload size/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '技術的な詳細' }));
    expect(screen.getAllByText('RichApi.Error: The request payload size has exceeded the limit.')).toHaveLength(1);
    expect(screen.queryByRole('region', { name: '評価結果' })).toBeNull();
    // Dismissable, and the next try works.
    fireEvent.click(screen.getByRole('button', { name: '閉じる' }));
    expect(screen.queryByText('ブックを読み込めませんでした。')).toBeNull();
    await evaluateAll();
  });

  it('an adapter error that already says what to do is shown in its own words, in the pane’s language', async () => {
    const { host } = renderPane();
    host.failNext('readGrids', HostError.from('readFailed', new Error('Unexpected state 7')));
    fireEvent.click(screen.getByRole('button', { name: 'すべて評価' }));
    // Said once (no second title saying the same), naming the button the pane has (「すべて評価」,
    // not 「評価」), the technical words folded away instead of inside the sentence.
    expect(await screen.findByText('ブックを読み取れませんでした。もう一度「すべて評価」を押してください。')).toBeTruthy();
    expect(screen.queryByText('ブックを読み込めませんでした。')).toBeNull();
    expect(screen.queryByText(/Unexpected state 7/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '技術的な詳細' }));
    expect(screen.getByText('Unexpected state 7')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'メニュー' }));
    fireEvent.click(await screen.findByRole('menuitemradio', { name: 'English' }));
    expect(await screen.findByText('The workbook could not be read. Run the evaluation again.')).toBeTruthy();
  });

  it('a failed write keeps the preview and says so', async () => {
    const { host } = renderPane();
    await evaluateAll();
    host.failNext('applyPlan', new Error('GeneralException'));
    fireEvent.click(writeButton());
    expect(await screen.findByText('ブックに書き込めませんでした。')).toBeTruthy();
    expect(screen.getByText(/Excel の内部で問題が発生しました。少し待ってからもう一度お試しください。/)).toBeTruthy();
    expect(screen.queryByText(/GeneralException/)).toBeNull();
    expect(writeButton().hasAttribute('disabled')).toBe(false);
  });

  it('a failed undo or cell selection is reported too', async () => {
    const { host } = renderPane([seedSheet()], { undoAvailable: true });
    await waitFor(() => expect(headerUndo().getAttribute('aria-disabled')).not.toBe('true'));
    host.failNext('undoLastWrite', new Error('ItemNotFound'));
    fireEvent.click(headerUndo());
    expect(await screen.findByText('元に戻せませんでした。')).toBeTruthy();
    expect(screen.getByText(/シートまたはセルが見つかりませんでした。/)).toBeTruthy();

    await evaluateAll();
    host.failNext('selectCell', new Error('InvalidArgument'));
    fireEvent.click(kpiRow('女性の就業率'));
    expect(await screen.findByText('セルを選択できませんでした。')).toBeTruthy();
    expect(screen.getByText(/シートが削除されたり名前が変わったりしていないか確認し/)).toBeTruthy();
  });

  it('a failed loadPreset keeps the standard rule and says so', async () => {
    const host = createFakeHost([seedSheet()]);
    host.failNext('loadPreset', new Error('AccessDenied'));
    render(<App host={host} theme="light" />);
    expect(await screen.findByText('ブックに保存された評価基準を読み込めませんでした。')).toBeTruthy();
    expect(screen.getByText('評価基準: 按分進捗 7段階')).toBeTruthy();
  });
});

describe('selecting cells', () => {
  it('a click or Enter on a row selects its grade cell', async () => {
    const { host } = renderPane();
    await evaluateAll();
    fireEvent.click(kpiRow('市内高校'));
    fireEvent.keyDown(kpiRow('観光入込客数'), { key: 'Enter' });
    await waitFor(() =>
      expect(host.calls.selectCell).toEqual([
        { sheet: '第1節', address: 'F4' },
        { sheet: '第1節', address: 'F5' },
      ]),
    );
    // Rows are in the tab order.
    expect(kpiRow('市内高校').getAttribute('tabindex')).toBe('0');
  });

  it('choosing between typed and computed does not select the cell', async () => {
    const { host } = renderPane();
    await evaluateAll();
    fireEvent.click(within(kpiRow('市内高校')).getByRole('radio', { name: '計算値を採用' }));
    expect(host.calls.selectCell).toEqual([]);
  });

  it('selects the indicator cell when the table has no grade column', async () => {
    const { host } = renderPane([listSheet()]);
    await evaluateAll();
    fireEvent.click(kpiRow('市民満足度'));
    await waitFor(() => expect(host.calls.selectCell).toEqual([{ sheet: '指標一覧', address: 'A2' }]));
  });
});

describe('large results', () => {
  it('starts collapsed, renders rows only for an open table, a page at a time', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => [String(i + 1), `指標${i + 1}`, '100件', '110件', '150件', '']);
    renderPane([buildGrid('大きな表', [HEADER, ...rows])]);
    await evaluateAll();
    expect(kpiRows()).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: /表 A1:F121/ }));
    await waitFor(() => expect(kpiRows()).toHaveLength(50));
    fireEvent.click(screen.getByRole('button', { name: 'さらに表示（残り 70件）' }));
    expect(kpiRows()).toHaveLength(100);
    fireEvent.click(screen.getByRole('button', { name: 'さらに表示（残り 20件）' }));
    expect(kpiRows()).toHaveLength(120);
  });
});

describe('language', () => {
  it('the English switch in the header menu changes labels, reasons and messages', async () => {
    const grids = [seedSheet()];
    renderPane(grids);
    fireEvent.click(screen.getByRole('button', { name: 'メニュー' }));
    fireEvent.click(await screen.findByRole('menuitemradio', { name: 'English' }));
    expect(await screen.findByRole('button', { name: 'Evaluate all' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Evaluate this sheet' })).toBeTruthy();
    expect(screen.getByText('KPI progress grading')).toBeTruthy();
    expect(screen.getByText('Rule: Pro-rata progress, 7 grades')).toBeTruthy();
    expect(screen.queryByText('すべて評価')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Evaluate all' }));
    await screen.findByRole('region', { name: 'Results' });
    const expected = evaluateWorkbook(grids, BUILTIN_PRESETS.standard).tables[0]!.kpis;
    for (const ek of expected) expect(within(kpiRow(ek.kpi.name)).getByText(ek.outcome.reasonEn)).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Use computed' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /^Write \(1\)/ })).toBeTruthy();

    // And back.
    fireEvent.click(screen.getByRole('button', { name: 'Menu' }));
    fireEvent.click(await screen.findByRole('menuitemradio', { name: '日本語' }));
    expect(await screen.findByRole('button', { name: 'すべて評価' })).toBeTruthy();
  });
});
