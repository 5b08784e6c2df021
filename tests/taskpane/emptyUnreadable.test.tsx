// @vitest-environment jsdom
/**
 * A workbook where no table was found because Excel could not hand a sheet over (too big to
 * read): the empty state says so, and does not claim that sheet was searched.
 */
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SheetGrid } from '../../src/core/grid';
import { renderPane } from './render';

const tooBig: SheetGrid = { name: '全指標一覧', rows: [], merges: [], unreadable: true };
const notes: SheetGrid = { name: 'メモ', rows: [[{ text: '打合せメモ', value: '打合せメモ' }]], merges: [] };

describe('the empty state when a sheet could not be read', () => {
  it('shows the sheet’s warning and lists only the sheets really searched', async () => {
    renderPane([tooBig, notes]);
    fireEvent.click(screen.getByRole('button', { name: 'すべて評価' }));
    const empty = await screen.findByRole('region', { name: 'KPI表が見つかりませんでした' }, { timeout: 5000 });
    expect(within(empty).getByText(/『全指標一覧』シート|「全指標一覧」シート/)).toBeTruthy();
    const searched = within(empty).getByText(/^探したシート/);
    expect(searched.textContent).toContain('「メモ」');
    expect(searched.textContent).not.toContain('全指標一覧');
  });
});
