// @vitest-environment jsdom
/**
 * 「集計を作成」 over the in-memory host: the sheet it writes (counted by hand from the seed-like
 * ledger), what the pane says, its own undo 「集計シートを削除」, an officer's sheet of that name
 * never replaced, and a host that says no.
 *
 * The ledger (render.tsx seedSheet, standard rule): 女性の就業率 typed Ｓ (rule Ｓ), 市内就職率
 * typed Ｂ (rule Ａ: p = 1.5/2.0 = 0.75 against t = 3/5), 観光入込客数 empty (rule Ｃ: it went
 * down). The sheet has a 基本的方向 heading and no 基本目標 heading: the goal is the sheet name.
 */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SUMMARY_SHEET_NAME } from '../../src/core/summarySheet';
import { evaluateAll, renderPane, seedSheet } from './render';
import type { FakeHost } from '../support/fakeHost';

afterEach(cleanup);

const createButton = () => screen.getByRole('button', { name: '集計を作成' });

async function create(host: FakeHost, times = 1) {
  fireEvent.click(createButton());
  await waitFor(() => expect(host.calls.writeSummarySheet.length).toBe(times));
  await screen.findByText(/集計を(作成しました|作り直しました)|集計シートを作成しませんでした/);
}

/** A row of the goal or 担当課 block written last, by its label (unique there). */
function rowOf(host: FakeHost, label: string) {
  const c = host.calls.writeSummarySheet.at(-1)!;
  const rows = c.rows.slice(c.goalBlock.top + 1, c.departmentBlock.bottom + 1);
  const found = rows.filter((r) => r[0] === label);
  expect(found.length, label).toBe(1);
  return found[0]!;
}

describe('集計を作成', () => {
  it('is offered with the results, after an evaluation', async () => {
    renderPane();
    expect(screen.queryByRole('button', { name: '集計を作成' })).toBeNull();
    await evaluateAll();
    expect(screen.getByRole('region', { name: '推進委員会向けの集計' })).toBeTruthy();
    expect(createButton().getAttribute('aria-disabled')).toBeNull();
  });

  it('writes the KPI評価集計 sheet counted from the ledger and says so; nothing else changes', async () => {
    const { host } = renderPane();
    await evaluateAll();
    await create(host);
    expect(screen.getByText(`「${SUMMARY_SHEET_NAME}」シートに集計を作成しました。`)).toBeTruthy();
    // No history of an earlier year in this workbook: it says why there is no comparison.
    expect(screen.getByText(/前の年度の評価の記録がないため、前回との比較は載せていません/)).toBeTruthy();
    expect(host.sheetNames()).toEqual(['第1節', SUMMARY_SHEET_NAME]);

    // Header: the standard rule's grades, 評価不能, 計, 順調以上 件数, 評価対象, 割合.
    const content = host.calls.writeSummarySheet[0]!;
    expect(content.rows[content.goalBlock.top]![0]).toBe('基本目標・基本的方向');
    //                        S  A  B  C  D  E  －  不能 計 順調以上 対象 割合
    // Typed grades as they are (Ｓ, Ｂ), the empty cell's rule grade (Ｃ): 1 of 3 on track.
    const goal = ['第1節', 1, 0, 1, 1, 0, 0, 0, 0, 3, 1, 3, 1 / 3];
    expect(rowOf(host, '第1節').slice(0, 13)).toEqual(goal);
    expect(rowOf(host, '　基本的方向１ 雇用対策の強化を図る').slice(1, 13)).toEqual(goal.slice(1));
    expect(rowOf(host, '全体').slice(1, 13)).toEqual(goal.slice(1));
    // Per 担当課: 企画政策課 Ｓ; 商業観光課 Ｂ and Ｃ, none on track.
    expect(rowOf(host, '企画政策課').slice(1, 13)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1]);
    expect(rowOf(host, '商業観光課').slice(1, 13)).toEqual([0, 0, 1, 1, 0, 0, 0, 0, 2, 0, 2, 0]);
    // The KPI list: the typed Ｂ with the rule's Ａ beside it.
    const kokou = content.rows.find((r) => String(r[2]).startsWith('市内高校の市内就職率'))!;
    expect(kokou.slice(4, 10)).toEqual(['59.0％', '60.5％', '61.0％', 0.75, 0.6, 'Ｂ']);
    expect(kokou[11]).toBe('Ａ');
    // The sheet holds what was handed over; the ledger is untouched.
    expect(host.textAt(SUMMARY_SHEET_NAME, 'A1')).toBe('KPI評価集計');
    expect(host.textAt('第1節', 'F4')).toBe('Ｂ');
    expect(host.textAt('第1節', 'F5')).toBe('');
    expect(host.calls.applyPlan.length).toBe(0);
  });

  it('counts the rule grade where the officer adopted it', async () => {
    const { host } = renderPane();
    await evaluateAll();
    fireEvent.click(screen.getByRole('button', { name: 'すべて計算値を採用' }));
    await create(host);
    // Ｓ, Ａ (adopted), Ｃ: 2 of 3 on track; no 'rule grade differs' column for the adopted row.
    expect(rowOf(host, '第1節').slice(1, 13)).toEqual([1, 1, 0, 1, 0, 0, 0, 0, 3, 2, 3, 2 / 3]);
    const kokou = host.calls.writeSummarySheet[0]!.rows.find((r) => String(r[2]).startsWith('市内高校の市内就職率'))!;
    expect(kokou[9]).toBe('Ａ');
    expect(kokou[11]).toBe('');
  });

  it('replaces its own sheet on the next press, and 「集計シートを削除」 removes it', async () => {
    const { host } = renderPane();
    await evaluateAll();
    await create(host);
    await create(host, 2);
    expect(screen.getByText(/シートの集計を作り直しました/)).toBeTruthy();
    expect(host.sheetNames()).toEqual(['第1節', SUMMARY_SHEET_NAME]);

    fireEvent.click(screen.getByRole('button', { name: '集計シートを削除' }));
    await screen.findByText(`「${SUMMARY_SHEET_NAME}」シートを削除しました。`);
    expect(host.sheetNames()).toEqual(['第1節']);
    expect(host.calls.removeSummarySheet).toEqual([SUMMARY_SHEET_NAME]);
    // The header's 元に戻す is the grade write's: nothing was written, so it has nothing to undo.
    expect(host.calls.undoLastWrite).toBe(0);
  });

  it('never replaces an officer\'s sheet of that name, and says what to do', async () => {
    const { host } = renderPane();
    host.addSheet(SUMMARY_SHEET_NAME);
    host.typeInto(SUMMARY_SHEET_NAME, 'A1', '私のメモ');
    await evaluateAll();
    await create(host);
    expect(screen.getByText('集計シートを作成しませんでした。')).toBeTruthy();
    expect(screen.getByText(/既にあり、このアドインが作ったものではないため、置き換えませんでした/)).toBeTruthy();
    expect(host.textAt(SUMMARY_SHEET_NAME, 'A1')).toBe('私のメモ');
    expect(host.sheetNames()).toEqual(['第1節', SUMMARY_SHEET_NAME]);
  });

  it('says plainly when the workbook refuses, and the pane stays usable', async () => {
    const { host } = renderPane([seedSheet()]);
    await evaluateAll();
    host.failNext('writeSummarySheet', new Error('GeneralException'));
    fireEvent.click(createButton());
    await screen.findByText('集計シートを作成できませんでした。');
    expect(host.sheetNames()).toEqual(['第1節']);
    await waitFor(() => expect(createButton().getAttribute('aria-disabled')).toBeNull());
  });
});
