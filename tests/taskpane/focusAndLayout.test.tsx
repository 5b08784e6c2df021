// @vitest-environment jsdom
/**
 * Findings of the browser test (tests/e2e) that a component test can pin:
 *  - the focus stays on the button pressed while the pane is busy (disabledFocusable);
 *  - an empty status area takes no room (no gap between the buttons and the rule);
 *  - Japanese names and reasons break between phrases;
 *  - the undo hint never lingers over the evaluate buttons after 元に戻す.
 */
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { evaluateWorkbook } from '../../src/core/evaluate';
import { BUILTIN_PRESETS } from '../../src/core/presets';
import { cssValues, evaluateAll, headerUndo, kpiRow, renderPane, seedSheet, shownTooltips } from './render';

afterEach(cleanup);

const pause = (ms: number) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)));
/** Longer than Fluent's tooltip show and hide delays (250 ms). */
const TOOLTIP_DELAY = 400;

/** Enter on a focused button, as a browser does it: keydown, then a click on the button. */
function pressEnter(button: HTMLElement): void {
  fireEvent.keyDown(button, { key: 'Enter', code: 'Enter' });
  fireEvent.click(button);
  fireEvent.keyUp(button, { key: 'Enter', code: 'Enter' });
}

describe('keyboard focus while busy', () => {
  it('stays on 「すべて評価」 after Enter, through reading and grading, until the results are there', async () => {
    const { host } = renderPane([seedSheet('第1節'), seedSheet('第2節')]);
    const release = host.holdReads();
    const evaluate = screen.getByRole('button', { name: 'すべて評価' });
    act(() => evaluate.focus());
    expect(document.activeElement).toBe(evaluate);
    pressEnter(evaluate);
    await screen.findByText('シートを読み込んでいます… 0 / 2');
    // Busy: unavailable, yet focusable (not the `disabled` attribute, which drops the focus in a browser).
    expect(evaluate.getAttribute('aria-disabled')).toBe('true');
    expect(evaluate.hasAttribute('disabled')).toBe(false);
    expect(screen.getByRole('button', { name: 'このシートを評価' }).hasAttribute('disabled')).toBe(false);
    expect(document.activeElement).toBe(evaluate);
    // A click while busy does nothing.
    fireEvent.click(evaluate);
    expect(host.calls.readGrids).toHaveLength(1);
    release();
    await screen.findByRole('region', { name: '評価結果' });
    expect(document.activeElement).toBe(evaluate);
    expect(evaluate.getAttribute('aria-disabled')).not.toBe('true');
  });

  it('stays on 「書き込む」 while writing and once written', async () => {
    renderPane();
    await evaluateAll();
    const write = screen.getByRole('button', { name: /^書き込む（1件）/ });
    act(() => write.focus());
    pressEnter(write);
    await screen.findByText('1件の達成状況を書き込みました');
    const written = screen.getByRole('button', { name: /書き込み済み/ });
    expect(written).toBe(write);
    expect(written.getAttribute('aria-disabled')).toBe('true');
    expect(written.hasAttribute('disabled')).toBe(false);
    expect(document.activeElement).toBe(write);
  });
});

describe('layout', () => {
  /** Direct children of <main> that show nothing: each would add a gap of its own. */
  const emptyChildren = () =>
    [...screen.getByRole('main').children].filter(
      (child) => (child.textContent ?? '').trim() === '' && !child.querySelector('button, input, svg, [role]'),
    );

  it('an empty status area takes no room: nothing between the undo row and the rule card', async () => {
    renderPane();
    await screen.findByRole('button', { name: 'すべて評価' });
    expect(emptyChildren()).toEqual([]);
    await evaluateAll();
    expect(emptyChildren()).toEqual([]);
    // The status area comes back when it has something to say, and goes again when dismissed.
    fireEvent.click(screen.getByRole('button', { name: /^書き込む（1件）/ }));
    await screen.findByText('1件の達成状況を書き込みました');
    fireEvent.click(screen.getByRole('button', { name: '閉じる' }));
    expect(screen.queryByText('1件の達成状況を書き込みました')).toBeNull();
    expect(emptyChildren()).toEqual([]);
  });

  it('KPI names and reasons break between Japanese phrases (auto-phrase, strict line breaking)', async () => {
    const grids = [seedSheet()];
    renderPane(grids);
    await evaluateAll();
    const ek = evaluateWorkbook(grids, BUILTIN_PRESETS.standard).tables[0]!.kpis[1]!;
    const row = kpiRow(ek.kpi.name);
    for (const el of [within(row).getByText(ek.kpi.name), within(row).getByText(ek.outcome.reason)]) {
      expect(cssValues(el, 'word-break')).toContain('auto-phrase');
      expect(cssValues(el, 'line-break')).toContain('strict');
    }
  });
});

describe('the undo hint', () => {
  it('does not stay over the evaluate buttons after 元に戻す; with nothing to undo it shows on hover only, below the button', async () => {
    renderPane([seedSheet()], { undoAvailable: true });
    const undo = headerUndo();
    await waitFor(() => expect(undo.getAttribute('aria-disabled')).not.toBe('true'));

    // Pointing at the button shows what it does.
    fireEvent.pointerEnter(undo);
    await pause(TOOLTIP_DELAY);
    expect(shownTooltips().map((el) => el.textContent)).toEqual([
      '直前の書き込みで変更したセルを、書き込む前の状態に戻します',
    ]);

    // Pressing it closes the hint; the pointer and the focus still on the button do not reopen it
    // (the browser's order: focus on pointer down, Fluent's show on focus comes after the click).
    fireEvent.pointerDown(undo);
    fireEvent.mouseDown(undo);
    act(() => undo.focus());
    fireEvent.pointerUp(undo);
    fireEvent.mouseUp(undo);
    fireEvent.click(undo);
    await screen.findByText('0件のセルを元に戻しました');
    await waitFor(() => expect(undo.getAttribute('aria-disabled')).toBe('true'));
    await pause(TOOLTIP_DELAY);
    expect(document.activeElement).toBe(undo);
    expect(shownTooltips()).toEqual([]);

    // Nothing to undo: keyboard focus alone does not pop the hint …
    fireEvent.pointerLeave(undo);
    fireEvent.blur(undo);
    await pause(TOOLTIP_DELAY);
    act(() => undo.focus());
    fireEvent.focus(undo);
    await pause(TOOLTIP_DELAY);
    expect(shownTooltips()).toEqual([]);
    // … (screen readers still get it: the button is described by it) …
    const describedBy = undo.getAttribute('aria-describedby');
    expect(describedBy && document.getElementById(describedBy)?.textContent).toBe('元に戻せる書き込みはありません');
    // … a pointer resting on the disabled button does, below it, never above (where the evaluate buttons are).
    fireEvent.pointerEnter(undo);
    await pause(TOOLTIP_DELAY);
    const [tip] = shownTooltips();
    expect(tip?.textContent).toBe('元に戻せる書き込みはありません');
    expect(tip?.getAttribute('data-popper-placement')).toMatch(/^bottom/);
  });
});
