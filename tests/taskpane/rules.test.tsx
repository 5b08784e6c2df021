// @vitest-environment jsdom
/**
 * The rule section: choosing a preset, editing thresholds with the engine's
 * validation, saving with the workbook, and using the saved rule at start.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILTIN_PRESETS, copyPreset } from '../../src/core/presets';
import { evaluateAll, kpiRow, renderPane, seedSheet } from './render';

afterEach(cleanup);

const openRules = () => fireEvent.click(screen.getByRole('button', { name: /^評価基準/ }));
const saveButton = () => screen.getByRole('button', { name: 'この評価基準をブックに保存' });
const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

describe('thresholds', () => {
  it('shows each threshold of the standard rule with a label that explains it', () => {
    renderPane();
    openRules();
    expect(field('Ｓ（早い）: 進捗率 ≥').value).toBe('1');
    expect(field('Ａ（順調）: 進捗率 ≥ 経過率 ×').value).toBe('1');
    expect(field('Ｂ（おおむね順調）: 進捗率 ≥ 経過率 ×').value).toBe('0.5');
    expect(field('Ｄ（遅れている）: 基準値からの悪化率 >').value).toBe('0.1');
    expect(screen.getByText('出典: 柏崎市 まち・ひと・しごと創生総合戦略 進行管理（平成29年度）')).toBeTruthy();
  });

  it('an invalid threshold shows the engine’s Japanese error under the field and disables saving', () => {
    renderPane();
    openRules();
    expect(saveButton().hasAttribute('disabled')).toBe(false);
    fireEvent.change(field('Ｄ（遅れている）: 基準値からの悪化率 >'), { target: { value: '-1' } });
    // In the grade's words, never the internal field name (worse).
    expect(screen.getByText('0 以上の値にしてください。')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/worse/);
    expect(field('Ｄ（遅れている）: 基準値からの悪化率 >').getAttribute('aria-invalid')).toBe('true');
    expect(saveButton().hasAttribute('disabled')).toBe(true);
    // Nothing can be graded with an invalid rule either.
    expect(screen.getByRole('button', { name: 'すべて評価' }).hasAttribute('disabled')).toBe(true);
  });

  it('says which of two thresholds is out of order', () => {
    renderPane();
    openRules();
    fireEvent.change(field('Ｂ（おおむね順調）: 進捗率 ≥ 経過率 ×'), { target: { value: '1.5' } });
    // Named as the labels name the grades, not roughly / onPace.
    const error = screen.getByText('Ａ（順調）のしきい値以下にしてください。');
    expect(document.body.textContent).not.toMatch(/roughly|onPace/);
    expect(field('Ｂ（おおむね順調）: 進捗率 ≥ 経過率 ×').getAttribute('aria-describedby')).toContain(error.closest('[id]')!.id);
    expect(saveButton().hasAttribute('disabled')).toBe(true);
  });

  it('text that is not a number gets plain words', () => {
    renderPane();
    openRules();
    fireEvent.change(field('Ａ（順調）: 進捗率 ≥ 経過率 ×'), { target: { value: 'たくさん' } });
    expect(screen.getByText('数値を入力してください（例: 0.5）')).toBeTruthy();
    expect(saveButton().hasAttribute('disabled')).toBe(true);
    // Full-width digits and percentages are numbers.
    fireEvent.change(field('Ａ（順調）: 進捗率 ≥ 経過率 ×'), { target: { value: '０．９' } });
    expect(screen.queryByText('数値を入力してください（例: 0.5）')).toBeNull();
    fireEvent.change(field('Ｄ（遅れている）: 基準値からの悪化率 >'), { target: { value: '20%' } });
    expect(screen.getByText('＝ 20%')).toBeTruthy();
    expect(saveButton().hasAttribute('disabled')).toBe(false);
  });

  it('saves an adjusted rule with the workbook', async () => {
    const { host } = renderPane();
    openRules();
    fireEvent.change(field('Ｄ（遅れている）: 基準値からの悪化率 >'), { target: { value: '0.2' } });
    expect(screen.getByText('評価基準: 按分進捗 7段階（調整）')).toBeTruthy();
    fireEvent.click(saveButton());
    expect(await screen.findByText(/評価基準をブックに保存しました。/)).toBeTruthy();
    expect(host.calls.savePreset).toHaveLength(1);
    const saved = host.calls.savePreset[0]!;
    expect(saved.method).toBe('standard');
    expect(saved.id).toBe('standard-custom');
    expect(saved.method === 'standard' && saved.thresholds.worse).toBe(0.2);
    // The saved rule is now the workbook's option.
    // One parenthesis, not 「（調整）（ブックに保存済み）」.
    expect(screen.getByRole('combobox', { name: '評価基準を選ぶ' }).textContent).toBe('按分進捗 7段階（調整・ブックに保存済み）');
  });

  it('a failed save is reported', async () => {
    const { host } = renderPane();
    openRules();
    host.failNext('savePreset', new Error('The workbook is read-only.'));
    fireEvent.click(saveButton());
    expect(await screen.findByText('評価基準をブックに保存できませんでした。')).toBeTruthy();
    expect(screen.getByText('ブックが読み取り専用でないか確認して、もう一度保存してください。')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '技術的な詳細' }));
    expect(screen.getByText('The workbook is read-only.')).toBeTruthy();
  });
});

describe('presets', () => {
  it('lists the five builtins and switches the threshold editor with the method', async () => {
    renderPane();
    openRules();
    fireEvent.click(screen.getByRole('combobox', { name: '評価基準を選ぶ' }));
    const listbox = await screen.findByRole('listbox');
    const names = within(listbox)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(names).toEqual([
      '按分進捗 7段階',
      '基準値比較',
      '達成率',
      '目安値',
      '点数',
      '日本再興戦略 KPI進捗（A・B・F・N）',
      'あきる野市 進捗管理（F・S・A・B・C・X・Y・Z）',
      '多摩市 年20%進捗（①・②・③）',
      '杵築市 達成率（A・B・C・D）',
      '福岡市 成果指標（a・b・c、意識調査 ±3ポイント）',
    ]);
    fireEvent.click(within(listbox).getByRole('option', { name: '達成率' }));
    expect(screen.getByText('評価基準: 達成率')).toBeTruthy();
    expect(field('Ａ: 達成率 ≥').value).toBe('1');
    expect(field('Ｃ: 達成率 ≥').value).toBe('0.5');
    expect(screen.getByText('出典: 長野県・佐野市・杵築市 ほか')).toBeTruthy();
  });

  it('a city scale: its fields with live hints, editable from a copy', () => {
    renderPane();
    openRules();
    fireEvent.click(screen.getByRole('combobox', { name: '評価基準を選ぶ' }));
    fireEvent.click(screen.getByRole('option', { name: '多摩市 年20%進捗（①・②・③）' }));
    expect(field('毎年の進捗の割合（空欄なら直線）').value).toBe('0.2');
    // 20 % a year: the second year expects 2 × 20 % = 40 %.
    expect(screen.getByText('2年目の目安は 40%')).toBeTruthy();
    fireEvent.change(field('毎年の進捗の割合（空欄なら直線）'), { target: { value: '25%' } });
    // 2 × 25 % = 50 %
    expect(screen.getByText('2年目の目安は 50%')).toBeTruthy();
    fireEvent.change(field('評価 1 の記号'), { target: { value: 'A' } });
    expect(field('評価 1 の記号').getAttribute('aria-invalid')).not.toBe('true');
    fireEvent.change(field('評価 1 の記号'), { target: { value: '②' } });
    expect(screen.getByText(/評価の記号「②」が grades に2回あります/)).toBeTruthy();
  });

  it('points: a step out of order is reported on that step', () => {
    renderPane();
    openRules();
    fireEvent.click(screen.getByRole('combobox', { name: '評価基準を選ぶ' }));
    fireEvent.click(screen.getByRole('option', { name: '点数' }));
    fireEvent.change(field('5点: 達成率 ≥'), { target: { value: '0.95' } });
    const input = field('5点: 達成率 ≥');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    // 5点's threshold (0.95) above 6点's (0.9): said with the points, not the internal "steps".
    expect(screen.getByText('6点のしきい値より小さい値にしてください。')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/steps/);
  });

  it('uses the rule saved with the workbook from the start', async () => {
    const mine = copyPreset(BUILTIN_PRESETS.tassei, 'city-rule', '市の達成率基準', 'City attainment rule');
    const { host } = renderPane([seedSheet()], { savedPreset: mine });
    expect(await screen.findByText('評価基準: 市の達成率基準')).toBeTruthy();
    await evaluateAll();
    // 達成率 69.8 / 65 ≥ 1 → Ａ under this rule (Ｓ under the standard one, and typed).
    expect(within(kpiRow('女性の就業率')).getByText('手入力: Ｓ → 計算: Ａ')).toBeTruthy();
    expect(host.calls.savePreset).toHaveLength(0);
  });

  it('grades the grids already read again when the rule changes', async () => {
    const { host } = renderPane();
    await evaluateAll();
    expect(within(kpiRow('女性の就業率')).getByLabelText(/^達成状況 Ｓ/)).toBeTruthy();
    openRules();
    fireEvent.click(screen.getByRole('combobox', { name: '評価基準を選ぶ' }));
    fireEvent.click(screen.getByRole('option', { name: '達成率' }));
    await waitFor(() => expect(within(kpiRow('女性の就業率')).getByText('手入力: Ｓ → 計算: Ａ')).toBeTruthy(), { timeout: 5000 });
    expect(host.calls.readGrids).toHaveLength(1);
  });
});
