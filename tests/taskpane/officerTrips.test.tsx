// @vitest-environment jsdom
/**
 * Where an officer tripped in one sitting (issue 15), each pinned by a test that
 * failed before the fix: an invalid rule that still let the old grades be written,
 * internal field names in threshold errors, raw and repeated host errors, a write that
 * wrote nothing reported as done, skipped cells counted as messages, undo out of reach,
 * focus under the sticky footer, a tooltip left over the title, the problem list at the
 * very bottom, 「要確認」 meaning two things, tables named only by range, no search over
 * 2,000 KPIs, and the results layout shown for a workbook with no KPI table.
 */
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SheetGrid } from '../../src/core/grid';
import { HostError } from '../../src/excel/errors';
import { buildGrid } from '../support/gridBuilder';
import {
  cssValues,
  evaluateAll,
  HEADER,
  headerUndo,
  kpiRows,
  listSheet,
  renderPane,
  seedSheet,
  selectTab,
  shownTooltips,
} from './render';

afterEach(cleanup);

const pause = (ms: number) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)));
const TOOLTIP_DELAY = 400;
const openRules = () => fireEvent.click(screen.getByRole('button', { name: /^評価基準/ }));
const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const writeButton = () => screen.getByRole('button', { name: /^書き込/ });
const openEnglish = async () => {
  fireEvent.click(screen.getByRole('button', { name: 'メニュー' }));
  fireEvent.click(await screen.findByRole('menuitemradio', { name: 'English' }));
};

/** Two empty grade cells the write will fill (both Ｓ: 69.8 ≥ 65 and 70 ≥ 65, targets met). */
function twoToWrite(name = '第3節'): SheetGrid {
  return buildGrid(name, [
    ['基本的方向３ 結婚・出産の希望をかなえる'],
    HEADER,
    ['1', '女性の就業率（企画政策課）', '63.0％', '69.8％', '65.0%', ''],
    ['2', '男性の就業率（企画政策課）', '63.0％', '70.0％', '65.0%', ''],
  ]);
}

describe('1. an invalid rule', () => {
  it('disables writing, not only evaluating, and says why', async () => {
    renderPane();
    await evaluateAll();
    expect(writeButton().hasAttribute('disabled')).toBe(false);
    openRules();
    fireEvent.change(field('Ｄ（遅れている）: 基準値からの悪化率 >'), { target: { value: '-1' } });
    expect(screen.getByRole('button', { name: 'すべて評価' }).hasAttribute('disabled')).toBe(true);
    // The grades on screen are the previous rule's: they must not be written.
    expect(writeButton().hasAttribute('disabled')).toBe(true);
    expect(screen.getByText('評価基準のしきい値に誤りがあります。直してから評価し、書き込んでください。')).toBeTruthy();
  });

  it('an empty threshold disables writing too', async () => {
    renderPane();
    await evaluateAll();
    openRules();
    fireEvent.change(field('Ｂ（おおむね順調）: 進捗率 ≥ 経過率 ×'), { target: { value: '' } });
    expect(writeButton().hasAttribute('disabled')).toBe(true);
  });
});

describe('2. threshold errors', () => {
  it('name the grades as the labels do, in English too', async () => {
    renderPane();
    openRules();
    fireEvent.change(field('Ｂ（おおむね順調）: 進捗率 ≥ 経過率 ×'), { target: { value: '1.5' } });
    expect(screen.getByText('Ａ（順調）のしきい値以下にしてください。')).toBeTruthy();
    await openEnglish();
    expect(await screen.findByText('Must not be above the threshold of A (on track).')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/roughly|onPace|しきい値 /);
  });
});

describe('3. host errors', () => {
  it('are plain words with what to do, said once, the technical words folded away', async () => {
    const { host } = renderPane();
    await evaluateAll();
    const cause = Object.assign(new Error('An internal error has occurred.'), { code: 'GeneralException' });
    host.failNext('applyPlan', HostError.from('writeFailed', cause));
    fireEvent.click(writeButton());
    expect(await screen.findByText('ブックに書き込めませんでした。')).toBeTruthy();
    expect(screen.getByText(/Excel の内部で問題が発生しました。/)).toBeTruthy();
    // Neither the English words nor 「詳細: …」 in the message itself.
    expect(screen.queryByText(/internal error has occurred/)).toBeNull();
    expect(screen.queryByText(/詳細:/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '技術的な詳細' }));
    expect(screen.getAllByText('GeneralException: An internal error has occurred.')).toHaveLength(1);
  });

  it('never tell the officer to press a button the pane does not have', async () => {
    const { host } = renderPane();
    host.failNext('readGrids', HostError.from('readFailed', new Error('odd')));
    fireEvent.click(screen.getByRole('button', { name: 'すべて評価' }));
    await screen.findByText(/ブックを読み取れませんでした。/);
    expect(document.body.textContent).not.toMatch(/「評価」/);
  });

  it('a payload error is answered with what helps, not with "press Enter"', async () => {
    const { host } = renderPane();
    const cause = Object.assign(new Error('The request payload size has exceeded the limit.'), { code: 'RequestPayloadSizeLimitExceeded' });
    host.failNext('readGrids', HostError.from('readFailed', cause));
    await openEnglish();
    fireEvent.click(screen.getByRole('button', { name: 'Evaluate all' }));
    expect(await screen.findByText('The workbook could not be read.')).toBeTruthy();
    expect(screen.getByText(/too much for Excel to handle at once\. Use "Evaluate this sheet"/)).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/press Enter/i);
    expect(screen.queryByText(/RequestPayloadSizeLimitExceeded/)).toBeNull();
  });
});

describe('4. a write that wrote nothing', () => {
  it('says so, leaves 元に戻す off, is not 「書き込み済み」, and counts the cells not written', async () => {
    const { host } = renderPane([twoToWrite()]);
    await evaluateAll();
    expect(writeButton().textContent).toContain('書き込む（2件）');
    host.protectSheet('第3節'); // protected after the preview: one message for the sheet, two cells
    fireEvent.click(writeButton());
    expect(await screen.findByText('何も書き込みませんでした')).toBeTruthy();
    expect(screen.queryByText(/0件の達成状況を書き込みました/)).toBeNull();
    expect(screen.getByText('書き込まなかったセル（2件）')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /書き込み済み/ })).toBeNull();
    expect(writeButton().textContent).toContain('書き込む（2件）');
    await pause(50);
    expect(headerUndo().getAttribute('aria-disabled')).toBe('true');
  });
});

describe('5. undo and the result of a write', () => {
  it('the header, with a clear 元に戻す, stays at the top; the result offers undo too and shows success', async () => {
    const { host } = renderPane();
    await evaluateAll();
    const banner = screen.getByRole('banner');
    expect(cssValues(banner, 'position')).toContain('sticky');
    // A real button, not the small grey subtle one that looked disabled.
    expect(headerUndo().className).not.toMatch(/fui-Button--subtle|subtle/);
    expect(cssValues(headerUndo(), 'background-color').join(' ')).toContain('colorNeutralBackground1');
    // The add-in's name and logo are in Office's title bar: the header does not repeat them.
    expect(within(banner).queryByRole('img')).toBeNull();

    fireEvent.click(writeButton());
    const title = await screen.findByText('1件の達成状況を書き込みました');
    const result = title.closest<HTMLElement>('.fui-MessageBar')!;
    expect(cssValues(result, 'background-color').join(' ')).toContain('colorStatusSuccessBackground1');
    const undoInResult = await within(result).findByRole('button', { name: '元に戻す' });
    await waitFor(() => expect(undoInResult.hasAttribute('disabled')).toBe(false));
    fireEvent.click(undoInResult);
    expect(await screen.findByText('1件のセルを元に戻しました')).toBeTruthy();
    expect(host.textAt('第1節', 'F5')).toBe('');
  });
});

describe('6. focus, first screen, tooltip', () => {
  it('keeps focused controls clear of the sticky header and footer (scroll-padding from their heights)', async () => {
    const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight');
    Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
      configurable: true,
      get(this: HTMLElement) {
        if (this.tagName === 'HEADER') return 45;
        // The write footer: the block whose own button is 「書き込む」.
        return this.querySelector(':scope > button')?.textContent?.includes('書き込む') ? 120 : 0;
      },
    });
    try {
      renderPane();
      await evaluateAll();
      const root = document.documentElement.style;
      expect(root.scrollPaddingTop).toBe('53px');
      expect(root.scrollPaddingBottom).toBe('128px');
    } finally {
      if (original) Object.defineProperty(HTMLElement.prototype, 'offsetHeight', original);
    }
  });

  it('the 「すべて評価」 hint shows below the button and a click closes it for good', async () => {
    renderPane();
    const evaluate = screen.getByRole('button', { name: 'すべて評価' });
    fireEvent.pointerEnter(evaluate);
    await pause(TOOLTIP_DELAY);
    expect(shownTooltips().map((el) => el.textContent)).toEqual([expect.stringMatching(/すべてのシート/)]);
    fireEvent.pointerDown(evaluate);
    act(() => evaluate.focus());
    fireEvent.click(evaluate);
    await screen.findByRole('region', { name: '評価結果' });
    await pause(TOOLTIP_DELAY);
    expect(shownTooltips()).toEqual([]);
  });
});

describe('7. the points to check', () => {
  it('are reached from 要確認 in the summary and have their own tab', async () => {
    renderPane([seedSheet(), listSheet()]);
    const results = await evaluateAll();
    // Not at the bottom of the list: behind their tab.
    expect(screen.queryByRole('region', { name: /確認が必要な点/ })).toBeNull();
    fireEvent.click(within(results).getByRole('button', { name: /^要確認 \d+件/ }));
    const tab = screen.getByRole('tab', { name: /^要確認/ });
    expect(tab.getAttribute('aria-selected')).toBe('true');
    const region = screen.getByRole('region', { name: /確認が必要な点/ });
    expect(within(region).getByText('指標一覧!C3')).toBeTruthy();
    expect(kpiRows()).toHaveLength(0);
    selectTab('すべて');
    expect(kpiRows().length).toBeGreaterThan(0);
  });

  it('「要確認」 means only the points to check: a row that cannot be graded says 評価不可', async () => {
    renderPane([listSheet()]);
    await evaluateAll();
    const row = document.querySelector<HTMLElement>('[data-kpi-row^="指標一覧!"][data-kpi-row$="3"]') ?? kpiRows()[1]!;
    expect(within(row).getByText('評価不可')).toBeTruthy();
    expect(within(screen.getByRole('main')).queryAllByText('要確認')).toHaveLength(1); // the summary's label only
  });
});

describe('8. tables by name, and a search over many KPIs', () => {
  it('names a table by the heading above it, the range as a caption', async () => {
    renderPane([seedSheet()]);
    await evaluateAll();
    expect(screen.getByRole('button', { name: /^基本的方向１ 雇用対策の強化を図る A2:F5/ })).toBeTruthy();
    expect(screen.getByRole('table', { name: '基本的方向１ 雇用対策の強化を図る（A2:F5）' })).toBeTruthy();
  });

  it('offers a search box over KPI names when there are many; matches open their tables', async () => {
    const tables: (string | number)[][] = [];
    for (let t = 0; t < 10; t++) {
      tables.push([`施策${t + 1} 分野${t + 1}`], HEADER);
      for (let i = 0; i < 6; i++) tables.push([String(i + 1), `指標${t + 1}-${i + 1}（担当課）`, '100件', '110件', '150件', '']);
      tables.push([]);
    }
    renderPane([buildGrid('施策一覧', tables)]);
    await evaluateAll();
    expect(kpiRows()).toHaveLength(0); // 60 KPIs: tables start closed
    const search = screen.getByRole('searchbox', { name: '指標名で検索' });
    fireEvent.change(search, { target: { value: '指標３-' } }); // full-width digit: matched as 3
    await waitFor(() => expect(kpiRows()).toHaveLength(6));
    expect(screen.getByText('6件が一致')).toBeTruthy();
    for (const row of kpiRows()) expect(row.textContent).toMatch(/指標3-/);
  });

  it('has no search box for a short list', async () => {
    renderPane([seedSheet()]);
    await evaluateAll();
    expect(screen.queryByRole('searchbox')).toBeNull();
  });
});

describe('11. an empty workbook', () => {
  it('says no KPI table was found and which sheets were searched, without the results layout', async () => {
    renderPane([buildGrid('メモ', [['会議メモ'], ['議題', '担当']]), buildGrid('Sheet2', [])]);
    fireEvent.click(screen.getByRole('button', { name: 'すべて評価' }));
    const empty = await screen.findByRole('region', { name: 'KPI表が見つかりませんでした' });
    expect(within(empty).getByText('探したシート: 「メモ」「Sheet2」')).toBeTruthy();
    expect(screen.queryByRole('region', { name: '評価結果' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^書き込/ })).toBeNull();
  });
});

describe('12. rule names and sources', () => {
  it('an adjusted rule saved in the workbook is named with one parenthesis; its source is English in English', async () => {
    renderPane();
    openRules();
    fireEvent.change(field('Ｄ（遅れている）: 基準値からの悪化率 >'), { target: { value: '0.2' } });
    fireEvent.click(screen.getByRole('button', { name: 'この評価基準をブックに保存' }));
    await screen.findByText(/評価基準をブックに保存しました。/);
    expect(screen.getByText(/^出典: 利用者作成（もと: 按分進捗 7段階／/)).toBeTruthy();
    expect(document.body.textContent).not.toContain('（調整）（ブックに保存済み）');
    await openEnglish();
    expect(await screen.findByText(/^Source: Made by the user \(based on: 按分進捗 7段階 \/ /)).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Choose a rule' }).textContent).toBe('Pro-rata progress, 7 grades (adjusted, saved in workbook)');
    expect(document.body.textContent).not.toContain('利用者作成');
  });
});

describe('10. the row badge follows the choice', () => {
  it('shows the typed grade while 「手入力を残す」 is chosen, the computed one once adopted', async () => {
    renderPane();
    await evaluateAll();
    const badge = () => document.querySelector<HTMLElement>('[data-kpi-row="第1節!F4"] .fui-Badge')!;
    // 市内高校: typed Ｂ, computed Ａ (60.5 of 59 → 61: progress 75% ≥ elapsed 60% × 1.0).
    expect(badge().textContent).toBe('Ｂ');
    fireEvent.click(within(document.querySelector<HTMLElement>('[data-kpi-row="第1節!F4"]')!).getByRole('radio', { name: '計算値を採用' }));
    expect(badge().textContent).toBe('Ａ');
  });
});

describe('12. the progress bar', () => {
  it('below 0 draws a red stub and the figure, not an empty bar; 進捗率 is said once per row', async () => {
    // 観光入込客数: 372 → 356 towards 450: progress (356 − 372) / (450 − 372) = −21%.
    renderPane();
    await evaluateAll();
    const row = document.querySelector<HTMLElement>('[data-kpi-row="第1節!F5"]')!;
    const bar = within(row).getByRole('progressbar', { name: '進捗率' });
    expect(bar.getAttribute('aria-valuetext')).toBe('-21%');
    expect(Number(bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
    expect(within(row).getByText('-21%')).toBeTruthy();
    // The figure is not repeated as 「進捗率 -21%」 beside the reason.
    expect(row.textContent).not.toContain('進捗率 -21%');
    const kokou = document.querySelector<HTMLElement>('[data-kpi-row="第1節!F4"]')!;
    expect((kokou.textContent ?? '').match(/進捗率/g) ?? []).toHaveLength(1); // 「進捗率 75%（経過 60%）→ Ａ 順調」 only
  });
});

describe('13. accessible names', () => {
  it('「セルを表示」 buttons have their visible text in their name', async () => {
    renderPane([listSheet()]);
    await evaluateAll();
    selectTab('要確認');
    for (const button of screen.getAllByRole('button', { name: /セルを表示/ })) {
      expect(button.getAttribute('aria-label')!.startsWith(button.textContent!)).toBe(true);
    }
  });
});

describe('9. Japanese words kept whole at 320 px', () => {
  it('values keep 「以下」 and 「(H22 国調)」 whole; department names do not break inside a word', async () => {
    renderPane([
      buildGrid('第4節', [
        HEADER,
        ['1', '若者の転出超過数（ものづくり振興課）', '217人\n(H22 国調)', '198人', '150人以下', ''],
      ]),
    ]);
    await evaluateAll();
    const row = kpiRows()[0]!;
    const baseline = within(row).getByText((_, el) => el?.textContent === '217人\n(H22\u00A0国調)' && el.children.length === 0);
    const target = within(row).getByText('150人以下');
    for (const el of [baseline, target]) {
      expect(cssValues(el, 'word-break')).toContain('keep-all');
      expect(cssValues(el, 'overflow-wrap')).not.toContain('break-word');
    }
    const values = target.parentElement!;
    expect(cssValues(values, 'grid-template-columns').join(' ')).toContain('minmax(min-content');
    const department = within(row).getByText('ものづくり振興課');
    expect(cssValues(department, 'word-break')).toContain('keep-all');
  });
});
